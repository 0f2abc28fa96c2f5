package org.ccmkit.core.sweep;

import org.ccmkit.core.rule.ReasonCode;
import org.ccmkit.core.rule.Severity;

/**
 * The stable codes of the eligibility sweep's score components. A released code is never renamed or
 * reused; docs/eligibility-sweep.md says what each one scores.
 *
 * @since 0.2.0
 */
public enum SweepReasonCode implements ReasonCode {
  /** A counted chronic-condition group, weighted by group. */
  CHRONIC_CONDITION,
  /** An emergency, inpatient or observation encounter within the look-back. */
  RECENT_ACUTE_ENCOUNTER,
  /** A counted condition that remote physiologic monitoring serves (once per patient). */
  RPM_CANDIDATE;

  @Override
  public Severity severity() {
    return Severity.INFO;
  }
}
