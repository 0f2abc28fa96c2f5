package org.ccmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.time.ZoneId;
import org.ccmkit.core.json.CcmJson;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.ClinicalStatus;
import org.ccmkit.core.model.Code;
import org.ccmkit.core.model.ConditionRecord;
import org.ccmkit.core.model.Patient;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.core.rule.Decision;
import org.ccmkit.core.rule.EvaluationContext;
import org.ccmkit.core.rule.Evidence;
import org.ccmkit.core.rule.EvidenceRole;
import org.ccmkit.core.rule.Outcome;
import org.ccmkit.core.rule.Reason;
import org.ccmkit.core.rules.AccruedTime;
import org.ccmkit.core.rules.CareQuery;
import org.ccmkit.core.rules.CoreRules;
import org.junit.jupiter.api.Test;

/** The README's "complete example", line for line, with the results its comments promise. */
class ReadmeExampleTest {

  @Test
  void readmeExample_givesWhatTheReadmeSays() {
    CoreRules rules = CoreRules.standard();
    ZoneId zone = ZoneId.of("America/New_York");
    YearMonth march = YearMonth.of(2026, 3);
    EvaluationContext ctx = EvaluationContext.endOf(march, zone);

    PatientRecord record =
        PatientRecord.builder()
            .patient(Patient.of("p1"))
            .addCondition(
                ConditionRecord.builder()
                    .source(SourceRef.of("Condition", "c1"))
                    .patient(PatientRef.of("p1"))
                    .addCode(Code.icd10cm("E11.9"))
                    .clinicalStatus(ClinicalStatus.ACTIVE)
                    .build())
            .addCondition(
                ConditionRecord.builder()
                    .source(SourceRef.of("Condition", "c2"))
                    .patient(PatientRef.of("p1"))
                    .addCode(Code.icd10cm("I10"))
                    .clinicalStatus(ClinicalStatus.ACTIVE)
                    .build())
            .build();

    Decision eligible =
        rules.eligibility().evaluate(CareQuery.of(record, CareProgram.CCM, march), ctx);
    assertThat(eligible.outcome()).isEqualTo(Outcome.INDETERMINATE);
    assertThat(eligible.reasons())
        .extracting(Reason::code)
        .containsExactly("SIGNIFICANT_RISK_ATTESTATION_PENDING", "CHRONIC_CONDITIONS_MET");
    assertThat(eligible.evidence())
        .extracting(e -> e.source() + " " + e.role() + " " + e.value())
        .containsExactly("Condition/c1 COUNTED DIABETES E11.9", "Condition/c2 COUNTED HYPERT I10");
    assertThat(CcmJson.write(eligible)).doesNotContain("\n").startsWith("{\"asOf\":\"2026-03-31\"");

    AccruedTime minutes = rules.accrue(CareQuery.of(record, CareProgram.CCM, march), ctx);
    assertThat(minutes.minutesByRole()).isEmpty();
    assertThat(minutes.decision().evidence())
        .extracting(Evidence::role)
        .doesNotContain(EvidenceRole.COUNTED);
  }
}
