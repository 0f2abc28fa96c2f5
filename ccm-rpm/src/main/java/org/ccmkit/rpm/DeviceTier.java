package org.ccmkit.rpm;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.Serializable;
import org.immutables.value.Value;

/**
 * One device-supply code and the range of data days in a 30-day period it is reported for, e.g.
 * 99454 for 16–30 days and (from CY2026) 99445 for 2–15 days. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableDeviceTier.class)
@JsonDeserialize(as = ImmutableDeviceTier.class)
public abstract class DeviceTier implements Serializable {
  private static final long serialVersionUID = 1L;

  DeviceTier() {}

  /** The CPT code. */
  @Value.Parameter
  public abstract String code();

  /** The fewest data days the code needs (inclusive). */
  @Value.Parameter
  public abstract int minDays();

  /** The most data days the code is for (inclusive). */
  @Value.Parameter
  public abstract int maxDays();

  /**
   * Returns the tier {@code code} for {@code minDays..maxDays} data days.
   *
   * @param code the CPT code
   * @param minDays the fewest days, at least 1
   * @param maxDays the most days, not below {@code minDays}
   * @return the tier
   * @throws IllegalArgumentException if the bounds are inconsistent
   */
  public static DeviceTier of(String code, int minDays, int maxDays) {
    return ImmutableDeviceTier.of(code, minDays, maxDays);
  }

  /**
   * Returns whether {@code days} data days fall in this tier.
   *
   * @param days the number of data days
   * @return true when {@code minDays <= days <= maxDays}
   */
  public boolean covers(int days) {
    return days >= minDays() && days <= maxDays();
  }

  @Value.Check
  protected void check() {
    checkArgument(!code().isBlank(), "code must not be blank");
    checkArgument(minDays() >= 1 && maxDays() >= minDays(), "bad day range for %s", code());
  }
}
