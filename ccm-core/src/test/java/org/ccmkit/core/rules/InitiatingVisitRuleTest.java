package org.ccmkit.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccmkit.core.rules.TestRecords.DR_A;
import static org.ccmkit.core.rules.TestRecords.DR_B;
import static org.ccmkit.core.rules.TestRecords.ccmEnrollment;
import static org.ccmkit.core.rules.TestRecords.date;
import static org.ccmkit.core.rules.TestRecords.endOf;
import static org.ccmkit.core.rules.TestRecords.evidenceFor;
import static org.ccmkit.core.rules.TestRecords.on;
import static org.ccmkit.core.rules.TestRecords.reasonCodes;
import static org.ccmkit.core.rules.TestRecords.record;
import static org.ccmkit.core.rules.TestRecords.visit;

import java.time.LocalDate;
import java.time.YearMonth;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.ImmutablePatientRecord;
import org.ccmkit.core.model.Visit;
import org.ccmkit.core.rule.Decision;
import org.ccmkit.core.rule.EvaluationContext;
import org.ccmkit.core.rule.Evidence;
import org.ccmkit.core.rule.EvidenceRole;
import org.ccmkit.core.rule.Outcome;
import org.junit.jupiter.api.Test;

/** The initiating visit (rules reference §4.3, §0.1; INIT-T01, T02, T04). */
class InitiatingVisitRuleTest {
  private static final YearMonth MARCH = YearMonth.of(2026, 3);
  private static final LocalDate PROGRAM_START = date("2026-03-01");

  private static Decision evaluate(Visit... visits) {
    return evaluate(endOf(MARCH), visits);
  }

  private static Decision evaluate(EvaluationContext context, Visit... visits) {
    ImmutablePatientRecord.Builder record =
        record().addEnrollment(ccmEnrollment("e1", PROGRAM_START)).addVisits(visits);
    return CoreRules.standard().initiatingVisit().evaluate(TestRecords.ccm(record, MARCH), context);
  }

  private static void assertExcluded(Decision d, String source, CoreReasonCode why) {
    Evidence e = evidenceFor(d, source);
    assertThat(e.role()).isEqualTo(EvidenceRole.EXCLUDED);
    assertThat(e.reason()).contains(why.name());
  }

