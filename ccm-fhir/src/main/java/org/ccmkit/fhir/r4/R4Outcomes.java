package org.ccmkit.fhir.r4;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ccmkit.core.json.CcmJson;
import org.ccmkit.core.rule.Decision;
import org.ccmkit.core.rule.Evidence;
import org.ccmkit.core.rule.Reason;
import org.ccmkit.core.rule.Severity;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * Writes mapping issues and decisions as FHIR R4 {@code OperationOutcome}s (base R4 structure, no
 * profile). Each issue carries its stable code as {@code details.coding} (system {@value
 * #MAPPING_ISSUE_SYSTEM} or {@value #REASON_SYSTEM}), its English message as {@code details.text},
 * and, for mapping issues, the source location (file and line or bundle entry) in the extension
 * {@value #SOURCE_LOCATION_EXTENSION} and in {@code diagnostics}. Ids are derived from the content,
 * so equal input gives equal output. No PHI is written: resources are named by type and id only.
 *
 * @since 0.1.0
 */
public final class R4Outcomes {
  /** The code system of {@link MappingIssueCode}s, {@value}. */
  public static final String MAPPING_ISSUE_SYSTEM =
      "https://ccmkit.org/fhir/CodeSystem/mapping-issue";

  /** The code system of decision reason codes, {@value}. */
  public static final String REASON_SYSTEM = "https://ccmkit.org/fhir/CodeSystem/reason";

  /** The code system of decision outcomes (MET, NOT_MET, INDETERMINATE), {@value}. */
  public static final String OUTCOME_SYSTEM = "https://ccmkit.org/fhir/CodeSystem/decision-outcome";

  /** Extension (valueString) naming where an input was read, e.g. {@code f.ndjson:7}, {@value}. */
  public static final String SOURCE_LOCATION_EXTENSION =
      "https://ccmkit.org/fhir/StructureDefinition/source-location";

  /** Extension (valueReference) naming the resource an issue is about, {@value}. */
  public static final String SOURCE_RESOURCE_EXTENSION =
      "https://ccmkit.org/fhir/StructureDefinition/source-resource";

  /** Extension (valueReference, with a display) naming a decision's evidence, {@value}. */
  public static final String EVIDENCE_EXTENSION =
      "https://ccmkit.org/fhir/StructureDefinition/evidence";

  private R4Outcomes() {}

  /**
   * Returns one OperationOutcome per input that was rejected or ignored, holding every issue of
   * that input (the rejecting or ignoring one and any warnings), in the result's order.
   *
   * @param result a mapping result
   * @return the outcomes, one per rejected or ignored input
   */
  public static ImmutableList<OperationOutcome> toOperationOutcomes(MappingResult result) {
    Map<SourceLocation, List<MappingIssue>> byInput = new LinkedHashMap<>();
    for (MappingIssue i : result.issues()) {
      byInput.computeIfAbsent(i.location(), l -> new ArrayList<>()).add(i);
    }
    ImmutableList.Builder<OperationOutcome> out = ImmutableList.builder();
    for (List<MappingIssue> issues : byInput.values()) {
      if (issues.stream().anyMatch(i -> i.effect() != IssueEffect.NOTE)) {
        out.add(toOperationOutcome(issues));
      }
    }
    return out.build();
  }

  /**
   * Returns an OperationOutcome with one issue.
   *
   * @param issue a mapping issue
   * @return the outcome
   */
  public static OperationOutcome toOperationOutcome(MappingIssue issue) {
    return toOperationOutcome(List.of(issue));
  }

  /**
   * Returns one OperationOutcome holding {@code issues}, which must all be about the same input.
   *
   * @param issues the issues of one input, at least one
   * @return the outcome
   * @throws IllegalArgumentException if {@code issues} is empty or names several locations
   */
  public static OperationOutcome toOperationOutcome(List<MappingIssue> issues) {
    checkArgument(!issues.isEmpty(), "an OperationOutcome needs at least one issue");
    SourceLocation location = issues.get(0).location();
    checkArgument(
        issues.stream().allMatch(i -> i.location().equals(location)),
        "the issues of one OperationOutcome are about one input");
    OperationOutcome oo = new OperationOutcome();
    StringBuilder key = new StringBuilder("mapping|").append(location);
    for (MappingIssue i : issues) {
      key.append('|').append(i.code()).append('|').append(i.path().orElse(""));
      OperationOutcomeIssueComponent c = oo.addIssue();
      c.setSeverity(severity(i.severity()));
      c.setCode(type(i.code()));
      c.setDetails(
          new CodeableConcept()
              .addCoding(new Coding(MAPPING_ISSUE_SYSTEM, i.code().name(), null))
              .setText(i.message()));
      StringBuilder diagnostics = new StringBuilder("source: ").append(location);
      i.resource().ifPresent(r -> diagnostics.append("; resource: ").append(r));
      i.resourceType()
          .filter(t -> i.resourceId().isEmpty())
          .ifPresent(t -> diagnostics.append("; resource type: ").append(t));
      c.setDiagnostics(diagnostics.toString());
      i.path().ifPresent(p -> c.addExpression(p));
      c.addExtension(SOURCE_LOCATION_EXTENSION, new StringType(location.toString()));
      i.resource()
          .ifPresent(r -> c.addExtension(SOURCE_RESOURCE_EXTENSION, new Reference(r.toString())));
    }
    oo.setIdElement(new IdType("OperationOutcome", "mapping-" + hash(key.toString())));
    return oo;
  }

  /**
   * Returns a decision as an OperationOutcome: a first issue with the rule, outcome and subject
   * (patient, program, month and practitioner ids) and the evidence as extensions, then one issue
   * per reason, in the decision's order.
   *
   * @param decision a decision
   * @return the outcome
   */
  public static OperationOutcome toOperationOutcome(Decision decision) {
    OperationOutcome oo = new OperationOutcome();
    OperationOutcomeIssueComponent head = oo.addIssue();
    head.setSeverity(
        switch (decision.outcome()) {
          case MET -> IssueSeverity.INFORMATION;
          case INDETERMINATE -> IssueSeverity.WARNING;
          case NOT_MET -> IssueSeverity.ERROR;
        });
    head.setCode(decision.isMet() ? IssueType.INFORMATIONAL : IssueType.BUSINESSRULE);
    head.setDetails(
        new CodeableConcept()
            .addCoding(new Coding(OUTCOME_SYSTEM, decision.outcome().name(), null))
            .setText(decision.ruleId() + ": " + decision.outcome()));
    StringBuilder d = new StringBuilder("rule: ").append(decision.ruleId());
    d.append("; as of: ").append(decision.asOf());
    decision.patient().ifPresent(p -> d.append("; patient: ").append(p));
    decision.program().ifPresent(p -> d.append("; program: ").append(p));
    decision.month().ifPresent(m -> d.append("; month: ").append(m));
    decision.practitioner().ifPresent(p -> d.append("; practitioner: ").append(p));
    decision.details().forEach((k, v) -> d.append("; ").append(k).append('=').append(v));
    head.setDiagnostics(d.toString());
    for (Evidence e : decision.evidence()) {
      Reference r = new Reference(e.source().toString());
      StringBuilder display = new StringBuilder(e.role().name()).append(' ').append(e.path());
      if (!e.value().isEmpty()) {
        display.append(": ").append(e.value());
      }
      e.reason().ifPresent(reason -> display.append(" (").append(reason).append(')'));
      r.setDisplay(display.toString());
      head.addExtension(EVIDENCE_EXTENSION, r);
    }
    for (Reason reason : decision.reasons()) {
      OperationOutcomeIssueComponent c = oo.addIssue();
      c.setSeverity(severity(reason.severity()));
      c.setCode(
          reason.severity() == Severity.INFO ? IssueType.INFORMATIONAL : IssueType.BUSINESSRULE);
      c.setDetails(
          new CodeableConcept()
              .addCoding(new Coding(REASON_SYSTEM, reason.code(), null))
              .setText(reason.message()));
      if (!reason.details().isEmpty()) {
        StringBuilder rd = new StringBuilder();
        reason
            .details()
            .forEach(
                (k, v) -> rd.append(rd.length() == 0 ? "" : "; ").append(k).append('=').append(v));
        c.setDiagnostics(rd.toString());
      }
    }
    oo.setIdElement(new IdType("OperationOutcome", "decision-" + hash(CcmJson.write(decision))));
    return oo;
  }

  private static String hash(String text) {
    return Hashing.murmur3_128().hashString(text, StandardCharsets.UTF_8).toString();
  }

  private static IssueSeverity severity(Severity s) {
    return switch (s) {
      case ERROR -> IssueSeverity.ERROR;
      case WARNING -> IssueSeverity.WARNING;
      case INFO -> IssueSeverity.INFORMATION;
    };
  }

  /** The FHIR issue type of each mapping issue code. */
  static IssueType type(MappingIssueCode code) {
    return switch (code) {
      case UNREADABLE_INPUT, MAPPER_FAILURE -> IssueType.EXCEPTION;
      case MALFORMED_JSON,
          NOT_A_RESOURCE,
          PARSE_FAILED,
          STRICT_PARSER_COMPLAINT,
          PARSER_UNKNOWN_ELEMENT,
          PARSER_UNKNOWN_ATTRIBUTE,
          PARSER_INCORRECT_JSON_TYPE,
          PARSER_UNEXPECTED_REPEATING_ELEMENT,
          PARSER_CONTAINED_WITHOUT_ID,
          PARSER_EXTENSION_VALUE_AND_CHILDREN ->
          IssueType.STRUCTURE;
      case MISSING_ID, MISSING_REQUIRED_FIELD, MISSING_RESOURCE, PARSER_MISSING_REQUIRED_ELEMENT ->
          IssueType.REQUIRED;
      case INVALID_VALUE, PARSER_INVALID_VALUE, VALUE_DROPPED, TIME_WITHOUT_OFFSET ->
          IssueType.VALUE;
      case UNKNOWN_CODE, DIAGNOSIS_NEEDS_ICD10CM -> IssueType.CODEINVALID;
      case CONFLICTING_VALUES -> IssueType.INVARIANT;
      case UNRESOLVED_REFERENCE,
          PARSER_UNKNOWN_REFERENCE,
          PARSER_INVALID_INTERNAL_REFERENCE,
          PRACTITIONER_NOT_FOUND,
          REFERENCE_DROPPED ->
          IssueType.NOTFOUND;
      case DUPLICATE_ID_CONFLICT, DUPLICATE_RESOURCE, DUPLICATE_IDENTIFIER -> IssueType.DUPLICATE;
      case UNSUPPORTED_TYPE, DEFERRED_TYPE, DELETE_ENTRY -> IssueType.NOTSUPPORTED;
      case ENTERED_IN_ERROR,
          STATUS_NOT_COUNTED,
          NO_CARE_PROGRAM,
          UNSUPPORTED_CODE,
          OUT_OF_SCOPE,
          SUPERSEDED,
          NOT_REFERENCED ->
          IssueType.INFORMATIONAL;
    };
  }
}
