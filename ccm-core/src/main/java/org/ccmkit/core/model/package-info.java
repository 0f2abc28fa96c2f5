/**
 * Immutable, value-based domain types that every ccmkit rule takes as input: the patient ({@link
 * org.ccmkit.core.model.Patient}), the people who care for them ({@link
 * org.ccmkit.core.model.Practitioner}), conditions, enrollments, consents, time entries,
 * attestations, coverage, visits and physiologic readings ({@link org.ccmkit.core.model.Reading}
 * with {@link org.ccmkit.core.model.Measurement}s), gathered per patient in {@link
 * org.ccmkit.core.model.PatientRecord}. Each input carries the {@link
 * org.ccmkit.core.model.SourceRef} of the resource it came from, so that every decision can name
 * its evidence. Attributes that are protected health information are redacted from {@code
 * toString()}.
 */
@NullMarked
@CheckReturnValue
@CcmStyle
package org.ccmkit.core.model;

import com.google.errorprone.annotations.CheckReturnValue;
import org.ccmkit.core.annotation.CcmStyle;
import org.jspecify.annotations.NullMarked;
