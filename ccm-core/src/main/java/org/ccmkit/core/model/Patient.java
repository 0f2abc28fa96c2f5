package org.ccmkit.core.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Medicare beneficiary. Birth date, date of death and Medicare Beneficiary Identifier are
 * protected health information and are redacted from {@code toString()}. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePatient.class)
@JsonDeserialize(as = ImmutablePatient.class)
public abstract class Patient implements Serializable {
  private static final long serialVersionUID = 1L;

  Patient() {}

  /** The patient's reference. */
  public abstract PatientRef ref();

  /** The resource the patient came from. */
  @Value.Default
  public SourceRef source() {
    return SourceRef.of("Patient", ref().id());
  }

  /** The birth date, when known. PHI. */
  @Value.Redacted
  public abstract Optional<LocalDate> birthDate();

  /**
   * The date of death, when the patient has died; no service counts after it. When a source says
   * only that the patient died (no date), {@link #deceased()} is true and this is empty. PHI.
   */
  @Value.Redacted
  public abstract Optional<LocalDate> deathDate();

  /** Whether the patient is known to have died, with or without a date. */
  @Value.Default
  public boolean deceased() {
    return deathDate().isPresent();
  }

  /** The Medicare Beneficiary Identifier, when known. PHI. */
  @Value.Redacted
  public abstract Optional<String> mbi();

  /**
   * Returns whether the patient was alive on {@code date}: not deceased, or deceased after it (the
   * day of death itself still counts). A patient marked deceased without a date is never alive.
   *
   * @param date the date
   * @return true when services on {@code date} may count
   */
  public boolean isAliveOn(LocalDate date) {
    if (!deceased()) {
      return true;
    }
    return deathDate().map(d -> !date.isAfter(d)).orElse(false);
  }

  /** Returns a new builder. */
  public static ImmutablePatient.Builder builder() {
    return ImmutablePatient.builder();
  }

  /**
   * Returns a living patient with only a reference.
   *
   * @param id the logical id
   * @return the patient
   */
  public static Patient of(String id) {
    return builder().ref(PatientRef.of(id)).build();
  }
}
