package org.ccmkit.examples;

import com.google.common.collect.ImmutableList;
import org.ccmkit.fhir.r4.R4DetectedIssues;
import org.ccmkit.fhir.r4.R4Ndjson;
import org.ccmkit.rpm.Alert;

/**
 * Writes {@code alerts.ndjson}: the one place where the runner turns ccm-rpm's alerts into FHIR
 * {@code DetectedIssue}s (one per alert, in id order).
 */
final class AlertsOutput {
  private AlertsOutput() {}

  /**
   * Returns the NDJSON lines (without newline) for the alerts.
   *
   * @param alerts the alerts of the run
   */
  static ImmutableList<String> toLines(ImmutableList<Alert> alerts) {
    return R4DetectedIssues.toDetectedIssues(alerts).stream()
        .map(R4Ndjson::toLine)
        .collect(ImmutableList.toImmutableList());
  }
}
