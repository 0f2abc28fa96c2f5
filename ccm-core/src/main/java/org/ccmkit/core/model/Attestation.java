package org.ccmkit.core.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.Serializable;
import java.time.LocalDate;
import org.immutables.value.Value;

/**
 * A practitioner's attestation about a patient: significant risk (from its date on) or complex
 * medical decision making (for the calendar month of its date). Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAttestation.class)
@JsonDeserialize(as = ImmutableAttestation.class)
public abstract class Attestation implements Serializable {
  private static final long serialVersionUID = 1L;

  Attestation() {}

  /** The resource the attestation came from. */
  public abstract SourceRef source();

  /** The patient. */
  public abstract PatientRef patient();

  /** What is attested. */
  public abstract AttestationKind kind();

  /** The attesting practitioner. */
  public abstract PractitionerRef practitioner();

  /** The date of the attestation, in the practice's zone. */
  public abstract LocalDate date();

  /** The attested value; {@code false} records that the practitioner found the criterion unmet. */
  @Value.Default
  public boolean value() {
    return true;
  }

  /** Returns a new builder. */
  public static ImmutableAttestation.Builder builder() {
    return ImmutableAttestation.builder();
  }
}
