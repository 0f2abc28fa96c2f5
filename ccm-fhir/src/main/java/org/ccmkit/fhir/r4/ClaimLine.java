package org.ccmkit.fhir.r4;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Optional;
import org.ccmkit.core.annotation.Experimental;
import org.ccmkit.core.model.Code;
import org.ccmkit.core.model.DateRange;
import org.immutables.value.Value;

/**
 * One billed line of a {@link ClaimDraft}: a CPT or HCPCS code, units, the days served, the allowed
 * amount per unit and the estimated patient share. A stand-in until ccm-billing's output types
 * land; the Claim writer will then take those. Value-based.
 *
 * @since 0.1.0
 */
@Experimental(until = "0.2.0")
@Value.Immutable
@JsonSerialize(as = ImmutableClaimLine.class)
@JsonDeserialize(as = ImmutableClaimLine.class)
public abstract class ClaimLine implements Serializable {
  private static final long serialVersionUID = 1L;

  ClaimLine() {}

  /** The CPT ({@link Code#CPT}) or HCPCS ({@link Code#HCPCS}) code. */
  public abstract Code code();

  /** The units billed, at least 1. */
  public abstract int units();

  /** The days served: one day, or the period (e.g. a 30-day device-supply period). */
  public abstract DateRange served();

  /** The allowed amount per unit used for the estimate, in the draft's currency. */
  public abstract BigDecimal allowedUnitPrice();

  /** The estimated patient share for the line (coinsurance and deductible), when estimated. */
  public abstract Optional<BigDecimal> estimatedPatientShare();

  /** Returns a new builder. */
  public static ImmutableClaimLine.Builder builder() {
    return ImmutableClaimLine.builder();
  }

  @Value.Check
  protected void check() {
    checkArgument(units() >= 1, "units must be >= 1, found %s", units());
    checkArgument(
        code().system().equals(Code.CPT) || code().system().equals(Code.HCPCS),
        "a claim line is CPT or HCPCS, found %s",
        code().system());
    checkArgument(served().endInclusive().isPresent(), "the days served need an end");
    checkArgument(allowedUnitPrice().signum() >= 0, "the allowed amount is never negative");
  }
}
