package org.ccmkit.core.model;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import org.immutables.value.Value;

/**
 * Identifies a practitioner or staff member by the logical id of their {@code Practitioner}
 * resource. It is what ccmkit writes to its outputs; names never appear in them. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
public abstract class PractitionerRef implements Comparable<PractitionerRef>, Serializable {
  private static final long serialVersionUID = 1L;

  PractitionerRef() {}

  /** The logical id of the person's {@code Practitioner} resource. */
  @Value.Parameter
  @JsonValue
  public abstract String id();

  /**
   * Returns the reference to the practitioner with this logical id.
   *
   * @param id the logical id, not blank
   * @return the reference
   * @throws IllegalArgumentException if {@code id} is blank
   */
  @JsonCreator
  public static PractitionerRef of(String id) {
    return ImmutablePractitionerRef.of(id);
  }

  @Value.Check
  protected void check() {
    checkArgument(!id().isBlank(), "practitioner id must not be blank");
  }

  @Override
  public int compareTo(PractitionerRef other) {
    return id().compareTo(other.id());
  }

  /** Returns {@code Practitioner/id}. */
  @Override
  public String toString() {
    return "Practitioner/" + id();
  }
}
