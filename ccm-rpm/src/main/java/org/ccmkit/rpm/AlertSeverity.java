package org.ccmkit.rpm;

import java.util.Locale;

/**
 * How urgently an alert needs a clinician, declared most severe first (the order alerts and rules
 * are sorted in). The scale is ccmkit's; {@link #fhirCode()} maps it to FHIR {@code
 * DetectedIssue.severity}.
 *
 * <ul>
 *   <li>{@link #HIGH}: act the same day (call the patient, escalate per protocol), e.g. blood
 *       pressure in the crisis range, glucose below 54 mg/dL.
 *   <li>{@link #MODERATE}: a clinician reviews within one business day, e.g. stage 2 blood
 *       pressure, glucose below 70 mg/dL, SpO2 below the patient's target, heart-failure weight
 *       gain.
 *   <li>{@link #LOW}: review at the next scheduled look at the patient's data, e.g. glucose above
 *       180 mg/dL, a small SpO2 fall that stays within target.
 * </ul>
 *
 * @since 0.1.0
 */
public enum AlertSeverity {
  /** Act the same day. */
  HIGH,
  /** Clinician review within one business day. */
  MODERATE,
  /** Review at the next scheduled data review. */
  LOW;

  /**
   * Returns the FHIR {@code DetectedIssue.severity} code: {@code high}, {@code moderate}, {@code
   * low}.
   */
  public String fhirCode() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns whether this severity is more severe than {@code other}.
   *
   * @param other another severity
   * @return true when this one is more urgent
   */
  public boolean isMoreSevereThan(AlertSeverity other) {
    return compareTo(other) < 0;
  }
}
