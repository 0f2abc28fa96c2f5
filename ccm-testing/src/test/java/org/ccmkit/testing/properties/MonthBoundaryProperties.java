package org.ccmkit.testing.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.Consent;
import org.ccmkit.core.model.ConsentStatus;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.model.Enrollment;
import org.ccmkit.core.model.Patient;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.model.ServiceMonth;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.core.model.StaffRole;
import org.ccmkit.core.model.TimeEntry;
import org.ccmkit.core.rule.EvidenceRole;
import org.ccmkit.core.rules.AccruedTime;
import org.ccmkit.core.rules.CareQuery;
import org.ccmkit.core.rules.CoreRules;
import org.ccmkit.core.rules.CountedBlock;
import org.ccmkit.testing.Scenario;
import org.ccmkit.testing.Scenarios;
import org.ccmkit.testing.SeedReporter;
import org.ccmkit.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Month boundaries and daylight-saving transitions in the practice's zone (rules reference §1.2,
 * FHIR contract §1: an entry belongs to the month and day in which it starts in that zone).
 */
@ExtendWith(SeedReporter.class)
class MonthBoundaryProperties {
  private static final CoreRules RULES = CoreRules.standard();

  private static final List<ZoneId> ZONES =
      Stream.of(
              "America/New_York",
              "Europe/London",
              "Australia/Lord_Howe", // 30-minute daylight saving
              "Pacific/Kiritimati", // UTC+14
              "Asia/Kolkata") // UTC+5:30
          .map(ZoneId::of)
          .toList();

  static Stream<Arguments> zonesAndSeeds() {
    return ZONES.stream()
        .flatMap(z -> Seeds.of(Seeds.count(100)).mapToObj(seed -> Arguments.of(seed, z)));
  }

  @ParameterizedTest(name = "seed={0} zone={1}")
  @MethodSource("zonesAndSeeds")
  void accrue_everyBlock_isDatedInTheServiceMonthOnItsFirstEntrysDay(long seed, ZoneId zone) {
    Scenario s = Scenarios.random(seed, zone);
    ServiceMonth month = s.serviceMonth();
    Map<SourceRef, TimeEntry> entries = new TreeMap<>();
    s.record().timeEntries().forEach(e -> entries.put(e.source(), e));

    AccruedTime accrued = RULES.accrue(s.query(), s.context());

    for (CountedBlock b : accrued.blocks()) {
      Instant firstStart =
          b.sources().stream()
              .map(entries::get)
              .map(TimeEntry::start)
              .min(Comparator.naturalOrder())
              .orElseThrow();
      assertThat(YearMonth.from(b.date())).as("month of %s", b).isEqualTo(s.month());
      assertThat(b.date()).as("date of %s", b).isEqualTo(month.localDate(firstStart));
      assertThat(b.sources())
          .as("entries of %s start in %s", b, month)
          .allMatch(e -> month.contains(entries.get(e).start()));
      assertThat(b.minutes())
          .as("minutes of %s", b)
          .isEqualTo(Duration.between(b.start(), b.end()).toMinutes());
    }
  }

  @ParameterizedTest(name = "seed={0} zone={1}")
  @MethodSource("zonesAndSeeds")
  void accrue_entryStartingInMonthAndEndingInNext_countsInItsStartMonth(long seed, ZoneId zone) {
    Scenario s = Scenarios.random(seed, zone);
    ServiceMonth month = s.serviceMonth();
    YearMonth next = s.month().plusMonths(1);
    CareQuery nextQuery = CareQuery.of(s.record(), s.program(), next, s.billingPractitioner());

    AccruedTime accrued = RULES.accrue(s.query(), s.context());
    AccruedTime nextMonth = RULES.accrue(nextQuery, s.context());

    for (TimeEntry e : s.record().timeEntries()) {
      boolean crosses =
          e.program() == s.program()
              && month.contains(e.start())
              && e.end().isAfter(month.endExclusive());
      if (!crosses) {
        continue;
      }
      assertThat(nextMonth.decision().evidence())
          .as("%s belongs to %s only", e.source(), s.month())
          .noneMatch(ev -> ev.source().equals(e.source()));
      assertThat(nextMonth.blocks()).noneMatch(b -> b.sources().contains(e.source()));
      boolean counted =
          accrued.decision().evidence().stream()
              .anyMatch(ev -> ev.source().equals(e.source()) && ev.role() == EvidenceRole.COUNTED);
      if (counted && !hasConflict(e, s.record())) {
        // Its whole minutes, past midnight too, count in this month (in some role of its author).
        Instant lastWholeMinute = e.start().plus(Duration.ofMinutes(e.wholeMinutes()));
        assertThat(coveredUntil(accrued, e.performer(), e.start(), lastWholeMinute))
            .as("%s counts in %s up to its last whole minute", e.source(), s.month())
            .isAfterOrEqualTo(lastWholeMinute);
      }
    }
  }

  /** How far from {@code from} the person's counted blocks cover time without a gap. */
  private static Instant coveredUntil(
      AccruedTime accrued, PractitionerRef person, Instant from, Instant to) {
    Instant cursor = from;
    List<CountedBlock> blocks =
        accrued.blocks().stream()
            .filter(b -> b.performer().equals(person))
            .sorted(Comparator.comparing(CountedBlock::start))
            .toList();
    for (CountedBlock b : blocks) {
      if (!b.start().isAfter(cursor) && b.end().isAfter(cursor)) {
        cursor = b.end();
      }
    }
    return cursor.isAfter(to) ? to : cursor;
  }

