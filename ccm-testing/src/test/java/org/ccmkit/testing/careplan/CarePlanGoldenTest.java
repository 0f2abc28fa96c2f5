package org.ccmkit.testing.careplan;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.ccmkit.core.condition.ChronicConditionClassifiers;
import org.ccmkit.core.json.CcmJson;
import org.ccmkit.core.model.CarePlanElement;
import org.ccmkit.core.model.CarePlanRecord;
import org.ccmkit.core.model.CarePlanStatus;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.model.ElementState;
import org.ccmkit.core.model.ElementStatus;
import org.ccmkit.core.model.Enrollment;
import org.ccmkit.core.model.ImmutableCarePlanRecord;
import org.ccmkit.core.model.Patient;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.core.params.CoreParameters;
import org.ccmkit.core.params.ImmutableCarePlanParameters;
import org.ccmkit.core.params.ImmutableCoreParameters;
import org.ccmkit.core.rule.EvaluationContext;
import org.ccmkit.core.rule.Severity;
import org.ccmkit.core.rules.CareQuery;
import org.ccmkit.core.rules.CoreRules;
import org.ccmkit.testing.GoldenFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden files for the care-plan check (rules reference §6, PLAN-T01/T02): each case pins its input
 * (the patient record and query) and the {@code core.care-plan} decision with the shipped
 * parameters (findings are warnings) and with the blocking switch (findings are errors). Regenerate
 * with {@code -Dccm.golden.update=true} and review the diff.
 */
class CarePlanGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/care-plan");
  private static final YearMonth MONTH = YearMonth.of(2026, 3);
  private static final EvaluationContext CONTEXT =
      EvaluationContext.endOf(MONTH, ZoneId.of("America/New_York"));
  private static final PatientRef PATIENT = PatientRef.of("p-golden");
  private static final PractitionerRef DR = PractitionerRef.of("dr-golden");
  private static final CoreRules SHIPPED = CoreRules.standard();
  private static final CoreRules BLOCKING = with(c -> c.withSeverity(Severity.ERROR));

  private static CoreRules with(UnaryOperator<ImmutableCarePlanParameters> change) {
    CoreParameters cy2026 = CoreParameters.builtIn().forDate(LocalDate.of(2026, 1, 1));
    CoreParameters modified =
        ImmutableCoreParameters.copyOf(cy2026)
            .withCarePlan(change.apply(ImmutableCarePlanParameters.copyOf(cy2026.carePlan())));
    return CoreRules.of(
        CoreParameters.builtIn().with(modified), ChronicConditionClassifiers.standard());
  }

  private static ImmutableCarePlanRecord plan(String id, LocalDate start) {
    SourceRef src = SourceRef.of("CarePlan", id);
    ImmutableCarePlanRecord.Builder b =
        CarePlanRecord.builder()
            .source(src)
            .patient(PATIENT)
            .status(CarePlanStatus.ACTIVE)
            .period(DateRange.startingOn(start))
            .created(start)
            .nextReview(start.plusMonths(6))
            .sharedWithPatient(start.plusDays(2))
            .addCareTeam(DR);
    for (CarePlanElement e : CarePlanElement.values()) {
      if (e != CarePlanElement.MEASURABLE_GOALS && e != CarePlanElement.CARE_COORDINATION) {
        b.putElement(e, ElementState.of(ElementStatus.PRESENT, List.of(src)));
      }
    }
    b.putElement(
        CarePlanElement.MEASURABLE_GOALS,
        ElementState.of(
            ElementStatus.PRESENT,
            List.of(SourceRef.of("Goal", id + "-g1"), SourceRef.of("Goal", id + "-g2"))));
    b.putElement(
        CarePlanElement.CARE_COORDINATION,
        ElementState.of(ElementStatus.PRESENT, List.of(SourceRef.of("CareTeam", id + "-team"))));
    return b.build();
  }

  private static ImmutableCarePlanRecord withElement(
      ImmutableCarePlanRecord plan, CarePlanElement element, ElementStatus status) {
    Map<CarePlanElement, ElementState> elements = new EnumMap<>(plan.elements());
    if (status == ElementStatus.MISSING) {
      elements.remove(element);
    } else {
      elements.put(element, ElementState.of(status, List.of()));
    }
    return plan.withElements(elements);
  }

  private static List<CarePlanRecord> plans(String name) {
    LocalDate jan = LocalDate.of(2026, 1, 12);
    return switch (name) {
      case "complete" -> List.of(plan("cp1", jan));
      case "missing" -> List.of(plan("cp-draft", jan).withStatus(CarePlanStatus.DRAFT));
      case "incomplete-with-not-applicable" ->
          List.of(
              withElement(
                  withElement(
                      withElement(
                          plan("cp1", jan),
                          CarePlanElement.COMMUNITY_SERVICES,
                          ElementStatus.NOT_APPLICABLE),
                      CarePlanElement.EXPECTED_OUTCOME,
                      ElementStatus.MISSING),
                  CarePlanElement.MEDICATION_MANAGEMENT,
                  ElementStatus.MISSING));
      case "overdue-not-shared" ->
          List.of(
              plan("cp1", LocalDate.of(2024, 11, 4))
                  .withNextReview(Optional.empty())
                  .withLastReviewed(LocalDate.of(2025, 2, 27))
                  .withSharedWithPatient(Optional.empty()));
      case "superseded" ->
          List.of(
              plan("cp-old", LocalDate.of(2025, 3, 1)).withSharedWithPatient(Optional.empty()),
              plan("cp-new", LocalDate.of(2026, 2, 20)));
      default -> throw new IllegalArgumentException(name);
    };
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "complete",
        "missing",
        "incomplete-with-not-applicable",
        "overdue-not-shared",
        "superseded"
      })
  void carePlan_case_matchesGoldenFiles(String name) {
    PatientRecord record =
        PatientRecord.builder()
            .patient(Patient.of(PATIENT.id()))
            .addEnrollment(
                Enrollment.builder()
                    .source(SourceRef.of("EpisodeOfCare", "e1"))
                    .patient(PATIENT)
                    .program(CareProgram.CCM)
                    .billingPractitioner(DR)
                    .period(DateRange.startingOn(LocalDate.of(2025, 1, 1)))
                    .build())
            .carePlans(plans(name))
            .build();
    CareQuery query = CareQuery.of(record, CareProgram.CCM, MONTH, DR);

    GoldenFiles.assertMatches(
        CcmJson.write(Map.of("context", CONTEXT, "query", query)),
        GOLDEN.resolve(name + ".input.json"));
    GoldenFiles.assertMatches(
        CcmJson.write(
            Map.of(
                "shipped", SHIPPED.carePlan().evaluate(query, CONTEXT),
                "blocking", BLOCKING.carePlan().evaluate(query, CONTEXT))),
        GOLDEN.resolve(name + ".expected.json"));
  }
}
