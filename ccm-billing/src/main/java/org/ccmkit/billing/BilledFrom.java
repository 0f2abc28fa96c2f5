package org.ccmkit.billing;

/**
 * Where the billing engine takes a code's lines from.
 *
 * @since 0.1.0
 */
public enum BilledFrom {
  /** Derived from the counted minutes of the code's program in the month. */
  TIME,
  /** Derived from an enrollment in the code's program that covers the month (APCM). */
  ENROLLMENT,
  /**
   * Only when the integrator requests it as a {@link RequestedService} (TCM, G0506, APCM behavioral
   * add-ons, care plan oversight); the engine checks it but cannot derive it.
   */
  REQUEST,
  /**
   * Decided by rules outside this module and handed in as {@link ExternalLine}s (RPM: the lines of
   * ccm-rpm's {@code RpmBilling}); the engine prices them but neither derives them nor accepts a
   * request for them.
   */
  EXTERNAL;

  /**
   * Returns whether the engine derives the code's lines itself ({@link #TIME}, {@link
   * #ENROLLMENT}).
   *
   * @return true for codes the monthly engine derives from the patient's record
   */
  public boolean isDerived() {
    return this == TIME || this == ENROLLMENT;
  }
}
