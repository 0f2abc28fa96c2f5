package org.ccmkit.fhir.r4.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
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
}
