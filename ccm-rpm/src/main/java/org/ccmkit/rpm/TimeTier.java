package org.ccmkit.rpm;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.Serializable;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One treatment-management base code and the minutes in a calendar month it is reported for, e.g.
 * 99470 for 10–19 minutes (CY2026 on) and 99457 for 20 minutes or more. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableTimeTier.class)
@JsonDeserialize(as = ImmutableTimeTier.class)
public abstract class TimeTier implements Serializable {
  private static final long serialVersionUID = 1L;

  TimeTier() {}

  /** The CPT code. */
  public abstract String code();

  /** The fewest minutes (inclusive). */
  public abstract int minMinutes();

  /** The most minutes (inclusive); empty when the tier has no upper bound. */
  public abstract Optional<Integer> maxMinutes();

  /**
   * Returns whether {@code minutes} fall in this tier.
   *
   * @param minutes whole minutes in the month
   * @return true when they do
   */
  public boolean covers(int minutes) {
    return minutes >= minMinutes() && maxMinutes().map(m -> minutes <= m).orElse(true);
  }

  /** Returns a new builder. */
  public static ImmutableTimeTier.Builder builder() {
    return ImmutableTimeTier.builder();
  }

  @Value.Check
  protected void check() {
    checkArgument(!code().isBlank(), "code must not be blank");
    checkArgument(minMinutes() >= 1, "minMinutes must be positive for %s", code());
    maxMinutes()
        .ifPresent(m -> checkArgument(m >= minMinutes(), "bad minute range for %s", code()));
  }
}
