package org.ccmkit.fhir.r4;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Optional;
import org.ccmkit.core.annotation.Experimental;
import org.ccmkit.core.model.CoverageKind;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.model.SourceRef;
import org.immutables.value.Value;

/**
 * How much of a deductible is met, read from a {@code CoverageEligibilityResponse} ({@code
 * insurance.item.benefit} of type {@code deductible}). Either amount may be unknown; then the
 * patient-share estimate gives both bounds. Lives in ccm-fhir until ccm-core has a type for it.
 * Value-based.
 *
 * @since 0.1.0
 */
@Experimental(until = "0.2.0")
@Value.Immutable
@JsonSerialize(as = ImmutableDeductibleStatus.class)
@JsonDeserialize(as = ImmutableDeductibleStatus.class)
public abstract class DeductibleStatus implements Serializable {
  private static final long serialVersionUID = 1L;

  DeductibleStatus() {}

  /** The CoverageEligibilityResponse. */
  public abstract SourceRef source();

  /** The patient. */
  public abstract PatientRef patient();

  /** The coverage the benefit belongs to ({@code insurance.coverage}), when resolvable. */
  public abstract Optional<SourceRef> coverage();

  /** The kind of that coverage, when the Coverage was read and mapped. */
  public abstract Optional<CoverageKind> coverageKind();

  /** The benefit period ({@code insurance.benefitPeriod}, else {@code serviced[x]}), when given. */
  public abstract Optional<DateRange> benefitPeriod();

  /** The deductible for the period ({@code allowedMoney}), when given. */
  public abstract Optional<BigDecimal> allowed();

  /** The amount already met ({@code usedMoney}), when given. */
  public abstract Optional<BigDecimal> used();

  /** The ISO-4217 currency of the amounts, when given. */
  public abstract Optional<String> currency();

  /** Returns whether the deductible is met ({@code used >= allowed}), when both are known. */
  @JsonIgnore
  public Optional<Boolean> met() {
    if (allowed().isPresent() && used().isPresent()) {
      return Optional.of(used().get().compareTo(allowed().get()) >= 0);
    }
    return Optional.empty();
  }

  /** Returns a new builder. */
  public static ImmutableDeductibleStatus.Builder builder() {
    return ImmutableDeductibleStatus.builder();
  }
}
