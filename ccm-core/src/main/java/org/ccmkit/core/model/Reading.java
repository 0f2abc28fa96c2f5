package org.ccmkit.core.model;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableSortedMap;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One physiologic reading of a patient (FHIR {@code Observation} with a vital-sign or glucose
 * code): when it was taken, its values, and whether a device transmitted it. A reading names the
 * {@link #device()} that sent it; one without a device, or marked {@link #manual()}, was typed in
 * by a person and never counts toward remote-monitoring device days (rules reference §9.1). Its
 * time is an {@link Instant}: the day it counts on is taken in the practice's zone by the rule that
 * reads it. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableReading.class)
@JsonDeserialize(as = ImmutableReading.class)
public abstract class Reading implements Serializable {
  private static final long serialVersionUID = 1L;

  Reading() {}

  /** The resource the reading came from. */
  public abstract SourceRef source();

  /** The patient. */
  public abstract PatientRef patient();

  /** What was measured, e.g. LOINC {@code 85354-9} (blood pressure panel). */
  public abstract Code code();

  /** When the reading was taken (device time, corrected upstream where the source allows). */
  public abstract Instant effective();

  /**
   * The measured values keyed by the code (in the system of {@link #code()}) of what each measures,
   * sorted by key: a blood-pressure panel has {@code 8480-6} (systolic) and {@code 8462-4}
   * (diastolic), a single-valued reading has one entry under its own code. At least one.
   */
  @Value.NaturalOrder
  public abstract ImmutableSortedMap<String, Measurement> values();

  /** The device that transmitted the reading; empty when a person entered it. */
  public abstract Optional<SourceRef> device();

  /**
   * Whether the reading was entered by hand even though a device is named (e.g. a patient typed a
   * meter's value into an app). Such a reading is not device-transmitted.
   */
  @Value.Default
  public boolean manual() {
    return false;
  }

  /**
   * The source's business identifier ({@code system|value} of {@code Observation.identifier}), when
   * it has one; two readings with the same identifier are one reading sent twice.
   */
  @Value.Redacted
  public abstract Optional<String> identifier();

  /** Returns whether a device transmitted the reading: it names a device and is not manual. */
  @JsonIgnore
  public boolean isDeviceTransmitted() {
    return device().isPresent() && !manual();
  }

  /**
   * Returns the value measured under {@code code}, if the reading has one.
   *
   * @param code a code in the system of {@link #code()}, e.g. {@code 8480-6}
   * @return the measurement, or empty
   */
  public Optional<Measurement> value(String code) {
    return Optional.ofNullable(values().get(code));
  }

  /** Returns a new builder. */
  public static ImmutableReading.Builder builder() {
    return ImmutableReading.builder();
  }

  @Value.Check
  protected void check() {
    checkArgument(!values().isEmpty(), "reading %s has no value", source());
  }
}
