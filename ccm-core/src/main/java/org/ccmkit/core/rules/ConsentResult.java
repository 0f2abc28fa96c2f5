package org.ccmkit.core.rules;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.time.LocalDate;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.rule.Decision;
import org.immutables.value.Value;

/**
 * The consent rule's answer for one month: its decision and the days of the month on which consent
 * was in force for the billing practitioner (time on other days does not count). Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableConsentResult.class)
@JsonDeserialize(as = ImmutableConsentResult.class)
public abstract class ConsentResult implements Serializable {
  private static final long serialVersionUID = 1L;

  ConsentResult() {}

  /** The decision: MET when consent covers at least one day of the month. */
  public abstract Decision decision();

  /** The days of the month consent covers, as disjoint closed ranges in date order. */
  public abstract ImmutableList<DateRange> coveredDays();

  /**
   * Returns whether consent covered {@code date}.
   *
   * @param date a day of the month
   * @return true when it did
   */
  public boolean covers(LocalDate date) {
    return coveredDays().stream().anyMatch(r -> r.contains(date));
  }
}
