package org.ccmkit.billing;

/**
 * What a patient-share estimate was based on.
 *
 * @since 0.1.0
 */
public enum ShareBasis {
  /** Original Medicare without a supplement: deductible, then 20% coinsurance. */
  ORIGINAL_MEDICARE,
  /** Original Medicare with a Medigap plan by letter. */
  MEDIGAP,
  /** A Qualified Medicare Beneficiary: zero, and the patient may not be billed. */
  QMB,
  /** A full-benefit dual eligible who is not a QMB (configurable). */
  DUAL_ELIGIBLE,
  /**
   * A Medicare Advantage plan: estimated from configured plan cost sharing, else not estimated
   * ({@link PatientShareEstimate#estimated()} false; COST-T06).
   */
  MEDICARE_ADVANTAGE,
  /** Nothing was billed, so there is nothing to estimate. */
  NOT_ESTIMATED
}
