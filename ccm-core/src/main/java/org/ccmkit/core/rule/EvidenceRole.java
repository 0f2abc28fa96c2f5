package org.ccmkit.core.rule;

/**
 * How a piece of evidence took part in a decision.
 *
 * @since 0.1.0
 */
public enum EvidenceRole {
  /** It counted toward the outcome. */
  COUNTED,
  /** It was considered and left out, for the reason the evidence names. */
  EXCLUDED,
  /** It explains the outcome without counting (e.g. an attestation, a consent). */
  CONTEXT
}
