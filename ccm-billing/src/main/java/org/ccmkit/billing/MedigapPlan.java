package org.ccmkit.billing;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Optional;
import org.ccmkit.core.model.Money;
import org.immutables.value.Value;

/**
 * What a standard Medigap plan pays of Part B cost sharing (rules reference §7): the share of the
 * 20% coinsurance it pays, whether it pays the Part B deductible, and any copay the patient may
 * still owe. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableMedigapPlan.class)
@JsonDeserialize(as = ImmutableMedigapPlan.class)
public abstract class MedigapPlan implements Serializable {
  private static final long serialVersionUID = 1L;

  MedigapPlan() {}

  /** The percentage (0–100) of the Part B coinsurance the plan pays. */
  public abstract BigDecimal coinsurancePaidPercent();

  /** Whether the plan pays the Part B deductible (plans C and F only). */
  public abstract boolean paysPartBDeductible();

  /**
   * A copay the patient may still owe per service although the plan pays the coinsurance (plan N:
   * up to $20 for some office visits; whether it applies to care management is UNCONFIRMED, so the
   * estimate shows it as the top of a range).
   */
  public abstract Optional<Money> copayUpTo();

  /** Where the figures come from. */
  public abstract String source();

  /** Returns a new builder. */
  public static ImmutableMedigapPlan.Builder builder() {
    return ImmutableMedigapPlan.builder();
  }

  @Value.Check
  protected void check() {
    checkArgument(
        coinsurancePaidPercent().signum() >= 0
            && coinsurancePaidPercent().compareTo(BigDecimal.valueOf(100)) <= 0,
        "coinsurancePaidPercent must be 0..100: %s",
        coinsurancePaidPercent());
  }
}
