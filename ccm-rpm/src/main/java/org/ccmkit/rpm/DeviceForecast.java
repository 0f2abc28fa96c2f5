package org.ccmkit.rpm;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.time.LocalDate;
import org.immutables.value.Value;

/**
 * The live forecast of an open device period, for the worklist: data days so far, days left, and
 * for each device-supply code of the rule year whether it can still be reached. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableDeviceForecast.class)
@JsonDeserialize(as = ImmutableDeviceForecast.class)
public abstract class DeviceForecast implements Serializable {
  private static final long serialVersionUID = 1L;

  DeviceForecast() {}

  /** The date the forecast is made for (the evaluation date). */
  public abstract LocalDate asOf();

  /** Data days so far in the period, up to and including {@link #asOf()}. */
  public abstract int daysSoFar();

  /**
   * Days of the period, from {@link #asOf()} to its last day, that have no data yet and could still
   * get some (today counts when it has no reading yet).
   */
  public abstract int daysLeft();

  /** The most data days the period can end with: {@code daysSoFar + daysLeft}. */
  public int maxReachableDays() {
    return daysSoFar() + daysLeft();
  }

  /** One entry per device-supply code, most days first. */
  public abstract ImmutableList<ForecastTarget> targets();

  /** Returns a new builder. */
  public static ImmutableDeviceForecast.Builder builder() {
    return ImmutableDeviceForecast.builder();
  }
}
