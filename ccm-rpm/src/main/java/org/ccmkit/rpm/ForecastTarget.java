package org.ccmkit.rpm;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.Serializable;
import org.immutables.value.Value;

/**
 * For an open period: one device-supply code, the data days it needs, how many more are needed, and
 * whether they can still be reached before the period ends. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableForecastTarget.class)
@JsonDeserialize(as = ImmutableForecastTarget.class)
public abstract class ForecastTarget implements Serializable {
  private static final long serialVersionUID = 1L;

  ForecastTarget() {}

  /** The code, e.g. {@code 99454}. */
  @Value.Parameter
  public abstract String code();

  /** The data days the code needs. */
  @Value.Parameter
  public abstract int requiredDays();

  /** The further data days needed (zero when already met). */
  @Value.Parameter
  public abstract int daysNeeded();

  /** Whether the target can still be met if data arrive on every remaining day. */
  @Value.Parameter
  public abstract boolean reachable();

  /**
   * Returns a target.
   *
   * @param code the code
   * @param requiredDays the days it needs
   * @param daysNeeded the further days needed
   * @param reachable whether they can still be had
   * @return the target
   */
  public static ForecastTarget of(
      String code, int requiredDays, int daysNeeded, boolean reachable) {
    return ImmutableForecastTarget.of(code, requiredDays, daysNeeded, reachable);
  }
}
