package org.ccmkit.core.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableSortedSet;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A visit with a practitioner (FHIR {@code Encounter}), with the CPT or HCPCS codes that say what
 * kind of visit it was (used for the initiating-visit rule) and, for an emergency, inpatient or
 * observation encounter, its encounter class (used by the eligibility sweep's recent-acute-care
 * score). Value-based.
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

  /**
   * The date of the visit, in the practice's zone. Redacted in {@code toString()}: a visit on the
   * day of birth (Synthea records birth encounters) would print the birth date.
   */
  @Value.Redacted
  public abstract LocalDate date();

  /**
   * The visit's type codes (CPT or HCPCS), sorted; empty for an acute encounter that has none (see
   * {@link #encounterClass()}).
   */
  @Value.NaturalOrder
  public abstract ImmutableSortedSet<Code> codes();

  /**
   * The encounter class ({@code Encounter.class}, a code of {@value #ENCOUNTER_CLASS_SYSTEM} such
   * as {@code EMER}, {@code IMP}, {@code ACUTE} or {@code OBSENC}) when it is one of the acute
   * classes the mapping keeps; empty for ambulatory and other visits.
   *
   * @since 0.2.0
   */
  public abstract Optional<String> encounterClass();

  /** Whether the visit took place ({@code Encounter.status} {@code finished}). */
  @Value.Default
  public boolean finished() {
    return true;
  }

  /** The code system of {@link #encounterClass()}, HL7 v3 ActCode: {@value}. */
  public static final String ENCOUNTER_CLASS_SYSTEM =
      "http://terminology.hl7.org/CodeSystem/v3-ActCode";

  /** Returns a new builder. */
  public static ImmutableVisit.Builder builder() {
    return ImmutableVisit.builder();
  }
}
