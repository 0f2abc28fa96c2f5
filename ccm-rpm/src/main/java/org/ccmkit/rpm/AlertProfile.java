package org.ccmkit.rpm;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A monitoring program's own defaults (e.g. a practice's heart-failure program): rules that replace
 * shipped rules of the same id or add new ones, rules switched off, and its own re-alert window.
 * Per-patient settings ({@link PatientThresholds}) win over these. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAlertProfile.class)
@JsonDeserialize(as = ImmutableAlertProfile.class)
public abstract class AlertProfile implements Serializable {
  private static final long serialVersionUID = 1L;

  AlertProfile() {}

  /** The profile's name, e.g. {@code heart-failure}. */
  public abstract String name();

  /** Rules that replace shipped rules of the same id, or add new ones, in order. */
  public abstract ImmutableList<ThresholdRule> rules();

  /** Ids of rules switched off for the program. */
  @Value.NaturalOrder
  public abstract ImmutableSortedSet<String> disabledRules();

  /** The program's re-alert window, when it differs from the shipped one. */
  public abstract Optional<Duration> reAlertWindow();

  /** Returns a new builder. */
  public static ImmutableAlertProfile.Builder builder() {
    return ImmutableAlertProfile.builder();
  }
}
