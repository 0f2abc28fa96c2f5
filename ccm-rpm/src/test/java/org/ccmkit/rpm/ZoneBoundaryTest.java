package org.ccmkit.rpm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccmkit.rpm.Fixtures.CUFF;
import static org.ccmkit.rpm.Fixtures.KOLKATA;
import static org.ccmkit.rpm.Fixtures.LORD_HOWE;
import static org.ccmkit.rpm.Fixtures.NEW_YORK;
import static org.ccmkit.rpm.Fixtures.RULES;
import static org.ccmkit.rpm.Fixtures.bill;
import static org.ccmkit.rpm.Fixtures.enrolled;
import static org.ccmkit.rpm.Fixtures.rpmMinutes;
import static org.ccmkit.rpm.Fixtures.weightAt;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.ccmkit.core.model.ImmutablePatientRecord;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.model.Reading;
import org.ccmkit.core.rule.EvaluationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Days, 30-day periods and calendar months are taken in the practice's zone, across month ends and
 * daylight-saving changes (tests run with the JVM in Pacific/Kiritimati, so a default-zone slip
 * would show).
 */
class ZoneBoundaryTest {

  private static DeviceDays count(PatientRecord r, LocalDate asOf, ZoneId zone) {
    return RULES.computeDeviceDays(r, EvaluationContext.of(asOf, zone));
  }

  private static Reading localReading(String id, LocalDateTime local, ZoneId zone) {
    return weightAt(id, local.atZone(zone).toInstant(), "80.0", CUFF);
  }

  @ParameterizedTest(name = "{0}: {1} counts in period {2}")
  @CsvSource({
    // 2026-04-01T03:30Z is Mar 31 evening in New York, Apr 1 morning in Kolkata and Lord Howe.
    "America/New_York, 2026-03-31, 1",
    "America/Los_Angeles, 2026-03-31, 1",
    "Asia/Kolkata, 2026-04-01, 2",
    "Australia/Lord_Howe, 2026-04-01, 2"
  })
  void readingNearMidnight_countsOnThePracticeLocalDate(String zone, LocalDate day, int period) {
    ZoneId z = ZoneId.of(zone);
    // Periods: Mar 2..Mar 31, Apr 1..Apr 30.
    PatientRecord r =
        enrolled(LocalDate.of(2026, 3, 2))
            .addReading(weightAt("o1", Instant.parse("2026-04-01T03:30:00Z"), "80.0", CUFF))
            .build();

    DeviceDays d = count(r, LocalDate.of(2026, 4, 30), z);

    assertThat(d.periods().get(period - 1).dataDays()).containsExactly(day);
    assertThat(d.periods().get(2 - period).dataDays()).isEmpty();
  }

