package org.ccmkit.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccmkit.core.rules.TestRecords.condition;
import static org.ccmkit.core.rules.TestRecords.endOf;
import static org.ccmkit.core.rules.TestRecords.evidenceFor;
import static org.ccmkit.core.rules.TestRecords.icd;
import static org.ccmkit.core.rules.TestRecords.record;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Objects;
import org.ccmkit.core.condition.ChronicConditionClassifier;
import org.ccmkit.core.condition.ChronicConditionClassifiers;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.params.CoreParameters;
import org.ccmkit.core.rule.Decision;
import org.ccmkit.core.rule.EvidenceRole;
import org.junit.jupiter.api.Test;

/** Eligibility with a user-supplied AHRQ CCIR table instead of the shipped one (CODESET-T02). */
class EligibilityWithLoadedTableTest {
  private static final YearMonth MARCH = YearMonth.of(2026, 3);

  private static CoreRules withSyntheticCcir() {
    InputStream in =
        Objects.requireNonNull(
            EligibilityWithLoadedTableTest.class.getResourceAsStream(
                "/org/ccmkit/core/condition/ccir-v2023-synthetic.csv"));
    ChronicConditionClassifier ccir =
        ChronicConditionClassifiers.ahrqIndicator(
            new InputStreamReader(in, StandardCharsets.UTF_8), "ccir-test-v2023.1");
    return CoreRules.of(CoreParameters.builtIn(), ccir);
  }

  @Test
  void codesetT02_undeterminedCodeDoesNotCount() {
    Decision d =
        withSyntheticCcir()
            .eligibility()
            .evaluate(
                TestRecords.ccm(
                    record()
                        .addCondition(condition("c1", icd("N18.30")))
                        .addCondition(condition("c2", icd("U09.9"))),
                    MARCH),
                endOf(MARCH));

    assertThat(d.details())
        .containsEntry("chronicConditions", "1")
        .containsEntry("groups", "CHRNKDN")
        .containsEntry("classifier", "ccir-test-v2023.1");
    assertThat(evidenceFor(d, "Condition/c2").role()).isEqualTo(EvidenceRole.EXCLUDED);
    assertThat(evidenceFor(d, "Condition/c2").reason()).contains("CONDITION_NOT_CHRONIC");
    assertThat(d.program()).contains(CareProgram.CCM);
  }
}