  /** Whether the same person tagged some of the entry's minutes to another program. */
  private static boolean hasConflict(TimeEntry e, PatientRecord record) {
    return record.timeEntries().stream()
        .anyMatch(
            o ->
                o.program() != e.program()
                    && o.performer().equals(e.performer())
                    && o.start().isBefore(e.end())
                    && e.start().isBefore(o.end()));
  }

  @Test
  void accrue_acrossLordHoweSpringForward_countsElapsedMinutes() {
    // 2025-10-05 02:00 in Lord Howe: clocks go forward 30 minutes, to 02:30.
    ZoneId zone = ZoneId.of("Australia/Lord_Howe");
    Instant start = LocalDateTime.of(2025, 10, 5, 1, 45).atZone(zone).toInstant();
    Instant end = LocalDateTime.of(2025, 10, 5, 2, 45).atZone(zone).toInstant();
    Scenario s = oneEntry(zone, YearMonth.of(2025, 10), start, end);

    AccruedTime accrued = RULES.accrue(s.query(), s.context());

    assertThat(Duration.between(start, end)).isEqualTo(Duration.ofMinutes(30));
    assertThat(accrued.minutes(StaffRole.CLINICAL_STAFF)).isEqualTo(30);
  }

  @Test
  void accrue_entryFromKiritimatiMonthEndIntoNextMonth_countsInStartMonth() {
    ZoneId zone = ZoneId.of("Pacific/Kiritimati"); // 2025-03-31 23:50 +14 = 2025-03-31T09:50Z
    Instant start = LocalDateTime.of(2025, 3, 31, 23, 50).atZone(zone).toInstant();
    Scenario s = oneEntry(zone, YearMonth.of(2025, 3), start, start.plus(Duration.ofMinutes(25)));

    AccruedTime accrued = RULES.accrue(s.query(), s.context());

    assertThat(accrued.totalMinutes()).isEqualTo(25);
    assertThat(accrued.blocks())
        .singleElement()
        .satisfies(b -> assertThat(b.date()).hasToString("2025-03-31"));
  }

  @Test
  void accrue_entryAcrossMonthEndWithItsFirstMinutesTaggedToPcm_countsOnItsStartDay() {
    ZoneId zone = ZoneId.of("America/New_York");
    Instant start = LocalDateTime.of(2026, 8, 31, 23, 50).atZone(zone).toInstant();
    Scenario one = oneEntry(zone, YearMonth.of(2026, 8), start, start.plus(Duration.ofMinutes(40)));
    TimeEntry ccm = one.record().timeEntries().get(0);
    TimeEntry pcm =
        TimeEntry.builder()
            .from(ccm)
            .source(SourceRef.of("Procedure", "te-pcm"))
            .program(CareProgram.PCM)
            .start(start.minus(Duration.ofMinutes(10)))
            .end(start.plus(Duration.ofMinutes(20))) // 00:10 on September 1
            .build();
    Scenario s =
        Scenario.builder()
            .from(one)
            .record(PatientRecord.builder().from(one.record()).addTimeEntry(pcm).build())
            .build();

    AccruedTime accrued = RULES.accrue(s.query(), s.context());

    assertThat(accrued.totalMinutes()).isEqualTo(20);
    assertThat(accrued.blocks())
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.start()).isEqualTo(start.plus(Duration.ofMinutes(20)));
              assertThat(b.date()).hasToString("2026-08-31");
            });
  }

  /** A scenario whose only time entry is one clinical-staff entry, consented and enrolled. */
  private static Scenario oneEntry(ZoneId zone, YearMonth month, Instant start, Instant end) {
    Scenario base = Scenarios.random(1, zone, month);
    PatientRecord r = base.record();
    TimeEntry entry =
        TimeEntry.builder()
            .source(SourceRef.of("Procedure", "te-only"))
            .patient(r.ref())
            .performer(
                base.practitioners().stream()
                    .filter(p -> p.role() == StaffRole.CLINICAL_STAFF)
                    .findFirst()
                    .orElseThrow()
                    .ref())
            .performerRole(StaffRole.CLINICAL_STAFF)
            .program(CareProgram.CCM)
            .start(start)
            .end(end)
            .build();
    PatientRecord record =
        PatientRecord.builder()
            .patient(Patient.of(r.ref().id()))
            .addTimeEntry(entry)
            .addEnrollment(
                Enrollment.builder()
                    .source(SourceRef.of("EpisodeOfCare", "ep-1"))
                    .patient(r.ref())
                    .program(CareProgram.CCM)
                    .billingPractitioner(base.billingPractitioner())
                    .period(DateRange.startingOn(month.minusMonths(6).atDay(1)))
                    .build())
            .addConsent(
                Consent.builder()
                    .source(SourceRef.of("Consent", "c-1"))
                    .patient(r.ref())
                    .addProgram(CareProgram.CCM)
                    .status(ConsentStatus.ACTIVE)
                    .givenDate(month.minusMonths(6).atDay(1))
                    .practitioner(base.billingPractitioner())
                    .build())
            .build();
    return Scenario.builder().from(base).record(record).build();
  }
}
