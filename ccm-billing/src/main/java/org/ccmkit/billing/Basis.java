package org.ccmkit.billing;

/**
 * What a code's units are counted in. Time-based care-management codes count minutes in a calendar
 * month; APCM is a flat monthly service; TCM covers a post-discharge episode; remote monitoring
 * device codes count days of data in a 30-day period.
 *
 * @since 0.1.0
 */
public enum Basis {
  /** Minutes of counted time in a calendar month, against a threshold and block size. */
  TIME_MINUTES,
  /** A flat monthly service, not time-based (APCM, care plan oversight). */
  MONTHLY,
  /**
   * Days with device data in a 30-day period (RPM device supply 99454, 99445), against {@link
   * BillingCode#minDeviceDays()} and {@link BillingCode#maxDeviceDays()}.
   */
  DEVICE_DAYS,
  /** Once per episode of care (TCM's 30 days after discharge, RPM set-up). */
  EPISODE,
  /** Once, with a given service (G0506 with the CCM initiating visit). */
  PER_SERVICE
}
