package org.ccmkit.rpm;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.Serializable;
import java.util.Optional;
import org.ccmkit.core.model.PatientRecord;
import org.immutables.value.Value;

/**
 * The input of the alert rules: the patient's record (its readings), and optionally the monitoring
 * program's profile and the patient's own threshold settings. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAlertQuery.class)
@JsonDeserialize(as = ImmutableAlertQuery.class)
public abstract class AlertQuery implements Serializable {
  private static final long serialVersionUID = 1L;

  AlertQuery() {}

  /** Everything known about the patient, readings included. */
  public abstract PatientRecord record();

  /** The monitoring program's defaults, when it has its own. */
  public abstract Optional<AlertProfile> programProfile();

  /** The patient's own settings, when a clinician made any. */
  public abstract Optional<PatientThresholds> patientThresholds();

  /**
   * Returns a query with the shipped defaults only.
   *
   * @param record the patient's record
   * @return the query
   */
  public static AlertQuery of(PatientRecord record) {
    return builder().record(record).build();
  }

  /** Returns a new builder. */
  public static ImmutableAlertQuery.Builder builder() {
    return ImmutableAlertQuery.builder();
  }

  @Value.Check
  protected void check() {
    patientThresholds()
        .ifPresent(
            t ->
                com.google.common.base.Preconditions.checkArgument(
                    t.patient().equals(record().ref()),
                    "thresholds of %s given for %s",
                    t.patient(),
                    record().ref()));
  }
}
