package org.ccmkit.core.rule;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.Ordering;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.model.PractitionerRef;
import org.immutables.value.Value;

/**
 * What a rule decided, and why: the outcome, the reasons with stable codes, and the evidence the
 * decision rests on. Reasons are kept sorted by (severity, code) and evidence by (source, path)
 * whatever order they were added in, so equal inputs give equal decisions and, through {@code
 * CcmJson}, byte-identical JSON. A decision never holds an exception. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableDecision.class)
@JsonDeserialize(as = ImmutableDecision.class)
@JsonPropertyOrder(alphabetic = true)
public abstract class Decision implements Serializable {
  private static final long serialVersionUID = 1L;

  Decision() {}

  /** The rule and parameter version that decided. */
  public abstract RuleId ruleId();

  /** The outcome. */
  public abstract Outcome outcome();

  /** The date the decision speaks for. */
  public abstract LocalDate asOf();

  /** The patient decided about, when the decision is about one. */
  public abstract Optional<PatientRef> patient();

  /** The program decided about, when the decision is about one. */
  public abstract Optional<CareProgram> program();

  /** The service month decided about, when the decision is about one. */
  public abstract Optional<YearMonth> month();

  /** The billing practitioner decided about, when the decision is about one. */
  public abstract Optional<PractitionerRef> practitioner();

  /** The reasons, sorted by severity, then code. */
  public abstract ImmutableList<Reason> reasons();

  /** The evidence, sorted by source, then path. */
  public abstract ImmutableList<Evidence> evidence();

  /** Machine-readable results (e.g. {@code minutes.CLINICAL_STAFF=25}), sorted by key. */
  @Value.NaturalOrder
  public abstract ImmutableSortedMap<String, String> details();

  /** Returns whether the outcome is {@link Outcome#MET}. */
  @JsonIgnore
  public boolean isMet() {
    return outcome() == Outcome.MET;
  }

  /** Returns whether the outcome is {@link Outcome#INDETERMINATE}. */
  @JsonIgnore
  public boolean isIndeterminate() {
    return outcome() == Outcome.INDETERMINATE;
  }

  /**
   * Returns whether any reason has the code {@code code}.
   *
   * @param code a reason code
   * @return true when one does
   */
  public boolean hasReason(ReasonCode code) {
    return reasons().stream().anyMatch(r -> r.is(code));
  }

  /** Returns whether any reason is an {@link Severity#ERROR}. */
  @JsonIgnore
  public boolean hasError() {
    return reasons().stream().anyMatch(r -> r.severity() == Severity.ERROR);
  }

  /**
   * Returns this decision if it is met.
   *
   * @return this decision
   * @throws CcmException with {@link ErrorCode#RULE_NOT_MET} if the outcome is not {@link
   *     Outcome#MET}; the message names the rule, outcome and reason codes, never PHI
   */
  public Decision requireMet() {
    if (!isMet()) {
      throw new CcmException(
          ErrorCode.RULE_NOT_MET,
          "%s: %s %s",
          ruleId(),
          outcome(),
          reasons().stream().map(Reason::code).toList());
    }
    return this;
  }

  /** Returns a new builder. */
  public static ImmutableDecision.Builder builder() {
    return ImmutableDecision.builder();
  }

  /**
   * Keeps reasons and evidence in their canonical order, whatever order they were added in. Both
   * lists are replaced in one build: each {@code with*} call validates its result, so sorting one
   * list at a time would normalize a half-sorted copy again, without end.
   */
  @Value.Check
  protected Decision normalize() {
    if (Ordering.from(Reason.ORDER).isOrdered(reasons())
        && Ordering.from(Evidence.ORDER).isOrdered(evidence())) {
      return this;
    }
    return builder()
        .from(this)
        .reasons(ImmutableList.sortedCopyOf(Reason.ORDER, reasons()))
        .evidence(ImmutableList.sortedCopyOf(Evidence.ORDER, evidence()))
        .build();
  }
}
