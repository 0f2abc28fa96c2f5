package org.ccmkit.core.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.Serializable;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A person who furnishes or bills care-management services, with the role their time counts in.
 * Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePractitioner.class)
@JsonDeserialize(as = ImmutablePractitioner.class)
public abstract class Practitioner implements Serializable {
  private static final long serialVersionUID = 1L;

  Practitioner() {}

  /** The person's reference. */
  public abstract PractitionerRef ref();

  /** The resource the person came from. */
  @Value.Default
  public SourceRef source() {
    return SourceRef.of("Practitioner", ref().id());
  }

  /** The role their time counts in. */
  public abstract StaffRole role();

  /** The National Provider Identifier, when known (not PHI: NPIs are public). */
  public abstract Optional<String> npi();

  /** Returns a new builder. */
  public static ImmutablePractitioner.Builder builder() {
    return ImmutablePractitioner.builder();
  }

  /**
   * Returns a person with a reference and a role.
   *
   * @param id the logical id
   * @param role the role
   * @return the practitioner
   */
  public static Practitioner of(String id, StaffRole role) {
    return builder().ref(PractitionerRef.of(id)).role(role).build();
  }
}
