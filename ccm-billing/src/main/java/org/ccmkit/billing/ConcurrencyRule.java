package org.ccmkit.billing;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.Serializable;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One pair of the concurrency matrix (rules reference §2.5): what happens when services of two
 * {@link BillingCode#group() groups} meet for one patient in one month, by the same billing
 * practitioner and by different ones. Disputed pairs carry the reference's default and name the
 * open question; each is switched by replacing its actions ({@link
 * BillingParameters#withConcurrencyRule(ConcurrencyRule)}). Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableConcurrencyRule.class)
@JsonDeserialize(as = ImmutableConcurrencyRule.class)
public abstract class ConcurrencyRule implements Serializable {
  private static final long serialVersionUID = 1L;

  ConcurrencyRule() {}

  /** A stable id, e.g. {@code ccm-pcm}. */
  public abstract String id();

  /** The first group (the one {@link ConcurrencyAction#BLOCK_FIRST} blocks). */
  public abstract String first();

  /** The second group. */
  public abstract String second();

  /** What happens when one practitioner bills both. */
  public abstract ConcurrencyAction samePractitioner();

  /** What happens when two different practitioners bill one each. */
  public abstract ConcurrencyAction differentPractitioners();

  /** The source of the rule (and of its default, where disputed). */
  public abstract String source();

  /** The open question of the reference the default answers, e.g. {@code Q4}, if any. */
  public abstract Optional<String> openQuestion();

  /** Returns a new builder. */
  public static ImmutableConcurrencyRule.Builder builder() {
    return ImmutableConcurrencyRule.builder();
  }

  /**
   * Returns whether the rule speaks about groups {@code a} and {@code b}, in either order.
   *
   * @param a a group
   * @param b another group
   * @return true when {a, b} = {first, second}
   */
  public boolean covers(String a, String b) {
    return (first().equals(a) && second().equals(b)) || (first().equals(b) && second().equals(a));
  }

  @Value.Check
  protected void check() {
    checkArgument(!id().isBlank(), "a concurrency rule has an id");
    checkArgument(!first().equals(second()), "%s: a rule pairs two different groups", id());
  }
}
