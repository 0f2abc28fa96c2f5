package org.ccmkit.rpm;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.Serializable;
import java.util.Optional;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.params.ParameterCatalog;
import org.ccmkit.core.rule.EvaluationContext;
import org.ccmkit.core.rule.Rule;
import org.ccmkit.core.rules.CoreRules;
import org.ccmkit.rpm.internal.AlertEngine;
import org.ccmkit.rpm.internal.DeviceDayCounter;
import org.ccmkit.rpm.internal.MonitoringStartRule;
import org.ccmkit.rpm.internal.RpmBillingEngine;

/**
 * The remote physiologic monitoring rules, built on one RPM parameter catalog and the core rules
 * (consent and time accrual come from the foundation). Every method is a pure function of its
 * arguments: no clock, no I/O. Immutable, thread-safe and serializable.
 *
 * <pre>{@code
 * RpmRules rpm = RpmRules.standard();
 * EvaluationContext ctx = EvaluationContext.endOf(YearMonth.of(2026, 3), ZoneId.of("America/New_York"));
 * RpmBilling march = rpm.computeBilling(RpmQuery.of(record, YearMonth.of(2026, 3)), ctx);
 * march.lines();                                        // e.g. 99454 x1, 99457 x1, 99458 x1
 * DeviceDays days = rpm.computeDeviceDays(record, ctx); // periods with a live forecast
 * AlertResult alerts = rpm.computeAlerts(AlertQuery.of(record), ctx);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class RpmRules implements Serializable {
  private static final long serialVersionUID = 1L;

  private final ParameterCatalog<RpmParameters> parameters;
  private final CoreRules core;

  private RpmRules(ParameterCatalog<RpmParameters> parameters, CoreRules core) {
    this.parameters = parameters;
    this.core = core;
  }

  /**
   * Returns the rules with the shipped parameters (CY2025, CY2026) and the standard core rules.
   *
   * @return the rules
   */
  public static RpmRules standard() {
    return new RpmRules(RpmParameters.builtIn(), CoreRules.standard());
  }

  /**
   * Returns the rules with the given parameters (a payer's override, a new rule year) and core
   * rules.
   *
   * @param parameters the RPM parameter catalog
   * @param core the core rules
   * @return the rules
   * @throws NullPointerException if an argument is null
   */
  public static RpmRules of(ParameterCatalog<RpmParameters> parameters, CoreRules core) {
    return new RpmRules(checkNotNull(parameters, "parameters"), checkNotNull(core, "core"));
  }

  /** Returns the RPM parameter catalog. */
  public ParameterCatalog<RpmParameters> parameters() {
    return parameters;
  }

  /** Returns the core rules used for consent and time accrual. */
  public CoreRules core() {
    return core;
  }

  /**
   * Counts the device days of every RPM enrolment of the patient up to the evaluation date ({@code
   * rpm.device-days}; rules reference §9.1).
   *
   * @param record the patient's record
   * @param context the evaluation date and the practice's zone
   * @return the periods, with a forecast for open ones
   * @throws org.ccmkit.core.rule.CcmException with {@code NO_PARAMETERS_FOR_DATE} if no parameters
   *     are in effect on the evaluation date
   */
  public DeviceDays computeDeviceDays(PatientRecord record, EvaluationContext context) {
    return new DeviceDayCounter(parameters, core).compute(record, Optional.empty(), context);
  }

  /**
   * Counts the device days of the patient's RPM enrolments with one billing practitioner.
   *
   * @param record the patient's record
   * @param practitioner the billing practitioner
   * @param context the evaluation date and the practice's zone
   * @return the periods, with a forecast for open ones
   * @throws org.ccmkit.core.rule.CcmException with {@code NO_PARAMETERS_FOR_DATE} if no parameters
   *     are in effect on the evaluation date
   */
  public DeviceDays computeDeviceDays(
      PatientRecord record, PractitionerRef practitioner, EvaluationContext context) {
    return new DeviceDayCounter(parameters, core)
        .compute(record, Optional.of(practitioner), context);
  }

  /**
   * Computes the RPM code lines of a reporting month, with the decisions behind them.
   *
   * @param query the patient, month, practitioner and prior claims
   * @param context the evaluation date (usually the month's last day) and the practice's zone
   * @return the billing result
   * @throws org.ccmkit.core.rule.CcmException with {@code NO_PARAMETERS_FOR_DATE} if no parameters
   *     are in effect for the month or on the evaluation date
   */
  public RpmBilling computeBilling(RpmQuery query, EvaluationContext context) {
    return new RpmBillingEngine(parameters, core).compute(query, context);
  }

  /**
   * Returns the billing rule ({@code rpm.billing}): one decision that merges the reasons and
   * evidence of {@link #computeBilling}; MET when any code is billable.
   */
  public Rule<RpmQuery> billing() {
    return new RpmBillingEngine(parameters, core);
  }

  /**
   * Returns the monitoring-start rule ({@code rpm.enrollment}; RPM-T08, RPM-T09): RPM needs an
   * established patient and no RTM in its first period; RTM is allowed with a warning.
   */
  public Rule<MonitoringStart> monitoringStart() {
    return new MonitoringStartRule(parameters);
  }

  /** Returns the alert rule ({@code rpm.alerts}; rules reference §10). */
  public Rule<AlertQuery> alerts() {
    return new AlertEngine(parameters);
  }

  /**
   * Computes the alerts of the patient's readings up to the evaluation date.
   *
   * @param query the record, program profile and patient settings
   * @param context the evaluation date and the practice's zone
   * @return one alert per breach episode, and the decision
   * @throws org.ccmkit.core.rule.CcmException with {@code NO_PARAMETERS_FOR_DATE} if no parameters
   *     are in effect on the evaluation date
   */
  public AlertResult computeAlerts(AlertQuery query, EvaluationContext context) {
    return new AlertEngine(parameters).compute(query, context);
  }
}
