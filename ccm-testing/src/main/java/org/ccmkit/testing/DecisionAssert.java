package org.ccmkit.testing;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractObjectAssert;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.core.rule.Decision;
import org.ccmkit.core.rule.Evidence;
import org.ccmkit.core.rule.EvidenceRole;
import org.ccmkit.core.rule.Outcome;
import org.ccmkit.core.rule.Reason;
import org.ccmkit.core.rule.ReasonCode;

/**
 * AssertJ assertions for a {@link Decision}. Failure messages name the rule, the outcome, reason
 * codes and evidence sources, never patient data.
 *
 * <pre>{@code
 * DecisionAssert.assertThat(decision)
 *     .isMet()
 *     .hasReason(CoreReasonCode.TIME_COUNTED)
 *     .hasEvidence(SourceRef.of("Procedure", "te-1"), EvidenceRole.COUNTED)
 *     .hasDetail("minutes.total", "25");
 * }</pre>
 *
 * @since 0.1.0
 */
public final class DecisionAssert extends AbstractObjectAssert<DecisionAssert, Decision> {
  private DecisionAssert(Decision actual) {
    super(actual, DecisionAssert.class);
  }

  /**
   * Starts assertions about {@code actual}.
   *
   * @param actual the decision
   * @return the assertions
   */
  public static DecisionAssert assertThat(Decision actual) {
    return new DecisionAssert(actual);
  }

  /**
   * Checks that the outcome is {@link Outcome#MET}.
   *
   * @return this
   * @throws AssertionError if it is not
   */
  @CanIgnoreReturnValue
  public DecisionAssert isMet() {
    return hasOutcome(Outcome.MET);
  }

  /**
   * Checks that the outcome is {@link Outcome#NOT_MET}.
   *
   * @return this
   * @throws AssertionError if it is not
   */
  @CanIgnoreReturnValue
  public DecisionAssert isNotMet() {
    return hasOutcome(Outcome.NOT_MET);
  }

  /**
   * Checks that the outcome is {@link Outcome#INDETERMINATE}.
   *
   * @return this
   * @throws AssertionError if it is not
   */
  @CanIgnoreReturnValue
  public DecisionAssert isIndeterminate() {
    return hasOutcome(Outcome.INDETERMINATE);
  }

  /**
   * Checks the outcome.
   *
   * @param expected the expected outcome
   * @return this
   * @throws AssertionError if the outcome differs
   */
  @CanIgnoreReturnValue
  public DecisionAssert hasOutcome(Outcome expected) {
    isNotNull();
    if (actual.outcome() != expected) {
      failWithMessage(
          "Expected %s to be %s but was %s; reasons: %s",
          actual.ruleId(), expected, actual.outcome(), codes());
    }
    return this;
  }

  /**
   * Checks the rule's name (without the parameter version).
   *
   * @param expected e.g. {@code core.time-accrual}
   * @return this
   * @throws AssertionError if the name differs
   */
  @CanIgnoreReturnValue
  public DecisionAssert hasRuleName(String expected) {
    isNotNull();
    if (!actual.ruleId().name().equals(expected)) {
      failWithMessage("Expected a decision of %s but it came from %s", expected, actual.ruleId());
    }
    return this;
  }

  /**
   * Checks that some reason has {@code code}.
   *
   * @param code the reason code
   * @return this
   * @throws AssertionError if none has
   */
  @CanIgnoreReturnValue
  public DecisionAssert hasReason(ReasonCode code) {
    isNotNull();
    if (!actual.hasReason(code)) {
      failWithMessage(
          "Expected %s to have reason %s but its reasons were %s",
          actual.ruleId(), code.name(), codes());
    }
    return this;
  }

  /**
   * Checks that no reason has {@code code}.
   *
   * @param code the reason code
   * @return this
   * @throws AssertionError if one has
   */
  @CanIgnoreReturnValue
  public DecisionAssert doesNotHaveReason(ReasonCode code) {
    isNotNull();
    if (actual.hasReason(code)) {
      failWithMessage(
          "Expected %s not to have reason %s but its reasons were %s",
          actual.ruleId(), code.name(), codes());
    }
    return this;
  }

