package org.ccmkit.billing;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.Serializable;
import java.math.BigDecimal;
import org.immutables.value.Value;

/**
 * One national allowed amount of a code (geographic practice cost indices all 1.000) for one
 * setting and conversion factor, in US dollars, with the source it was read or computed from (rules
 * reference §8.2, §8.3). Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableFeeAmount.class)
@JsonDeserialize(as = ImmutableFeeAmount.class)
public abstract class FeeAmount implements Serializable {
  private static final long serialVersionUID = 1L;

  FeeAmount() {}

  /** The setting. */
  public abstract CareSetting setting();

  /** The conversion factor the amount was computed with. */
  public abstract ConversionFactorType conversionFactor();

  /** The amount in US dollars, at most two decimals, not negative. */
  public abstract BigDecimal amount();

  /** Where the figure comes from, e.g. {@code "RVU26C PPRRVU2026_Jul_nonQPP.csv; §8.3"}. */
  public abstract String source();

  /** Returns a new builder. */
  public static ImmutableFeeAmount.Builder builder() {
    return ImmutableFeeAmount.builder();
  }

  @Value.Check
  protected void check() {
    checkArgument(amount().signum() >= 0, "a fee amount is not negative: %s", amount());
    checkArgument(amount().scale() <= 2, "a fee amount has at most two decimals: %s", amount());
    checkArgument(!source().isBlank(), "a fee amount names its source");
  }
}
