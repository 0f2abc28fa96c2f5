package org.ccmkit.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.core.rule.Decision;
import org.ccmkit.core.rule.Evidence;
import org.ccmkit.core.rule.EvidenceRole;
import org.ccmkit.core.rule.Outcome;
import org.ccmkit.core.rule.Reason;
import org.ccmkit.core.rule.RuleId;
import org.ccmkit.core.rules.CoreReasonCode;
import org.junit.jupiter.api.Test;

class DecisionAssertTest {
  private static final SourceRef COUNTED = SourceRef.of("Procedure", "te-1");
  private static final SourceRef EXCLUDED = SourceRef.of("Procedure", "te-2");

  private static final Decision DECISION =
      Decision.builder()
          .ruleId(RuleId.of("core.time-accrual", "CY2026.1"))
          .outcome(Outcome.MET)
          .asOf(LocalDate.of(2026, 3, 31))
          .addReason(
              Reason.with(CoreReasonCode.TIME_COUNTED)
                  .message("25 min counted")
                  .putDetail("minutes", "25")
                  .build())
          .addEvidence(Evidence.counted(COUNTED, "Procedure.performedPeriod", "25 min"))
          .addEvidence(
              Evidence.excluded(
                  EXCLUDED,
                  "Procedure.performedPeriod",
                  "10 min",
                  CoreReasonCode.ENTRY_BEFORE_CONSENT))
          .putDetail("minutes.total", "25")
          .build();

  @Test
  void assertions_matchingDecision_pass() {
    DecisionAssert.assertThat(DECISION)
        .isMet()
        .hasOutcome(Outcome.MET)
        .hasRuleName("core.time-accrual")
        .hasReason(CoreReasonCode.TIME_COUNTED)
        .hasReasonDetail(CoreReasonCode.TIME_COUNTED, "minutes", "25")
        .doesNotHaveReason(CoreReasonCode.NO_TIME_COUNTED)
        .hasEvidence(COUNTED, EvidenceRole.COUNTED)
        .hasEvidence(EXCLUDED, EvidenceRole.EXCLUDED, CoreReasonCode.ENTRY_BEFORE_CONSENT)
        .hasNoEvidenceFrom(SourceRef.of("Procedure", "te-3"))
        .hasDetail("minutes.total", "25");
  }

  @Test
  void isNotMet_metDecision_failsNamingRuleOutcomeAndReasons() {
    assertThatThrownBy(() -> DecisionAssert.assertThat(DECISION).isNotMet())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("core.time-accrual@CY2026.1")
        .hasMessageContaining("NOT_MET but was MET")
        .hasMessageContaining("TIME_COUNTED");
  }

  @Test
  void hasReason_missingCode_fails() {
    assertThatThrownBy(
            () -> DecisionAssert.assertThat(DECISION).hasReason(CoreReasonCode.CONSENT_MISSING))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("CONSENT_MISSING")
        .hasMessageContaining("[TIME_COUNTED]");
  }

  @Test
  void hasEvidence_wrongRoleOrReason_failsShowingTheEvidenceFound() {
    assertThatThrownBy(
            () -> DecisionAssert.assertThat(DECISION).hasEvidence(EXCLUDED, EvidenceRole.COUNTED))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("EXCLUDED Procedure.performedPeriod (ENTRY_BEFORE_CONSENT)");
    assertThatThrownBy(
            () ->
                DecisionAssert.assertThat(DECISION)
                    .hasEvidence(EXCLUDED, EvidenceRole.EXCLUDED, CoreReasonCode.ENTRY_AFTER_DEATH))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("ENTRY_AFTER_DEATH");
  }

  @Test
  void hasDetail_missingOrDifferent_fails() {
    assertThatThrownBy(() -> DecisionAssert.assertThat(DECISION).hasDetail("minutes.total", "20"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("minutes.total=25");
    assertThatThrownBy(() -> DecisionAssert.assertThat(DECISION).hasDetail("nope", "1"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("no such detail");
  }
}