  @Test
  void init01_lastVisit400DaysBeforeStart_initiatingVisitRequired() {
    Decision d = evaluate(visit("v1", DR_A, PROGRAM_START.minusDays(400), "99213"));

    assertThat(d.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(reasonCodes(d)).containsExactly("INITIATING_VISIT_REQUIRED");
    assertExcluded(d, "Encounter/v1", CoreReasonCode.VISIT_OUTSIDE_LOOKBACK);
    assertThat(d.details())
        .containsEntry("programStart", "2026-03-01")
        .containsEntry("lookbackDays", "365");
  }

  @Test
  void init01_visitExactly365DaysBefore_satisfied() {
    Decision d = evaluate(visit("v1", DR_A, PROGRAM_START.minusDays(365), "99213"));

    assertThat(d.outcome()).isEqualTo(Outcome.MET);
  }

  @Test
  void init01_visit366DaysBefore_required() {
    Decision d = evaluate(visit("v1", DR_A, PROGRAM_START.minusDays(366), "99213"));

    assertThat(d.outcome()).isEqualTo(Outcome.NOT_MET);
  }

  @Test
  void init02_annualWellnessVisitThreeMonthsBefore_satisfied() {
    Decision d = evaluate(visit("v1", DR_A, PROGRAM_START.minusMonths(3), "G0439"));

    assertThat(d.outcome()).isEqualTo(Outcome.MET);
    assertThat(reasonCodes(d)).containsExactly("INITIATING_VISIT_SATISFIED");
    assertThat(evidenceFor(d, "Encounter/v1").role()).isEqualTo(EvidenceRole.COUNTED);
    assertThat(d.details()).containsEntry("visitDate", "2025-12-01");
  }

  @Test
  void init04_only99211WithinTheYear_initiatingVisitRequired() {
    Decision d = evaluate(visit("v1", DR_A, PROGRAM_START.minusMonths(2), "99211"));

    assertThat(d.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(d.hasReason(CoreReasonCode.INITIATING_VISIT_REQUIRED)).isTrue();
    assertExcluded(d, "Encounter/v1", CoreReasonCode.VISIT_NOT_QUALIFYING);
  }

  @Test
  void evaluate_visitWithAnotherPractitioner_doesNotCount() {
    Decision d = evaluate(visit("v1", DR_B, PROGRAM_START.minusMonths(2), "99214"));

    assertThat(d.outcome()).isEqualTo(Outcome.NOT_MET);
    assertExcluded(d, "Encounter/v1", CoreReasonCode.VISIT_WITH_OTHER_PRACTITIONER);
  }

  @Test
  void evaluate_unfinishedVisit_doesNotCount() {
    Decision d =
        evaluate(visit("v1", DR_A, PROGRAM_START.minusMonths(2), "99214").withFinished(false));

    assertThat(d.outcome()).isEqualTo(Outcome.NOT_MET);
    assertExcluded(d, "Encounter/v1", CoreReasonCode.VISIT_NOT_FINISHED);
  }

  @Test
  void evaluate_qualifyingVisitAfterStartWithinTheMonth_satisfied() {
    Decision d = evaluate(visit("v1", DR_A, date("2026-03-20"), "99214"));

    assertThat(d.outcome()).isEqualTo(Outcome.MET);
    assertThat(d.details()).containsEntry("visitDate", "2026-03-20");
  }

  @Test
  void evaluate_qualifyingVisitAfterAsOf_notYetCounted() {
    Decision d = evaluate(on(date("2026-03-10")), visit("v1", DR_A, date("2026-03-20"), "99214"));

    assertThat(d.outcome()).isEqualTo(Outcome.NOT_MET);
    assertExcluded(d, "Encounter/v1", CoreReasonCode.VISIT_OUTSIDE_LOOKBACK);
  }

  @Test
  void evaluate_qualifyingVisitNextMonth_notCountedForThisMonth() {
    Decision d = evaluate(on(date("2026-04-30")), visit("v1", DR_A, date("2026-04-02"), "99214"));

    assertThat(d.outcome()).isEqualTo(Outcome.NOT_MET);
  }

  @Test
  void evaluate_severalQualifyingVisits_latestCounts() {
    Decision d =
        evaluate(
            visit("v1", DR_A, date("2025-06-01"), "99213"),
            visit("v2", DR_A, date("2025-11-12"), "G0438"),
            visit("v3", DR_A, date("2025-09-01"), "99212"));

    assertThat(d.outcome()).isEqualTo(Outcome.MET);
    assertThat(d.details()).containsEntry("visitDate", "2025-11-12");
    assertThat(TestRecords.evidence(d, EvidenceRole.COUNTED))
        .extracting(e -> e.source().id())
        .containsExactly("v2");
  }

  @Test
  void evaluate_programWithoutInitiatingVisit_notApplicable() {
    Decision d =
        CoreRules.standard()
            .initiatingVisit()
            .evaluate(TestRecords.query(record(), CareProgram.RPM, MARCH, DR_A), endOf(MARCH));

    assertThat(d.outcome()).isEqualTo(Outcome.MET);
    assertThat(reasonCodes(d)).containsExactly("INITIATING_VISIT_NOT_APPLICABLE");
  }

  @Test
  void evaluate_notEnrolled_indeterminate() {
    Decision d =
        CoreRules.standard()
            .initiatingVisit()
            .evaluate(
                TestRecords.ccm(
                    record().addVisit(visit("v1", DR_A, date("2026-01-10"), "99214")), MARCH),
                endOf(MARCH));

    assertThat(d.outcome()).isEqualTo(Outcome.INDETERMINATE);
    assertThat(reasonCodes(d)).containsExactly("NOT_ENROLLED");
  }
}
