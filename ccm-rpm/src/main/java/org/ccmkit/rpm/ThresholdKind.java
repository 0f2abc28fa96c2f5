package org.ccmkit.rpm;

/**
 * What a threshold rule looks at: one reading's value, or its change against the patient's own
 * recent readings.
 *
 * @since 0.1.0
 */
public enum ThresholdKind {
  /** A reading's value against a limit (any of the rule's conditions). */
  LEVEL,
  /** A rise against the lowest reading of the same metric in the look-back window. */
  RISE,
  /** A fall against the highest reading of the same metric in the look-back window. */
  FALL
}
