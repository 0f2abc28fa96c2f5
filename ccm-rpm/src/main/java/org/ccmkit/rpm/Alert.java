package org.ccmkit.rpm;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.time.Instant;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.core.rule.Evidence;
import org.immutables.value.Value;

/**
 * One alert: a breach episode of one threshold group, from the first breaching reading to the last
 * one that came within the re-alert window of the one before. Its {@link #key()} is stable (group
 * and first reading), so a host that evaluates a growing series again sees the same alert updated
 * rather than a new one. It lists every reading it rests on. No PHI beyond reading values and
 * times. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAlert.class)
@JsonDeserialize(as = ImmutableAlert.class)
public abstract class Alert implements Serializable {
  private static final long serialVersionUID = 1L;

  Alert() {}

  /** The stable key: {@code group@Type/id} of the first breaching reading. */
  public abstract String key();

  /** The patient. */
  public abstract PatientRef patient();

  /** The threshold group, e.g. {@code bp.high}. */
  public abstract String group();

  /** The most severe rule breached in the episode, e.g. {@code bp.crisis}. */
  public abstract String ruleId();

  /** The metric of that rule. */
  public abstract Metric metric();

  /** The highest severity reached in the episode. */
  public abstract AlertSeverity severity();

  /** The severity of the first breach. */
  public abstract AlertSeverity initialSeverity();

  /** The label of {@link #ruleId()}, English, without PHI. */
  public abstract String label();

  /** Where the rule came from. */
  public abstract ThresholdOrigin origin();

  /** The source of the rule's value. */
  public abstract String source();

  /** The time of the first breaching reading. */
  public abstract Instant openedAt();

  /** The time of the last breaching reading. */
  public abstract Instant lastBreachAt();

  /** Until when a new breach of the group updates this alert ({@code lastBreachAt + window}). */
  public abstract Instant openUntil();

  /** How many readings breached in the episode. */
  public abstract int breachCount();

  /** The breaching readings, in time order. */
  public abstract ImmutableList<SourceRef> readings();

  /**
   * The evidence: each breaching reading (COUNTED, with its value) and, for change rules, the
   * baseline reading it was compared with (CONTEXT); sorted by source.
   */
  public abstract ImmutableList<Evidence> evidence();

  /** Returns whether the severity rose after the alert was raised. */
  @JsonIgnore
  public boolean isEscalated() {
    return severity().isMoreSevereThan(initialSeverity());
  }

  /** Returns a new builder. */
  public static ImmutableAlert.Builder builder() {
    return ImmutableAlert.builder();
  }
}
