package org.ccmkit.rpm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ccmkit.core.json.CcmJson;
import org.ccmkit.core.model.ImmutablePatientRecord;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.model.Reading;
import org.ccmkit.core.rule.EvaluationContext;
import org.ccmkit.rpm.internal.DeviceDayCounter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the device-day, billing and alert rules over seeded random scenarios ({@link
 * RpmGen}; the seed is in each test's name, so a failure replays exactly).
 */
class RpmProperties {
  private static final RpmRules RULES = Fixtures.RULES;

  static java.util.stream.LongStream seeds() {
    return RpmGen.seeds();
  }

  private record Scenario(PatientRecord record, ZoneId zone, LocalDate asOf, RpmGen gen) {
    EvaluationContext ctx() {
      return EvaluationContext.of(asOf, zone);
    }
  }

  private static Scenario scenario(long seed) {
    RpmGen g = RpmGen.of(seed);
    ZoneId zone = g.zone();
    LocalDate start = g.start();
    PatientRecord r = g.record(start, zone, 10 + g.random().nextInt(60)).build();
    return new Scenario(r, zone, start.plusDays(95), g);
  }

  private static int rank(RpmBilling b) {
    return b.units("99454") > 0 ? 2 : b.units("99445") > 0 ? 1 : 0;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void moreReadings_neverFewerDeviceDays(long seed) {
    Scenario s = scenario(seed);
    PatientRecord more =
        ImmutablePatientRecord.builder()
            .from(s.record())
            .addAllReadings(
                s.gen()
                    .readings(s.record().enrollments().get(0).period().start(), s.zone(), 100, 25))
            .build();

    DeviceDays before = RULES.computeDeviceDays(s.record(), s.ctx());
    DeviceDays after = RULES.computeDeviceDays(more, s.ctx());

    assertThat(after.periods()).hasSameSizeAs(before.periods());
    for (int i = 0; i < before.periods().size(); i++) {
      assertThat(after.periods().get(i).dataDays()).containsAll(before.periods().get(i).dataDays());
    }
    for (DevicePeriod p : before.periods()) {
      YearMonth m = p.reportingMonth();
      if (!p.open()) {
        assertThat(rank(bill(more, m, s.zone())))
            .isGreaterThanOrEqualTo(rank(bill(s.record(), m, s.zone())));
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void inputOrder_neverChangesAnyResult(long seed) {
    Scenario s = scenario(seed);
    List<Reading> shuffled = s.gen().shuffled(s.record().readings());
    PatientRecord reordered =
        ImmutablePatientRecord.builder().from(s.record()).readings(shuffled).build();
    YearMonth month = YearMonth.from(s.asOf());

    assertThat(CcmJson.write(RULES.computeDeviceDays(reordered, s.ctx())))
        .isEqualTo(CcmJson.write(RULES.computeDeviceDays(s.record(), s.ctx())));
    assertThat(CcmJson.write(bill(reordered, month, s.zone())))
        .isEqualTo(CcmJson.write(bill(s.record(), month, s.zone())));
    assertThat(CcmJson.write(RULES.computeAlerts(AlertQuery.of(reordered), s.ctx())))
        .isEqualTo(CcmJson.write(RULES.computeAlerts(AlertQuery.of(s.record()), s.ctx())));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void duplicates_neverAddDaysOrAlerts(long seed) {
    Scenario s = scenario(seed);
    List<Reading> dups = s.gen().duplicatesOf(s.record().readings());
    PatientRecord withDups =
        ImmutablePatientRecord.builder().from(s.record()).addAllReadings(dups).build();

    DeviceDays before = RULES.computeDeviceDays(s.record(), s.ctx());
    DeviceDays after = RULES.computeDeviceDays(withDups, s.ctx());
    for (int i = 0; i < before.periods().size(); i++) {
      assertThat(after.periods().get(i).dataDays()).isEqualTo(before.periods().get(i).dataDays());
    }
    AlertResult a0 = RULES.computeAlerts(AlertQuery.of(s.record()), s.ctx());
    AlertResult a1 = RULES.computeAlerts(AlertQuery.of(withDups), s.ctx());
    assertThat(a1.alerts())
        .extracting(Alert::key)
        .isEqualTo(a0.alerts().stream().map(Alert::key).toList());
    assertThat(a1.alerts())
        .extracting(Alert::breachCount)
        .isEqualTo(a0.alerts().stream().map(Alert::breachCount).toList());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void deviceDays_invariants(long seed) {
    Scenario s = scenario(seed);
    DeviceDays d = RULES.computeDeviceDays(s.record(), s.ctx());

    LocalDate expectedStart = s.record().enrollments().get(0).period().start();
    for (DevicePeriod p : d.periods()) {
      assertThat(p.start()).isEqualTo(expectedStart);
      assertThat(p.dayCount()).isBetween(0, 30);
      assertThat(p.dataDays())
          .allSatisfy(day -> assertThat(day).isBetween(p.start(), p.endInclusive()));
      assertThat(p.open()).isEqualTo(p.endInclusive().isAfter(s.asOf()));
      assertThat(p.forecast().isPresent()).isEqualTo(p.open());
      p.forecast().ifPresent(f -> assertThat(f.maxReachableDays()).isLessThanOrEqualTo(30));
      expectedStart = p.nominalEndInclusive().plusDays(1);
    }
    // Only device-transmitted readings ever count.
    List<String> counted = new ArrayList<>();
    d.periods().forEach(p -> p.readings().forEach(r -> counted.add(r.id())));
    for (Reading r : s.record().readings()) {
      if (!r.isDeviceTransmitted()) {
        assertThat(counted).doesNotContain(r.source().id());
      }
    }
  }

  /** The billing engine reads the periods without the decision's evidence: the same periods. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void periodsWithoutEvidence_equalTheDeviceDaysPeriods(long seed) {
    Scenario s = scenario(seed);
    List<Reading> dups = s.gen().duplicatesOf(s.record().readings());
    PatientRecord withDups =
        ImmutablePatientRecord.builder().from(s.record()).addAllReadings(dups).build();
    DeviceDayCounter counter = new DeviceDayCounter(RULES.parameters(), RULES.core());

    for (PatientRecord r : List.of(s.record(), withDups)) {
      assertThat(counter.periods(r, Optional.empty(), s.ctx()))
          .isEqualTo(RULES.computeDeviceDays(r, s.ctx()).periods());
      PractitionerRef pr = r.enrollments().get(0).billingPractitioner();
      assertThat(counter.periods(r, Optional.of(pr), s.ctx()))
          .isEqualTo(RULES.computeDeviceDays(r, pr, s.ctx()).periods());
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void moreManagementMinutes_neverFewerUnits(long seed) {
    RpmGen g = RpmGen.of(seed);
    ZoneId zone = g.zone();
    LocalDate start = LocalDate.of(2026, 1, 1).plusDays(g.random().nextInt(300));
    YearMonth month = YearMonth.from(start.plusDays(40));
    int a = g.random().nextInt(120);
    int b = a + g.random().nextInt(60);

    int unitsA = managementUnits(start, month, zone, a);
    int unitsB = managementUnits(start, month, zone, b);

    assertThat(unitsB).as("%s min vs %s min", b, a).isGreaterThanOrEqualTo(unitsA);
  }

  private static int managementUnits(LocalDate start, YearMonth month, ZoneId zone, int minutes) {
    ImmutablePatientRecord.Builder r =
        Fixtures.enrolled(start)
            .addTimeEntry(Fixtures.rpmMinutes("call", month.atDay(3).atTime(10, 0), 1, zone, true));
    if (minutes > 1) {
      r.addTimeEntry(
          Fixtures.rpmMinutes("work", month.atDay(10).atTime(10, 0), minutes - 1, zone, false));
    }
    RpmBilling bill = bill(r.build(), month, zone);
    // Rank: 99470 counts 1, 99457 counts 2, each 99458 one more.
    return bill.units("99470") + 2 * bill.units("99457") + bill.units("99458");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void results_roundTripThroughJson(long seed) {
    Scenario s = scenario(seed);
    RpmBilling b = bill(s.record(), YearMonth.from(s.asOf()), s.zone());
    AlertResult a = RULES.computeAlerts(AlertQuery.of(s.record()), s.ctx());
    DeviceDays d = RULES.computeDeviceDays(s.record(), s.ctx());

    assertThat(CcmJson.read(CcmJson.write(b), RpmBilling.class)).isEqualTo(b);
    assertThat(CcmJson.read(CcmJson.write(a), AlertResult.class)).isEqualTo(a);
    assertThat(CcmJson.read(CcmJson.write(d), DeviceDays.class)).isEqualTo(d);
  }

  private static RpmBilling bill(PatientRecord r, YearMonth m, ZoneId zone) {
    return RULES.computeBilling(RpmQuery.of(r, m), EvaluationContext.endOf(m, zone));
  }
}
