package org.ccmkit.core.params;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;
import java.io.Serializable;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.ConsentDisclosure;
import org.ccmkit.core.rule.Severity;
import org.immutables.value.Value;

/**
 * Consent handling (rules reference §5 and open question Q2). Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableConsentParameters.class)
@JsonDeserialize(as = ImmutableConsentParameters.class)
public abstract class ConsentParameters implements Serializable {
  private static final long serialVersionUID = 1L;

  ConsentParameters() {}

  /** The programs that need documented consent before any time counts or any claim is made. */
  @Value.NaturalOrder
  public abstract ImmutableSortedSet<CareProgram> required();

  /**
   * Whether minutes earlier in the month than the consent date count (CONS-T02: default false; no
   * source allows back-counting).
   */
  public abstract boolean countTimeBeforeConsentInSameMonth();

  /** When a withdrawal takes effect (default: end of that calendar month). */
  public abstract WithdrawalTiming withdrawalTakesEffect();

  /**
   * Whether consent must have been given to the billing practitioner (CONS-T04: a change of billing
   * practitioner needs a new consent; default true).
   */
  public abstract boolean mustBeGivenToBillingPractitioner();

  /**
   * The disclosures a consent record must show, per program (rules reference §5, CONS-T05); a
   * program not listed needs none.
   *
   * @since 0.2.0
   */
  @Value.NaturalOrder
  public abstract ImmutableSortedMap<CareProgram, ImmutableSortedSet<ConsentDisclosure>>
      requiredDisclosures();

  /**
   * The severity of a consent lacking a required disclosure: {@code WARNING} (the default: the
   * consent still counts) or {@code ERROR} (the consent does not count).
   *
   * @since 0.2.0
   */
  public abstract Severity incompleteSeverity();

  /**
   * Returns the disclosures {@code program} requires.
   *
   * @param program the program
   * @return the disclosures, empty when none
   */
  public ImmutableSortedSet<ConsentDisclosure> disclosuresFor(CareProgram program) {
    ImmutableSortedSet<ConsentDisclosure> s = requiredDisclosures().get(program);
    return s != null ? s : ImmutableSortedSet.of();
  }

  /** Returns a new builder. */
  public static ImmutableConsentParameters.Builder builder() {
    return ImmutableConsentParameters.builder();
  }
}
