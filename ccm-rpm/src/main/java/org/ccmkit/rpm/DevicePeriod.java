package org.ccmkit.rpm;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableSortedSet;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.model.SourceRef;
import org.immutables.value.Value;

/**
 * One 30-day device-supply period of an RPM episode: periods run back to back from the enrolment
 * start, and a period cut short by the end of the enrolment or by death ends on the last day that
 * could count. A period is reported in the month in which it ends. Data days are the dates (in the
 * practice's zone) with at least one counted, device-transmitted reading. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableDevicePeriod.class)
@JsonDeserialize(as = ImmutableDevicePeriod.class)
public abstract class DevicePeriod implements Serializable {
  private static final long serialVersionUID = 1L;

  DevicePeriod() {}

  /** The RPM enrolment (episode of care) the period belongs to. */
  public abstract SourceRef episode();

  /** The episode's billing practitioner. */
  public abstract PractitionerRef practitioner();

  /** The period's number within its episode, from 1. */
  public abstract int index();

  /** The first day (inclusive). */
  public abstract LocalDate start();

  /** The last day that counts (inclusive): the 30th day, or earlier when the episode ended. */
  public abstract LocalDate endInclusive();

  /** The 30th day of the period (inclusive), whether or not the episode lasted that long. */
  public abstract LocalDate nominalEndInclusive();

  /** The dates with at least one counted reading, in date order. */
  @Value.NaturalOrder
  public abstract ImmutableSortedSet<LocalDate> dataDays();

  /** The counted readings, sorted by source. */
  @Value.NaturalOrder
  public abstract ImmutableSortedSet<SourceRef> readings();

  /** Whether the period has not ended by the evaluation date. */
  public abstract boolean open();

  /** The forecast, for an open period. */
  public abstract Optional<DeviceForecast> forecast();

  /** Returns the number of data days. */
  public int dayCount() {
    return dataDays().size();
  }

  /** Returns the days of the period as a closed range. */
  public DateRange days() {
    return DateRange.ofClosed(start(), endInclusive());
  }

  /** Returns the month the period is reported in: the month of its last day. */
  public YearMonth reportingMonth() {
    return YearMonth.from(endInclusive());
  }

  /** Returns a new builder. */
  public static ImmutableDevicePeriod.Builder builder() {
    return ImmutableDevicePeriod.builder();
  }

  @Value.Check
  protected void check() {
    checkArgument(index() >= 1, "period index starts at 1");
    checkArgument(
        !endInclusive().isBefore(start()) && !endInclusive().isAfter(nominalEndInclusive()),
        "period %s..%s has a bad end",
        start(),
        endInclusive());
  }
}
