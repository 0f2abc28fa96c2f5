package org.ccmkit.fhir.r4;

/**
 * What a {@link MappingIssueCode} does to the resource it is raised on. Every resource read ends
 * either used, ignored (an issue with effect {@link #IGNORES}) or rejected (an issue with effect
 * {@link #REJECTS}); {@link #NOTE} issues leave the resource's fate unchanged.
 *
 * @since 0.1.0
 */
public enum IssueEffect {
  /** The resource is rejected: it is malformed, incomplete or points at something unresolvable. */
  REJECTS,
  /** The resource is well-formed but not used (unsupported, not in scope, entered in error…). */
  IGNORES,
  /** A remark; the resource is still used (or ignored or rejected for another issue). */
  NOTE
}
