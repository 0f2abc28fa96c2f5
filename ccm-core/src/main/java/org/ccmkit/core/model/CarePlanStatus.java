package org.ccmkit.core.model;

/**
 * The state of a care plan, as {@code CarePlan.status} (FHIR R4 request-status) maps to it.
 *
 * @since 0.2.0
 */
public enum CarePlanStatus {
  /** Being drafted; not in effect. */
  DRAFT,
  /** In effect. */
  ACTIVE,
  /** Paused. */
  ON_HOLD,
  /** Ended before it was completed. */
  REVOKED,
  /** Done. */
  COMPLETED,
  /** Not known. */
  UNKNOWN
}
