package org.ccmkit.billing;

import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.params.ParameterCatalog;
import org.ccmkit.core.rule.EvaluationContext;

/**
 * The monthly billing engine: a pure function from one patient's {@link BillingInput} and an {@link
 * EvaluationContext} to a {@link BillingResult}. It has no clock and no I/O, so equal arguments
 * give equal results. Instances are immutable and thread-safe; build them with {@link
 * CcmBillingRules}.
 *
 * @since 0.1.0
 */
public interface BillingEngine {
  /**
   * Bills one patient-month. The code catalog and billing parameters are those in effect on the
   * first day of the input's month; the core rules decide as of the context's date, or the month's
   * last day when the context's date is later.
   *
   * @param input the patient, month, claims on file and requests
   * @param context the date the run decides for (not before the month starts) and the practice's
   *     zone
   * @return the claim lines by practitioner, the decisions and the patient-share estimate
   * @throws org.ccmkit.core.rule.CcmException with {@code NO_PARAMETERS_FOR_DATE} if no catalog or
   *     parameters cover the month, or {@code INVALID_INPUT} if the context's date is before the
   *     month
   */
  BillingResult evaluate(BillingInput input, EvaluationContext context);

  /**
   * Quotes the patient share of one unit of {@code code} as if {@code practitioner} billed it on
   * the first day of the input's month, whatever the patient's enrollment, consent or time: the
   * code is priced and the share estimated exactly as for a billed line (coverage, Medigap, QMB,
   * Medicare Advantage, deductible remaining or unknown; rules reference §7). For outreach, e.g.
   * the eligibility sweep's 99490 quote for a patient not yet enrolled.
   *
   * @param input the patient (coverages), month, deductible remaining, locality and plan data;
   *     claims, requests and external lines are not read
   * @param code a code of the month's catalog, e.g. {@code 99490}
   * @param practitioner the practitioner assumed to bill (for the QP conversion factor)
   * @param context the date the quote is made for and the practice's zone
   * @return the quote
   * @throws org.ccmkit.core.rule.CcmException with {@code NO_PARAMETERS_FOR_DATE} if no catalog or
   *     parameters cover the month, or {@code INVALID_INPUT} if the code is not in the month's
   *     catalog
   * @since 0.2.0
   */
  ShareQuote quote(
      BillingInput input, String code, PractitionerRef practitioner, EvaluationContext context);

  /** Returns the code catalogs the engine uses. */
  ParameterCatalog<CodeCatalog> codes();

  /** Returns the billing parameters the engine uses. */
  ParameterCatalog<BillingParameters> parameters();
}
