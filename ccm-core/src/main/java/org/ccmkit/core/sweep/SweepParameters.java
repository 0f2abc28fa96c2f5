package org.ccmkit.core.sweep;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedMap;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Optional;
import org.ccmkit.core.params.EffectiveDated;
import org.ccmkit.core.params.ParameterCatalog;
import org.ccmkit.core.params.ParameterFiles;
import org.immutables.value.Value;

/**
 * The eligibility sweep's score weights and the code its patient-share quote uses, for one rule
 * year. The score is a product heuristic, not a Medicare rule: each component's points are data so
 * that a practice can tune them. The shipped years live in {@code
 * org/ccmkit/core/sweep/sweep-*.json}, listed in {@code sweep-parameters.index}. Value-based.
 *
 * <p>Score = Σ over the counted chronic-condition groups of {@link #conditionWeights()} (or {@link
 * #defaultConditionWeight()}) + {@link #acuteEncounterWeight()} × (emergency, inpatient or
 * observation encounters in the {@link #acuteEncounterLookbackDays()} up to the as-of date, at most
 * {@link #acuteEncounterMax()}) + {@link #rpmCandidateWeight()} once when a counted group is one
 * RPM serves ({@link #rpmConditionGroups()}) and the patient is not enrolled in RPM.
 *
 * @since 0.2.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableSweepParameters.class)
@JsonDeserialize(as = ImmutableSweepParameters.class)
public abstract class SweepParameters implements EffectiveDated, Serializable {
  private static final long serialVersionUID = 1L;

  private static final String INDEX = "sweep-parameters.index";

  SweepParameters() {}

  @Override
  public abstract String version();

  @Override
  public abstract LocalDate effectiveFrom();

  @Override
  public abstract Optional<LocalDate> effectiveTo();

  /** The code whose monthly patient share each candidate is quoted, e.g. {@code 99490}. */
  public abstract String quoteCode();

  /** Points per counted chronic-condition group (classifier group id → points), by group. */
  @Value.NaturalOrder
  public abstract ImmutableSortedMap<String, Integer> conditionWeights();

  /** Points of a counted group not in {@link #conditionWeights()}. */
  public abstract int defaultConditionWeight();

  /** Encounter classes (HL7 v3 ActCode) that count as recent acute care, e.g. EMER, IMP. */
  public abstract ImmutableSet<String> acuteEncounterClasses();

  /** Points per recent acute encounter. */
  public abstract int acuteEncounterWeight();

  /** How far back an acute encounter counts, in days before the as-of date (inclusive). */
  public abstract int acuteEncounterLookbackDays();

  /** The most acute encounters that score (the most recent ones). */
  public abstract int acuteEncounterMax();

  /** Chronic-condition groups that remote physiologic monitoring serves (RPM candidates). */
  public abstract ImmutableSet<String> rpmConditionGroups();

  /** Points, once, for a patient with a counted group in {@link #rpmConditionGroups()}. */
  public abstract int rpmCandidateWeight();

  /** Where the values come from (they are ccmkit's product choices; see the docs). */
  public abstract ImmutableList<String> sources();

  /**
   * Returns the weight of a chronic-condition group.
   *
   * @param group the classifier's group id
   * @return its points
   */
  public int weightOf(String group) {
    return conditionWeights().getOrDefault(group, defaultConditionWeight());
  }

  /** Returns a new builder. */
  public static ImmutableSweepParameters.Builder builder() {
    return ImmutableSweepParameters.builder();
  }

  /**
   * Returns the parameter sets shipped with ccmkit (CY2025 and CY2026).
   *
   * @return the catalog
   * @throws org.ccmkit.core.rule.CcmException with {@code INVALID_PARAMETERS} if a shipped file is
   *     malformed (a packaging bug)
   */
  public static ParameterCatalog<SweepParameters> builtIn() {
    return BuiltIn.CATALOG;
  }

  @Value.Check
  protected void check() {
    checkArgument(!quoteCode().isBlank(), "%s: quoteCode must not be blank", version());
    checkArgument(
        acuteEncounterLookbackDays() >= 0 && acuteEncounterMax() >= 0,
        "%s: acute-encounter look-back and maximum must be >= 0",
        version());
    conditionWeights()
        .forEach((g, w) -> checkArgument(w >= 0, "%s: weight of %s must be >= 0", version(), g));
    checkArgument(
        defaultConditionWeight() >= 0 && acuteEncounterWeight() >= 0 && rpmCandidateWeight() >= 0,
        "%s: weights must be >= 0",
        version());
  }

  /** Lazily loads the shipped sets once; the catalog is immutable. */
  private static final class BuiltIn {
    static final ParameterCatalog<SweepParameters> CATALOG =
        ParameterFiles.loadIndexed(SweepParameters.class, INDEX, SweepParameters.class);
  }
}
