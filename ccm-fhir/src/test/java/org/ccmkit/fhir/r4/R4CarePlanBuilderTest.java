package org.ccmkit.fhir.r4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.parser.IParser;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.ccmkit.core.model.CarePlanElement;
import org.ccmkit.core.model.CarePlanRecord;
import org.ccmkit.core.model.CarePlanStatus;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.ElementStatus;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.core.rule.Decision;
import org.ccmkit.core.rule.EvaluationContext;
import org.ccmkit.core.rules.CareQuery;
import org.ccmkit.core.rules.CoreReasonCode;
import org.ccmkit.core.rules.CoreRules;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Goal;
import org.junit.jupiter.api.Test;

/**
 * The care-plan builder: the resources round-trip through HAPI, carry what US Core (CarePlan, Goal,
 * CareTeam) requires, and map back to the elements the builder filled.
 */
class R4CarePlanBuilderTest {
  private static final LocalDate START = LocalDate.of(2026, 3, 2);

  private static R4CarePlanBuilder skeleton() {
    return R4CarePlanBuilder.forPatient("pat-1", "cp-built", START)
        .program(CareProgram.CCM)
        .author("dr-1")
        .addProblem("cond-dm")
        .addGoal(
            R4CarePlanBuilder.goal(
                "HbA1c below 7 %",
                new Coding("http://loinc.org", "4548-4", null), "<7 %", LocalDate.of(2026, 9, 1)))
        .addCareTeamMember("dr-1", "billing practitioner")
        .addCareTeamMember("rn-1", "care manager");
  }

  private static R4CarePlanBuilder.Result complete() {
    return skeleton()
        .active()
        .fill(CarePlanElement.EXPECTED_OUTCOME, "Stable glycaemic control; good prognosis")
        .fill(CarePlanElement.SYMPTOM_MANAGEMENT, "Hypoglycaemia action plan reviewed")
        .fill(CarePlanElement.PLANNED_INTERVENTIONS, "Monthly nurse call", "rn-1")
        .fill(CarePlanElement.MEDICATION_MANAGEMENT, "Metformin reconciled; adherence checked")
        .notApplicable(CarePlanElement.COMMUNITY_SERVICES)
        .nextReview(LocalDate.of(2026, 9, 2))
        .sharedWithPatient(LocalDate.of(2026, 3, 3))
        .build();
  }

  /** Maps the built bundle with the basic patient, a condition and the two practitioners. */
  private static MappingResult map(R4CarePlanBuilder.Result built) {
    IParser json = R4Mapper.sharedContext().newJsonParser();
    return R4Mapper.create()
        .newSession()
        .addPath(Fixtures.r4("patient-basic.json"))
        .addPath(Fixtures.r4("practitioner-physician.json"))
        .addPath(Fixtures.r4("practitioner-nurse.json"))
        .addPath(Fixtures.r4("condition-icd10-snomed-active.json"))
        .addJson("built.json", json.encodeResourceToString(built.bundle()))
        .finish();
  }

  @Test
  void build_roundTripsThroughHapiUnchanged() {
    IParser json = R4Mapper.sharedContext().newJsonParser();
    Bundle bundle = complete().bundle();
    String once = json.encodeResourceToString(bundle);
    String twice = json.encodeResourceToString(json.parseResource(Bundle.class, once));

    assertThat(twice).isEqualTo(once);
    assertThat(bundle.getEntry()).hasSize(3);
  }

