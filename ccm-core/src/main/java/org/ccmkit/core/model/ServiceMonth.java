package org.ccmkit.core.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.immutables.value.Value;

/**
 * A calendar month of service in the practice's time zone: care-management minutes belong to the
 * month in which they start, in that zone (rules reference §1.2, FHIR contract §1). Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableServiceMonth.class)
@JsonDeserialize(as = ImmutableServiceMonth.class)
public abstract class ServiceMonth implements Comparable<ServiceMonth>, Serializable {
  private static final long serialVersionUID = 1L;

  ServiceMonth() {}

  /** The calendar month. */
  @Value.Parameter
  public abstract YearMonth month();

  /** The practice's time zone. */
  @Value.Parameter
  public abstract ZoneId zone();

  /**
   * Returns the month {@code month} in {@code zone}.
   *
   * @param month the calendar month
   * @param zone the practice's zone
   * @return the service month
   */
  public static ServiceMonth of(YearMonth month, ZoneId zone) {
    return ImmutableServiceMonth.of(month, zone);
  }

  /** Returns the first day of the month. */
  public LocalDate firstDay() {
    return month().atDay(1);
  }

  /** Returns the last day of the month. */
  public LocalDate lastDay() {
    return month().atEndOfMonth();
  }

  /** Returns the days of the month as a closed range. */
  public DateRange days() {
    return DateRange.ofClosed(firstDay(), lastDay());
  }

  /** Returns the instant the month starts (inclusive), midnight of the first day in the zone. */
  public Instant startInclusive() {
    return firstDay().atStartOfDay(zone()).toInstant();
  }

  /** Returns the instant the next month starts (exclusive). */
  public Instant endExclusive() {
    return month().plusMonths(1).atDay(1).atStartOfDay(zone()).toInstant();
  }

  /**
   * Returns the local date of {@code instant} in the practice's zone.
   *
   * @param instant an instant
   * @return its date in the zone
   */
  public LocalDate localDate(Instant instant) {
    return instant.atZone(zone()).toLocalDate();
  }

  /**
   * Returns whether {@code instant} falls in this month, in the practice's zone.
   *
   * @param instant an instant
   * @return true when it does
   */
  public boolean contains(Instant instant) {
    return !instant.isBefore(startInclusive()) && instant.isBefore(endExclusive());
  }

  @Override
  public int compareTo(ServiceMonth other) {
    int c = month().compareTo(other.month());
    return c != 0 ? c : zone().getId().compareTo(other.zone().getId());
  }

  /** Returns e.g. {@code 2026-03@America/New_York}. */
  @Override
  public String toString() {
    return month() + "@" + zone().getId();
  }
}
