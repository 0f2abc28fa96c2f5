package org.ccmkit.core.rules;

import org.ccmkit.core.rule.ReasonCode;
import org.ccmkit.core.rule.Severity;

/**
 * The stable reason codes of the core rules. A released code is never renamed or reused; see {@code
 * docs/rules/} for what each means and the source of the rule behind it.
 *
 * @since 0.1.0
 */
public enum CoreReasonCode implements ReasonCode {
  // --- eligibility ---
  /** The patient has enough distinct active chronic conditions. */
  CHRONIC_CONDITIONS_MET(Severity.INFO),
  /** The patient has fewer distinct active chronic conditions than the program needs. */
  TOO_FEW_CHRONIC_CONDITIONS(Severity.ERROR),
  /** Conditions qualify, but no practitioner has attested significant risk yet. */
  SIGNIFICANT_RISK_ATTESTATION_PENDING(Severity.WARNING),
  /** A practitioner attested significant risk. */
  SIGNIFICANT_RISK_ATTESTED(Severity.INFO),
  /** The latest significant-risk attestation says the criterion is not met. */
  SIGNIFICANT_RISK_NOT_ATTESTED(Severity.ERROR),
  /** One qualifying condition: CCM is not available, PCM may be (ELIG-T01). */
  PCM_MAY_APPLY(Severity.INFO),
  /** The patient died before the date decided for. */
  PATIENT_DECEASED(Severity.ERROR),
  /** The program has no condition-count criterion in the parameters. */
  NO_ELIGIBILITY_CRITERIA(Severity.WARNING),
  /** Evidence: the condition is not active (clinical status). */
  CONDITION_NOT_ACTIVE(Severity.INFO),
  /** Evidence: the condition was refuted. */
  CONDITION_REFUTED(Severity.INFO),
  /** Evidence: the condition was entered in error. */
  CONDITION_ENTERED_IN_ERROR(Severity.INFO),
  /** Evidence: the condition abated on or before the date. */
  CONDITION_ABATED(Severity.INFO),
  /** Evidence: the condition's onset is after the date. */
  CONDITION_NOT_YET_ONSET(Severity.INFO),
  /** Evidence: the condition's codes are classified as not chronic (or undetermined). */
  CONDITION_NOT_CHRONIC(Severity.INFO),
  /** Evidence: no classifier knows any of the condition's codes. */
  CONDITION_NOT_CLASSIFIED(Severity.INFO),
  /** Evidence: the condition is of a disease group already counted. */
  CONDITION_SAME_DISEASE_GROUP(Severity.INFO),

  // --- consent ---
  /** Consent covers at least part of the month. */
  CONSENT_IN_FORCE(Severity.INFO),
  /** The program needs no consent in the parameters. */
  CONSENT_NOT_REQUIRED(Severity.INFO),
  /** No consent for the program is on file (CONS-T01). */
  CONSENT_MISSING(Severity.ERROR),
  /** The patient declined. */
  CONSENT_DECLINED(Severity.ERROR),
  /** The patient withdrew, effective before this month. */
  CONSENT_WITHDRAWN(Severity.ERROR),
  /** Consent was given after this month. */
  CONSENT_NOT_YET_GIVEN(Severity.ERROR),
  /** Consent on file was given to another practitioner; the billing one needs a new one. */
  CONSENT_GIVEN_TO_OTHER_PRACTITIONER(Severity.ERROR),
  /** A consent record that is not in force (inactive or proposed, not withdrawn). */
  CONSENT_NOT_IN_FORCE(Severity.INFO),
  /** Consent was given during the month; earlier time does not count (CONS-T02). */
  CONSENT_GIVEN_MID_MONTH(Severity.INFO),
  /** The patient withdrew this month; the month stays billable, later ones do not (CONS-T03). */
  CONSENT_WITHDRAWN_THIS_MONTH(Severity.WARNING),
  /**
   * The consent record lacks a disclosure the program requires (CONS-T05); the details list the
   * missing ones. WARNING by default; ERROR (the consent does not count) by configuration.
   */
  CONSENT_INCOMPLETE(Severity.WARNING),

