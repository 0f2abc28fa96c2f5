package org.ccmkit.core.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableSortedSet;
import java.io.Serializable;
import java.time.LocalDate;
import org.immutables.value.Value;

/**
 * A visit with a practitioner (FHIR {@code Encounter}), with the CPT or HCPCS codes that say what
 * kind of visit it was. Used for the initiating-visit rule. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableVisit.class)
@JsonDeserialize(as = ImmutableVisit.class)
public abstract class Visit implements Serializable {
  private static final long serialVersionUID = 1L;

  Visit() {}

  /** The resource the visit came from. */
  public abstract SourceRef source();

  /** The patient. */
  public abstract PatientRef patient();

  /** The practitioners who took part, in id order. */
  @Value.NaturalOrder
  public abstract ImmutableSortedSet<PractitionerRef> practitioners();

  /** The date of the visit, in the practice's zone. */
  public abstract LocalDate date();

  /** The visit's type codes (CPT or HCPCS), sorted. */
  @Value.NaturalOrder
  public abstract ImmutableSortedSet<Code> codes();

  /** Whether the visit took place ({@code Encounter.status} {@code finished}). */
  @Value.Default
  public boolean finished() {
    return true;
  }

  /** Returns a new builder. */
  public static ImmutableVisit.Builder builder() {
    return ImmutableVisit.builder();
  }
}
