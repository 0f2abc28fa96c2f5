package org.ccmkit.rpm;

/**
 * What an RPM code is counted on, so that a billing engine can tell how to date and count it.
 *
 * @since 0.1.0
 */
public enum CodeBasis {
  /** Data days in a 30-day period (99454, 99445). */
  DEVICE_DAYS,
  /** Treatment-management minutes in a calendar month (99470, 99457, 99458). */
  TIME_MINUTES,
  /** Once per episode of care (99453). */
  EPISODE
}
