package org.ccmkit.core.model;

/**
 * A way patients reach the care team for urgent needs outside office hours (rules reference §6.2,
 * 24/7 access). Which routes satisfy the 24/7 requirement is versioned data, not this enum.
 *
 * @since 0.2.0
 */
public enum AccessRoute {
  /** A telephone line answered by the care team around the clock. */
  PHONE_LINE,
  /** A practitioner on call. */
  ON_CALL_PRACTITIONER,
  /** An answering service that reaches a member of the care team. */
  ANSWERING_SERVICE,
  /** A nurse triage line. */
  NURSE_TRIAGE_LINE,
  /** The patient portal (not real time). */
  PATIENT_PORTAL,
  /** Secure messaging (not real time). */
  SECURE_MESSAGING
}
