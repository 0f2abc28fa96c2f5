package org.ccmkit.core.rule;

/**
 * A rule: a pure function from an input and a context to a {@link Decision}. It has no clock, no
 * I/O and no mutable state, so equal arguments give equal decisions, and rules can run on any
 * number of threads or workers at once.
 *
 * @param <I> the input type
 * @since 0.1.0
 */
public interface Rule<I> {
  /** The rule's stable name, e.g. {@code ccm.eligibility}. */
  String name();

  /**
   * Evaluates the rule.
   *
   * @param input the input
   * @param context the evaluation date and zone
   * @return the decision
   * @throws CcmException with {@link ErrorCode#NO_PARAMETERS_FOR_DATE} if no parameters are in
   *     effect on the context's date
   */
  Decision evaluate(I input, EvaluationContext context);
}
