package org.ccmkit.billing;

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

  /** Returns the code catalogs the engine uses. */
  ParameterCatalog<CodeCatalog> codes();

  /** Returns the billing parameters the engine uses. */
  ParameterCatalog<BillingParameters> parameters();
}
