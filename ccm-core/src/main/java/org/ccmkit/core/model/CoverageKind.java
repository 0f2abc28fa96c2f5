package org.ccmkit.core.model;

/**
 * The kind of a patient's coverage, as far as Medicare cost sharing is concerned.
 *
 * @since 0.1.0
 */
public enum CoverageKind {
  /** Original Medicare, Part B fee for service. */
  ORIGINAL_MEDICARE,
  /** A Medicare Advantage plan. */
  MEDICARE_ADVANTAGE,
  /**
   * A Medicare supplement (Medigap) policy; the plan letter is in {@link Coverage#medigapPlan()}.
   */
  MEDIGAP,
  /** Medicaid; {@link Coverage#qmb()} marks a Qualified Medicare Beneficiary. */
  MEDICAID,
  /** Anything else. */
  OTHER
}
