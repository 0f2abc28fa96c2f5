package org.ccmkit.rpm;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.Serializable;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.model.SourceRef;
import org.immutables.value.Value;

/**
 * A code already claimed for the patient, by this or another practitioner (FHIR {@code
 * ExplanationOfBenefit} item): used to report a device period another practitioner has billed
 * (RPM-T07), a 99453 already claimed in the episode, and RTM activity (RPM-T08). Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePriorClaim.class)
@JsonDeserialize(as = ImmutablePriorClaim.class)
public abstract class PriorClaim implements Serializable {
  private static final long serialVersionUID = 1L;

  PriorClaim() {}

  /** The resource the claim came from. */
  public abstract SourceRef source();

  /** The practitioner who claimed it. */
  public abstract PractitionerRef practitioner();

  /** The CPT or HCPCS code claimed. */
  public abstract String code();

  /** The dates of service the claim covers (a single day is a one-day range). */
  public abstract DateRange servicePeriod();

  /** Returns a new builder. */
  public static ImmutablePriorClaim.Builder builder() {
    return ImmutablePriorClaim.builder();
  }
}
