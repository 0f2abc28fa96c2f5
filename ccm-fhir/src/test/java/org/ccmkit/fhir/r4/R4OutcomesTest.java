package org.ccmkit.fhir.r4;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.ValidationResult;
import java.io.StringWriter;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ccmkit.core.json.CcmJson;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.rule.Decision;
import org.ccmkit.core.rule.EvaluationContext;
import org.ccmkit.core.rules.CareQuery;
import org.ccmkit.core.rules.CoreRules;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The OperationOutcome writer: every outcome written parses back with HAPI's strict parser into an
 * equal resource, and passes HAPI's {@link FhirValidator} check of the base R4 structure (the R4
 * XML schemas of {@code hapi-fhir-validation-resources-r4}). {@code hapi-fhir-validation} (the
 * profile validator) is not on Maven Central at 8.12.1, so profile validation is not run.
 */
class R4OutcomesTest {
  private static final FhirContext CTX = R4Mapper.sharedContext();
  private static FhirValidator validator;
  private static List<OperationOutcome> written;

  @BeforeAll
  static void setUp() {
    validator =
        CTX.newValidator()
            .setValidateAgainstStandardSchema(true)
            .setValidateAgainstStandardSchematron(false);
    written = new ArrayList<>();
    written.addAll(R4Outcomes.toOperationOutcomes(R4Mapper.create().map(Fixtures.BAD)));
    written.addAll(
        R4Outcomes.toOperationOutcomes(R4Mapper.create().map(Fixtures.syntheticFiles())));
    decisions().forEach(d -> written.add(R4Outcomes.toOperationOutcome(d)));
  }

  /** Real decisions of the core rules over the mapped CCM scenario, met and not. */
  static List<Decision> decisions() {
    MappingResult r = Fixtures.map("bundle-scenario-ccm-month.json");
    PatientRecord rec = r.records().get(0);
    CoreRules rules = CoreRules.standard();
    List<Decision> out = new ArrayList<>();
    for (YearMonth m : List.of(YearMonth.of(2026, 1), YearMonth.of(2026, 3))) {
      out.addAll(
          rules.evaluateAll(
              CareQuery.of(rec, CareProgram.CCM, m),
              EvaluationContext.endOf(m, ZoneId.of("America/New_York"))));
    }
    return out;
  }

  static Stream<OperationOutcome> outcomes() {
    return written.stream();
  }

  @ParameterizedTest
  @MethodSource("outcomes")
  void outcome_roundTripsThroughHapisStrictParserUnchanged(OperationOutcome oo) {
    IParser parser = CTX.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    String json = R4Ndjson.toLine(oo);
    assertThat(json).doesNotContain("\n");
    OperationOutcome back = parser.parseResource(OperationOutcome.class, json);
    assertThat(back.equalsDeep(oo)).as(json).isTrue();
    IParser xml = CTX.newXmlParser().setParserErrorHandler(new StrictErrorHandler());
    assertThat(
            xml.parseResource(OperationOutcome.class, xml.encodeResourceToString(oo))
                .equalsDeep(oo))
        .isTrue();
  }

  @ParameterizedTest
  @MethodSource("outcomes")
  void outcome_passesTheBaseR4StructureCheck(OperationOutcome oo) {
    ValidationResult v = validator.validateWithResult(oo);
    assertThat(v.getMessages())
        .filteredOn(
            m ->
                m.getSeverity() == ResultSeverityEnum.ERROR
                    || m.getSeverity() == ResultSeverityEnum.FATAL)
        .as(R4Ndjson.toLine(oo))
        .isEmpty();
    assertThat(v.isSuccessful()).isTrue();
  }

  @Test
  void validator_catchesABrokenOutcome() {
    // guards the check above: an issue without severity and code violates the R4 schema
    OperationOutcome broken = new OperationOutcome();
    broken.addIssue().setDiagnostics("x");
    assertThat(validator.validateWithResult(broken).isSuccessful()).isFalse();
  }

  @Test
  void mappingOutcomes_oneOutcomePerRejectedOrIgnoredInput() {
    MappingResult r = R4Mapper.create().map(Fixtures.BAD);
    List<OperationOutcome> oos = R4Outcomes.toOperationOutcomes(r);
    assertThat(oos).hasSize(r.counts().rejected() + r.counts().ignored());
    // the outcome of condition-wrong-json-types holds the rejection and the parser warning
    OperationOutcome types =
        oos.stream()
            .filter(o -> R4Ndjson.toLine(o).contains("condition-wrong-json-types.json"))
            .findFirst()
            .orElseThrow();
    assertThat(types.getIssue())
        .extracting(i -> i.getDetails().getCodingFirstRep().getCode())
        .containsExactly("MISSING_REQUIRED_FIELD", "PARSER_INCORRECT_JSON_TYPE");
    assertThat(types.getIssueFirstRep().getSeverity()).isEqualTo(IssueSeverity.ERROR);
    assertThat(types.getIssueFirstRep().getExpression().get(0).getValue())
        .isEqualTo("Condition.code");
    assertThat(types.getIssueFirstRep().getDiagnostics())
        .isEqualTo(
            "source: "
                + Fixtures.BAD.resolve("condition-wrong-json-types.json")
                + "; resource: Condition/bad-cond-types");
  }

  @Test
  void decisionOutcome_namesRuleOutcomeReasonsAndEvidence() {
    Decision consent =
        decisions().stream()
            .filter(d -> d.ruleId().name().equals("core.consent") && !d.isMet())
            .findFirst()
            .orElseThrow();
    OperationOutcome oo = R4Outcomes.toOperationOutcome(consent);
    assertThat(oo.getIssueFirstRep().getDetails().getCodingFirstRep().getCode())
        .isEqualTo(consent.outcome().name());
    assertThat(oo.getIssueFirstRep().getDiagnostics()).contains("rule: " + consent.ruleId());
    assertThat(oo.getIssue()).hasSize(1 + consent.reasons().size());
    assertThat(oo.getIssue().get(1).getDetails().getCodingFirstRep().getSystem())
        .isEqualTo(R4Outcomes.REASON_SYSTEM);
    assertThat(oo.getIssueFirstRep().getExtensionsByUrl(R4Outcomes.EVIDENCE_EXTENSION))
        .hasSize(consent.evidence().size());
    // deterministic id
    assertThat(R4Outcomes.toOperationOutcome(consent).getId()).isEqualTo(oo.getId());
  }

  @Test
  void decisionLines_areCcmJson() {
    StringWriter w = new StringWriter();
    List<Decision> ds = decisions();
    R4Ndjson.writeDecisions(w, ds);
    List<String> lines = w.toString().lines().toList();
    assertThat(lines).hasSize(ds.size());
    assertThat(CcmJson.read(lines.get(0), Decision.class)).isEqualTo(ds.get(0));
  }
}
