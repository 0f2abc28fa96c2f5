package org.ccmkit.core.params;

/**
 * When a withdrawal of consent takes effect.
 *
 * @since 0.1.0
 */
public enum WithdrawalTiming {
  /** At the end of the calendar month of the withdrawal (CMS; rules reference §5). */
  END_OF_MONTH,
  /** On the day of the withdrawal (a stricter practice policy). */
  SAME_DAY
}
