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
 * A diagnosis on the patient's problem list, with every code it carries (a FHIR Condition may code
 * the same problem in ICD-10-CM and SNOMED CT). Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableConditionRecord.class)
@JsonDeserialize(as = ImmutableConditionRecord.class)
public abstract class ConditionRecord implements Serializable {
  private static final long serialVersionUID = 1L;

  ConditionRecord() {}

  /** The resource the condition came from. */
  public abstract SourceRef source();

  /** The patient. */
  public abstract PatientRef patient();

  /** The codes of the condition, sorted by system then code; at least one. */
  @Value.NaturalOrder
  public abstract ImmutableSortedSet<Code> codes();

  /** The clinical status; {@link ClinicalStatus#UNKNOWN} when not recorded. */
  @Value.Default
  public ClinicalStatus clinicalStatus() {
    return ClinicalStatus.UNKNOWN;
  }

  /** The verification status; {@link VerificationStatus#UNKNOWN} when not recorded. */
  @Value.Default
  public VerificationStatus verificationStatus() {
    return VerificationStatus.UNKNOWN;
  }

  /**
   * The onset date, when recorded. Redacted in {@code toString()}: a condition present from birth
   * has the birth date as its onset (Synthea records them so), which would print the birth date.
   */
  @Value.Redacted
  public abstract Optional<LocalDate> onset();

  /** The abatement date, when recorded; a condition no longer counts from this date on. */
  public abstract Optional<LocalDate> abatement();

  /**
   * Whether the source recorded an abatement without a usable date (e.g. {@code abatementBoolean}
   * or a string): such a condition has abated and never counts.
   */
  @Value.Default
  public boolean abatedWithoutDate() {
    return false;
  }

  /** Returns a new builder. */
  public static ImmutableConditionRecord.Builder builder() {
    return ImmutableConditionRecord.builder();
  }

  @Value.Check
  protected void check() {
    checkArgument(!codes().isEmpty(), "a condition needs at least one code");
  }
}
