package org.ccmkit.rpm;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.Serializable;
import org.immutables.value.Value;

/**
 * Device set-up and education (99453): once per RPM episode of care, reported with the first 30-day
 * period in which the data-day threshold is met. The CY2026 threshold is disputed (open question
 * Q8: 2 or 16 days), so {@link #thresholdConfirmed()} says whether the value rests on a confirmed
 * source. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableSetupParameters.class)
@JsonDeserialize(as = ImmutableSetupParameters.class)
public abstract class SetupParameters implements Serializable {
  private static final long serialVersionUID = 1L;

  SetupParameters() {}

  /** The CPT code (99453). */
  public abstract String code();

  /** The data days in one 30-day period that make the code reportable. */
  public abstract int minDataDays();

  /**
   * Whether {@link #minDataDays()} rests on a confirmed source; when false every 99453 line carries
   * a warning.
   */
  public abstract boolean thresholdConfirmed();

  /** The other reading of the threshold, and its source, for the record. */
  public abstract String alternative();

  /** Returns a new builder. */
  public static ImmutableSetupParameters.Builder builder() {
    return ImmutableSetupParameters.builder();
  }
}
