package org.ccmkit.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.ccmkit.core.rules.TestRecords.condition;
import static org.ccmkit.core.rules.TestRecords.date;
import static org.ccmkit.core.rules.TestRecords.evidenceFor;
import static org.ccmkit.core.rules.TestRecords.icd;
import static org.ccmkit.core.rules.TestRecords.on;
import static org.ccmkit.core.rules.TestRecords.reasonCodes;
import static org.ccmkit.core.rules.TestRecords.record;
import static org.ccmkit.core.rules.TestRecords.riskAttestation;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.ClinicalStatus;
import org.ccmkit.core.model.ConditionRecord;
import org.ccmkit.core.model.ImmutablePatientRecord;
import org.ccmkit.core.model.Patient;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.model.VerificationStatus;
import org.ccmkit.core.rule.Decision;
import org.ccmkit.core.rule.Evidence;
import org.ccmkit.core.rule.EvidenceRole;
import org.ccmkit.core.rule.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Conditions that do not count (status, abatement, onset) and patients who died: each excluded
 * condition is EXCLUDED evidence with its reason code.
 */
class EligibilityExclusionsTest {
  private static final LocalDate AS_OF = date("2026-03-15");

  private static Decision evaluate(ImmutablePatientRecord.Builder record) {
    return evaluate(record, AS_OF);
  }

  private static Decision evaluate(ImmutablePatientRecord.Builder record, LocalDate asOf) {
    return CoreRules.standard()
        .eligibility()
        .evaluate(CareQuery.of(record.build(), CareProgram.CCM, YearMonth.from(asOf)), on(asOf));
  }

  /** Two chronic conditions that count (diabetes, hypertension), attested, plus {@code third}. */
  private static ImmutablePatientRecord.Builder eligiblePlus(ConditionRecord third) {
    return record()
        .addCondition(condition("c1", icd("E11.9")))
        .addCondition(condition("c2", icd("I10")))
        .addCondition(third)
        .addAttestation(riskAttestation("a1", date("2026-01-05"), true));
  }

  private static void assertExcluded(Decision d, String source, CoreReasonCode why, String path) {
    Evidence e = evidenceFor(d, source);
    assertThat(e.role()).isEqualTo(EvidenceRole.EXCLUDED);
    assertThat(e.reason()).contains(why.name());
    assertThat(e.path()).isEqualTo(path);
  }

