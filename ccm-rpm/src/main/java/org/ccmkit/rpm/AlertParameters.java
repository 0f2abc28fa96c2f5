package org.ccmkit.rpm;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;
import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The shipped alert defaults (rules reference §10): which reading codes measure which metric, the
 * threshold rules with their sources, the condition sets some rules need, and the re-alert window
 * that keeps one breach episode to one alert. Not Medicare rules: clinical cut-points a program may
 * replace ({@link AlertProfile}) and a clinician may override per patient ({@link
 * PatientThresholds}). Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAlertParameters.class)
@JsonDeserialize(as = ImmutableAlertParameters.class)
public abstract class AlertParameters implements Serializable {
  private static final long serialVersionUID = 1L;

  AlertParameters() {}

  /**
   * How long after the last breaching reading of an episode a new breach of the same group updates
   * the open alert instead of raising a new one.
   */
  public abstract Duration reAlertWindow();

  /** Reading value codes (LOINC) and the metric each measures, sorted by code. */
  @Value.NaturalOrder
  public abstract ImmutableSortedMap<String, Metric> metricCodes();

  /** The threshold rules, in file order. */
  public abstract ImmutableList<ThresholdRule> rules();

  /**
   * Named condition sets, each a set of {@code system|code} entries; an entry ending in {@code *}
   * matches every code that starts with it (e.g. {@code http://hl7.org/fhir/sid/icd-10-cm|I50*}).
   */
  @Value.NaturalOrder
  public abstract ImmutableSortedMap<String, ImmutableSortedSet<String>> conditionSets();

  /**
   * Returns the rule with {@code id}, if shipped.
   *
   * @param id a rule id such as {@code spo2.below-target}
   * @return the rule, or empty
   */
  public Optional<ThresholdRule> rule(String id) {
    return rules().stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /** Returns a new builder. */
  public static ImmutableAlertParameters.Builder builder() {
    return ImmutableAlertParameters.builder();
  }
}
