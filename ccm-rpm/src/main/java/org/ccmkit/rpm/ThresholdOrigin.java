package org.ccmkit.rpm;

/**
 * Where the threshold an alert was raised on came from; a more specific origin wins.
 *
 * @since 0.1.0
 */
public enum ThresholdOrigin {
  /** ccmkit's shipped default for the rule year ({@link AlertParameters#rules()}). */
  DEFAULT,
  /** The monitoring program's profile ({@link AlertProfile}). */
  PROGRAM,
  /** A clinician's setting for this one patient ({@link PatientThresholds}). */
  PATIENT
}
