package org.ccmkit.core.model;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import org.immutables.value.Value;

/**
 * Identifies a patient by the logical id of their {@code Patient} resource. This is the only
 * patient identifier ccmkit writes to its outputs; names, MRNs and Medicare numbers never appear in
 * them. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
public abstract class PatientRef implements Comparable<PatientRef>, Serializable {
  private static final long serialVersionUID = 1L;

  PatientRef() {}

  /** The logical id of the patient's {@code Patient} resource. */
  @Value.Parameter
  @JsonValue
  public abstract String id();

  /**
   * Returns the reference to the patient with this logical id.
   *
   * @param id the logical id, not blank
   * @return the reference
   * @throws IllegalArgumentException if {@code id} is blank
   */
  @JsonCreator
  public static PatientRef of(String id) {
    return ImmutablePatientRef.of(id);
  }

  @Value.Check
  protected void check() {
    checkArgument(!id().isBlank(), "patient id must not be blank");
  }

  @Override
  public int compareTo(PatientRef other) {
    return id().compareTo(other.id());
  }

  /** Returns {@code Patient/id}. */
  @Override
  public String toString() {
    return "Patient/" + id();
  }
}
