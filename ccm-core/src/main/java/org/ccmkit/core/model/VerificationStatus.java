package org.ccmkit.core.model;

/**
 * The verification status of a condition (FHIR {@code condition-ver-status}). {@link #REFUTED} and
 * {@link #ENTERED_IN_ERROR} never count.
 *
 * @since 0.1.0
 */
public enum VerificationStatus {
  /** Confirmed. */
  CONFIRMED,
  /** Provisional. */
  PROVISIONAL,
  /** Differential. */
  DIFFERENTIAL,
  /** Unconfirmed. */
  UNCONFIRMED,
  /** Ruled out. */
  REFUTED,
  /** Recorded by mistake. */
  ENTERED_IN_ERROR,
  /** Not recorded. */
  UNKNOWN
}
