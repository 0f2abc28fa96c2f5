package org.ccmkit.rpm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccmkit.rpm.Fixtures.CUFF;
import static org.ccmkit.rpm.Fixtures.DR_A;
import static org.ccmkit.rpm.Fixtures.DR_B;
import static org.ccmkit.rpm.Fixtures.NEW_YORK;
import static org.ccmkit.rpm.Fixtures.RULES;
import static org.ccmkit.rpm.Fixtures.SCALE;
import static org.ccmkit.rpm.Fixtures.daily;
import static org.ccmkit.rpm.Fixtures.deviceReading;
import static org.ccmkit.rpm.Fixtures.enrolled;
import static org.ccmkit.rpm.Fixtures.enrollment;

import java.time.LocalDate;
import java.util.Optional;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.model.ImmutablePatientRecord;
import org.ccmkit.core.model.Patient;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.model.Reading;
import org.ccmkit.core.rule.EvaluationContext;
import org.ccmkit.core.rule.Evidence;
import org.ccmkit.core.rule.Outcome;
import org.junit.jupiter.api.Test;

class DeviceDaysTest {
  private static final LocalDate START = LocalDate.of(2026, 3, 1);

  private static DeviceDays count(PatientRecord r, LocalDate asOf) {
    return RULES.computeDeviceDays(r, EvaluationContext.of(asOf, NEW_YORK));
  }

  private static Optional<String> reasonOf(DeviceDays d, String observationId) {
    return d.decision().evidence().stream()
        .filter(e -> e.source().id().equals(observationId))
        .findFirst()
        .flatMap(Evidence::reason);
  }

  @Test
  void compute_periodsRunBackToBackFromEnrolmentStart() {
    DeviceDays d = count(enrolled(START).build(), LocalDate.of(2026, 5, 15));

    assertThat(d.periods())
        .extracting(p -> p.index() + ":" + p.start() + ".." + p.endInclusive())
        .containsExactly(
            "1:2026-03-01..2026-03-30", "2:2026-03-31..2026-04-29", "3:2026-04-30..2026-05-29");
    assertThat(d.periods().get(0).open()).isFalse();
    assertThat(d.periods().get(2).open()).isTrue();
    assertThat(d.reportedIn(java.time.YearMonth.of(2026, 3))).containsExactly(d.periods().get(0));
    assertThat(d.reportedIn(java.time.YearMonth.of(2026, 4))).containsExactly(d.periods().get(1));
    assertThat(d.current()).contains(d.periods().get(2));
  }

  @Test
  void compute_thirtyOneDayMonth_canHoldTwoPeriodEnds() {
    // Start Jan 31: periods Jan 31..Mar 1 and Mar 2..Mar 31 both end in March.
    DeviceDays d = count(enrolled(LocalDate.of(2026, 1, 31)).build(), LocalDate.of(2026, 3, 31));

    assertThat(d.reportedIn(java.time.YearMonth.of(2026, 3)))
        .extracting(p -> p.start() + ".." + p.endInclusive())
        .containsExactly("2026-01-31..2026-03-01", "2026-03-02..2026-03-31");
    assertThat(d.reportedIn(java.time.YearMonth.of(2026, 2))).isEmpty();
  }

