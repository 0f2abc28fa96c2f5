package org.ccmkit.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccmkit.core.rules.TestRecords.condition;
import static org.ccmkit.core.rules.TestRecords.endOf;
import static org.ccmkit.core.rules.TestRecords.evidenceFor;
import static org.ccmkit.core.rules.TestRecords.icd;
import static org.ccmkit.core.rules.TestRecords.record;
import static org.ccmkit.core.rules.TestRecords.snomed;

import java.time.YearMonth;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.Code;
import org.ccmkit.core.model.ImmutablePatientRecord;
import org.ccmkit.core.rule.Decision;
import org.ccmkit.core.rule.Evidence;
import org.ccmkit.core.rule.EvidenceRole;
import org.ccmkit.core.rule.Outcome;
import org.junit.jupiter.api.Test;

/**
 * Several codes of one disease count once (docs/rules/chronic-conditions.md §2), across code
 * systems and through the ICD-10-CM alias table; findings and unknown codes never count.
 */
class EligibilityGroupingTest {
  private static final YearMonth MARCH = YearMonth.of(2026, 3);

  private static Decision evaluate(ImmutablePatientRecord.Builder record) {
    return CoreRules.standard()
        .eligibility()
        .evaluate(CareQuery.of(record.build(), CareProgram.CCM, MARCH), endOf(MARCH));
  }

  @Test
  void evaluate_diabetesInThreeCodes_countsOnce() {
    Decision d =
        evaluate(
            record()
                .addCondition(condition("c1", icd("E11.9")))
                .addCondition(condition("c2", icd("E11.40")))
                .addCondition(condition("c3", snomed("44054006"))));

    assertThat(d.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(d.details())
        .containsEntry("chronicConditions", "1")
        .containsEntry("groups", "DIABETES");
    assertThat(evidenceFor(d, "Condition/c1").role()).isEqualTo(EvidenceRole.COUNTED);
    for (String grouped : new String[] {"Condition/c2", "Condition/c3"}) {
      Evidence e = evidenceFor(d, grouped);
      assertThat(e.role()).isEqualTo(EvidenceRole.CONTEXT);
      assertThat(e.reason()).contains("CONDITION_SAME_DISEASE_GROUP");
      assertThat(e.value()).startsWith("DIABETES ");
    }
  }

  @Test
  void evaluate_epilepsyInIcdAndSnomed_countsOnceThroughAliasTable() {
    // G40.909 has no CCW group; the alias table puts it in EPILEPSY, the group of SNOMED 84757009.
    Decision d =
        evaluate(
            record()
                .addCondition(condition("c1", icd("G40.909")))
                .addCondition(condition("c2", snomed("84757009"))));

    assertThat(d.details())
        .containsEntry("chronicConditions", "1")
        .containsEntry("groups", "EPILEPSY");
  }

  @Test
  void evaluate_twoDiseases_countTwice() {
    Decision d =
        evaluate(
            record()
                .addCondition(condition("c1", icd("G40.909")))
                .addCondition(condition("c2", snomed("44054006"))));

    assertThat(d.details())
        .containsEntry("chronicConditions", "2")
        .containsEntry("groups", "EPILEPSY,DIABETES");
  }

  @Test
  void evaluate_conditionCodedInBothSystems_contributesTheSnomedGroup() {
    // chronic-conditions.md §1: "When a Condition has several chronic codings, it contributes one
    // group: the SNOMED list's group if a SNOMED coding is chronic". G47.30 (sleep apnea,
    // unspecified) is chronic with only its category group ICD10CM:G47; SNOMED 78275009 is
    // SLEEP_APNEA. So both conditions are one disease.
    Decision d =
        evaluate(
            record()
                .addCondition(condition("c1", icd("G47.30"), snomed("78275009")))
                .addCondition(condition("c2", snomed("78275009"))));

    assertThat(d.details())
        .containsEntry("chronicConditions", "1")
        .containsEntry("groups", "SLEEP_APNEA");
  }

  @Test
  void evaluate_bmiCode_notChronic() {
    // AHRQ v2019.1 flags Z68.41 chronic; ccmkit's alias table overrides the BMI category Z68.
    Decision d =
        evaluate(
            record()
                .addCondition(condition("c1", icd("E11.9")))
                .addCondition(condition("c2", icd("Z68.41"))));

    assertThat(d.details()).containsEntry("chronicConditions", "1");
    Evidence bmi = evidenceFor(d, "Condition/c2");
    assertThat(bmi.role()).isEqualTo(EvidenceRole.EXCLUDED);
    assertThat(bmi.reason()).contains("CONDITION_NOT_CHRONIC");
  }

  @Test
  void evaluate_unknownCode_notClassifiedEvidence() {
    // N18.30 (CKD stage 3 unspecified) was added in FY2021 and is absent from AHRQ v2019.1.
    Decision d =
        evaluate(
            record()
                .addCondition(condition("c1", icd("E11.9")))
                .addCondition(condition("c2", icd("N18.30")))
                .addCondition(condition("c3", Code.of("http://example.org/local", "CKD3"))));

    assertThat(d.details()).containsEntry("chronicConditions", "1");
    for (String unknown : new String[] {"Condition/c2", "Condition/c3"}) {
      Evidence e = evidenceFor(d, unknown);
      assertThat(e.role()).isEqualTo(EvidenceRole.EXCLUDED);
      assertThat(e.reason()).contains("CONDITION_NOT_CLASSIFIED");
      assertThat(e.path()).isEqualTo("Condition.code");
    }
  }

  @Test
  void evaluate_unknownAndChronicCodingOnOneCondition_counts() {
    Decision d =
        evaluate(
            record()
                .addCondition(condition("c1", icd("N18.30"), icd("N18.4")))
                .addCondition(condition("c2", icd("I10"))));

    assertThat(d.details())
        .containsEntry("chronicConditions", "2")
        .containsEntry("groups", "CHRNKDN,HYPERT");
  }

  @Test
  void evaluate_conditionOrder_doesNotChangeTheDecision() {
    ImmutablePatientRecord.Builder forward =
        record()
            .addCondition(condition("c1", icd("E11.9")))
            .addCondition(condition("c2", icd("E11.40")))
            .addCondition(condition("c3", icd("I10")));
    ImmutablePatientRecord.Builder backward =
        record()
            .addCondition(condition("c3", icd("I10")))
            .addCondition(condition("c2", icd("E11.40")))
            .addCondition(condition("c1", icd("E11.9")));

    assertThat(evaluate(backward)).isEqualTo(evaluate(forward));
  }
}
