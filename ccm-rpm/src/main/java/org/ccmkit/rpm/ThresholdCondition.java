package org.ccmkit.rpm;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.Serializable;
import org.ccmkit.core.model.Measurement;
import org.immutables.value.Value;

/**
 * One comparison of a metric with a limit, e.g. systolic {@code > 180 mm[Hg]}. For a {@link
 * ThresholdKind#RISE} or {@link ThresholdKind#FALL} rule the limit is the size of the change, e.g.
 * body weight {@code > 2 [lb_av]}. The limit may be in any unit convertible to the metric's
 * canonical unit (glucose in mg/dL or mmol/L, weight in kg or lb). Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableThresholdCondition.class)
@JsonDeserialize(as = ImmutableThresholdCondition.class)
public abstract class ThresholdCondition implements Serializable {
  private static final long serialVersionUID = 1L;

  ThresholdCondition() {}

  /** The metric compared. */
  @Value.Parameter
  public abstract Metric metric();

  /** How it is compared. */
  @Value.Parameter
  public abstract Comparison comparison();

  /** The limit (or, for change rules, the size of the change). */
  @Value.Parameter
  public abstract Measurement limit();

  /**
   * Returns the condition {@code metric comparison limit}.
   *
   * @param metric the metric
   * @param comparison the comparison
   * @param limit the limit with its unit
   * @return the condition
   */
  public static ThresholdCondition of(Metric metric, Comparison comparison, Measurement limit) {
    return ImmutableThresholdCondition.of(metric, comparison, limit);
  }

  /** Returns e.g. {@code SYSTOLIC_BP > 180 mm[Hg]}. */
  @Override
  public String toString() {
    return metric() + " " + comparison().symbol() + " " + limit();
  }
}
