package org.ccmkit.rpm;

import org.ccmkit.core.rule.ReasonCode;
import org.ccmkit.core.rule.Severity;

/**
 * The stable reason codes of the RPM rules. A released code is never renamed or reused; {@code
 * docs/rpm.md} says what each means and the source of the rule behind it.
 *
 * @since 0.1.0
 */
public enum RpmReasonCode implements ReasonCode {
  // --- device days ---
  /** Data days were counted. */
  DEVICE_DAYS_COUNTED(Severity.INFO),
  /** The patient has no RPM enrolment (with the named practitioner). */
  NOT_ENROLLED_IN_RPM(Severity.ERROR),
  /** Several practitioners are enrolled in RPM around the month; the query must name one. */
  BILLING_PRACTITIONER_AMBIGUOUS(Severity.WARNING),
  /** Evidence: the reading names no device or was entered by hand (RPM-T06). */
  READING_NOT_DEVICE_TRANSMITTED(Severity.INFO),
  /** Evidence: the reading repeats another (same identifier, or same device, code, time, value). */
  READING_DUPLICATE(Severity.INFO),
  /** Evidence: the reading lies after the patient's death. */
  READING_AFTER_DEATH(Severity.WARNING),
  /** Evidence: the reading lies outside every RPM enrolment considered. */
  READING_OUTSIDE_ENROLLMENT(Severity.INFO),
  /** Evidence: the reading lies on a day without RPM consent for the billing practitioner. */
  READING_WITHOUT_CONSENT(Severity.WARNING),
  /** Evidence: the reading lies after the evaluation date. */
  READING_AFTER_AS_OF(Severity.INFO),

  // --- device supply (99454 / 99445) ---
  /** The period has enough data days for a device-supply code. */
  DEVICE_SUPPLY_BILLABLE(Severity.INFO),
  /** The period has too few data days for any device-supply code (RPM-T01). */
  TOO_FEW_DEVICE_DAYS(Severity.INFO),
  /** The period has not ended by the evaluation date; see its forecast. */
  PERIOD_OPEN(Severity.INFO),
  /**
   * Another practitioner already claimed a device-supply code for an overlapping period (RPM-T07).
   */
  DEVICE_PERIOD_CLAIMED_BY_OTHER_PRACTITIONER(Severity.ERROR),
  /** This practitioner already claimed a device-supply code for the period. */
  DEVICE_PERIOD_ALREADY_CLAIMED(Severity.INFO),
  /** Another practitioner is enrolled in RPM during the period; only one may bill it. */
  OTHER_PRACTITIONER_ENROLLED(Severity.WARNING),

  // --- set-up (99453) ---
  /** The episode's data-day threshold was first met in a period reported this month. */
  SETUP_BILLABLE(Severity.INFO),
  /** No period reported this month is the first to meet the episode's threshold. */
  SETUP_NOT_DUE(Severity.INFO),
  /** 99453 was already claimed in this episode. */
  SETUP_ALREADY_CLAIMED(Severity.INFO),
  /** The 99453 data-day threshold of the rule year is not confirmed (open question Q8). */
  SETUP_THRESHOLD_UNCONFIRMED(Severity.WARNING),

  // --- treatment management (99470 / 99457 / 99458) ---
  /** The month's minutes make a management code billable. */
  MANAGEMENT_BILLABLE(Severity.INFO),
  /** Too few minutes for any management code (RPM-T04). */
  MANAGEMENT_BELOW_THRESHOLD(Severity.INFO),
  /** No real-time interactive communication in the month: no management code (RPM-T05, T11). */
  NO_INTERACTIVE_COMMUNICATION(Severity.ERROR),
  /** Add-on units were cut to the configured policy cap. */
  ADD_ON_CAPPED(Severity.WARNING),
  /** Add-on units exceed an appealable MUE (MAI 3): billed, with a warning (MUE-T01). */
  MUE_EXCEEDED(Severity.WARNING),
  /** Add-on units were cut to a hard MUE (MAI 1 or 2). */
  ADD_ON_LIMITED_BY_MUE(Severity.WARNING),

  // --- enrolment ---
  /** The patient is established with the billing practitioner. */
  PATIENT_ESTABLISHED(Severity.INFO),
  /** No visit with the billing practitioner in the look-back: RPM is blocked (RPM-T09). */
  PATIENT_NOT_ESTABLISHED(Severity.ERROR),
  /** RTM has no established-patient rule, but CMS expects a treatment plan first (RPM-T09). */
  RTM_TREATMENT_PLAN_EXPECTED(Severity.WARNING),
  /** RPM and RTM for one patient in one period (RPM-T08). */
  RPM_RTM_CONFLICT(Severity.ERROR),
  /** No conflicting program in the period. */
  NO_MONITORING_CONFLICT(Severity.INFO),

  // --- alerts ---
  /** A threshold breach episode raised an alert. */
  ALERT_RAISED(Severity.WARNING),
  /** No reading breached a threshold. */
  NO_ALERTS(Severity.INFO),
  /** Evidence: a reading value's unit cannot be converted to its metric's unit. */
  READING_UNIT_NOT_RECOGNISED(Severity.WARNING),
  /** A rule comes from the program's profile or the patient's own settings. */
  THRESHOLD_OVERRIDDEN(Severity.INFO),
  /** A rule was switched off by the program or for the patient. */
  THRESHOLD_DISABLED(Severity.INFO),
  /** A rule needs a condition the patient does not have, so it did not apply. */
  THRESHOLD_NOT_APPLICABLE(Severity.INFO);

  private final Severity severity;

  RpmReasonCode(Severity severity) {
    this.severity = severity;
  }

  @Override
  public Severity severity() {
    return severity;
  }
}
