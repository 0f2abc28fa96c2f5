package org.ccmkit.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccmkit.core.rules.TestRecords.condition;
import static org.ccmkit.core.rules.TestRecords.date;
import static org.ccmkit.core.rules.TestRecords.endOf;
import static org.ccmkit.core.rules.TestRecords.evidenceFor;
import static org.ccmkit.core.rules.TestRecords.icd;
import static org.ccmkit.core.rules.TestRecords.reason;
import static org.ccmkit.core.rules.TestRecords.reasonCodes;
import static org.ccmkit.core.rules.TestRecords.record;
import static org.ccmkit.core.rules.TestRecords.riskAttestation;

import java.time.YearMonth;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.ImmutablePatientRecord;
import org.ccmkit.core.rule.Decision;
import org.ccmkit.core.rule.EvaluationContext;
import org.ccmkit.core.rule.EvidenceRole;
import org.ccmkit.core.rule.Outcome;
import org.ccmkit.core.rule.RuleId;
import org.junit.jupiter.api.Test;

/** Eligibility by condition count and significant-risk attestation (rules reference §4.1, §4.2). */
class EligibilityRuleTest {
  private static final YearMonth MARCH = YearMonth.of(2026, 3);
  private static final EvaluationContext END_OF_MARCH = endOf(MARCH);

  private static Decision evaluate(ImmutablePatientRecord.Builder record, CareProgram program) {
    return CoreRules.standard()
        .eligibility()
        .evaluate(CareQuery.of(record.build(), program, MARCH), END_OF_MARCH);
  }

  private static ImmutablePatientRecord.Builder diabetesAndHypertension() {
    return record()
        .addCondition(condition("c1", icd("E11.9")))
        .addCondition(condition("c2", icd("I10")));
  }

