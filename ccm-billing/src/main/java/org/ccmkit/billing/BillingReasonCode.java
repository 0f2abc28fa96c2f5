package org.ccmkit.billing;

import org.ccmkit.core.rule.ReasonCode;
import org.ccmkit.core.rule.Severity;

/**
 * The stable reason codes of the billing rules. A released code is never renamed or reused; {@code
 * docs/billing.md} says what each means and the rule and source behind it. Billing decisions also
 * carry the failing reasons of the ccm-core rules they rest on (e.g. {@code CONSENT_MISSING}) under
 * their core codes.
 *
 * @since 0.1.0
 */
public enum BillingReasonCode implements ReasonCode {
  // --- what was billed ---
  /** Lines were billed for the program. */
  BILLED(Severity.INFO),
  /** A compliant option the selection policy did not take (named with its amount). */
  OPTION_NOT_TAKEN(Severity.INFO),
  /** A code family was not available: threshold or a requirement not met (details say which). */
  FAMILY_NOT_AVAILABLE(Severity.INFO),
  /** The counted minutes reach no code's full threshold (no midpoint rule). */
  NO_BILLABLE_CODE(Severity.ERROR),
  /** A unit cap was reached; the minutes beyond it are not billable. */
  CAP_REACHED(Severity.INFO),
  /** The line's claim is already on file; do not submit it twice. */
  ALREADY_ON_FILE(Severity.INFO),

  // --- prerequisites ---
  /** A prerequisite decided by ccm-core (eligibility, consent, initiating visit) is not met. */
  PREREQUISITE_NOT_MET(Severity.ERROR),
  /** A ccm-core prerequisite could not be decided (e.g. attestation pending): no line. */
  PREREQUISITE_INDETERMINATE(Severity.ERROR),

  // --- one practitioner per month ---
  /** Another practitioner bills the program for the patient this month (§3). */
  OTHER_PRACTITIONER_BILLING(Severity.ERROR),
  /** A claim from another practitioner is on file but not paid: a risk, not a block (ONE-T01). */
  OTHER_PRACTITIONER_MAY_BE_BILLING(Severity.WARNING),
  /** This practitioner bills the program; others with enrollment and consent were set aside. */
  SELECTED_AS_BILLING_PRACTITIONER(Severity.INFO),

  // --- concurrency ---
  /** A concurrency pair forbids both: this program gave way to the one named in the details. */
  CONCURRENCY_CONFLICT(Severity.ERROR),
  /** A concurrency pair forbids both: this program was kept over the one named in the details. */
  CONCURRENCY_KEPT(Severity.WARNING),
  /** A concurrency pair blocks this program while the other service is present. */
  CONCURRENCY_BLOCKED(Severity.ERROR),
  /** A concurrency pair allows both with a warning (e.g. disputed across practitioners). */
  CONCURRENCY_WARNING(Severity.WARNING),
  /** An add-on's parent is not billed by the same practitioner in the month. */
  ADD_ON_WITHOUT_PARENT(Severity.ERROR),

  // --- requested services ---
  /** The requested (or external line's) code is not in the catalog for the month. */
  UNKNOWN_CODE(Severity.ERROR),
  /** The requested code is derived from minutes or enrollments; the request is ignored. */
  CODE_DERIVED_BY_ENGINE(Severity.WARNING),
  /**
   * The requested code is decided by other rules (RPM: ccm-rpm) and comes in as an external line;
   * the request is ignored.
   */
  CODE_FROM_EXTERNAL_RULES(Severity.WARNING),
  /** A requirement of the code is not met (details name it). */
  REQUIREMENT_NOT_MET(Severity.ERROR),
  /** The requested service's (or external line's) date lies outside the month. */
  SERVICE_DATE_OUTSIDE_MONTH(Severity.ERROR),
  /**
   * More units were requested (or came in external lines) than the code's monthly cap; the cap was
   * applied.
   */
  UNITS_CAPPED(Severity.WARNING),

  // --- external lines ---
  /**
   * An external line names a code the engine derives or takes as a request, not one that other
   * rules decide; the line is dropped.
   */
  NOT_AN_EXTERNAL_CODE(Severity.ERROR),

  // --- amounts ---
  /** The catalog has no amount for the code, setting and factor (e.g. UNCONFIRMED). */
  AMOUNT_UNKNOWN(Severity.WARNING),
  /** A locality was given but the catalog has no component RVUs: national amount used. */
  LOCALITY_RVUS_UNAVAILABLE(Severity.WARNING),
  /** A line's units exceed the code's Medically Unlikely Edit: a warning, never a cap. */
  MUE_EXCEEDED(Severity.WARNING),

  // --- patient share ---
  /** Estimated for Original Medicare: deductible, then coinsurance. */
  ORIGINAL_MEDICARE_ESTIMATE(Severity.INFO),
  /** The deductible remaining is unknown: the range runs from met to not met. */
  DEDUCTIBLE_UNKNOWN(Severity.INFO),
  /** A Medigap plan pays part or all of the cost sharing. */
  MEDIGAP_APPLIED(Severity.INFO),
  /** The Medigap plan letter has no configured benefits: range from zero to no supplement. */
  MEDIGAP_PLAN_NOT_CONFIGURED(Severity.WARNING),
  /** Plan N's copay may or may not apply to care management (UNCONFIRMED): shown as a range. */
  MEDIGAP_COPAY_UNCONFIRMED(Severity.WARNING),
  /** The patient is a QMB: zero, and the patient may not be billed for Medicare cost sharing. */
  QMB_PATIENT_MAY_NOT_BE_BILLED(Severity.WARNING),
  /** A full-benefit dual eligible: handled as configured. */
  DUAL_ELIGIBLE(Severity.INFO),
  /** Medicare Advantage without configured plan cost sharing: no fee-for-service estimate. */
  MEDICARE_ADVANTAGE_NOT_ESTIMATED(Severity.WARNING),
  /** Medicare Advantage with the plan's configured cost sharing. */
  MEDICARE_ADVANTAGE_PLAN_COST_SHARING(Severity.INFO),
  /** No active coverage is on file: estimated as Original Medicare. */
  COVERAGE_UNKNOWN(Severity.WARNING),
  /** No line was billed: nothing to estimate. */
  NOTHING_BILLED(Severity.INFO);

  private final Severity severity;

  BillingReasonCode(Severity severity) {
    this.severity = severity;
  }

  @Override
  public Severity severity() {
    return severity;
  }
}
