package org.ccmkit.core.model;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableSortedSet;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A patient's documented consent to one or more care programs, given to one billing practitioner
 * (rules reference §5). A consent with a {@link #withdrawalDate()} was withdrawn on that date; the
 * withdrawal takes effect at the end of that calendar month. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableConsent.class)
@JsonDeserialize(as = ImmutableConsent.class)
public abstract class Consent implements Serializable {
  private static final long serialVersionUID = 1L;

  Consent() {}

  /** The resource the consent came from. */
  public abstract SourceRef source();

  /** The patient. */
  public abstract PatientRef patient();

  /** The programs the consent covers, in enum order; at least one. */
  @Value.NaturalOrder
  public abstract ImmutableSortedSet<CareProgram> programs();

  /** The state of the record. */
  public abstract ConsentStatus status();

  /** The date consent was given (or declined). */
  public abstract LocalDate givenDate();

  /** The date the patient withdrew, when they did. */
  public abstract Optional<LocalDate> withdrawalDate();

  /** The practitioner the consent was given to: the billing practitioner. */
  public abstract PractitionerRef practitioner();

  /**
   * The disclosures the record shows the patient was given (rules reference §5), in enum order.
   * Empty when the record shows none; what a program requires is in the consent parameters.
   *
   * @since 0.2.0
   */
  @Value.NaturalOrder
  public abstract ImmutableSortedSet<ConsentDisclosure> disclosures();

  /** Returns a new builder. */
  public static ImmutableConsent.Builder builder() {
    return ImmutableConsent.builder();
  }

  @Value.Check
  protected void check() {
    checkArgument(!programs().isEmpty(), "a consent covers at least one program");
    withdrawalDate()
        .ifPresent(
            w ->
                checkArgument(
                    !w.isBefore(givenDate()),
                    "consent withdrawn (%s) before it was given (%s)",
                    w,
                    givenDate()));
  }
}
