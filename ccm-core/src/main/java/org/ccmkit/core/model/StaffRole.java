package org.ccmkit.core.model;

/**
 * The role in which a person spends care-management time, which decides what the time counts toward
 * (CMS: only clinical staff and the billing practitioner's own time count; rules reference §1.2).
 *
 * @since 0.1.0
 */
public enum StaffRole {
  /** A physician or other qualified health care professional (NP, PA, CNS, CNM). */
  PRACTITIONER,
  /** Licensed clinical staff working incident to the billing practitioner (RN, LPN, pharmacist). */
  CLINICAL_STAFF,
  /** Anyone else (front desk, billing, unlicensed staff) or an unknown role: time never counts. */
  OTHER
}
