package org.ccmkit.core.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.ccmkit.core.model.SourceRef;
import org.junit.jupiter.api.Test;

/** Decisions keep reasons and evidence in canonical order, whatever order they were built in. */
class DecisionTest {
  /** Reason codes for these tests only. */
  enum TestCode implements ReasonCode {
    BLOCKED(Severity.ERROR),
    CHECK_ME(Severity.WARNING),
    ALSO_FINE(Severity.INFO),
    FINE(Severity.INFO);

    private final Severity severity;

    TestCode(Severity severity) {
      this.severity = severity;
    }

    @Override
    public Severity severity() {
      return severity;
    }
  }

  private static final Reason FINE = Reason.of(TestCode.FINE, "fine");
  private static final Reason ALSO_FINE = Reason.of(TestCode.ALSO_FINE, "also fine");
  private static final Reason CHECK_ME = Reason.of(TestCode.CHECK_ME, "check me");
  private static final Reason BLOCKED = Reason.of(TestCode.BLOCKED, "blocked");

  private static final Evidence PROCEDURE_2 =
      Evidence.counted(SourceRef.of("Procedure", "t2"), "Procedure.performedPeriod", "5 min");
  private static final Evidence PROCEDURE_1 =
      Evidence.excluded(
          SourceRef.of("Procedure", "t1"), "Procedure.performer", "9 min", TestCode.CHECK_ME);
  private static final Evidence CONSENT =
      Evidence.context(SourceRef.of("Consent", "k1"), "Consent.dateTime", "given");

  private static ImmutableDecision.Builder base() {
    return Decision.builder()
        .ruleId(RuleId.of("test.rule", "T1"))
        .outcome(Outcome.NOT_MET)
        .asOf(LocalDate.of(2026, 3, 31));
  }

  @Test
  void normalize_reasonsSortedBySeverityThenCode() {
    Decision d = base().addReasons(FINE, CHECK_ME, ALSO_FINE, BLOCKED).build();

    assertThat(d.reasons()).containsExactly(BLOCKED, CHECK_ME, ALSO_FINE, FINE);
  }

  @Test
  void normalize_evidenceSortedBySourceThenPath() {
    Decision d = base().addEvidence(PROCEDURE_2, CONSENT, PROCEDURE_1).build();

    assertThat(d.evidence()).containsExactly(CONSENT, PROCEDURE_1, PROCEDURE_2);
  }

  @Test
  void normalize_onlyEvidenceOutOfOrder_sorted() {
    // Regression: sorting reasons and evidence one after the other used to recurse without end.
    Decision d = base().addReasons(BLOCKED, FINE).addEvidence(PROCEDURE_2, PROCEDURE_1).build();

    assertThat(d.evidence()).containsExactly(PROCEDURE_1, PROCEDURE_2);
    assertThat(d.reasons()).containsExactly(BLOCKED, FINE);
  }

  @Test
  void normalize_anyBuildOrder_equalDecisions() {
    Decision forward =
        base()
            .addReasons(BLOCKED, CHECK_ME, FINE)
            .addEvidence(CONSENT, PROCEDURE_1, PROCEDURE_2)
            .putDetail("b", "2")
            .putDetail("a", "1")
            .build();
    Decision backward =
        base()
            .putDetail("a", "1")
            .addEvidence(PROCEDURE_2, PROCEDURE_1, CONSENT)
            .addReasons(FINE, CHECK_ME, BLOCKED)
            .putDetail("b", "2")
            .build();

    assertThat(backward).isEqualTo(forward).hasSameHashCodeAs(forward);
    assertThat(backward.details().keySet()).containsExactly("a", "b");
  }

  @Test
  void derived_flagsFollowOutcomeAndReasons() {
    Decision notMet = base().addReason(BLOCKED).build();
    Decision indeterminate = base().outcome(Outcome.INDETERMINATE).addReason(CHECK_ME).build();
    Decision met = base().outcome(Outcome.MET).addReason(FINE).build();

    assertThat(notMet.hasError()).isTrue();
    assertThat(notMet.hasReason(TestCode.BLOCKED)).isTrue();
    assertThat(notMet.hasReason(TestCode.FINE)).isFalse();
    assertThat(indeterminate.isIndeterminate()).isTrue();
    assertThat(indeterminate.hasError()).isFalse();
    assertThat(met.isMet()).isTrue();
  }

  @Test
  void requireMet_met_returnsTheDecision() {
    Decision met = base().outcome(Outcome.MET).build();

    assertThat(met.requireMet()).isSameAs(met);
  }

  @Test
  void requireMet_notMet_throwsWithRuleOutcomeAndCodes() {
    Decision notMet = base().addReasons(BLOCKED, FINE).build();

    assertThatThrownBy(notMet::requireMet)
        .isInstanceOf(CcmException.class)
        .hasMessage("RULE_NOT_MET: test.rule@T1: NOT_MET [BLOCKED, FINE]")
        .satisfies(
            e -> assertThat(((CcmException) e).errorCode()).isEqualTo(ErrorCode.RULE_NOT_MET));
  }

  @Test
  void ruleId_blankVersion_rejected() {
    assertThatThrownBy(() -> RuleId.of("core.consent", " "))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
