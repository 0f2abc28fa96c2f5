package org.ccmkit.core.rule;

/**
 * The outcome of a rule.
 *
 * @since 0.1.0
 */
public enum Outcome {
  /** The rule's criteria are met. */
  MET,
  /** The rule's criteria are not met. */
  NOT_MET,
  /** The rule cannot decide yet: data or an attestation is missing (the reasons say which). */
  INDETERMINATE
}