  @Test
  void compute_noRpmEnrolment_notMet() {
    PatientRecord r = PatientRecord.builder().patient(Patient.of(Fixtures.PATIENT)).build();

    DeviceDays d = count(r, START);

    assertThat(d.decision().outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(d.decision().hasReason(RpmReasonCode.NOT_ENROLLED_IN_RPM)).isTrue();
    assertThat(d.periods()).isEmpty();
  }

  @Test
  void compute_duplicates_countOnce() {
    Reading original = deviceReading("o1", START.plusDays(1), NEW_YORK, CUFF);
    Reading sameIdentifier =
        Reading.builder()
            .from(deviceReading("o2", START.plusDays(2), NEW_YORK, CUFF))
            .identifier("urn:device|42")
            .build();
    Reading sameIdentifierLater =
        Reading.builder()
            .from(deviceReading("o3", START.plusDays(3), NEW_YORK, CUFF))
            .identifier("urn:device|42")
            .build();
    Reading sameContent =
        Reading.builder()
            .from(original)
            .source(org.ccmkit.core.model.SourceRef.of("Observation", "o4"))
            .values(
                com.google.common.collect.ImmutableSortedMap.of(
                    Fixtures.WEIGHT, org.ccmkit.core.model.Measurement.of("80.00", "kg")))
            .build();
    PatientRecord r =
        enrolled(START)
            .addReadings(original, sameIdentifier, sameIdentifierLater, sameContent)
            .build();

    DeviceDays d = count(r, START.plusDays(10));

    assertThat(d.periods().get(0).dataDays()).containsExactly(START.plusDays(1), START.plusDays(2));
    assertThat(reasonOf(d, "o3")).contains(RpmReasonCode.READING_DUPLICATE.name());
    assertThat(reasonOf(d, "o4")).contains(RpmReasonCode.READING_DUPLICATE.name());
  }

  @Test
  void compute_readingsAfterDeath_doNotCount_andPeriodEndsAtDeath() {
    LocalDate death = START.plusDays(9);
    PatientRecord r =
        ImmutablePatientRecord.builder()
            .from(enrolled(START).addAllReadings(daily("r", START, 20, NEW_YORK, CUFF)).build())
            .patient(Patient.builder().ref(Fixtures.P).deathDate(death).build())
            .build();

    DeviceDays d = count(r, START.plusDays(40));

    assertThat(d.periods())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.endInclusive()).isEqualTo(death);
              assertThat(p.nominalEndInclusive()).isEqualTo(LocalDate.of(2026, 3, 30));
              assertThat(p.dayCount()).isEqualTo(10); // the day of death still counts
              assertThat(p.open()).isFalse();
            });
    assertThat(reasonOf(d, "r-10")).contains(RpmReasonCode.READING_AFTER_DEATH.name());
  }

  @Test
  void compute_readingsOutsideEnrolment_doNotCount_andPeriodEndsWithEnrolment() {
    PatientRecord r =
        ImmutablePatientRecord.builder()
            .from(enrolled(START).build())
            .enrollments(
                java.util.List.of(
                    enrollment(
                        "rpm-1",
                        CareProgram.RPM,
                        DR_A,
                        DateRange.ofClosed(START, START.plusDays(11)))))
            .addAllReadings(daily("r", START.minusDays(3), 20, NEW_YORK, CUFF))
            .build();

    DeviceDays d = count(r, START.plusDays(40));

    assertThat(d.periods())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.endInclusive()).isEqualTo(START.plusDays(11));
              assertThat(p.dayCount()).isEqualTo(12);
              assertThat(p.reportingMonth()).isEqualTo(java.time.YearMonth.of(2026, 3));
            });
    assertThat(reasonOf(d, "r-0")).contains(RpmReasonCode.READING_OUTSIDE_ENROLLMENT.name());
    assertThat(reasonOf(d, "r-19")).contains(RpmReasonCode.READING_OUTSIDE_ENROLLMENT.name());
  }

  @Test
  void compute_readingsBeforeConsent_doNotCount() {
    PatientRecord r =
        ImmutablePatientRecord.builder()
            .from(enrolled(START).addAllReadings(daily("r", START, 10, NEW_YORK, CUFF)).build())
            .consents(java.util.List.of(Fixtures.consent("c-late", DR_A, START.plusDays(4))))
            .build();

    DeviceDays d = count(r, START.plusDays(29));

    assertThat(d.periods().get(0).dayCount()).isEqualTo(6);
    assertThat(reasonOf(d, "r-0")).contains(RpmReasonCode.READING_WITHOUT_CONSENT.name());
  }

  @Test
  void compute_readingsAfterAsOf_doNotCount() {
    PatientRecord r = enrolled(START).addAllReadings(daily("r", START, 10, NEW_YORK, CUFF)).build();

    DeviceDays d = count(r, START.plusDays(4));

    assertThat(d.periods().get(0).dayCount()).isEqualTo(5);
    assertThat(reasonOf(d, "r-5")).contains(RpmReasonCode.READING_AFTER_AS_OF.name());
  }

  @Test
  void forecast_openPeriod_daysSoFarDaysLeftAndReachability() {
    // 5 data days in the first 20 days of the period; today (day 20) has no reading yet.
    PatientRecord r = enrolled(START).addAllReadings(daily("r", START, 5, NEW_YORK, CUFF)).build();

    DeviceForecast f =
        count(r, START.plusDays(19)).current().orElseThrow().forecast().orElseThrow();

    assertThat(f.daysSoFar()).isEqualTo(5);
    assertThat(f.daysLeft()).isEqualTo(11); // Mar 20 .. Mar 30
    assertThat(f.maxReachableDays()).isEqualTo(16);
    assertThat(f.targets())
        .extracting(t -> t.code() + ":" + t.daysNeeded() + ":" + t.reachable())
        .containsExactly("99454:11:true", "99445:0:true");
  }

  @Test
  void forecast_tooFewDaysLeft_99454Unreachable() {
    PatientRecord r =
        enrolled(START)
            .addAllReadings(daily("r", START, 5, NEW_YORK, CUFF))
            .addReading(deviceReading("today", START.plusDays(20), NEW_YORK, CUFF))
            .build();

    DeviceForecast f =
        count(r, START.plusDays(20)).current().orElseThrow().forecast().orElseThrow();

    assertThat(f.daysSoFar()).isEqualTo(6);
    assertThat(f.daysLeft()).isEqualTo(9); // Mar 22 .. Mar 30; today already has data
    assertThat(f.targets().get(0).reachable()).isFalse();
    assertThat(f.targets().get(0).daysNeeded()).isEqualTo(10);
  }

  @Test
  void forecast_cy2025_only99454() {
    LocalDate start = LocalDate.of(2025, 6, 1);
    PatientRecord r = enrolled(start).addAllReadings(daily("r", start, 3, NEW_YORK, CUFF)).build();

    DeviceForecast f = count(r, start.plusDays(3)).current().orElseThrow().forecast().orElseThrow();

    assertThat(f.targets()).extracting(ForecastTarget::code).containsExactly("99454");
  }

  @Test
  void compute_twoPractitioners_eachEpisodeItsOwnPeriods() {
    PatientRecord r =
        enrolled(START)
            .addEnrollment(
                enrollment(
                    "rpm-2", CareProgram.RPM, DR_B, DateRange.startingOn(START.plusDays(10))))
            .addConsent(Fixtures.consent("c-b", DR_B, START.plusDays(10)))
            .addAllReadings(daily("r", START, 20, NEW_YORK, SCALE))
            .build();

    DeviceDays all = count(r, START.plusDays(45));
    DeviceDays onlyB =
        RULES.computeDeviceDays(r, DR_B, EvaluationContext.of(START.plusDays(45), NEW_YORK));

    assertThat(all.periods()).hasSize(4);
    assertThat(onlyB.periods())
        .allSatisfy(p -> assertThat(p.practitioner()).isEqualTo(DR_B))
        .first()
        .satisfies(p -> assertThat(p.dayCount()).isEqualTo(10));
  }
}
