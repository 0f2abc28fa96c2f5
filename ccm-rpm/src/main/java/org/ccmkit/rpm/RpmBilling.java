package org.ccmkit.rpm;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.time.YearMonth;
import java.util.Optional;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.rule.Decision;
import org.immutables.value.Value;

/**
 * The RPM codes of one patient, practitioner and reporting month, with every decision behind them:
 * device-supply codes (99454 or 99445) for each 30-day period that ends in the month, 99453 when
 * the episode's data-day threshold was first met in such a period, and treatment management (99470
 * or 99457, plus 99458) for the calendar month's minutes. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableRpmBilling.class)
@JsonDeserialize(as = ImmutableRpmBilling.class)
public abstract class RpmBilling implements Serializable {
  private static final long serialVersionUID = 1L;

  RpmBilling() {}

  /** The reporting month. */
  public abstract YearMonth month();

  /** The billing practitioner, when one could be determined. */
  public abstract Optional<PractitionerRef> practitioner();

  /** The billable lines, sorted by service date, then code. */
  public abstract ImmutableList<RpmCodeLine> lines();

  /**
   * The decisions, in a fixed order: {@code rpm.enrollment}, one {@code rpm.device-supply} per
   * period reported in the month (by start), {@code rpm.setup}, {@code core.time-accrual} (the
   * foundation's decision on the minutes), {@code rpm.management}.
   */
  public abstract ImmutableList<Decision> decisions();

  /** The device periods reported in the month, sorted by start. */
  public abstract ImmutableList<DevicePeriod> periods();

  /** The treatment-management minutes counted in the month. */
  public abstract int managementMinutes();

  /** Whether the month had a counted real-time interactive communication. */
  public abstract boolean interactiveCommunication();

  /**
   * Returns the units billed for {@code code} in the month.
   *
   * @param code a CPT code
   * @return the units, zero when not billed
   */
  public int units(String code) {
    return lines().stream().filter(l -> l.code().equals(code)).mapToInt(RpmCodeLine::units).sum();
  }

  /** Returns the billed codes in line order (a code repeats when billed for two periods). */
  public ImmutableList<String> codes() {
    return lines().stream().map(RpmCodeLine::code).collect(ImmutableList.toImmutableList());
  }

  /**
   * Returns the decision of rule {@code ruleName}, the first when there are several.
   *
   * @param ruleName a rule name such as {@code rpm.management}
   * @return the decision, or empty
   */
  public Optional<Decision> decision(String ruleName) {
    return decisions().stream().filter(d -> d.ruleId().name().equals(ruleName)).findFirst();
  }

  /** Returns a new builder. */
  public static ImmutableRpmBilling.Builder builder() {
    return ImmutableRpmBilling.builder();
  }
}
