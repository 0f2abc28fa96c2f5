package org.ccmkit.fhir.r4;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableSortedSet;
import java.io.Serializable;
import java.util.Optional;
import org.ccmkit.core.annotation.Experimental;
import org.ccmkit.core.model.Code;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.model.SourceRef;
import org.immutables.value.Value;

/**
 * A device read from a {@code Device} resource: its type codes and, when assigned, its patient.
 * Lives in ccm-fhir until ccm-core has a device type. Value-based.
 *
 * @since 0.1.0
 */
@Experimental(until = "0.2.0")
@Value.Immutable
@JsonSerialize(as = ImmutableMappedDevice.class)
@JsonDeserialize(as = ImmutableMappedDevice.class)
public abstract class MappedDevice implements Serializable {
  private static final long serialVersionUID = 1L;

  MappedDevice() {}

  /** The Device. */
  public abstract SourceRef source();

  /** The patient the device is assigned to, when given and resolvable. */
  public abstract Optional<PatientRef> patient();

  /** The device's type codes, sorted. */
  @Value.NaturalOrder
  public abstract ImmutableSortedSet<Code> types();

  /** Returns a new builder. */
  public static ImmutableMappedDevice.Builder builder() {
    return ImmutableMappedDevice.builder();
  }
}
