package org.ccmkit.core.rule;

/**
 * Stable codes of the errors ccmkit throws (as {@link CcmException}). Codes are enum constants, so
 * they are unique by construction.
 *
 * @since 0.1.0
 */
public enum ErrorCode {
  /** A parameter or data file shipped with, or given to, ccmkit is malformed or inconsistent. */
  INVALID_PARAMETERS,
  /** No parameter set is in effect on the date asked for. */
  NO_PARAMETERS_FOR_DATE,
  /** A code table (e.g. a chronic-condition indicator file) could not be read. */
  INVALID_CODE_TABLE,
  /** {@link Decision#requireMet()} was called on a decision that is not met. */
  RULE_NOT_MET,
  /** A rule was given input it cannot evaluate (e.g. a month without the practitioner it needs). */
  INVALID_INPUT,
  /**
   * FHIR input could not be mapped cleanly and the caller asked for an exception (strict mode, or
   * {@code MappingResult.orThrow()} in ccm-fhir); the exception lists the mapping errors.
   */
  INVALID_FHIR_INPUT
}
