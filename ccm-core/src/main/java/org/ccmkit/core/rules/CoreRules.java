package org.ccmkit.core.rules;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.io.Serializable;
import java.util.Optional;
import org.ccmkit.core.condition.ChronicConditionClassifier;
import org.ccmkit.core.condition.ChronicConditionClassifiers;
import org.ccmkit.core.model.PracticeSetup;
import org.ccmkit.core.params.CoreParameters;
import org.ccmkit.core.params.ParameterCatalog;
import org.ccmkit.core.rule.Decision;
import org.ccmkit.core.rule.EvaluationContext;
import org.ccmkit.core.rule.Rule;

/**
 * The core care-management rules, built on one parameter catalog and one condition classifier.
 * Every rule is a pure function of a {@link CareQuery} and an {@link EvaluationContext}; it picks
 * the parameter set in effect on the context's date. Immutable, thread-safe and serializable.
 *
 * <pre>{@code
 * CoreRules rules = CoreRules.standard();
 * EvaluationContext ctx = EvaluationContext.endOf(YearMonth.of(2026, 3), ZoneId.of("America/New_York"));
 * Decision eligible = rules.eligibility().evaluate(CareQuery.of(record, CareProgram.CCM, month), ctx);
 * AccruedTime time = rules.accrue(CareQuery.of(record, CareProgram.CCM, month), ctx);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class CoreRules implements Serializable {
  private static final long serialVersionUID = 1L;

  private final ParameterCatalog<CoreParameters> parameters;
  private final ChronicConditionClassifier classifier;

  private CoreRules(
      ParameterCatalog<CoreParameters> parameters, ChronicConditionClassifier classifier) {
    this.parameters = parameters;
    this.classifier = classifier;
  }

  /**
   * Returns the rules with the shipped parameters (CY2025, CY2026) and the standard classifier.
   *
   * @return the rules
   */
  public static CoreRules standard() {
    return new CoreRules(CoreParameters.builtIn(), ChronicConditionClassifiers.standard());
  }

  /**
   * Returns the rules with the given parameters and classifier (a payer's override, a newer AHRQ
   * table, an integrator's own classifier).
   *
   * @param parameters the parameter catalog
   * @param classifier the condition classifier
   * @return the rules
   */
  public static CoreRules of(
      ParameterCatalog<CoreParameters> parameters, ChronicConditionClassifier classifier) {
    return new CoreRules(
        checkNotNull(parameters, "parameters"), checkNotNull(classifier, "classifier"));
  }

  /** Returns the parameter catalog. */
  public ParameterCatalog<CoreParameters> parameters() {
    return parameters;
  }

  /** Returns the condition classifier. */
  public ChronicConditionClassifier classifier() {
    return classifier;
  }

  /** Returns the eligibility rule ({@code core.eligibility}; rules reference §4). */
  public Rule<CareQuery> eligibility() {
    return new EligibilityRule(parameters, classifier);
  }

  /** Returns the consent rule ({@code core.consent}; rules reference §5). */
  public Rule<CareQuery> consent() {
    return new ConsentRule(parameters);
  }

  /**
   * Returns the care-plan rule ({@code core.care-plan}; rules reference §6, PLAN-T01, PLAN-T02).
   *
   * @since 0.2.0
   */
  public Rule<CareQuery> carePlan() {
    return new CarePlanRule(parameters);
  }

  /**
   * Returns the program set-up check ({@code core.program-setup}; rules reference §6.2, PLAN-T03):
   * run it once when a practice sets up or changes its programs.
   *
   * @since 0.2.0
   */
  public Rule<PracticeSetup> programSetup() {
    return new ProgramSetupRule(parameters);
  }

  /** Returns the initiating-visit rule ({@code core.initiating-visit}; rules reference §4.3). */
  public Rule<CareQuery> initiatingVisit() {
    return new InitiatingVisitRule(parameters);
  }

  /** Returns the time-accrual rule ({@code core.time-accrual}; rules reference §1.2, §13). */
  public Rule<CareQuery> timeAccrual() {
    return new TimeAccrualRule(parameters, new ConsentRule(parameters));
  }

  /**
   * Evaluates consent and returns, with the decision, the days of the month it covers.
   *
   * @param query the patient, program, month and billing practitioner
   * @param context the evaluation date and zone
   * @return the decision and covered days
   * @throws org.ccmkit.core.rule.CcmException with {@code NO_PARAMETERS_FOR_DATE} if no parameters
   *     are in effect on the context's date
   */
  public ConsentResult consentWindow(CareQuery query, EvaluationContext context) {
    return new ConsentRule(parameters).compute(query, context);
  }

  /**
   * Accrues the month's time and returns, with the decision, the counted blocks and totals.
   *
   * @param query the patient, program, month and billing practitioner
   * @param context the evaluation date and zone
   * @return the accrued time
   * @throws org.ccmkit.core.rule.CcmException with {@code NO_PARAMETERS_FOR_DATE} if no parameters
   *     are in effect on the context's date
   */
  public AccruedTime accrue(CareQuery query, EvaluationContext context) {
    return new TimeAccrualRule(parameters, new ConsentRule(parameters)).compute(query, context);
  }

  /**
   * Accrues the month's time as {@link #accrue(CareQuery, EvaluationContext)} does, with the
   * consent the caller already evaluated for the same query and context, so consent is not
   * evaluated a second time (the billing engine evaluates it as a prerequisite first). The result
   * is equal to {@code accrue(query, context)}.
   *
   * @param query the patient, program, month and billing practitioner
   * @param context the evaluation date and zone
   * @param consent what {@link #consentWindow(CareQuery, EvaluationContext)} returned for {@code
   *     query} and {@code context}
   * @return the accrued time
   * @throws IllegalArgumentException if {@code consent} is not about the query's patient, program,
   *     month and practitioner on the context's date
   * @throws org.ccmkit.core.rule.CcmException with {@code NO_PARAMETERS_FOR_DATE} if no parameters
   *     are in effect on the context's date
   * @since 0.3.0
   */
  public AccruedTime accrue(CareQuery query, EvaluationContext context, ConsentResult consent) {
    Decision d = consent.decision();
    checkArgument(
        d.ruleId().name().equals(ConsentRule.NAME)
            && d.asOf().equals(context.asOf())
            && d.patient().equals(Optional.of(query.record().ref()))
            && d.program().equals(Optional.of(query.program()))
            && d.month().equals(Optional.of(query.month()))
            && d.practitioner().equals(Queries.practitioner(query)),
        "the consent result is for another query or date");
    return new TimeAccrualRule(parameters, new ConsentRule(parameters))
        .compute(query, context, Optional.of(consent));
  }

  /**
   * Evaluates all four core rules in a fixed order: eligibility, consent, initiating visit, time
   * accrual.
   *
   * @param query the patient, program, month and billing practitioner
   * @param context the evaluation date and zone
   * @return the four decisions in that order
   * @throws org.ccmkit.core.rule.CcmException with {@code NO_PARAMETERS_FOR_DATE} if no parameters
   *     are in effect on the context's date
   */
  public java.util.List<Decision> evaluateAll(CareQuery query, EvaluationContext context) {
    return java.util.List.of(
        eligibility().evaluate(query, context),
        consent().evaluate(query, context),
        initiatingVisit().evaluate(query, context),
        timeAccrual().evaluate(query, context));
  }
}
