package org.ccmkit.core.sweep;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;
import org.ccmkit.core.model.ConsentDisclosure;
import org.ccmkit.core.model.Coverage;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.rule.Decision;
import org.immutables.value.Value;

/**
 * One patient screened by the eligibility sweep on a date: the status (a candidate or why not),
 * and, for a candidate, the score with every component, the conditions and what the eligibility
 * rule made of each, the Medicare coverage found, whether an initiating visit is needed first, the
 * disclosures consent must cover, the estimated patient share (when the caller added it) and the
 * core decisions it all rests on. Value-based; no PHI in {@code toString()} (ids and codes only).
 *
 * @since 0.2.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableScreening.class)
@JsonDeserialize(as = ImmutableScreening.class)
public abstract class Screening implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Candidates first, by score (highest first), then by patient id: the sweep's ranking. */
  public static final Comparator<Screening> RANKING =
      Comparator.comparing((Screening s) -> !s.status().isCandidate())
          .thenComparing(Comparator.comparingInt(Screening::score).reversed())
          .thenComparing(Screening::patient);

  Screening() {}

  /** The patient. */
  public abstract PatientRef patient();

  /** The date screened for. */
  public abstract LocalDate asOf();

  /** The version of the sweep parameters used (the score's weights). */
  public abstract String parametersVersion();

  /** Where the patient stands. */
  public abstract CandidateStatus status();

  /** The score: the sum of the components' points (0 for a patient who is not a candidate). */
  public abstract int score();

  /** The score's components, in code order, then by detail. */
  public abstract ImmutableList<ScoreComponent> components();

  /** The patient's conditions and what the eligibility rule made of each, by source. */
  public abstract ImmutableList<ConditionFinding> conditions();

  /** The patient's coverages active on the as-of date, by source (empty: none on file). */
  public abstract ImmutableList<Coverage> coverages();

  /** Whether an initiating visit is needed before the program can start (rules reference §4.3). */
  public abstract boolean initiatingVisitRequired();

  /** The practitioner assumed to bill: the one of the patient's latest visit, when any. */
  public abstract Optional<PractitionerRef> practitioner();

  /** The disclosures the patient's consent must cover (rules reference §5), in enum order. */
  public abstract ImmutableList<ConsentDisclosure> disclosures();

  /** The estimated monthly patient share for the quote code, when the caller added it. */
  public abstract Optional<CandidateShare> share();

  /** The core decisions the screening rests on (eligibility, initiating visit), in order. */
  public abstract ImmutableList<Decision> decisions();

  /** Returns whether the patient is a candidate. */
  @JsonIgnore
  public boolean isCandidate() {
    return status().isCandidate();
  }

  /** Returns the counted (qualifying) conditions. */
  public ImmutableList<ConditionFinding> qualifyingConditions() {
    return conditions().stream()
        .filter(ConditionFinding::counted)
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * Returns a copy with the estimated patient share.
   *
   * @param share the estimate
   * @return the copy
   */
  public Screening withShare(CandidateShare share) {
    return ImmutableScreening.copyOf(this).withShare(share);
  }

  /** Returns a new builder. */
  public static ImmutableScreening.Builder builder() {
    return ImmutableScreening.builder();
  }

  @Value.Check
  protected void check() {
    int sum = components().stream().mapToInt(ScoreComponent::points).sum();
    checkArgument(score() == sum, "score %s is not the sum of its components (%s)", score(), sum);
  }
}
