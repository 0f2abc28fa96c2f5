package org.ccmkit.billing;

/**
 * The fee-schedule setting an amount applies to (rules reference §8).
 *
 * @since 0.1.0
 */
public enum CareSetting {
  /** Office and other non-facility settings (the amounts the reference leads with). */
  NON_FACILITY,
  /** Facility settings (hospital outpatient, skilled nursing facility and the like). */
  FACILITY
}
