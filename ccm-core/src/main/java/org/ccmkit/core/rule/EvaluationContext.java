package org.ccmkit.core.rule;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.immutables.value.Value;

/**
 * What a rule needs besides its input: the date it decides for (rules never read a clock) and the
 * practice's time zone, in which months and days are taken. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableEvaluationContext.class)
@JsonDeserialize(as = ImmutableEvaluationContext.class)
public abstract class EvaluationContext implements Serializable {
  private static final long serialVersionUID = 1L;

  EvaluationContext() {}

  /** The date the rule decides for. */
  @Value.Parameter
  public abstract LocalDate asOf();

  /** The practice's time zone. */
  @Value.Parameter
  public abstract ZoneId zone();

  /**
   * Returns a context for {@code asOf} in {@code zone}.
   *
   * @param asOf the date decided for
   * @param zone the practice's zone
   * @return the context
   */
  public static EvaluationContext of(LocalDate asOf, ZoneId zone) {
    return ImmutableEvaluationContext.of(asOf, zone);
  }

  /**
   * Returns a context for the last day of {@code month}, the usual date of a month-end run.
   *
   * @param month the service month
   * @param zone the practice's zone
   * @return the context
   */
  public static EvaluationContext endOf(YearMonth month, ZoneId zone) {
    return of(month.atEndOfMonth(), zone);
  }
}