  @Test
  void newYorkSpringForward_everyLocalDayCountsOnce() {
    // 02:30 does not exist on 2026-03-08 (clocks jump to 03:00): the reading lands at 03:30 the
    // same day, and the 23-hour day is still one data day.
    ImmutablePatientRecord.Builder r = enrolled(LocalDate.of(2026, 3, 1));
    for (int i = 0; i < 16; i++) {
      r.addReading(
          localReading("r" + i, LocalDate.of(2026, 3, 1).plusDays(i).atTime(2, 30), NEW_YORK));
    }

    RpmBilling march = bill(r, 2026, 3, NEW_YORK);

    assertThat(march.periods())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.dayCount()).isEqualTo(16);
              assertThat(p.dataDays()).contains(LocalDate.of(2026, 3, 8));
              assertThat(p.endInclusive()).isEqualTo(LocalDate.of(2026, 3, 30));
            });
    assertThat(march.units("99454")).isEqualTo(1);
  }

  @Test
  void newYorkFallBack_repeatedHourIsStillOneDay_andPeriodCrossesMonthEnd() {
    // 01:30 happens twice on 2026-11-01 (EDT, then EST). Period 1 runs Oct 5..Nov 3.
    LocalDate start = LocalDate.of(2026, 10, 5);
    ImmutablePatientRecord.Builder r = enrolled(start);
    for (int i = 0; i < 15; i++) {
      r.addReading(localReading("r" + i, start.plusDays(i).atTime(0, 30), NEW_YORK));
    }
    r.addReading(weightAt("edt", Instant.parse("2026-11-01T05:30:00Z"), "80.0", CUFF));
    r.addReading(weightAt("est", Instant.parse("2026-11-01T06:30:00Z"), "80.1", CUFF));

    RpmBilling october = bill(r, 2026, 10, NEW_YORK);
    RpmBilling november = bill(r, 2026, 11, NEW_YORK);

    assertThat(october.periods()).isEmpty();
    assertThat(november.periods())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.dayCount()).isEqualTo(16);
              assertThat(p.endInclusive()).isEqualTo(LocalDate.of(2026, 11, 3));
            });
    assertThat(november.codes()).contains("99454");
    assertThat(november.lines().get(0).serviceDate()).isEqualTo(LocalDate.of(2026, 11, 3));
  }

  @Test
  void lordHowe_halfHourDstChange_splitsDaysAtLocalMidnight() {
    // Lord Howe leaves DST on 2026-04-05 (02:00 +11:00 -> 01:30 +10:30). Period 1 runs
    // Mar 7..Apr 5; period 2 starts Apr 6.
    LocalDate start = LocalDate.of(2026, 3, 7);
    PatientRecord r =
        enrolled(start)
            .addReading(localReading("before", LocalDateTime.of(2026, 4, 5, 23, 45), LORD_HOWE))
            .addReading(localReading("after", LocalDateTime.of(2026, 4, 6, 0, 15), LORD_HOWE))
            .addReading(weightAt("twice", Instant.parse("2026-04-04T15:15:00Z"), "80.0", CUFF))
            .build();

    DeviceDays d = count(r, LocalDate.of(2026, 4, 30), LORD_HOWE);

    // 23:45 and 00:15 local are 30 minutes apart, on two local dates and in two periods.
    assertThat(d.periods().get(0).dataDays())
        .containsExactly(
            LocalDate.of(2026, 4, 5)); // "twice" is 02:15 +11:00 -> 01:45 +10:30? no: Apr 5
    assertThat(d.periods().get(1).dataDays()).containsExactly(LocalDate.of(2026, 4, 6));
    // In UTC both readings of the evening would fall on Apr 5: the zone matters.
    assertThat(count(r, LocalDate.of(2026, 4, 30), ZoneId.of("UTC")).periods().get(1).dataDays())
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}: minutes count in {1}")
  @CsvSource({
    // 2026-02-28T19:00Z: Feb 28 afternoon in New York, Mar 1 00:30 in Kolkata, Mar 1 06:00 at Lord
    // Howe.
    "America/New_York, 2",
    "Asia/Kolkata, 3",
    "Australia/Lord_Howe, 3"
  })
  void managementMinutes_belongToThePracticeLocalMonth(String zone, int month) {
    ZoneId z = ZoneId.of(zone);
    LocalDateTime local = Instant.parse("2026-02-28T19:00:00Z").atZone(z).toLocalDateTime();
    ImmutablePatientRecord.Builder r =
        enrolled(LocalDate.of(2026, 2, 1)).addTimeEntry(rpmMinutes("call", local, 20, z, true));

    RpmBilling feb = bill(r, 2026, 2, z);
    RpmBilling mar = bill(r, 2026, 3, z);

    assertThat((month == 2 ? feb : mar).codes()).contains("99457");
    assertThat((month == 2 ? mar : feb).units("99457")).isZero();
  }

  @Test
  void kolkata_noDst_periodsStayThirtyDates() {
    LocalDate start = LocalDate.of(2026, 2, 15);
    DeviceDays d = count(enrolled(start).build(), LocalDate.of(2026, 6, 1), KOLKATA);

    assertThat(d.periods())
        .extracting(p -> p.start().toString())
        .containsExactly("2026-02-15", "2026-03-17", "2026-04-16", "2026-05-16");
    assertThat(List.copyOf(d.periods()))
        .allSatisfy(p -> assertThat(p.nominalEndInclusive()).isEqualTo(p.start().plusDays(29)));
  }
}
