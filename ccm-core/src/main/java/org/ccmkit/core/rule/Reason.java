package org.ccmkit.core.rule;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableSortedMap;
import java.io.Serializable;
import java.util.Comparator;
import org.immutables.value.Value;

/**
 * One reason for a decision: a stable code, a severity and an English message without PHI, plus
 * machine-readable details. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableReason.class)
@JsonDeserialize(as = ImmutableReason.class)
public abstract class Reason implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The order reasons are listed in a decision: severity, then code, then message. */
  static final Comparator<Reason> ORDER = Reason::compareInOrder;

  Reason() {}

  /**
   * {@link #ORDER}, written out rather than as a comparator chain (every decision checks its
   * reasons are in order).
   */
  private static int compareInOrder(Reason a, Reason b) {
    if (a == b) {
      return 0;
    }
    int c = a.severity().compareTo(b.severity());
    if (c != 0) {
      return c;
    }
    c = a.code().compareTo(b.code());
    if (c != 0) {
      return c;
    }
    c = a.message().compareTo(b.message());
    if (c != 0) {
      return c;
    }
    return a.details().toString().compareTo(b.details().toString());
  }

  /** The stable code (the name of a {@link ReasonCode}). */
  public abstract String code();

  /** The severity. */
  public abstract Severity severity();

  /** What happened, in English, without PHI. */
  public abstract String message();

  /** Machine-readable details (e.g. {@code required=2}), sorted by key. */
  @Value.NaturalOrder
  public abstract ImmutableSortedMap<String, String> details();

  /**
   * Returns whether this reason has the code {@code code}.
   *
   * @param code a reason code
   * @return true when the codes' names are equal
   */
  public boolean is(ReasonCode code) {
    return code().equals(code.name());
  }

  /**
   * Returns a reason with the code's default severity.
   *
   * @param code the code
   * @param message the message, without PHI
   * @return the reason
   */
  public static Reason of(ReasonCode code, String message) {
    return builder().code(code.name()).severity(code.severity()).message(message).build();
  }

  /**
   * Returns a builder preset with the code and its default severity.
   *
   * @param code the code
   * @return the builder
   */
  public static ImmutableReason.Builder with(ReasonCode code) {
    return builder().code(code.name()).severity(code.severity());
  }

  /** Returns a new builder. */
  public static ImmutableReason.Builder builder() {
    return ImmutableReason.builder();
  }
}
