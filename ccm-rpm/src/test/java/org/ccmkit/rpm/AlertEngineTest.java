package org.ccmkit.rpm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ccmkit.rpm.Fixtures.NEW_YORK;
import static org.ccmkit.rpm.Fixtures.P;
import static org.ccmkit.rpm.Fixtures.RULES;
import static org.ccmkit.rpm.Fixtures.SCALE;
import static org.ccmkit.rpm.Fixtures.bp;
import static org.ccmkit.rpm.Fixtures.single;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.ccmkit.core.model.ClinicalStatus;
import org.ccmkit.core.model.Code;
import org.ccmkit.core.model.ConditionRecord;
import org.ccmkit.core.model.ImmutablePatientRecord;
import org.ccmkit.core.model.Measurement;
import org.ccmkit.core.model.Patient;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.model.Reading;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.core.rule.CcmException;
import org.ccmkit.core.rule.ErrorCode;
import org.ccmkit.core.rule.EvaluationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertEngineTest {
  private static final EvaluationContext CTX =
      EvaluationContext.of(LocalDate.of(2026, 3, 31), NEW_YORK);
  private static final Instant T0 = Instant.parse("2026-03-02T13:00:00Z");
  private static final Duration DAY = Duration.ofDays(1);

  private static ImmutablePatientRecord.Builder patient() {
    return ImmutablePatientRecord.builder().patient(Patient.of(Fixtures.PATIENT));
  }

  private static ImmutablePatientRecord.Builder heartFailure() {
    return patient()
        .addCondition(
            ConditionRecord.builder()
                .source(SourceRef.of("Condition", "hf"))
                .patient(P)
                .addCode(Code.snomed("84114007"))
                .clinicalStatus(ClinicalStatus.ACTIVE)
                .build());
  }

  private static AlertResult alerts(PatientRecord r) {
    return RULES.computeAlerts(AlertQuery.of(r), CTX);
  }

  private static Reading weight(String id, Instant t, String value, String unit) {
    return Reading.builder()
        .from(Fixtures.weightAt(id, t, "1", SCALE))
        .values(
            com.google.common.collect.ImmutableSortedMap.of(
                Fixtures.WEIGHT, Measurement.of(value, unit)))
        .build();
  }

  @Test
  void repeatsWithinWindow_updateOneAlert_evenAcrossANormalReading() {
    AlertResult r =
        alerts(
            patient()
                .addReading(bp("o1", T0, 150, 95))
                .addReading(bp("o2", T0.plus(DAY), 120, 80))
                .addReading(bp("o3", T0.plus(DAY.multipliedBy(2)), 152, 96))
                .addReading(bp("o4", T0.plus(DAY.multipliedBy(3)), 148, 92))
                .build());

    assertThat(r.alerts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.ruleId()).isEqualTo("bp.stage2");
              assertThat(a.breachCount()).isEqualTo(3);
              assertThat(a.readings()).extracting(SourceRef::id).containsExactly("o1", "o3", "o4");
              assertThat(a.key()).isEqualTo("bp.high@Observation/o1");
              assertThat(a.openedAt()).isEqualTo(T0);
              assertThat(a.lastBreachAt()).isEqualTo(T0.plus(DAY.multipliedBy(3)));
              assertThat(a.openUntil()).isEqualTo(a.lastBreachAt().plus(Duration.ofHours(72)));
            });
  }

  @Test
  void breachAfterWindow_opensNewAlert() {
    AlertResult r =
        alerts(
            patient()
                .addReading(bp("o1", T0, 150, 95))
                .addReading(bp("o2", T0.plus(DAY.multipliedBy(4)), 150, 95))
                .build());

    assertThat(r.alerts())
        .extracting(Alert::key)
        .containsExactly("bp.high@Observation/o1", "bp.high@Observation/o2");
  }

  @Test
  void higherSeverityWithinEpisode_escalatesTheOpenAlert() {
    AlertResult r =
        alerts(
            patient()
                .addReading(bp("o1", T0, 150, 95))
                .addReading(bp("o2", T0.plus(Duration.ofHours(3)), 185, 100))
                .build());

    assertThat(r.alerts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.severity()).isEqualTo(AlertSeverity.HIGH);
              assertThat(a.initialSeverity()).isEqualTo(AlertSeverity.MODERATE);
              assertThat(a.isEscalated()).isTrue();
              assertThat(a.ruleId()).isEqualTo("bp.crisis");
            });
  }

  @Test
  void diastolicAlone_canTriggerCrisis() {
    assertThat(alerts(patient().addReading(bp("o1", T0, 170, 121)).build()).alerts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.ruleId()).isEqualTo("bp.crisis");
              assertThat(a.metric()).isEqualTo(Metric.DIASTOLIC_BP);
            });
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
    "2.9, mmol/L, glucose.hypo-level2",
    "3.0, mmol/L, glucose.hypo-level1",
    "3.9, mmol/L, ''",
    "53.9, mg/dL, glucose.hypo-level2",
    "54, mg/dL, glucose.hypo-level1",
    "70, mg/dL, ''",
    "181, mg/dL, glucose.hyper-level1",
    "251, mg/dL, glucose.hyper-level2",
    "14.0, mmol/L, glucose.hyper-level2"
  })
  void glucose_convertedExactly_bothSidesOfEachThreshold(String value, String unit, String rule) {
    AlertResult r =
        alerts(patient().addReading(single("g", T0, Fixtures.GLUCOSE, value, unit)).build());

    assertThat(r.alerts().stream().map(Alert::ruleId).findFirst().orElse("")).isEqualTo(rule);
  }

  @ParameterizedTest(name = "{0} -> {1} lb")
  @CsvSource({"179.5, weight.gain-day", "177.9, ''", "178.1, weight.gain-day"})
  void weightGain_inPounds_fromThePatientsOwnSeries(String next, String rule) {
    AlertResult r =
        alerts(
            heartFailure()
                .addReading(weight("w1", T0, "176.0", "[lb_av]"))
                .addReading(weight("w2", T0.plus(DAY), next, "[lb_av]"))
                .build());

    assertThat(r.alerts().stream().map(Alert::ruleId).findFirst().orElse("")).isEqualTo(rule);
  }

  @Test
  void weightGain_mixedUnits_kgThenLb() {
    // 80.0 kg = 176.37 lb; 179.0 lb is +2.63 lb.
    AlertResult r =
        alerts(
            heartFailure()
                .addReading(weight("w1", T0, "80.0", "kg"))
                .addReading(weight("w2", T0.plus(DAY), "179.0", "[lb_av]"))
                .build());

    assertThat(r.alerts()).extracting(Alert::ruleId).containsExactly("weight.gain-day");
  }

  @Test
  void weightGain_slowOverAWeek_raisesWeeklyRule() {
    ImmutablePatientRecord.Builder b = heartFailure();
    for (int i = 0; i <= 5; i++) {
      b.addReading(
          weight("w" + i, T0.plus(DAY.multipliedBy(i)), Integer.toString(176 + i), "[lb_av]"));
    }

    AlertResult r = alerts(b.build());

    assertThat(r.alerts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.ruleId()).isEqualTo("weight.gain-week");
              assertThat(a.readings()).extracting(SourceRef::id).containsExactly("w5");
              assertThat(a.evidence()).anySatisfy(e -> assertThat(e.source().id()).isEqualTo("w0"));
            });
  }

  @Test
  void patientOverride_enablesWeightRuleWithoutHeartFailureCode() {
    ThresholdRule day =
        RULES.parameters().forDate(CTX.asOf()).alerts().rule("weight.gain-day").orElseThrow();
    PatientThresholds t = PatientThresholds.builder().patient(P).addOverride(day).build();
    PatientRecord r =
        patient()
            .addReading(weight("w1", T0, "80.0", "kg"))
            .addReading(weight("w2", T0.plus(DAY), "81.4", "kg"))
            .build();

    AlertResult result =
        RULES.computeAlerts(AlertQuery.builder().record(r).patientThresholds(t).build(), CTX);

    assertThat(result.alerts())
        .singleElement()
        .satisfies(a -> assertThat(a.origin()).isEqualTo(ThresholdOrigin.PATIENT));
  }

  @Test
  void programProfile_replacesDisablesAndSetsWindow() {
    ThresholdRule stage2 =
        RULES.parameters().forDate(CTX.asOf()).alerts().rule("bp.stage2").orElseThrow();
    AlertProfile profile =
        AlertProfile.builder()
            .name("older-adults")
            .addRule(
                ImmutableThresholdRule.copyOf(stage2)
                    .withConditions(
                        ThresholdCondition.of(
                            Metric.SYSTOLIC_BP, Comparison.GE, Measurement.of("150", "mm[Hg]"))))
            .addDisabledRule("glucose.hyper-level1")
            .reAlertWindow(Duration.ofHours(24))
            .build();
    PatientRecord r =
        patient()
            .addReading(bp("o1", T0, 145, 92))
            .addReading(single("g1", T0, Fixtures.GLUCOSE, "200", "mg/dL"))
            .addReading(bp("o2", T0.plus(DAY), 155, 80))
            .addReading(bp("o3", T0.plus(DAY.multipliedBy(2)).plusSeconds(60), 155, 80))
            .build();

    AlertResult result =
        RULES.computeAlerts(AlertQuery.builder().record(r).programProfile(profile).build(), CTX);

    assertThat(result.alerts())
        .extracting(Alert::key)
        .containsExactly("bp.high@Observation/o2", "bp.high@Observation/o3");
    assertThat(result.alerts())
        .allSatisfy(a -> assertThat(a.origin()).isEqualTo(ThresholdOrigin.PROGRAM));
    assertThat(result.decision().hasReason(RpmReasonCode.THRESHOLD_DISABLED)).isTrue();
    assertThat(result.decision().details()).containsEntry("programProfile", "older-adults");
  }

  @Test
  void duplicatesAndReadingsAfterDeathOrAsOf_ignored() {
    Reading o1 = bp("o1", T0, 150, 95);
    PatientRecord r =
        ImmutablePatientRecord.builder()
            .from(
                patient()
                    .addReading(o1)
                    .addReading(
                        Reading.builder()
                            .from(o1)
                            .source(SourceRef.of("Observation", "copy"))
                            .build())
                    .addReading(bp("late", Instant.parse("2026-03-20T13:00:00Z"), 190, 100))
                    .addReading(bp("future", Instant.parse("2026-04-02T13:00:00Z"), 190, 100))
                    .build())
            .patient(Patient.builder().ref(P).deathDate(LocalDate.of(2026, 3, 10)).build())
            .build();

    AlertResult result = alerts(r);

    assertThat(result.alerts())
        .singleElement()
        .satisfies(a -> assertThat(a.breachCount()).isEqualTo(1));
    assertThat(result.decision().evidence())
        .filteredOn(e -> e.reason().isPresent())
        .extracting(e -> e.source().id() + ":" + e.reason().orElseThrow())
        // Same time: the first by source ("copy") is kept and "o1" is its duplicate.
        .containsExactly(
            "future:READING_AFTER_AS_OF", "late:READING_AFTER_DEATH", "o1:READING_DUPLICATE");
  }

  @Test
  void unknownUnit_excludedWithReason_noException() {
    AlertResult r =
        alerts(patient().addReading(single("g1", T0, Fixtures.GLUCOSE, "5", "g/L")).build());

    assertThat(r.alerts()).isEmpty();
    assertThat(r.decision().evidence())
        .singleElement()
        .satisfies(
            e -> assertThat(e.reason()).contains(RpmReasonCode.READING_UNIT_NOT_RECOGNISED.name()));
  }

  @Test
  void manuallyEnteredReadings_stillAlert() {
    Reading typed =
        Reading.builder()
            .from(single("g1", T0, Fixtures.GLUCOSE, "45", "mg/dL"))
            .manual(true)
            .build();

    assertThat(alerts(patient().addReading(typed).build()).alerts()).hasSize(1);
  }

  @ParameterizedTest(name = "heart rate {0} -> {1}")
  @CsvSource({"45, hr.low", "50, ''", "120, ''", "121, hr.high"})
  void heartRate_bothSides(String bpm, String rule) {
    AlertResult r = alerts(patient().addReading(single("h", T0, Fixtures.HR, bpm, "/min")).build());

    assertThat(r.alerts().stream().map(Alert::ruleId).findFirst().orElse("")).isEqualTo(rule);
  }

  @Test
  void spo2_fallWithinTarget_isLow_belowTargetIsModerate() {
    AlertResult fall =
        alerts(
            patient()
                .addReading(single("s1", T0, Fixtures.SPO2, "97", "%"))
                .addReading(single("s2", T0.plus(Duration.ofHours(5)), Fixtures.SPO2, "94", "%"))
                .build());
    AlertResult below =
        alerts(patient().addReading(single("s1", T0, Fixtures.SPO2, "92", "%")).build());

    assertThat(fall.alerts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.ruleId()).isEqualTo("spo2.fall");
              assertThat(a.severity()).isEqualTo(AlertSeverity.LOW);
            });
    assertThat(below.alerts())
        .singleElement()
        .satisfies(a -> assertThat(a.severity()).isEqualTo(AlertSeverity.MODERATE));
  }

  @Test
  void overrideWithWrongUnit_isAConfigurationError() {
    ThresholdRule below =
        RULES.parameters().forDate(CTX.asOf()).alerts().rule("spo2.below-target").orElseThrow();
    PatientThresholds t =
        PatientThresholds.builder()
            .patient(P)
            .addOverride(below.withLimit(Measurement.of("88", "mg/dL")))
            .build();
    AlertQuery q =
        AlertQuery.builder()
            .record(patient().addReading(single("s1", T0, Fixtures.SPO2, "89", "%")).build())
            .patientThresholds(t)
            .build();

    assertThatThrownBy(() -> RULES.computeAlerts(q, CTX))
        .isInstanceOfSatisfying(
            CcmException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PARAMETERS));
  }

  @Test
  void noReadings_noAlerts_notMet() {
    AlertResult r = alerts(patient().build());

    assertThat(r.alerts()).isEmpty();
    assertThat(r.decision().hasReason(RpmReasonCode.NO_ALERTS)).isTrue();
    assertThat(r.decision().isMet()).isFalse();
  }

  @Test
  void alertsOfAnotherPatient_rejected() {
    PatientThresholds other =
        PatientThresholds.builder().patient(org.ccmkit.core.model.PatientRef.of("p2")).build();

    assertThatThrownBy(
            () -> AlertQuery.builder().record(patient().build()).patientThresholds(other).build())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
