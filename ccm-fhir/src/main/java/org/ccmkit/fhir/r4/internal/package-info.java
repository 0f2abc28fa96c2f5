/**
 * Not API. The reading engine behind {@link org.ccmkit.fhir.r4.R4Mapper}: {@link
 * org.ccmkit.fhir.r4.internal.MappingEngine} walks inputs, splits Bundles and NDJSON into
 * resources, parses each with the one shared {@code FhirContext} ({@link
 * org.ccmkit.fhir.r4.internal.Contexts}) and hands it to a package-private per-resource mapper; a
 * second pass resolves references and builds the ccm-core values. Everything here may change in any
 * release.
 */
@NullMarked
@CheckReturnValue
package org.ccmkit.fhir.r4.internal;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