  @Test
  void elig01_oneChronicCondition_ccmNotMetAndPcmMayApply() {
    Decision d = evaluate(record().addCondition(condition("c1", icd("E11.9"))), CareProgram.CCM);

    assertThat(d.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(reasonCodes(d)).containsExactly("TOO_FEW_CHRONIC_CONDITIONS", "PCM_MAY_APPLY");
    assertThat(reason(d, CoreReasonCode.TOO_FEW_CHRONIC_CONDITIONS).details())
        .containsEntry("found", "1")
        .containsEntry("required", "2");
    assertThat(d.details()).containsEntry("chronicConditions", "1").containsEntry("required", "2");
  }

  @Test
  void elig01_oneChronicConditionWithAttestation_pcmMet() {
    Decision d =
        evaluate(
            record()
                .addCondition(condition("c1", icd("E11.9")))
                .addAttestation(riskAttestation("a1", date("2026-03-02"), true)),
            CareProgram.PCM);

    assertThat(d.outcome()).isEqualTo(Outcome.MET);
    assertThat(reasonCodes(d))
        .containsExactly("CHRONIC_CONDITIONS_MET", "SIGNIFICANT_RISK_ATTESTED");
    assertThat(d.program()).contains(CareProgram.PCM);
  }

  @Test
  void elig01_noChronicCondition_ccmNotMetWithoutPcmHint() {
    Decision d = evaluate(record().addCondition(condition("c1", icd("J18.9"))), CareProgram.CCM);

    assertThat(d.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(reasonCodes(d)).containsExactly("TOO_FEW_CHRONIC_CONDITIONS");
  }

  @Test
  void elig01_noChronicCondition_pcmNotMetWithoutPcmHint() {
    Decision d = evaluate(record(), CareProgram.PCM);

    assertThat(d.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(reasonCodes(d)).containsExactly("TOO_FEW_CHRONIC_CONDITIONS");
  }

  @Test
  void elig02_twoChronicCodesWithoutAttestation_indeterminatePendingAttestation() {
    Decision d = evaluate(diabetesAndHypertension(), CareProgram.CCM);

    assertThat(d.outcome()).isEqualTo(Outcome.INDETERMINATE);
    assertThat(d.hasReason(CoreReasonCode.SIGNIFICANT_RISK_ATTESTATION_PENDING)).isTrue();
    assertThat(d.hasReason(CoreReasonCode.CHRONIC_CONDITIONS_MET)).isTrue();
    assertThat(d.details())
        .containsEntry("chronicConditions", "2")
        .containsEntry("groups", "DIABETES,HYPERT");
    assertThat(TestRecords.evidence(d, EvidenceRole.COUNTED)).hasSize(2);
  }

  @Test
  void elig02_twoChronicCodesWithAttestation_met() {
    Decision d =
        evaluate(
            diabetesAndHypertension()
                .addAttestation(riskAttestation("a1", date("2026-01-10"), true)),
            CareProgram.CCM);

    assertThat(d.outcome()).isEqualTo(Outcome.MET);
    assertThat(d.hasReason(CoreReasonCode.SIGNIFICANT_RISK_ATTESTED)).isTrue();
    assertThat(evidenceFor(d, "Observation/a1").role()).isEqualTo(EvidenceRole.CONTEXT);
    assertThat(d.ruleId()).isEqualTo(RuleId.of("core.eligibility", "CY2026.1"));
  }

  @Test
  void elig02_latestAttestationFalse_notMet() {
    Decision d =
        evaluate(
            diabetesAndHypertension()
                .addAttestation(riskAttestation("a1", date("2026-01-10"), true))
                .addAttestation(riskAttestation("a2", date("2026-03-01"), false)),
            CareProgram.CCM);

    assertThat(d.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(d.hasReason(CoreReasonCode.SIGNIFICANT_RISK_NOT_ATTESTED)).isTrue();
    assertThat(evidenceFor(d, "Observation/a2").value()).isEqualTo("not-at-risk");
  }

  @Test
  void elig02_attestationAfterAsOf_stillPending() {
    Decision d =
        evaluate(
            diabetesAndHypertension()
                .addAttestation(riskAttestation("a1", date("2026-04-01"), true)),
            CareProgram.CCM);

    assertThat(d.outcome()).isEqualTo(Outcome.INDETERMINATE);
    assertThat(d.hasReason(CoreReasonCode.SIGNIFICANT_RISK_ATTESTATION_PENDING)).isTrue();
  }

  @Test
  void elig02_laterTrueAttestationOverridesEarlierFalse_met() {
    Decision d =
        evaluate(
            diabetesAndHypertension()
                .addAttestation(riskAttestation("a1", date("2026-01-10"), false))
                .addAttestation(riskAttestation("a2", date("2026-02-10"), true)),
            CareProgram.CCM);

    assertThat(d.outcome()).isEqualTo(Outcome.MET);
  }

  @Test
  void elig03_notChronicCodeDoesNotCount() {
    // J18.9 (pneumonia, unspecified organism) is AHRQ 0: known, not chronic.
    Decision d =
        evaluate(
            record()
                .addCondition(condition("c1", icd("E11.9")))
                .addCondition(condition("c2", icd("J18.9")))
                .addAttestation(riskAttestation("a1", date("2026-01-10"), true)),
            CareProgram.CCM);

    assertThat(d.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(d.hasReason(CoreReasonCode.TOO_FEW_CHRONIC_CONDITIONS)).isTrue();
    assertThat(evidenceFor(d, "Condition/c2").role()).isEqualTo(EvidenceRole.EXCLUDED);
    assertThat(evidenceFor(d, "Condition/c2").reason()).contains("CONDITION_NOT_CHRONIC");
  }

  @Test
  void evaluate_programWithoutCriteria_indeterminate() {
    Decision d = evaluate(diabetesAndHypertension(), CareProgram.RPM);

    assertThat(d.outcome()).isEqualTo(Outcome.INDETERMINATE);
    assertThat(reasonCodes(d)).containsExactly("NO_ELIGIBILITY_CRITERIA");
    assertThat(d.evidence()).isEmpty();
  }

  @Test
  void evaluate_recordsClassifierAndSubject() {
    Decision d = evaluate(diabetesAndHypertension(), CareProgram.CCM);

    assertThat(d.details())
        .containsEntry("classifier", "ahrq-cci-icd10cm-v2019.1+ccmkit-snomed-chronic-v1");
    assertThat(d.asOf()).isEqualTo(date("2026-03-31"));
    assertThat(d.month()).contains(MARCH);
    assertThat(d.patient()).contains(TestRecords.PATIENT);
  }

  @Test
  void evaluate_sameInputTwice_equalDecisions() {
    assertThat(evaluate(diabetesAndHypertension(), CareProgram.CCM))
        .isEqualTo(evaluate(diabetesAndHypertension(), CareProgram.CCM));
  }

  @Test
  void evaluate_cy2025Date_usesCy2025Parameters() {
    Decision d =
        CoreRules.standard()
            .eligibility()
            .evaluate(
                CareQuery.of(
                    diabetesAndHypertension().build(), CareProgram.CCM, YearMonth.of(2025, 6)),
                endOf(YearMonth.of(2025, 6)));

    assertThat(d.ruleId().version()).isEqualTo("CY2025.1");
  }
}
