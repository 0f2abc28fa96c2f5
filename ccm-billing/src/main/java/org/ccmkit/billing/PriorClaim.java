package org.ccmkit.billing;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.Serializable;
import java.time.YearMonth;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.model.SourceRef;
import org.immutables.value.Value;

/**
 * A claim line already on file for the patient, from any practitioner: a paid claim (an {@code
 * ExplanationOfBenefit}) or one submitted and not yet adjudicated (a {@code Claim}). The engine
 * reads it to apply the single-practitioner rule, the concurrency pairs and add-on parents, and to
 * mark our lines that are already on file. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePriorClaim.class)
@JsonDeserialize(as = ImmutablePriorClaim.class)
public abstract class PriorClaim implements Serializable {
  private static final long serialVersionUID = 1L;

  PriorClaim() {}

  /** The resource, e.g. {@code ExplanationOfBenefit/123}. */
  public abstract SourceRef source();

  /** The patient. */
  public abstract PatientRef patient();

  /** The billing practitioner of the claim. */
  public abstract PractitionerRef practitioner();

  /** The CPT or HCPCS code. */
  public abstract String code();

  /** The date of service or service period, as closed dates. */
  public abstract DateRange servicePeriod();

  /** The units. */
  @Value.Default
  public int units() {
    return 1;
  }

  /** Whether the payer has paid it (an adjudicated {@code ExplanationOfBenefit}). */
  @Value.Default
  public boolean paid() {
    return false;
  }

  /**
   * Returns whether the claim's service period touches {@code month}.
   *
   * @param month a calendar month
   * @return true when any of its days falls in the month
   */
  public boolean touches(YearMonth month) {
    return servicePeriod()
        .intersect(DateRange.ofClosed(month.atDay(1), month.atEndOfMonth()))
        .isPresent();
  }

  /** Returns a new builder. */
  public static ImmutablePriorClaim.Builder builder() {
    return ImmutablePriorClaim.builder();
  }

  @Value.Check
  protected void check() {
    checkArgument(units() > 0, "%s: units must be > 0", source());
    checkArgument(!code().isBlank(), "%s: a code is required", source());
  }
}
