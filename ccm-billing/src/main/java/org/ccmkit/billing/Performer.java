package org.ccmkit.billing;

/**
 * Whose time a code pays for (rules reference §1.1).
 *
 * @since 0.1.0
 */
public enum Performer {
  /**
   * Clinical staff under general supervision; the billing practitioner's own time may also count as
   * staff time when {@link BillingParameters#practitionerTimeCountsAsStaff()} (CCM-T09).
   */
  STAFF,
  /** The physician or other qualified health care professional personally. */
  PRACTITIONER
}
