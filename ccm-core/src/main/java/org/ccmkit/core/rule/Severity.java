package org.ccmkit.core.rule;

/**
 * How much a reason matters. Declared most severe first, which is the order reasons are sorted in.
 *
 * @since 0.1.0
 */
public enum Severity {
  /** Blocks the outcome (e.g. no claim can be made). */
  ERROR,
  /** Worth a look; does not block by default. */
  WARNING,
  /** Explains the outcome. */
  INFO
}
