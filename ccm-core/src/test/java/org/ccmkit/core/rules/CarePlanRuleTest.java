package org.ccmkit.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccmkit.core.rules.TestRecords.PATIENT;
import static org.ccmkit.core.rules.TestRecords.ccmEnrollment;
import static org.ccmkit.core.rules.TestRecords.date;
import static org.ccmkit.core.rules.TestRecords.endOf;
import static org.ccmkit.core.rules.TestRecords.on;
import static org.ccmkit.core.rules.TestRecords.reason;
import static org.ccmkit.core.rules.TestRecords.reasonCodes;
import static org.ccmkit.core.rules.TestRecords.record;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.function.UnaryOperator;
import org.ccmkit.core.condition.ChronicConditionClassifiers;
import org.ccmkit.core.model.CarePlanElement;
import org.ccmkit.core.model.CarePlanRecord;
import org.ccmkit.core.model.CarePlanStatus;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.model.ElementState;
import org.ccmkit.core.model.ElementStatus;
import org.ccmkit.core.model.ImmutableCarePlanRecord;
import org.ccmkit.core.model.ImmutablePatientRecord;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.core.params.CarePlanParameters;
import org.ccmkit.core.params.CoreParameters;
import org.ccmkit.core.params.ImmutableCarePlanParameters;
import org.ccmkit.core.params.ImmutableCoreParameters;
import org.ccmkit.core.rule.Decision;
import org.ccmkit.core.rule.EvidenceRole;
import org.ccmkit.core.rule.Outcome;
import org.ccmkit.core.rule.Severity;
import org.junit.jupiter.api.Test;

/**
 * The care-plan rule with the shipped parameters and with the blocking switch (§6, PLAN-T01/T02).
 */
class CarePlanRuleTest {
  private static final YearMonth MARCH = YearMonth.of(2026, 3);
  private static final CoreRules RULES = CoreRules.standard();
  private static final CoreRules BLOCKING = withCarePlan(c -> c.withSeverity(Severity.ERROR));

  /** The shipped rules with CY2026's care-plan parameters changed by {@code change}. */
  static CoreRules withCarePlan(UnaryOperator<ImmutableCarePlanParameters> change) {
    CoreParameters cy2026 = CoreParameters.builtIn().forDate(date("2026-01-01"));
    CarePlanParameters changed =
        change.apply(ImmutableCarePlanParameters.copyOf(cy2026.carePlan()));
    CoreParameters modified = ImmutableCoreParameters.copyOf(cy2026).withCarePlan(changed);
    return CoreRules.of(
        CoreParameters.builtIn().with(modified), ChronicConditionClassifiers.standard());
  }

  /** An active plan from {@code start} with all nine elements present, reviewed and shared. */
  static ImmutableCarePlanRecord completePlan(String id, LocalDate start) {
    ImmutableCarePlanRecord.Builder b =
        CarePlanRecord.builder()
            .source(SourceRef.of("CarePlan", id))
            .patient(PATIENT)
            .status(CarePlanStatus.ACTIVE)
            .period(DateRange.startingOn(start))
            .created(start)
            .nextReview(start.plusMonths(6))
            .sharedWithPatient(start);
    for (CarePlanElement e : CarePlanElement.values()) {
      b.putElement(
          e, ElementState.of(ElementStatus.PRESENT, List.of(SourceRef.of("CarePlan", id))));
    }
    return b.build();
  }

  /** {@code plan} with {@code element} in {@code status} (no source). */
  static ImmutableCarePlanRecord withElement(
      ImmutableCarePlanRecord plan, CarePlanElement element, ElementStatus status) {
    java.util.Map<CarePlanElement, ElementState> elements =
        new java.util.EnumMap<>(plan.elements());
    elements.put(element, ElementState.of(status, List.of()));
    return plan.withElements(elements);
  }

