package org.ccmkit.fhir.r4;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import org.ccmkit.core.annotation.Experimental;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.model.SourceRef;
import org.immutables.value.Value;

/**
 * An RPM reading read from an {@code Observation}. It lives in ccm-fhir until ccm-core has its own
 * reading type, which will replace it. A reading is device-transmitted when the Observation names a
 * {@code Device}; a manual reading never counts toward device days. Value-based.
 *
 * @since 0.1.0
 */
@Experimental(until = "0.2.0")
@Value.Immutable
@JsonSerialize(as = ImmutableMappedReading.class)
@JsonDeserialize(as = ImmutableMappedReading.class)
public abstract class MappedReading implements Serializable {
  private static final long serialVersionUID = 1L;

  MappedReading() {}

  /** The Observation. */
  public abstract SourceRef source();

  /** The patient. */
  public abstract PatientRef patient();

  /** What was measured. */
  public abstract ReadingKind kind();

  /** When it was measured ({@code effective[x]}; a date without time is midnight in the zone). */
  public abstract Instant effective();

  /** The values: one, or systolic then diastolic for blood pressure. */
  public abstract ImmutableList<ReadingValue> values();

  /** Whether the reading names a device, i.e. was transmitted rather than typed in. */
  public abstract boolean deviceTransmitted();

  /** The device, when the reference could be resolved to a type and id. */
  public abstract Optional<SourceRef> device();

  /** The first identifier as {@code system|value}; readings with the same one count once. */
  public abstract Optional<String> identifier();

  /** Returns a new builder. */
  public static ImmutableMappedReading.Builder builder() {
    return ImmutableMappedReading.builder();
  }
}
