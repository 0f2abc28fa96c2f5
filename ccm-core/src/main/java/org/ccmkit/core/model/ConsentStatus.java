package org.ccmkit.core.model;

/**
 * The state of a consent record, as the FHIR contract maps {@code Consent.status}.
 *
 * @since 0.1.0
 */
public enum ConsentStatus {
  /** Given and in force (unless it carries a withdrawal date). */
  ACTIVE,
  /** The patient declined. */
  REJECTED,
  /** Not in force. */
  INACTIVE,
  /** Drafted or proposed, not yet given. */
  PROPOSED
}
