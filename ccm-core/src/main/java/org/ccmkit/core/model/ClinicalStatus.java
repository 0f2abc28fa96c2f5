package org.ccmkit.core.model;

/**
 * The clinical status of a condition (FHIR {@code condition-clinical}). Only {@link #ACTIVE},
 * {@link #RECURRENCE} and {@link #RELAPSE} count toward eligibility.
 *
 * @since 0.1.0
 */
public enum ClinicalStatus {
  /** Active. */
  ACTIVE,
  /** Active again after a remission. */
  RECURRENCE,
  /** Active again after a remission. */
  RELAPSE,
  /** No longer active. */
  INACTIVE,
  /** In remission. */
  REMISSION,
  /** Resolved. */
  RESOLVED,
  /** Not recorded. */
  UNKNOWN;

  /** Returns whether a condition with this status counts as current. */
  public boolean isActive() {
    return this == ACTIVE || this == RECURRENCE || this == RELAPSE;
  }
}
