package org.ccmkit.rpm;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Treatment management in a calendar month (rules reference §9.1): the base-code tiers of the rule
 * year (99470 10–19 min from CY2026, 99457 20 min or more; never both), the 99458 add-on, and
 * whether a real-time interactive communication is required. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableManagementParameters.class)
@JsonDeserialize(as = ImmutableManagementParameters.class)
public abstract class ManagementParameters implements Serializable {
  private static final long serialVersionUID = 1L;

  ManagementParameters() {}

  /** The base-code tiers, fewest minutes first; no two overlap. */
  public abstract ImmutableList<TimeTier> tiers();

  /** The add-on. */
  public abstract AddOnParameters addOn();

  /**
   * Whether a month needs at least one real-time, two-way interactive communication (entries marked
   * {@code interactive-communication}) before any management code (open question Q9).
   */
  public abstract boolean interactiveCommunicationRequired();

  /**
   * Returns the base tier for {@code minutes}, if any.
   *
   * @param minutes whole minutes in the month
   * @return the tier, or empty when too few minutes
   */
  public Optional<TimeTier> tierFor(int minutes) {
    return tiers().stream().filter(t -> t.covers(minutes)).findFirst();
  }

  /** Returns the fewest minutes any tier needs. */
  public int minimumMinutes() {
    return tiers().stream().mapToInt(TimeTier::minMinutes).min().orElse(Integer.MAX_VALUE);
  }

  /** Returns a new builder. */
  public static ImmutableManagementParameters.Builder builder() {
    return ImmutableManagementParameters.builder();
  }

  @Value.Check
  protected void check() {
    checkArgument(!tiers().isEmpty(), "at least one management tier is needed");
    for (int i = 1; i < tiers().size(); i++) {
      TimeTier prev = tiers().get(i - 1);
      int nextMin = tiers().get(i).minMinutes();
      checkArgument(
          prev.maxMinutes().map(m -> m < nextMin).orElse(false),
          "management tiers must be listed fewest minutes first without overlap: %s",
          tiers());
    }
  }
}
