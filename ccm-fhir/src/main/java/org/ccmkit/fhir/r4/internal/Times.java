package org.ccmkit.fhir.r4.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.jspecify.annotations.Nullable;

/**
 * Dates and instants from FHIR date, dateTime and instant values, read from their text (never
 * through {@code java.util.Date}, which would bring in the JVM's default zone). A date without a
 * time is taken as midnight in the practice's zone; a date-time without an offset is read in the
 * practice's zone (and reported); the date of a date-time with an offset is its date in the
 * practice's zone.
 */
final class Times {
  private Times() {}

  /** A parsed FHIR temporal value. */
  static final class Value {
    final Instant instant;
    final LocalDate date;
    final boolean hasTime;
    final boolean missingOffset;

    Value(Instant instant, LocalDate date, boolean hasTime, boolean missingOffset) {
      this.instant = instant;
      this.date = date;
      this.hasTime = hasTime;
      this.missingOffset = missingOffset;
    }
  }

  static Optional<Value> read(@Nullable BaseDateTimeType v, ZoneId zone) {
    if (v == null || !v.hasValue()) {
      return Optional.empty();
    }
    String s = v.getValueAsString();
    return s == null ? Optional.empty() : parse(s, zone);
  }

  static Optional<Value> parse(String text, ZoneId zone) {
    String s = text.trim();
    Value fast = common(s, zone);
    return fast != null ? Optional.of(fast) : iso(s, zone);
  }

  /** Reads trimmed text with {@code java.time}'s ISO parsers. */
  static Optional<Value> iso(String s, ZoneId zone) {
    try {
      if (s.indexOf('T') < 0) {
        LocalDate d;
        if (s.length() == 4) {
          d = Year.parse(s).atDay(1);
        } else if (s.length() == 7) {
          d = YearMonth.parse(s).atDay(1);
        } else {
          d = LocalDate.parse(s);
        }
        return Optional.of(new Value(d.atStartOfDay(zone).toInstant(), d, false, false));
      }
      try {
        Instant i = OffsetDateTime.parse(s).toInstant();
        return Optional.of(new Value(i, i.atZone(zone).toLocalDate(), true, false));
      } catch (DateTimeException noOffset) {
        LocalDateTime ldt = LocalDateTime.parse(s);
        return Optional.of(new Value(ldt.atZone(zone).toInstant(), ldt.toLocalDate(), true, true));
      }
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The two shapes nearly every input uses, read without a {@code DateTimeFormatter} (which cost
   * more than the rest of reading a time entry): a date {@code YYYY-MM-DD} and a date-time with
   * seconds and an offset, {@code YYYY-MM-DDThh:mm:ss} then {@code Z} or {@code ±hh:mm}, ASCII
   * digits only. Returns null for anything else or any invalid field (February 30, hour 24, offset
   * beyond 18 hours, ...), and {@link #parse} then reads the text with {@code java.time}'s ISO
   * parsers as before; what this accepts, those parse to the same value ({@code TimesTest}).
   */
  private static @Nullable Value common(String s, ZoneId zone) {
    int n = s.length();
    if (n != 10 && n != 20 && n != 25) {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    if (year < 0 || month < 0 || day < 0 || s.charAt(4) != '-' || s.charAt(7) != '-') {
      return null;
    }
    try {
      LocalDate d = LocalDate.of(year, month, day);
      if (n == 10) {
        return new Value(d.atStartOfDay(zone).toInstant(), d, false, false);
      }
      int hour = digits(s, 11, 2);
      int minute = digits(s, 14, 2);
      int second = digits(s, 17, 2);
      if (s.charAt(10) != 'T'
          || s.charAt(13) != ':'
          || s.charAt(16) != ':'
          || hour < 0
          || minute < 0
          || second < 0) {
        return null;
      }
      ZoneOffset offset;
      if (n == 20) {
        if (s.charAt(19) != 'Z') {
          return null;
        }
        offset = ZoneOffset.UTC;
      } else {
        char sign = s.charAt(19);
        int oh = digits(s, 20, 2);
        int om = digits(s, 23, 2);
        if ((sign != '+' && sign != '-') || s.charAt(22) != ':' || oh < 0 || om < 0) {
          return null;
        }
        offset =
            sign == '+' ? ZoneOffset.ofHoursMinutes(oh, om) : ZoneOffset.ofHoursMinutes(-oh, -om);
      }
      Instant i = OffsetDateTime.of(d, LocalTime.of(hour, minute, second), offset).toInstant();
      return new Value(i, i.atZone(zone).toLocalDate(), true, false);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The value of {@code count} ASCII digits at {@code from}, or -1. */
  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      int c = s.charAt(i) - '0';
      if (c < 0 || c > 9) {
        return -1;
      }
      v = 10 * v + c;
    }
    return v;
  }
}
