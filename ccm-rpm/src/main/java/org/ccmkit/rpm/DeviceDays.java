package org.ccmkit.rpm;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.time.YearMonth;
import java.util.Optional;
import org.ccmkit.core.rule.Decision;
import org.immutables.value.Value;

/**
 * The device-day count of a patient's RPM episodes up to the evaluation date: every period started
 * by then, with its data days, and the decision that explains which readings counted and why the
 * others did not. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableDeviceDays.class)
@JsonDeserialize(as = ImmutableDeviceDays.class)
public abstract class DeviceDays implements Serializable {
  private static final long serialVersionUID = 1L;

  DeviceDays() {}

  /** The decision ({@code rpm.device-days}): MET when any data day counted. */
  public abstract Decision decision();

  /** The periods, sorted by start, then episode. */
  public abstract ImmutableList<DevicePeriod> periods();

  /**
   * Returns the periods reported in {@code month} (those that end in it).
   *
   * @param month a calendar month
   * @return the periods, in order
   */
  public ImmutableList<DevicePeriod> reportedIn(YearMonth month) {
    return periods().stream()
        .filter(p -> p.reportingMonth().equals(month))
        .collect(ImmutableList.toImmutableList());
  }

  /** Returns the open period with the latest start, if any (the one a worklist shows). */
  public Optional<DevicePeriod> current() {
    DevicePeriod latest = null;
    for (DevicePeriod p : periods()) {
      if (p.open()) {
        latest = p;
      }
    }
    return Optional.ofNullable(latest);
  }

  /** Returns the total number of distinct data days over all periods. */
  public int totalDataDays() {
    return (int) periods().stream().flatMap(p -> p.dataDays().stream()).distinct().count();
  }

  /** Returns a new builder. */
  public static ImmutableDeviceDays.Builder builder() {
    return ImmutableDeviceDays.builder();
  }
}
