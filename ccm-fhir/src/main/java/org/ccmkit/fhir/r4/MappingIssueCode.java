package org.ccmkit.fhir.r4;

import org.ccmkit.core.rule.ReasonCode;
import org.ccmkit.core.rule.Severity;

/**
 * The stable codes of {@link MappingIssue}s. A code's {@link #effect()} says what happens to the
 * resource it is raised on; its {@link #severity()} is {@link Severity#ERROR} exactly for the codes
 * that reject, {@link Severity#INFO} for those that ignore and {@link Severity#WARNING} for notes.
 * A code, once released, is never renamed.
 *
 * @since 0.1.0
 */
public enum MappingIssueCode implements ReasonCode {
  // ---- rejecting (ERROR) ----
  /** A file or stream could not be read (I/O error); counted as one rejected input. */
  UNREADABLE_INPUT(IssueEffect.REJECTS),
  /** A file or NDJSON line is not well-formed JSON. */
  MALFORMED_JSON(IssueEffect.REJECTS),
  /**
   * Well-formed JSON that is not a FHIR R4 resource (not an object, no or unknown resourceType).
   */
  NOT_A_RESOURCE(IssueEffect.REJECTS),
  /** HAPI's parser could not build the resource (the HAPI message code is given, never values). */
  PARSE_FAILED(IssueEffect.REJECTS),
  /** Strict mode: the parser complained about the resource (the parser warnings say how). */
  STRICT_PARSER_COMPLAINT(IssueEffect.REJECTS),
  /** The resource has no logical id and none can be taken from its bundle entry's fullUrl. */
  MISSING_ID(IssueEffect.REJECTS),
  /** A field the mapping needs is absent (e.g. {@code Procedure.performedPeriod.end}). */
  MISSING_REQUIRED_FIELD(IssueEffect.REJECTS),
  /** A field has a value the mapping cannot use (e.g. a period that ends before it starts). */
  INVALID_VALUE(IssueEffect.REJECTS),
  /** A code in one of ccmkit's own code systems that the options do not know. */
  UNKNOWN_CODE(IssueEffect.REJECTS),
  /** Two values that must agree do not (e.g. a time entry in two programs). */
  CONFLICTING_VALUES(IssueEffect.REJECTS),
  /** A reference that matters (subject, patient, billing practitioner…) does not resolve. */
  UNRESOLVED_REFERENCE(IssueEffect.REJECTS),
  /** Another resource with the same type and id but different content was read and kept. */
  DUPLICATE_ID_CONFLICT(IssueEffect.REJECTS),
  /** A bundle entry without a resource (other than a DELETE request). */
  MISSING_RESOURCE(IssueEffect.REJECTS),
  /** An unexpected failure inside a mapper (a ccmkit bug); the resource is rejected. */
  MAPPER_FAILURE(IssueEffect.REJECTS),

  // ---- ignoring (INFO) ----
  /** A resource type the contract does not read. */
  UNSUPPORTED_TYPE(IssueEffect.IGNORES),
  /**
   * A type the options defer: read and counted, not mapped ({@code MappingOptions.deferredTypes}).
   */
  DEFERRED_TYPE(IssueEffect.IGNORES),
  /** A Goal or CareTeam that no mapped CarePlan of its subject references. */
  NOT_REFERENCED(IssueEffect.IGNORES),
  /** {@code status} (or {@code verificationStatus}) is {@code entered-in-error}. */
  ENTERED_IN_ERROR(IssueEffect.IGNORES),
  /** The status is not one that counts (e.g. a Procedure that is not {@code completed}). */
  STATUS_NOT_COUNTED(IssueEffect.IGNORES),
  /** The resource carries no care-program code, so it is not care-management data. */
  NO_CARE_PROGRAM(IssueEffect.IGNORES),
  /** No code in a configured code system (e.g. an Encounter without CPT or HCPCS type). */
  UNSUPPORTED_CODE(IssueEffect.IGNORES),
  /** Well-formed but outside what the mapping reads (e.g. a privacy consent, no deductible). */
  OUT_OF_SCOPE(IssueEffect.IGNORES),
  /** The same resource (same type, id and content) was already read. */
  DUPLICATE_RESOURCE(IssueEffect.IGNORES),
  /** A newer version (later {@code meta.lastUpdated}) of the same resource was read. */
  SUPERSEDED(IssueEffect.IGNORES),
  /** A reading with the same patient and identifier was already read; it counts once. */
  DUPLICATE_IDENTIFIER(IssueEffect.IGNORES),
  /** A bundle entry that deletes a resource; nothing to map. */
  DELETE_ENTRY(IssueEffect.IGNORES),

  // ---- notes (WARNING) ----
  /** Parser callback: an element the R4 structure does not define. */
  PARSER_UNKNOWN_ELEMENT(IssueEffect.NOTE),
  /** Parser callback: an attribute the R4 structure does not define. */
  PARSER_UNKNOWN_ATTRIBUTE(IssueEffect.NOTE),
  /** Parser callback: a value that is not valid for its type (the value was dropped). */
  PARSER_INVALID_VALUE(IssueEffect.NOTE),
  /** Parser callback: a JSON value of the wrong type (e.g. a string where a number belongs). */
  PARSER_INCORRECT_JSON_TYPE(IssueEffect.NOTE),
  /** Parser callback: a repeated element that may occur only once. */
  PARSER_UNEXPECTED_REPEATING_ELEMENT(IssueEffect.NOTE),
  /** Parser callback: an element the R4 structure requires is missing. */
  PARSER_MISSING_REQUIRED_ELEMENT(IssueEffect.NOTE),
  /** Parser callback: a reference the parser could not follow. */
  PARSER_UNKNOWN_REFERENCE(IssueEffect.NOTE),
  /** Parser callback: a local reference to a contained resource that is not there. */
  PARSER_INVALID_INTERNAL_REFERENCE(IssueEffect.NOTE),
  /** Parser callback: a contained resource without an id. */
  PARSER_CONTAINED_WITHOUT_ID(IssueEffect.NOTE),
  /** Parser callback: an extension with both a value and nested extensions. */
  PARSER_EXTENSION_VALUE_AND_CHILDREN(IssueEffect.NOTE),
  /** The referenced practitioner was not among the inputs: their role is unknown. */
  PRACTITIONER_NOT_FOUND(IssueEffect.NOTE),
  /** An optional reference could not be resolved and was left out. */
  REFERENCE_DROPPED(IssueEffect.NOTE),
  /** A value could not be used and was left out (e.g. a Medigap plan letter outside A–N). */
  VALUE_DROPPED(IssueEffect.NOTE),
  /** A date-time with a time but no UTC offset; it was read in the practice's zone. */
  TIME_WITHOUT_OFFSET(IssueEffect.NOTE),
  /**
   * Claim writing: a qualifying condition has no ICD-10-CM code (e.g. SNOMED CT only), so it is
   * left off the Claim's {@code diagnosis}; the claim needs an ICD-10-CM code before submission.
   */
  DIAGNOSIS_NEEDS_ICD10CM(IssueEffect.NOTE);

  private final IssueEffect effect;

  MappingIssueCode(IssueEffect effect) {
    this.effect = effect;
  }

  /** Returns what the code does to the resource it is raised on. */
  public IssueEffect effect() {
    return effect;
  }

  /** Returns ERROR for rejecting codes, INFO for ignoring codes, WARNING for notes. */
  @Override
  public Severity severity() {
    return switch (effect) {
      case REJECTS -> Severity.ERROR;
      case IGNORES -> Severity.INFO;
      case NOTE -> Severity.WARNING;
    };
  }
}
