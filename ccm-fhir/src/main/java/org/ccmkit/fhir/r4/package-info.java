/**
 * The FHIR R4 edge of ccmkit. {@link org.ccmkit.fhir.r4.R4Mapper} reads Bundles, single-resource
 * JSON files and Bulk Data NDJSON into ccm-core types and returns a {@link
 * org.ccmkit.fhir.r4.MappingResult}: one {@link org.ccmkit.core.model.PatientRecord} per patient,
 * the practitioners, counts that account for every resource read, and the {@link
 * org.ccmkit.fhir.r4.MappingIssue}s found on the way. Mapping never throws on bad data; {@link
 * org.ccmkit.fhir.r4.MappingOptions} holds every code system, code list and option (with the
 * defaults of the FHIR contract), including a strict mode. {@link org.ccmkit.fhir.r4.R4Outcomes}
 * writes issues and decisions as {@code OperationOutcome}s.
 */
@NullMarked
@CheckReturnValue
@CcmStyle
package org.ccmkit.fhir.r4;

import com.google.errorprone.annotations.CheckReturnValue;
import org.ccmkit.core.annotation.CcmStyle;
import org.jspecify.annotations.NullMarked;
