package org.ccmkit.billing;

/**
 * Which date a month's claim lines carry (CCM-T12; CMS FAQ No. 4 via AAFP allows either).
 *
 * @since 0.1.0
 */
public enum DateOfServicePolicy {
  /**
   * The day the counted minutes first reached what the billed units need (for 99490 + 99439 ×1: the
   * day the 40th minute was counted); for monthly services, the first day of the month on which the
   * enrollment and consent are both in force. The default.
   */
  THRESHOLD_MET,
  /** The last day of the calendar month. */
  MONTH_END
}
