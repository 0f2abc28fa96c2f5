package org.ccmkit.rpm;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.time.LocalDate;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.model.PractitionerRef;
import org.immutables.value.Value;

/**
 * A request to start remote monitoring (RPM or RTM) for a patient on a date with a billing
 * practitioner, checked before enrolment (RPM-T08, RPM-T09). Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableMonitoringStart.class)
@JsonDeserialize(as = ImmutableMonitoringStart.class)
public abstract class MonitoringStart implements Serializable {
  private static final long serialVersionUID = 1L;

  MonitoringStart() {}

  /** Everything known about the patient. */
  public abstract PatientRecord record();

  /** {@link CareProgram#RPM} or {@link CareProgram#RTM}. */
  public abstract CareProgram program();

  /** The first day of monitoring. */
  public abstract LocalDate start();

  /** The practitioner who would bill. */
  public abstract PractitionerRef practitioner();

  /** Claims already made for the patient, in the order given. */
  public abstract ImmutableList<PriorClaim> priorClaims();

  /** Returns a new builder. */
  public static ImmutableMonitoringStart.Builder builder() {
    return ImmutableMonitoringStart.builder();
  }

  @Value.Check
  protected void check() {
    checkArgument(
        program() == CareProgram.RPM || program() == CareProgram.RTM,
        "monitoring start is for RPM or RTM, not %s",
        program());
  }
}
