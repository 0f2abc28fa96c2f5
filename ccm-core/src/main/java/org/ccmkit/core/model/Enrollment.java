package org.ccmkit.core.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.Serializable;
import org.immutables.value.Value;

/**
 * The patient's enrollment in one care program with one billing practitioner, over a period (FHIR
 * {@code EpisodeOfCare}). Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableEnrollment.class)
@JsonDeserialize(as = ImmutableEnrollment.class)
public abstract class Enrollment implements Serializable {
  private static final long serialVersionUID = 1L;

  Enrollment() {}

  /** The resource the enrollment came from. */
  public abstract SourceRef source();

  /** The patient. */
  public abstract PatientRef patient();

  /** The program. */
  public abstract CareProgram program();

  /** The practitioner who bills the program for this patient. */
  public abstract PractitionerRef billingPractitioner();

  /** The enrollment period: start = enrollment, end (if any) = last day enrolled. */
  public abstract DateRange period();

  /** Returns a new builder. */
  public static ImmutableEnrollment.Builder builder() {
    return ImmutableEnrollment.builder();
  }
}
