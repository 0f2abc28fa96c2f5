package org.ccmkit.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Calendar months in the practice's zone, with their instant bounds across DST changes. */
class ServiceMonthTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId LORD_HOWE = ZoneId.of("Australia/Lord_Howe");

  @Test
  void days_februaryOfALeapYear() {
    ServiceMonth m = ServiceMonth.of(YearMonth.of(2028, 2), NEW_YORK);

    assertThat(m.firstDay()).isEqualTo(LocalDate.of(2028, 2, 1));
    assertThat(m.lastDay()).isEqualTo(LocalDate.of(2028, 2, 29));
    assertThat(m.days())
        .isEqualTo(DateRange.ofClosed(LocalDate.of(2028, 2, 1), LocalDate.of(2028, 2, 29)));
  }

  @Test
  void bounds_monthWithSpringForward_midnightInTheZone() {
    ServiceMonth march = ServiceMonth.of(YearMonth.of(2026, 3), NEW_YORK);

    assertThat(march.startInclusive()).isEqualTo(Instant.parse("2026-03-01T05:00:00Z"));
    assertThat(march.endExclusive()).isEqualTo(Instant.parse("2026-04-01T04:00:00Z"));
  }

  @Test
  void bounds_halfHourDstChange() {
    // Lord Howe Island: UTC+11 in summer, UTC+10:30 after 5 April 2026.
    ServiceMonth april = ServiceMonth.of(YearMonth.of(2026, 4), LORD_HOWE);

    assertThat(april.startInclusive()).isEqualTo(Instant.parse("2026-03-31T13:00:00Z"));
    assertThat(april.endExclusive()).isEqualTo(Instant.parse("2026-04-30T13:30:00Z"));
  }

  @Test
  void contains_startInclusiveEndExclusive() {
    ServiceMonth january = ServiceMonth.of(YearMonth.of(2026, 1), NEW_YORK);

    assertThat(january.contains(january.startInclusive())).isTrue();
    assertThat(january.contains(january.startInclusive().minusNanos(1))).isFalse();
    assertThat(january.contains(january.endExclusive().minusNanos(1))).isTrue();
    assertThat(january.contains(january.endExclusive())).isFalse();
    assertThat(january.contains(Instant.parse("2026-02-01T04:50:00Z"))).isTrue();
  }

  @Test
  void localDate_inThePracticeZone() {
    ServiceMonth january = ServiceMonth.of(YearMonth.of(2026, 1), NEW_YORK);

    assertThat(january.localDate(Instant.parse("2026-02-01T04:50:00Z")))
        .isEqualTo(LocalDate.of(2026, 1, 31));
  }

  @Test
  void compareTo_byMonthThenZone() {
    ServiceMonth a = ServiceMonth.of(YearMonth.of(2026, 1), NEW_YORK);
    ServiceMonth b = ServiceMonth.of(YearMonth.of(2026, 1), LORD_HOWE);
    ServiceMonth c = ServiceMonth.of(YearMonth.of(2026, 2), LORD_HOWE);

    assertThat(a).isLessThan(c);
    assertThat(b).isLessThan(c);
    assertThat(a).isLessThan(b); // same month: by zone id, "America/..." before "Australia/..."
    assertThat(a).hasToString("2026-01@America/New_York");
  }
}
