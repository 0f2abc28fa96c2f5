package org.ccmkit.core.model;

/**
 * Whether a care plan carries one of its elements.
 *
 * @since 0.2.0
 */
public enum ElementStatus {
  /** The plan carries the element. */
  PRESENT,
  /** A clinician marked the element explicitly as not applicable to this patient. */
  NOT_APPLICABLE,
  /** The plan does not carry the element (the state of every element not listed). */
  MISSING
}
