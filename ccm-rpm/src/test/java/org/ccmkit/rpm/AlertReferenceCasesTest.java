package org.ccmkit.rpm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccmkit.rpm.Fixtures.NEW_YORK;
import static org.ccmkit.rpm.Fixtures.P;
import static org.ccmkit.rpm.Fixtures.RULES;
import static org.ccmkit.rpm.Fixtures.bp;
import static org.ccmkit.rpm.Fixtures.single;
import static org.ccmkit.rpm.Fixtures.weightAt;

import java.time.Instant;
import java.time.LocalDate;
import org.ccmkit.core.model.ClinicalStatus;
import org.ccmkit.core.model.Code;
import org.ccmkit.core.model.ConditionRecord;
import org.ccmkit.core.model.ImmutablePatientRecord;
import org.ccmkit.core.model.Measurement;
import org.ccmkit.core.model.Patient;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.core.rule.EvaluationContext;
import org.ccmkit.core.rule.EvidenceRole;
import org.junit.jupiter.api.Test;

/** The alert test cases of the rules reference (§10, ALERT-T01..T04), one named test each. */
class AlertReferenceCasesTest {
  private static final EvaluationContext CTX =
      EvaluationContext.of(LocalDate.of(2026, 3, 31), NEW_YORK);
  private static final Instant MORNING = Instant.parse("2026-03-10T12:00:00Z");

  static ImmutablePatientRecord.Builder patient() {
    return ImmutablePatientRecord.builder().patient(Patient.of(Fixtures.PATIENT));
  }

  @Test
  void alertT01_bp182over95_raisesCrisisAlert() {
    AlertResult r =
        RULES.computeAlerts(
            AlertQuery.of(patient().addReading(bp("o1", MORNING, 182, 95)).build()), CTX);

    assertThat(r.alerts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.ruleId()).isEqualTo("bp.crisis");
              assertThat(a.severity()).isEqualTo(AlertSeverity.HIGH);
              assertThat(a.severity().fhirCode()).isEqualTo("high");
              assertThat(a.metric()).isEqualTo(Metric.SYSTOLIC_BP);
              assertThat(a.readings()).containsExactly(SourceRef.of("Observation", "o1"));
              assertThat(a.evidence())
                  .singleElement()
                  .satisfies(
                      e -> {
                        assertThat(e.role()).isEqualTo(EvidenceRole.COUNTED);
                        assertThat(e.value()).contains("182 mm[Hg]").contains("95 mm[Hg]");
                      });
              assertThat(a.origin()).isEqualTo(ThresholdOrigin.DEFAULT);
            });
    assertThat(r.decision().hasReason(RpmReasonCode.ALERT_RAISED)).isTrue();
  }

  @Test
  void alertT02_glucose52_raisesLevel2Hypoglycemia() {
    AlertResult r =
        RULES.computeAlerts(
            AlertQuery.of(
                patient()
                    .addReading(single("g1", MORNING, Fixtures.GLUCOSE, "52", "mg/dL"))
                    .build()),
            CTX);

    assertThat(r.alerts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.ruleId()).isEqualTo("glucose.hypo-level2");
              assertThat(a.severity()).isEqualTo(AlertSeverity.HIGH);
              assertThat(a.group()).isEqualTo("glucose.low");
            });
  }

  @Test
  void alertT03_heartFailureWeightGainOf1point4kgIn24h_raisesWeightGainAlert() {
    PatientRecord hf =
        patient()
            .addCondition(
                ConditionRecord.builder()
                    .source(SourceRef.of("Condition", "hf"))
                    .patient(P)
                    .addCode(Code.icd10cm("I50.22"))
                    .clinicalStatus(ClinicalStatus.ACTIVE)
                    .build())
            .addReading(weightAt("w1", MORNING, "80.0", Fixtures.SCALE))
            .addReading(weightAt("w2", MORNING.plusSeconds(24 * 3600), "81.4", Fixtures.SCALE))
            .build();

    AlertResult r = RULES.computeAlerts(AlertQuery.of(hf), CTX);

    assertThat(r.alerts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.ruleId()).isEqualTo("weight.gain-day");
              assertThat(a.severity()).isEqualTo(AlertSeverity.MODERATE);
              assertThat(a.readings()).containsExactly(SourceRef.of("Observation", "w2"));
              // The alert rests on the new reading and shows the baseline it was compared with.
              assertThat(a.evidence())
                  .extracting(e -> e.source().id() + ":" + e.role())
                  .containsExactly("w1:CONTEXT", "w2:COUNTED");
            });
  }

  @Test
  void alertT03_sameGainWithoutHeartFailure_doesNotAlert() {
    PatientRecord noHf =
        patient()
            .addReading(weightAt("w1", MORNING, "80.0", Fixtures.SCALE))
            .addReading(weightAt("w2", MORNING.plusSeconds(24 * 3600), "81.4", Fixtures.SCALE))
            .build();

    AlertResult r = RULES.computeAlerts(AlertQuery.of(noHf), CTX);

    assertThat(r.alerts()).isEmpty();
    assertThat(r.decision().hasReason(RpmReasonCode.THRESHOLD_NOT_APPLICABLE)).isTrue();
  }

  @Test
  void alertT04_patientSpo2Target88to92_89DoesNotAlert() {
    PatientRecord copd =
        patient().addReading(single("s1", MORNING, Fixtures.SPO2, "89", "%")).build();
    ThresholdRule below =
        RULES.parameters().forDate(CTX.asOf()).alerts().rule("spo2.below-target").orElseThrow();
    PatientThresholds target =
        PatientThresholds.builder()
            .patient(P)
            .addOverride(below.withLimit(Measurement.of("88", "%")))
            .setBy(Fixtures.DR_A)
            .build();

    AlertResult withTarget =
        RULES.computeAlerts(
            AlertQuery.builder().record(copd).patientThresholds(target).build(), CTX);
    AlertResult withDefault = RULES.computeAlerts(AlertQuery.of(copd), CTX);

    assertThat(withTarget.alerts()).isEmpty();
    assertThat(withTarget.decision().hasReason(RpmReasonCode.THRESHOLD_OVERRIDDEN)).isTrue();
    assertThat(withDefault.alerts())
        .singleElement()
        .satisfies(a -> assertThat(a.ruleId()).isEqualTo("spo2.below-target"));
  }
}
