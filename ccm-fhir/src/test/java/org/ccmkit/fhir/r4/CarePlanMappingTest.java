package org.ccmkit.fhir.r4;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.ccmkit.core.model.CarePlanElement;
import org.ccmkit.core.model.CarePlanRecord;
import org.ccmkit.core.model.CarePlanStatus;
import org.ccmkit.core.model.Consent;
import org.ccmkit.core.model.ConsentDisclosure;
import org.ccmkit.core.model.ElementStatus;
import org.ccmkit.core.model.PatientRef;
import org.junit.jupiter.api.Test;

/** CarePlan, Goal and CareTeam mapping, and consent disclosures (docs/fhir-mapping.md). */
class CarePlanMappingTest {
  private static final PatientRef PAT = PatientRef.of("pat-1");

  private static CarePlanRecord onlyPlan(MappingResult r) {
    return r.record(PAT).orElseThrow().carePlans().get(0);
  }

  @Test
  void syntheaStylePlan_intentOrder_problemsAndUnmeasurableGoal() {
    String json =
        "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":["
            + "{\"resource\":{\"resourceType\":\"CarePlan\",\"id\":\"cp-s\",\"status\":\"active\","
            + "\"intent\":\"order\",\"subject\":{\"reference\":\"Patient/pat-1\"},"
            + "\"period\":{\"start\":\"2025-05-01T10:00:00-04:00\"},"
            + "\"addresses\":[{\"reference\":\"Condition/c-x\"}],"
            + "\"goal\":[{\"reference\":\"Goal/g-1\"}],"
            + "\"activity\":[{\"detail\":{\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\","
            + "\"code\":\"160670007\"}]},\"status\":\"in-progress\"}}]}},"
            + "{\"resource\":{\"resourceType\":\"Goal\",\"id\":\"g-1\",\"lifecycleStatus\":\"accepted\","
            + "\"description\":{\"text\":\"HbA1c < 7\"},\"subject\":{\"reference\":\"Patient/pat-1\"}}},"
            + "{\"resource\":{\"resourceType\":\"Goal\",\"id\":\"g-2\",\"lifecycleStatus\":\"accepted\","
            + "\"description\":{\"text\":\"walk\"},\"subject\":{\"reference\":\"Patient/pat-1\"}}}]}";

    MappingResult r = Fixtures.mapWithPeople(json);

    CarePlanRecord plan = onlyPlan(r);
    assertThat(plan.status()).isEqualTo(CarePlanStatus.ACTIVE);
    assertThat(plan.period().start()).isEqualTo(LocalDate.of(2025, 5, 1));
    assertThat(plan.element(CarePlanElement.PROBLEM_LIST).status())
        .isEqualTo(ElementStatus.PRESENT);
    // a goal without a measured target and due date is not a measurable goal
    assertThat(plan.element(CarePlanElement.MEASURABLE_GOALS).status())
        .isEqualTo(ElementStatus.MISSING);
    assertThat(plan.element(CarePlanElement.SYMPTOM_MANAGEMENT).status())
        .isEqualTo(ElementStatus.MISSING);
    // g-1 is part of the plan; g-2 is referenced by none
    assertThat(Fixtures.inlineIssues(r))
        .filteredOn(i -> i.code() == MappingIssueCode.NOT_REFERENCED)
        .singleElement()
        .satisfies(i -> assertThat(i.resourceId()).contains("g-2"));
    assertThat(r.counts().read())
        .isEqualTo(r.counts().used() + r.counts().ignored() + r.counts().rejected());
  }

  @Test
  void planWithOtherIntent_ignoredAsOutOfScope() {
    String json =
        "{\"resourceType\":\"CarePlan\",\"id\":\"cp-p\",\"status\":\"active\","
            + "\"intent\":\"proposal\",\"subject\":{\"reference\":\"Patient/pat-1\"},"
            + "\"period\":{\"start\":\"2026-01-01\"}}";

    MappingResult r = Fixtures.mapWithPeople(json);

    assertThat(Fixtures.inlineIssues(r))
        .singleElement()
        .satisfies(i -> assertThat(i.code()).isEqualTo(MappingIssueCode.OUT_OF_SCOPE));
    assertThat(r.record(PAT).orElseThrow().carePlans()).isEmpty();
  }

  @Test
  void reviewByTimingEvent_lastReviewedExtension_unknownElementCodeNoted() {
    String json =
        "{\"resourceType\":\"CarePlan\",\"id\":\"cp-t\",\"status\":\"completed\","
            + "\"intent\":\"plan\",\"subject\":{\"reference\":\"Patient/pat-1\"},"
            + "\"created\":\"2025-01-10\",\"extension\":[{\"url\":\""
            + R4CarePlanBuilder.LAST_REVIEWED_URL
            + "\",\"valueDate\":\"2025-07-01\"}],"
            + "\"activity\":[{\"detail\":{\"code\":{\"coding\":[{\"system\":\""
            + CarePlanElement.SYSTEM
            + "\",\"code\":\"review-schedule\"},{\"system\":\""
            + CarePlanElement.SYSTEM
            + "\",\"code\":\"no-such-element\"}]},\"status\":\"scheduled\","
            + "\"scheduledTiming\":{\"event\":[\"2026-01-10\",\"2025-12-01\"]}}},"
            + "{\"detail\":{\"kind\":\"MedicationRequest\",\"status\":\"in-progress\","
            + "\"description\":\"statin\"}},"
            + "{\"detail\":{\"status\":\"in-progress\",\"description\":\"diet coaching\","
            + "\"performer\":[{\"reference\":\"Practitioner/rn-1\"}]}}]}";

    MappingResult r = Fixtures.mapWithPeople(json);

    CarePlanRecord plan = onlyPlan(r);
    assertThat(plan.status()).isEqualTo(CarePlanStatus.COMPLETED);
    assertThat(plan.period().start()).isEqualTo(LocalDate.of(2025, 1, 10));
    assertThat(plan.lastReviewed()).contains(LocalDate.of(2025, 7, 1));
    assertThat(plan.nextReview()).contains(LocalDate.of(2025, 12, 1));
    assertThat(plan.element(CarePlanElement.REVIEW_SCHEDULE).status())
        .isEqualTo(ElementStatus.PRESENT);
    assertThat(plan.element(CarePlanElement.MEDICATION_MANAGEMENT).status())
        .isEqualTo(ElementStatus.PRESENT);
    assertThat(plan.element(CarePlanElement.PLANNED_INTERVENTIONS).status())
        .isEqualTo(ElementStatus.PRESENT);
    assertThat(Fixtures.inlineIssues(r))
        .extracting(MappingIssue::code)
        .containsExactly(MappingIssueCode.VALUE_DROPPED);
  }

  @Test
  void consT05_consentDisclosures_fromProvisionCodeAndPolicyUri() {
    String json =
        "{\"resourceType\":\"Consent\",\"id\":\"k-d\",\"status\":\"active\","
            + "\"scope\":{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/consentscope\","
            + "\"code\":\"treatment\"}]},"
            + "\"category\":[{\"coding\":[{\"system\":\"https://ccmkit.org/fhir/CodeSystem/care-program\","
            + "\"code\":\"ccm\"}]}],"
            + "\"patient\":{\"reference\":\"Patient/pat-1\"},\"dateTime\":\"2026-01-05\","
            + "\"performer\":[{\"reference\":\"Practitioner/dr-1\"}],"
            + "\"policy\":[{\"uri\":\""
            + ConsentDisclosure.SYSTEM
            + "#right-to-stop\"}],"
            + "\"provision\":{\"code\":[{\"coding\":["
            + "{\"system\":\""
            + ConsentDisclosure.SYSTEM
            + "\",\"code\":\"service-available\"},"
            + "{\"system\":\""
            + ConsentDisclosure.SYSTEM
            + "\",\"code\":\"cost-sharing\"},"
            + "{\"system\":\""
            + ConsentDisclosure.SYSTEM
            + "\",\"code\":\"made-up\"}]}]}}";

    MappingResult r = Fixtures.mapWithPeople(json);

    Consent consent = r.record(PAT).orElseThrow().consents().get(0);
    assertThat(consent.disclosures())
        .containsExactly(
            ConsentDisclosure.SERVICE_AVAILABLE,
            ConsentDisclosure.COST_SHARING,
            ConsentDisclosure.RIGHT_TO_STOP);
    assertThat(Fixtures.inlineIssues(r))
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.code()).isEqualTo(MappingIssueCode.VALUE_DROPPED);
              assertThat(i.message()).contains("made-up");
            });
  }
}