  @ParameterizedTest
  @EnumSource(
      value = ClinicalStatus.class,
      names = {"INACTIVE", "REMISSION", "RESOLVED", "UNKNOWN"})
  void evaluate_conditionNotActive_excluded(ClinicalStatus status) {
    Decision d =
        evaluate(
            record()
                .addCondition(condition("c1", icd("E11.9")))
                .addCondition(condition("c2", icd("I10")).withClinicalStatus(status)));

    assertThat(d.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(d.details()).containsEntry("chronicConditions", "1");
    assertExcluded(
        d, "Condition/c2", CoreReasonCode.CONDITION_NOT_ACTIVE, "Condition.clinicalStatus");
  }

  @ParameterizedTest
  @EnumSource(
      value = ClinicalStatus.class,
      names = {"ACTIVE", "RECURRENCE", "RELAPSE"})
  void evaluate_activeRecurrenceOrRelapse_counts(ClinicalStatus status) {
    Decision d = evaluate(eligiblePlus(condition("c3", icd("J45.909")).withClinicalStatus(status)));

    assertThat(d.details()).containsEntry("chronicConditions", "3");
    assertThat(evidenceFor(d, "Condition/c3").role()).isEqualTo(EvidenceRole.COUNTED);
  }

  @Test
  void evaluate_refutedCondition_excluded() {
    Decision d =
        evaluate(
            record()
                .addCondition(condition("c1", icd("E11.9")))
                .addCondition(
                    condition("c2", icd("I10"))
                        .withVerificationStatus(VerificationStatus.REFUTED)));

    assertThat(d.outcome()).isEqualTo(Outcome.NOT_MET);
    assertExcluded(
        d, "Condition/c2", CoreReasonCode.CONDITION_REFUTED, "Condition.verificationStatus");
  }

  @Test
  void evaluate_enteredInErrorCondition_excluded() {
    Decision d =
        evaluate(
            record()
                .addCondition(condition("c1", icd("E11.9")))
                .addCondition(
                    condition("c2", icd("I10"))
                        .withVerificationStatus(VerificationStatus.ENTERED_IN_ERROR)));

    assertThat(d.outcome()).isEqualTo(Outcome.NOT_MET);
    assertExcluded(
        d,
        "Condition/c2",
        CoreReasonCode.CONDITION_ENTERED_IN_ERROR,
        "Condition.verificationStatus");
  }

  @Test
  void evaluate_abatedOnAsOf_excluded() {
    Decision d = evaluate(eligiblePlus(condition("c3", icd("J45.909")).withAbatement(AS_OF)));

    assertThat(d.details()).containsEntry("chronicConditions", "2");
    assertExcluded(d, "Condition/c3", CoreReasonCode.CONDITION_ABATED, "Condition.abatement");
  }

  @Test
  void evaluate_abatedBeforeAsOf_excluded() {
    Decision d =
        evaluate(
            record()
                .addCondition(condition("c1", icd("E11.9")))
                .addCondition(condition("c2", icd("I10")).withAbatement(date("2025-12-01"))));

    assertThat(d.outcome()).isEqualTo(Outcome.NOT_MET);
    assertExcluded(d, "Condition/c2", CoreReasonCode.CONDITION_ABATED, "Condition.abatement");
  }

  @Test
  void evaluate_abatementAfterAsOf_stillCounts() {
    Decision d =
        evaluate(eligiblePlus(condition("c3", icd("J45.909")).withAbatement(AS_OF.plusDays(1))));

    assertThat(d.details()).containsEntry("chronicConditions", "3");
  }

  @Test
  void evaluate_abatedWithoutDate_excluded() {
    Decision d =
        evaluate(
            record()
                .addCondition(condition("c1", icd("E11.9")))
                .addCondition(condition("c2", icd("I10")).withAbatedWithoutDate(true)));

    assertThat(d.outcome()).isEqualTo(Outcome.NOT_MET);
    assertExcluded(d, "Condition/c2", CoreReasonCode.CONDITION_ABATED, "Condition.abatement");
  }

  @Test
  void evaluate_onsetAfterAsOf_excluded() {
    Decision d =
        evaluate(
            record()
                .addCondition(condition("c1", icd("E11.9")))
                .addCondition(condition("c2", icd("I10")).withOnset(AS_OF.plusDays(1))));

    assertThat(d.outcome()).isEqualTo(Outcome.NOT_MET);
    assertExcluded(d, "Condition/c2", CoreReasonCode.CONDITION_NOT_YET_ONSET, "Condition.onset");
  }

  @Test
  void evaluate_onsetOnAsOf_counts() {
    Decision d = evaluate(eligiblePlus(condition("c3", icd("J45.909")).withOnset(AS_OF)));

    assertThat(d.details()).containsEntry("chronicConditions", "3");
  }

  @Test
  void evaluate_patientDiedBeforeAsOf_notMet() {
    Patient died = deceasedOn(AS_OF.minusDays(1));

    Decision d = evaluate(eligibleRecordOf(died));

    assertThat(d.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(reasonCodes(d)).containsExactly("PATIENT_DECEASED");
    assertThat(evidenceFor(d, "Patient/p1").role()).isEqualTo(EvidenceRole.CONTEXT);
  }

  @Test
  void evaluate_patientDiedOnAsOf_stillEligible() {
    Decision d = evaluate(eligibleRecordOf(deceasedOn(AS_OF)));

    assertThat(d.outcome()).isEqualTo(Outcome.MET);
    assertThat(d.hasReason(CoreReasonCode.PATIENT_DECEASED)).isFalse();
  }

  @Test
  void evaluate_patientDeceasedWithoutDate_notMet() {
    Patient died = Patient.builder().ref(PatientRef.of("p1")).deceased(true).build();

    Decision d = evaluate(eligibleRecordOf(died));

    assertThat(d.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(d.hasReason(CoreReasonCode.PATIENT_DECEASED)).isTrue();
  }

  @Test
  void evaluate_everyExcludedCondition_appearsAsExcludedEvidenceWithItsReason() {
    Decision d =
        evaluate(
            eligiblePlus(condition("c3", icd("J45.909")).withAbatement(AS_OF))
                .addCondition(
                    condition("c4", icd("I50.9")).withClinicalStatus(ClinicalStatus.RESOLVED))
                .addCondition(
                    condition("c5", icd("N18.4"))
                        .withVerificationStatus(VerificationStatus.REFUTED))
                .addCondition(
                    condition("c6", icd("F32.9"))
                        .withVerificationStatus(VerificationStatus.ENTERED_IN_ERROR))
                .addCondition(condition("c7", icd("M81.0")).withOnset(AS_OF.plusDays(10)))
                .addCondition(condition("c8", icd("J18.9")))
                .addCondition(condition("c9", icd("N18.30"))));

    assertThat(TestRecords.evidence(d, EvidenceRole.EXCLUDED))
        .extracting(e -> e.source().id(), e -> e.reason().orElse(""))
        .containsExactly(
            tuple("c3", "CONDITION_ABATED"),
            tuple("c4", "CONDITION_NOT_ACTIVE"),
            tuple("c5", "CONDITION_REFUTED"),
            tuple("c6", "CONDITION_ENTERED_IN_ERROR"),
            tuple("c7", "CONDITION_NOT_YET_ONSET"),
            tuple("c8", "CONDITION_NOT_CHRONIC"),
            tuple("c9", "CONDITION_NOT_CLASSIFIED"));
    assertThat(TestRecords.evidence(d, EvidenceRole.COUNTED))
        .extracting(e -> e.source().id())
        .containsExactly("c1", "c2");
    assertThat(d.outcome()).isEqualTo(Outcome.MET);
  }

  private static Patient deceasedOn(LocalDate deathDate) {
    return Patient.builder().ref(PatientRef.of("p1")).deathDate(Optional.of(deathDate)).build();
  }

  private static ImmutablePatientRecord.Builder eligibleRecordOf(Patient patient) {
    return record(patient)
        .addCondition(condition("c1", icd("E11.9")))
        .addCondition(condition("c2", icd("I10")))
        .addAttestation(riskAttestation("a1", date("2026-01-05"), true));
  }
}
