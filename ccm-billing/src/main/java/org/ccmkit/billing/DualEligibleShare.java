package org.ccmkit.billing;

/**
 * How the estimate treats a full-benefit dual eligible who is not a QMB (a Medicaid coverage
 * without the QMB flag). What such a patient owes depends on the state and the Medicaid category
 * (rules reference §7), so it is configuration.
 *
 * @since 0.1.0
 */
public enum DualEligibleShare {
  /** Report the range from zero (Medicaid pays) to the Original Medicare share. The default. */
  RANGE_ZERO_TO_ORIGINAL_MEDICARE,
  /** The state pays all cost sharing: estimate zero. */
  ZERO,
  /** Estimate as for Original Medicare without a supplement. */
  ORIGINAL_MEDICARE
}
