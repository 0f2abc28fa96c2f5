package org.ccmkit.billing;

/**
 * A condition a code needs besides its time threshold, checked by the engine for the billing
 * practitioner and month.
 *
 * @since 0.1.0
 */
public enum Requirement {
  /**
   * A {@code COMPLEX_MDM} attestation (moderate or high complexity medical decision making) by the
   * billing practitioner dated in the month, with value true (99487/99489; rules reference §1.1).
   */
  COMPLEX_MDM,
  /**
   * A qualifying initiating visit by the same practitioner in the month (G0506 is billed with the
   * initiating visit; rules reference §1.1, INIT-T03).
   */
  INITIATING_VISIT_IN_MONTH,
  /**
   * The practitioner runs the collaborative care model (care manager plus psychiatric consultant)
   * for the patient, as the integrator says in {@link
   * BillingInput#collaborativeCarePractitioners()} (CoCM codes; rules reference §2.2).
   */
  COLLABORATIVE_CARE,
  /** The month is the first month of the practitioner's enrollment in the program (99492). */
  EPISODE_FIRST_MONTH,
  /** The month is a later month of the practitioner's enrollment in the program (99493). */
  EPISODE_LATER_MONTH,
  /** The patient is a Qualified Medicare Beneficiary in the month (G0558; rules reference §2.4). */
  QMB
}