  // --- care plan (rules reference §6) ---
  /** A care plan in effect in the month carries every required element. */
  CARE_PLAN_IN_PLACE(Severity.INFO),
  /** The program needs no care plan in the parameters. */
  CARE_PLAN_NOT_REQUIRED(Severity.INFO),
  /** No care plan is in effect in the month (PLAN-T01). Severity by configuration. */
  CARE_PLAN_MISSING(Severity.WARNING),
  /** The care plan lacks required elements; the details list them (PLAN-T01). */
  CARE_PLAN_INCOMPLETE(Severity.WARNING),
  /** The care plan's review fell due before the end of the month and was not recorded. */
  CARE_PLAN_REVIEW_OVERDUE(Severity.WARNING),
  /** No record shows that a copy of the care plan went to the patient or caregiver (PLAN-T02). */
  CARE_PLAN_NOT_SHARED(Severity.WARNING),
  /** Evidence: the care plan's status or period does not put it in effect in the month. */
  CARE_PLAN_NOT_IN_EFFECT(Severity.INFO),
  /** Evidence: a newer care plan in effect in the month was checked instead. */
  CARE_PLAN_SUPERSEDED(Severity.INFO),

  // --- program set-up ---
  /** The practice's set-up lists a 24/7 access route for the program. */
  AFTER_HOURS_ACCESS_IN_PLACE(Severity.INFO),
  /** The practice's set-up lists no route to the care team at any hour (PLAN-T03). */
  AFTER_HOURS_ACCESS_MISSING(Severity.WARNING),

  // --- billing practitioner and enrollment ---
  /** No enrollment in the program covers the month. */
  NOT_ENROLLED(Severity.ERROR),
  /** Several practitioners are enrolled as billing practitioner; the query must name one. */
  BILLING_PRACTITIONER_AMBIGUOUS(Severity.WARNING),

  // --- initiating visit ---
  /** A qualifying visit with the billing practitioner lies within the look-back. */
  INITIATING_VISIT_SATISFIED(Severity.INFO),
  /** No qualifying visit within the look-back: an initiating visit is required first. */
  INITIATING_VISIT_REQUIRED(Severity.ERROR),
  /** The program needs no initiating visit in the parameters. */
  INITIATING_VISIT_NOT_APPLICABLE(Severity.INFO),
  /** Evidence: the visit's codes are not qualifying visit codes (e.g. 99211). */
  VISIT_NOT_QUALIFYING(Severity.INFO),
  /** Evidence: the visit was with another practitioner. */
  VISIT_WITH_OTHER_PRACTITIONER(Severity.INFO),
  /** Evidence: the visit did not take place (not finished). */
  VISIT_NOT_FINISHED(Severity.INFO),
  /** Evidence: the visit lies outside the look-back window. */
  VISIT_OUTSIDE_LOOKBACK(Severity.INFO),

  // --- time accrual ---
  /** Minutes were counted. */
  TIME_COUNTED(Severity.INFO),
  /** No minutes were counted for the month. */
  NO_TIME_COUNTED(Severity.INFO),
  /** Evidence: the performer's role never counts (non-clinical staff or unknown). */
  ENTRY_ROLE_NOT_COUNTED(Severity.WARNING),
  /** Evidence: the entry lies before consent took effect. */
  ENTRY_BEFORE_CONSENT(Severity.WARNING),
  /** Evidence: the entry lies after consent ended. */
  ENTRY_AFTER_CONSENT_ENDED(Severity.WARNING),
  /** Evidence: there is no consent in force for the month. */
  ENTRY_WITHOUT_CONSENT(Severity.WARNING),
  /** Evidence: the entry lies outside the enrollment with the billing practitioner. */
  ENTRY_OUTSIDE_ENROLLMENT(Severity.WARNING),
  /** Evidence: the entry lies after the patient's death. */
  ENTRY_AFTER_DEATH(Severity.WARNING),
  /** The same person logged overlapping time for the program; the overlap counts once. */
  ENTRY_OVERLAPS_SAME_PERFORMER(Severity.INFO),
  /** The same person's minutes were tagged to two programs; they count for neither (CONC-T03). */
  MINUTES_TAGGED_TO_TWO_PROGRAMS(Severity.WARNING);

  private final Severity severity;

  CoreReasonCode(Severity severity) {
    this.severity = severity;
  }

  @Override
  public Severity severity() {
    return severity;
  }
}
