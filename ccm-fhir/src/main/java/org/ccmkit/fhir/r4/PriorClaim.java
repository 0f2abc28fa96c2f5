package org.ccmkit.fhir.r4;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.util.Optional;
import org.ccmkit.core.annotation.Experimental;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.model.SourceRef;
import org.immutables.value.Value;

/**
 * A claim already paid, read from an {@code ExplanationOfBenefit}: another practitioner's
 * CCM/PCM/APCM/RPM claim for the same patient and period is a conflict (decided by the billing
 * rules, not here). Only CPT and HCPCS lines are kept. Lives in ccm-fhir until ccm-core has a claim
 * type. Value-based.
 *
 * @since 0.1.0
 */
@Experimental(until = "0.2.0")
@Value.Immutable
@JsonSerialize(as = ImmutablePriorClaim.class)
@JsonDeserialize(as = ImmutablePriorClaim.class)
public abstract class PriorClaim implements Serializable {
  private static final long serialVersionUID = 1L;

  PriorClaim() {}

  /** The ExplanationOfBenefit. */
  public abstract SourceRef source();

  /** The patient. */
  public abstract PatientRef patient();

  /** The provider as resolved ({@code Practitioner/..} or {@code Organization/..}), when given. */
  public abstract Optional<SourceRef> provider();

  /** The provider's NPI, when the reference or the referenced Practitioner carries one. */
  public abstract Optional<String> providerNpi();

  /** The billable period, when given. */
  public abstract Optional<DateRange> billablePeriod();

  /** The CPT and HCPCS lines, in item order. */
  public abstract ImmutableList<PriorClaimItem> items();

  /** Returns a new builder. */
  public static ImmutablePriorClaim.Builder builder() {
    return ImmutablePriorClaim.builder();
  }
}