  private static ImmutablePatientRecord.Builder enrolled() {
    return record().addEnrollment(ccmEnrollment("e1", date("2026-01-01")));
  }

  private static Decision evaluate(CoreRules rules, ImmutablePatientRecord.Builder record) {
    return rules.carePlan().evaluate(TestRecords.ccm(record, MARCH), endOf(MARCH));
  }

  @Test
  void planT01_noCarePlan_warnsByDefaultAndStaysMet() {
    Decision d = evaluate(RULES, enrolled());

    assertThat(d.outcome()).isEqualTo(Outcome.MET);
    assertThat(reasonCodes(d)).containsExactly("CARE_PLAN_MISSING");
    assertThat(reason(d, CoreReasonCode.CARE_PLAN_MISSING).severity()).isEqualTo(Severity.WARNING);
    assertThat(d.ruleId().name()).isEqualTo("core.care-plan");
  }

  @Test
  void planT01_noCarePlan_blocksWhenConfigured() {
    Decision d = evaluate(BLOCKING, enrolled());

    assertThat(d.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(reason(d, CoreReasonCode.CARE_PLAN_MISSING).severity()).isEqualTo(Severity.ERROR);
  }

  @Test
  void planT01_completePlan_inPlace() {
    Decision d = evaluate(RULES, enrolled().addCarePlan(completePlan("cp1", date("2026-01-10"))));

    assertThat(d.outcome()).isEqualTo(Outcome.MET);
    assertThat(reasonCodes(d)).containsExactly("CARE_PLAN_IN_PLACE");
    assertThat(d.evidence()).anyMatch(e -> e.source().equals(SourceRef.of("CarePlan", "cp1")));
  }

  @Test
  void planT01_elementsMissing_incompleteListsThem() {
    ImmutableCarePlanRecord plan = completePlan("cp1", date("2026-01-10"));
    ImmutableCarePlanRecord lacking =
        ImmutableCarePlanRecord.copyOf(plan)
            .withElements(
                java.util.Map.of(
                    CarePlanElement.PROBLEM_LIST,
                    plan.element(CarePlanElement.PROBLEM_LIST),
                    CarePlanElement.MEASURABLE_GOALS,
                    plan.element(CarePlanElement.MEASURABLE_GOALS),
                    CarePlanElement.PLANNED_INTERVENTIONS,
                    plan.element(CarePlanElement.PLANNED_INTERVENTIONS),
                    CarePlanElement.CARE_COORDINATION,
                    plan.element(CarePlanElement.CARE_COORDINATION),
                    CarePlanElement.REVIEW_SCHEDULE,
                    plan.element(CarePlanElement.REVIEW_SCHEDULE)));

    Decision d = evaluate(RULES, enrolled().addCarePlan(lacking));

    assertThat(d.outcome()).isEqualTo(Outcome.MET);
    assertThat(reason(d, CoreReasonCode.CARE_PLAN_INCOMPLETE).details())
        .containsEntry(
            "missing",
            "expected-outcome,symptom-management,medication-management,community-services")
        .containsEntry("carePlan", "CarePlan/cp1");
    assertThat(evaluate(BLOCKING, enrolled().addCarePlan(lacking)).outcome())
        .isEqualTo(Outcome.NOT_MET);
  }

  @Test
  void planT01_elementMarkedNotApplicable_counts() {
    ImmutableCarePlanRecord plan =
        withElement(
            completePlan("cp1", date("2026-01-10")),
            CarePlanElement.COMMUNITY_SERVICES,
            ElementStatus.NOT_APPLICABLE);

    Decision d = evaluate(RULES, enrolled().addCarePlan(plan));

    assertThat(reasonCodes(d)).containsExactly("CARE_PLAN_IN_PLACE");
    assertThat(d.evidence()).anyMatch(e -> e.value().equals("community-services n/a"));
  }

  @Test
  void planT01_elementExplicitlyMissing_isIncomplete() {
    ImmutableCarePlanRecord plan =
        withElement(
            completePlan("cp1", date("2026-01-10")),
            CarePlanElement.MEDICATION_MANAGEMENT,
            ElementStatus.MISSING);

    Decision d = evaluate(RULES, enrolled().addCarePlan(plan));

    assertThat(reason(d, CoreReasonCode.CARE_PLAN_INCOMPLETE).details())
        .containsEntry("missing", "medication-management");
  }

  @Test
  void planT01_draftOrEndedPlan_isNotInEffect() {
    ImmutableCarePlanRecord draft =
        completePlan("cp1", date("2026-01-10")).withStatus(CarePlanStatus.DRAFT);
    ImmutableCarePlanRecord ended =
        completePlan("cp2", date("2025-01-10"))
            .withPeriod(DateRange.ofClosed(date("2025-01-10"), date("2026-02-28")));

    Decision d = evaluate(RULES, enrolled().addCarePlan(draft).addCarePlan(ended));

    assertThat(reasonCodes(d)).containsExactly("CARE_PLAN_MISSING");
    assertThat(d.evidence())
        .allMatch(e -> e.role() == EvidenceRole.EXCLUDED)
        .allMatch(e -> e.reason().orElse("").equals("CARE_PLAN_NOT_IN_EFFECT"))
        .hasSize(2);
  }

  @Test
  void planT01_twoPlansInEffect_theLatestIsChecked() {
    ImmutableCarePlanRecord old =
        completePlan("cp-old", date("2025-06-01"))
            .withSharedWithPatient(java.util.Optional.empty());
    ImmutableCarePlanRecord current = completePlan("cp-new", date("2026-02-01"));

    Decision d = evaluate(RULES, enrolled().addCarePlan(old).addCarePlan(current));

    assertThat(reasonCodes(d)).containsExactly("CARE_PLAN_IN_PLACE");
    assertThat(d.evidence())
        .anyMatch(
            e ->
                e.source().equals(SourceRef.of("CarePlan", "cp-old"))
                    && e.reason().orElse("").equals("CARE_PLAN_SUPERSEDED"));
  }

  @Test
  void planT02_noCopyToPatient_warns() {
    ImmutableCarePlanRecord plan =
        completePlan("cp1", date("2026-01-10")).withSharedWithPatient(java.util.Optional.empty());

    Decision d = evaluate(RULES, enrolled().addCarePlan(plan));

    assertThat(d.outcome()).isEqualTo(Outcome.MET);
    assertThat(reasonCodes(d)).containsExactly("CARE_PLAN_NOT_SHARED");
    assertThat(reason(d, CoreReasonCode.CARE_PLAN_NOT_SHARED).severity())
        .isEqualTo(Severity.WARNING);
  }

  @Test
  void planT02_copyNotRequiredByConfiguration_noWarning() {
    CoreRules rules = withCarePlan(c -> c.withCopyToPatientRequired(false));
    ImmutableCarePlanRecord plan =
        completePlan("cp1", date("2026-01-10")).withSharedWithPatient(java.util.Optional.empty());

    assertThat(reasonCodes(evaluate(rules, enrolled().addCarePlan(plan))))
        .containsExactly("CARE_PLAN_IN_PLACE");
  }

  @Test
  void review_scheduledDatePassed_overdue() {
    ImmutableCarePlanRecord plan =
        completePlan("cp1", date("2025-09-01")).withNextReview(date("2026-03-15"));

    Decision d = evaluate(RULES, enrolled().addCarePlan(plan));

    assertThat(reason(d, CoreReasonCode.CARE_PLAN_REVIEW_OVERDUE).details())
        .containsEntry("reviewDue", "2026-03-15");
    // Mid-month, before the due date, it is not overdue yet.
    Decision midMonth =
        RULES
            .carePlan()
            .evaluate(TestRecords.ccm(enrolled().addCarePlan(plan), MARCH), on(date("2026-03-10")));
    assertThat(midMonth.hasReason(CoreReasonCode.CARE_PLAN_REVIEW_OVERDUE)).isFalse();
  }

  @Test
  void review_noSchedule_dueTwelveMonthsAfterLastReview() {
    ImmutableCarePlanRecord plan =
        completePlan("cp1", date("2024-12-01"))
            .withNextReview(java.util.Optional.empty())
            .withLastReviewed(date("2025-03-20"));

    Decision d = evaluate(RULES, enrolled().addCarePlan(plan));
    assertThat(d.details()).containsEntry("carePlan.reviewDue", "2026-03-20");
    assertThat(d.hasReason(CoreReasonCode.CARE_PLAN_REVIEW_OVERDUE)).isTrue();

    Decision reviewed =
        evaluate(RULES, enrolled().addCarePlan(plan.withLastReviewed(date("2026-03-25"))));
    assertThat(reviewed.hasReason(CoreReasonCode.CARE_PLAN_REVIEW_OVERDUE)).isFalse();
    assertThat(reviewed.details()).containsEntry("carePlan.reviewDue", "2027-03-25");
  }

  @Test
  void review_intervalIsData() {
    CoreRules sixMonths = withCarePlan(c -> c.withReviewIntervalMonths(6));
    ImmutableCarePlanRecord plan =
        completePlan("cp1", date("2025-09-01")).withNextReview(java.util.Optional.empty());

    assertThat(
            evaluate(RULES, enrolled().addCarePlan(plan))
                .hasReason(CoreReasonCode.CARE_PLAN_REVIEW_OVERDUE))
        .isFalse();
    assertThat(
            evaluate(sixMonths, enrolled().addCarePlan(plan))
                .hasReason(CoreReasonCode.CARE_PLAN_REVIEW_OVERDUE))
        .isTrue();
  }

  @Test
  void programWithoutCarePlanRequirement_notRequired() {
    Decision d =
        RULES
            .carePlan()
            .evaluate(
                TestRecords.query(enrolled(), CareProgram.RPM, MARCH, TestRecords.DR_A),
                endOf(MARCH));

    assertThat(d.outcome()).isEqualTo(Outcome.MET);
    assertThat(reasonCodes(d)).containsExactly("CARE_PLAN_NOT_REQUIRED");
  }

  @Test
  void carePlanRecord_survivesJsonAndJavaSerialization() throws Exception {
    ImmutablePatientRecord record =
        enrolled()
            .addCarePlan(
                withElement(
                    completePlan("cp1", date("2026-01-10")).withLastReviewed(date("2026-02-01")),
                    CarePlanElement.COMMUNITY_SERVICES,
                    ElementStatus.NOT_APPLICABLE))
            .build();

    String json = org.ccmkit.core.json.CcmJson.write(record);
    assertThat(org.ccmkit.core.json.CcmJson.read(json, org.ccmkit.core.model.PatientRecord.class))
        .isEqualTo(record);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(record);
    }
    try (java.io.ObjectInputStream in =
        new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(in.readObject()).isEqualTo(record);
    }
  }

  @Test
  void evaluate_planOrderDoesNotMatter() {
    ImmutableCarePlanRecord a = completePlan("cp-a", date("2026-02-01"));
    ImmutableCarePlanRecord b =
        completePlan("cp-b", date("2026-02-01")).withSharedWithPatient(java.util.Optional.empty());

    Decision ab = evaluate(RULES, enrolled().addCarePlan(a).addCarePlan(b));
    Decision ba = evaluate(RULES, enrolled().addCarePlan(b).addCarePlan(a));

    assertThat(org.ccmkit.core.json.CcmJson.write(ab))
        .isEqualTo(org.ccmkit.core.json.CcmJson.write(ba));
    // same start: the tie goes to the first by source
    assertThat(reasonCodes(ab)).containsExactly("CARE_PLAN_IN_PLACE");
  }
}
