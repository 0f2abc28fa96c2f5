package org.ccmkit.rpm;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.util.Optional;
import org.ccmkit.core.model.Measurement;
import org.immutables.value.Value;

/**
 * One alert threshold: which readings breach it, how severe a breach is, and the source it rests on
 * (rules reference §10). Rules of one {@link #group()} share breach episodes: a reading that
 * breaches several rules of a group raises (or updates) one alert at the most severe of them.
 * Overrides replace a rule by its {@link #id()}. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableThresholdRule.class)
@JsonDeserialize(as = ImmutableThresholdRule.class)
public abstract class ThresholdRule implements Serializable {
  private static final long serialVersionUID = 1L;

  ThresholdRule() {}

  /** The stable id, e.g. {@code bp.crisis}. */
  public abstract String id();

  /** The episode group, e.g. {@code bp.high}. */
  public abstract String group();

  /** What the rule looks at. */
  @Value.Default
  public ThresholdKind kind() {
    return ThresholdKind.LEVEL;
  }

  /**
   * The conditions: for {@link ThresholdKind#LEVEL} a reading breaches when any holds ("and/or"); a
   * change rule has exactly one, the size of the change.
   */
  public abstract ImmutableList<ThresholdCondition> conditions();

  /** For change rules: the look-back in calendar days (in the practice's zone). */
  public abstract Optional<Integer> windowDays();

  /** How severe a breach is. */
  public abstract AlertSeverity severity();

  /** A short English label without PHI, e.g. {@code Blood pressure in the crisis range}. */
  public abstract String label();

  /**
   * The name of a condition set ({@link AlertParameters#conditionSets()}) the patient must have for
   * the rule to apply by default, e.g. {@code heart-failure}; a patient override always applies.
   */
  public abstract Optional<String> requiresCondition();

  /** The source of the value. */
  public abstract String source();

  /** Whether the value rests on a source that was read (false: a program convention). */
  @Value.Default
  public boolean confirmed() {
    return true;
  }

  /**
   * Returns a copy with the limit of its single condition replaced, e.g. an SpO2 target of 88 % for
   * one patient.
   *
   * @param limit the new limit
   * @return the copy
   * @throws IllegalStateException if the rule has more than one condition
   */
  public ThresholdRule withLimit(Measurement limit) {
    if (conditions().size() != 1) {
      throw new IllegalStateException("rule " + id() + " has several conditions; set them all");
    }
    ThresholdCondition c = conditions().get(0);
    return ImmutableThresholdRule.builder()
        .from(this)
        .conditions(ImmutableList.of(ThresholdCondition.of(c.metric(), c.comparison(), limit)))
        .build();
  }

  /** Returns a new builder. */
  public static ImmutableThresholdRule.Builder builder() {
    return ImmutableThresholdRule.builder();
  }

  @Value.Check
  protected void check() {
    checkArgument(!id().isBlank() && !group().isBlank(), "id and group are required");
    checkArgument(!conditions().isEmpty(), "rule %s has no condition", id());
    if (kind() == ThresholdKind.LEVEL) {
      checkArgument(windowDays().isEmpty(), "level rule %s takes no window", id());
    } else {
      checkArgument(conditions().size() == 1, "change rule %s takes one condition", id());
      Comparison c = conditions().get(0).comparison();
      checkArgument(
          c == Comparison.GT || c == Comparison.GE, "change rule %s compares with > or >=", id());
      checkArgument(
          windowDays().map(w -> w >= 1).orElse(false), "change rule %s needs windowDays", id());
    }
  }
}