  @Test
  void build_carriesUsCoreRequiredElements() {
    R4CarePlanBuilder.Result r = complete();
    CarePlan plan = r.carePlan();
    // US Core CarePlan: text (status, div), status, intent, category assess-plan, subject.
    assertThat(plan.getText().getStatus()).isNotNull();
    assertThat(plan.getText().getDivAsString()).contains("xhtml");
    assertThat(plan.getStatus()).isEqualTo(CarePlan.CarePlanStatus.ACTIVE);
    assertThat(plan.getIntent()).isEqualTo(CarePlan.CarePlanIntent.PLAN);
    assertThat(plan.getCategory())
        .anyMatch(c -> c.hasCoding(R4CarePlanBuilder.US_CORE_CATEGORY_SYSTEM, "assess-plan"))
        .anyMatch(c -> c.hasCoding("http://snomed.info/sct", R4CarePlanBuilder.MCC_CATEGORY_CODE));
    assertThat(plan.getSubject().getReference()).isEqualTo("Patient/pat-1");
    // US Core Goal: lifecycleStatus, description, subject, target.due (and a start date).
    assertThat(r.goals())
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.getLifecycleStatus()).isEqualTo(Goal.GoalLifecycleStatus.ACTIVE);
              assertThat(g.getDescription().getText()).isNotBlank();
              assertThat(g.getSubject().getReference()).isEqualTo("Patient/pat-1");
              assertThat(g.getTargetFirstRep().hasMeasure()).isTrue();
              assertThat(g.getTargetFirstRep().getDueDateType().getValueAsString())
                  .isEqualTo("2026-09-01");
              assertThat(g.getStartDateType().getValueAsString()).isEqualTo("2026-03-02");
            });
    // US Core CareTeam: status, subject, participant.role and participant.member.
    CareTeam team = r.careTeam();
    assertThat(team.getStatus()).isEqualTo(CareTeam.CareTeamStatus.ACTIVE);
    assertThat(team.getSubject().getReference()).isEqualTo("Patient/pat-1");
    assertThat(team.getParticipant())
        .hasSize(2)
        .allSatisfy(
            p -> {
              assertThat(p.getRole()).isNotEmpty();
              assertThat(p.getMember().getReference()).startsWith("Practitioner/");
            });
    // Each activity element has its slot.
    assertThat(plan.getActivity())
        .extracting(a -> a.getDetail().getCode().getCodingFirstRep().getCode())
        .containsExactlyInAnyOrder(
            "expected-outcome",
            "symptom-management",
            "planned-interventions",
            "medication-management",
            "community-services",
            "review-schedule");
  }

  @Test
  void mapBack_completePlan_yieldsEveryElementTheBuilderFilled() {
    MappingResult r = map(complete());

    assertThat(r.counts().rejected()).isZero();
    assertThat(r.counts().ignored()).isZero();
    PatientRecord rec = r.record(PatientRef.of("pat-1")).orElseThrow();
    CarePlanRecord plan = rec.carePlans().get(0);
    assertThat(plan.status()).isEqualTo(CarePlanStatus.ACTIVE);
    assertThat(plan.period().start()).isEqualTo(START);
    assertThat(plan.nextReview()).contains(LocalDate.of(2026, 9, 2));
    assertThat(plan.sharedWithPatient()).contains(LocalDate.of(2026, 3, 3));
    assertThat(plan.careTeam())
        .containsExactly(PractitionerRef.of("dr-1"), PractitionerRef.of("rn-1"));
    for (CarePlanElement e : CarePlanElement.values()) {
      ElementStatus expected =
          e == CarePlanElement.COMMUNITY_SERVICES
              ? ElementStatus.NOT_APPLICABLE
              : ElementStatus.PRESENT;
      assertThat(plan.element(e).status()).as(e.name()).isEqualTo(expected);
    }
    assertThat(plan.element(CarePlanElement.PROBLEM_LIST).sources())
        .containsExactly(SourceRef.of("Condition", "cond-dm"));
    assertThat(plan.element(CarePlanElement.MEASURABLE_GOALS).sources())
        .containsExactly(SourceRef.of("Goal", "cp-built-goal-1"));
    assertThat(plan.element(CarePlanElement.CARE_COORDINATION).sources())
        .containsExactly(SourceRef.of("CareTeam", "cp-built-team"));

    Decision d =
        CoreRules.standard()
            .carePlan()
            .evaluate(
                CareQuery.of(rec, CareProgram.CCM, YearMonth.of(2026, 3)),
                EvaluationContext.endOf(YearMonth.of(2026, 3), ZoneId.of("America/New_York")));
    assertThat(d.hasReason(CoreReasonCode.CARE_PLAN_IN_PLACE)).isTrue();
  }

  @Test
  void mapBack_emptySkeleton_listsTheSlotsStillToFill() {
    MappingResult r = map(skeleton().active().build());

    CarePlanRecord plan = r.record(PatientRef.of("pat-1")).orElseThrow().carePlans().get(0);
    assertThat(plan.element(CarePlanElement.PROBLEM_LIST).status())
        .isEqualTo(ElementStatus.PRESENT);
    assertThat(plan.element(CarePlanElement.MEASURABLE_GOALS).status())
        .isEqualTo(ElementStatus.PRESENT);
    assertThat(plan.element(CarePlanElement.CARE_COORDINATION).status())
        .isEqualTo(ElementStatus.PRESENT);
    for (CarePlanElement e : R4CarePlanBuilder.ACTIVITY_SLOTS) {
      assertThat(plan.element(e).status()).as(e.name()).isEqualTo(ElementStatus.MISSING);
    }
    assertThat(plan.sharedWithPatient()).isEmpty();
  }

  @Test
  void build_defaultsToDraft_andRejectsMisuse() {
    assertThat(skeleton().build().carePlan().getStatus()).isEqualTo(CarePlan.CarePlanStatus.DRAFT);
    assertThatThrownBy(() -> skeleton().fill(CarePlanElement.PROBLEM_LIST, "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> skeleton().fill(CarePlanElement.SYMPTOM_MANAGEMENT, " "))
        .isInstanceOf(IllegalArgumentException.class);
    R4CarePlanBuilder b = skeleton();
    R4CarePlanBuilder.Result unused = b.build();
    assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class);
  }
}
