package org.ccmkit.rpm;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import java.io.Serializable;
import java.util.Optional;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.model.SourceRef;
import org.immutables.value.Value;

/**
 * A clinician's threshold settings for one patient, e.g. an SpO2 target of 88–92 % for a patient
 * with COPD at risk of hypercapnic failure (rules reference §10, ALERT-T04). An override replaces
 * the program's or the shipped rule of the same id, and applies whatever condition set the shipped
 * rule needs. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePatientThresholds.class)
@JsonDeserialize(as = ImmutablePatientThresholds.class)
public abstract class PatientThresholds implements Serializable {
  private static final long serialVersionUID = 1L;

  PatientThresholds() {}

  /** The patient. */
  public abstract PatientRef patient();

  /** Rules that replace rules of the same id, or add new ones, in order. */
  public abstract ImmutableList<ThresholdRule> overrides();

  /** Ids of rules switched off for this patient. */
  @Value.NaturalOrder
  public abstract ImmutableSortedSet<String> disabledRules();

  /** The clinician who set them, when recorded. */
  public abstract Optional<PractitionerRef> setBy();

  /** The resource the settings came from (e.g. a {@code Goal} or {@code CarePlan}), if any. */
  public abstract Optional<SourceRef> source();

  /** Returns a new builder. */
  public static ImmutablePatientThresholds.Builder builder() {
    return ImmutablePatientThresholds.builder();
  }
}
