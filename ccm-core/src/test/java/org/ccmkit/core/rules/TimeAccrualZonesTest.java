package org.ccmkit.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccmkit.core.rules.TestRecords.NEW_YORK;
import static org.ccmkit.core.rules.TestRecords.at;
import static org.ccmkit.core.rules.TestRecords.ccmConsent;
import static org.ccmkit.core.rules.TestRecords.ccmEnrollment;
import static org.ccmkit.core.rules.TestRecords.date;
import static org.ccmkit.core.rules.TestRecords.record;
import static org.ccmkit.core.rules.TestRecords.staffTime;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import org.ccmkit.core.model.ImmutablePatientRecord;
import org.ccmkit.core.model.TimeEntry;
import org.ccmkit.core.rule.EvaluationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Months and days are taken in the practice's zone (rules reference §13), never in UTC or the
 * machine's zone (the build runs tests in Pacific/Kiritimati on purpose).
 */
class TimeAccrualZonesTest {
  private static final YearMonth JANUARY = YearMonth.of(2026, 1);
  private static final YearMonth FEBRUARY = YearMonth.of(2026, 2);

  private static ImmutablePatientRecord.Builder ready(TimeEntry... entries) {
    return record()
        .addEnrollment(ccmEnrollment("e1", date("2025-12-01")))
        .addConsent(ccmConsent("k1", date("2025-12-01")))
        .addTimeEntries(entries);
  }

  private static AccruedTime accrue(
      ImmutablePatientRecord.Builder record, YearMonth month, ZoneId zone) {
    return CoreRules.standard()
        .accrue(TestRecords.ccm(record, month), EvaluationContext.endOf(month, zone));
  }

  @Test
  void accrue_lateEveningOf31JanuaryInNewYork_belongsToJanuaryThoughFebruaryInUtc() {
    Instant start = at("2026-01-31T23:50", NEW_YORK);
    assertThat(start).isEqualTo(Instant.parse("2026-02-01T04:50:00Z"));
    ImmutablePatientRecord.Builder record = ready(staffTime("t1", start, 20));

    assertThat(accrue(record, JANUARY, NEW_YORK).totalMinutes()).isEqualTo(20);
    assertThat(accrue(record, FEBRUARY, NEW_YORK).totalMinutes()).isZero();
    assertThat(accrue(record, FEBRUARY, NEW_YORK).decision().evidence()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"America/New_York", "Pacific/Honolulu", "Asia/Kolkata", "Australia/Lord_Howe"})
  void accrue_entryBelongsToTheMonthItStartsInInThePracticeZone(String zoneId) {
    ZoneId zone = ZoneId.of(zoneId);
    ImmutablePatientRecord.Builder record =
        ready(
            staffTime("t1", at("2026-01-31T23:50", zone), 20),
            staffTime("t2", at("2026-02-01T00:10", zone), 7));

    AccruedTime january = accrue(record, JANUARY, zone);
    AccruedTime february = accrue(record, FEBRUARY, zone);

    assertThat(january.totalMinutes()).isEqualTo(20);
    assertThat(january.blocks()).extracting(CountedBlock::date).containsExactly(date("2026-01-31"));
    assertThat(february.totalMinutes()).isEqualTo(7);
    assertThat(february.blocks())
        .extracting(CountedBlock::date)
        .containsExactly(date("2026-02-01"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"America/New_York", "Pacific/Honolulu", "Asia/Kolkata", "Australia/Lord_Howe"})
  void accrue_consentDayIsTakenInThePracticeZone(String zoneId) {
    ZoneId zone = ZoneId.of(zoneId);
    ImmutablePatientRecord.Builder record =
        record()
            .addEnrollment(ccmEnrollment("e1", date("2025-12-01")))
            .addConsent(ccmConsent("k1", date("2026-02-10")))
            .addTimeEntry(staffTime("t1", at("2026-02-09T23:55", zone), 20))
            .addTimeEntry(staffTime("t2", at("2026-02-10T00:05", zone), 20));

    AccruedTime february = accrue(record, FEBRUARY, zone);

    assertThat(february.totalMinutes()).isEqualTo(20);
    assertThat(february.blocks()).extracting(b -> b.sources().first().id()).containsExactly("t2");
  }

  @Test
  void accrue_entryAcrossSpringForward_countsRealElapsedMinutes() {
    // 2026-03-08: New York clocks jump from 02:00 to 03:00; 01:30 to 03:30 local is 60 minutes.
    Instant start = at("2026-03-08T01:30", NEW_YORK);
    Instant end = at("2026-03-08T03:30", NEW_YORK);
    ImmutablePatientRecord.Builder record = ready(staffTime("t1", start, 1).withEnd(end));

    AccruedTime march = accrue(record, YearMonth.of(2026, 3), NEW_YORK);

    assertThat(march.totalMinutes()).isEqualTo(60);
  }

  @Test
  void accrue_entryAcrossFallBack_countsRealElapsedMinutes() {
    // 2026-11-01: New York clocks go back from 02:00 EDT to 01:00 EST; 00:30 to 02:30 is 3 hours.
    Instant start = at("2026-11-01T00:30", NEW_YORK);
    Instant end = at("2026-11-01T02:30", NEW_YORK);
    ImmutablePatientRecord.Builder record = ready(staffTime("t1", start, 1).withEnd(end));

    AccruedTime november = accrue(record, YearMonth.of(2026, 11), NEW_YORK);

    assertThat(november.totalMinutes()).isEqualTo(180);
  }

  @Test
  void accrue_sameInstantsInTwoZones_canFallInDifferentMonths() {
    Instant start = Instant.parse("2026-01-31T20:00:00Z");
    ImmutablePatientRecord.Builder record = ready(staffTime("t1", start, 30));

    // 15:00 on 31 January in New York; 07:00 on 1 February at Lord Howe Island (UTC+11 in summer).
    assertThat(accrue(record, JANUARY, NEW_YORK).totalMinutes()).isEqualTo(30);
    assertThat(accrue(record, JANUARY, ZoneId.of("Australia/Lord_Howe")).totalMinutes()).isZero();
    assertThat(accrue(record, FEBRUARY, ZoneId.of("Australia/Lord_Howe")).totalMinutes())
        .isEqualTo(30);
  }
}