  /**
   * Checks that the reason with {@code code} has the detail {@code key} = {@code value}.
   *
   * @param code the reason code
   * @param key the detail key
   * @param value the expected value
   * @return this
   * @throws AssertionError if there is no such reason, or none with that detail
   */
  @CanIgnoreReturnValue
  public DecisionAssert hasReasonDetail(ReasonCode code, String key, String value) {
    hasReason(code);
    List<Reason> matching = actual.reasons().stream().filter(r -> r.is(code)).toList();
    if (matching.stream().noneMatch(r -> value.equals(r.details().get(key)))) {
      failWithMessage(
          "Expected reason %s of %s to have detail %s=%s but its details were %s",
          code.name(),
          actual.ruleId(),
          key,
          value,
          matching.stream().map(Reason::details).toList());
    }
    return this;
  }

  /**
   * Checks that the decision has evidence from {@code source} in {@code role}.
   *
   * @param source the resource
   * @param role the role
   * @return this
   * @throws AssertionError if it has none
   */
  @CanIgnoreReturnValue
  public DecisionAssert hasEvidence(SourceRef source, EvidenceRole role) {
    isNotNull();
    if (actual.evidence().stream().noneMatch(e -> e.source().equals(source) && e.role() == role)) {
      failWithMessage(
          "Expected %s to have %s evidence from %s but its evidence from it was %s",
          actual.ruleId(), role, source, describe(evidenceFrom(source)));
    }
    return this;
  }

  /**
   * Checks that the decision has evidence from {@code source} in {@code role} with the reason
   * {@code reason}.
   *
   * @param source the resource
   * @param role the role
   * @param reason the reason the evidence names
   * @return this
   * @throws AssertionError if it has none
   */
  @CanIgnoreReturnValue
  public DecisionAssert hasEvidence(SourceRef source, EvidenceRole role, ReasonCode reason) {
    isNotNull();
    Optional<String> expected = Optional.of(reason.name());
    if (actual.evidence().stream()
        .noneMatch(
            e -> e.source().equals(source) && e.role() == role && e.reason().equals(expected))) {
      failWithMessage(
          "Expected %s to have %s evidence from %s with reason %s but its evidence from it was %s",
          actual.ruleId(), role, source, reason.name(), describe(evidenceFrom(source)));
    }
    return this;
  }

  /**
   * Checks that the decision has no evidence from {@code source}.
   *
   * @param source the resource
   * @return this
   * @throws AssertionError if it has some
   */
  @CanIgnoreReturnValue
  public DecisionAssert hasNoEvidenceFrom(SourceRef source) {
    isNotNull();
    List<Evidence> found = evidenceFrom(source);
    if (!found.isEmpty()) {
      failWithMessage(
          "Expected %s to have no evidence from %s but found %s",
          actual.ruleId(), source, describe(found));
    }
    return this;
  }

  /**
   * Checks one of the decision's details.
   *
   * @param key the detail key, e.g. {@code chronicConditions}
   * @param value the expected value
   * @return this
   * @throws AssertionError if the detail is absent or differs
   */
  @CanIgnoreReturnValue
  public DecisionAssert hasDetail(String key, String value) {
    isNotNull();
    String found = actual.details().get(key);
    if (!value.equals(found)) {
      failWithMessage(
          "Expected %s to have detail %s=%s but found %s",
          actual.ruleId(), key, value, found == null ? "no such detail" : key + "=" + found);
    }
    return this;
  }

  private List<String> codes() {
    return actual.reasons().stream().map(Reason::code).toList();
  }

  private List<Evidence> evidenceFrom(SourceRef source) {
    return actual.evidence().stream().filter(e -> e.source().equals(source)).toList();
  }

  private static List<String> describe(List<Evidence> evidence) {
    return evidence.stream()
        .map(e -> e.role() + " " + e.path() + e.reason().map(r -> " (" + r + ")").orElse(""))
        .toList();
  }
}
