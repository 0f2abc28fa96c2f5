package org.ccmkit.examples;

import com.google.common.collect.ImmutableList;
import org.ccmkit.rpm.Alert;

/**
 * Writes {@code alerts.ndjson}: the one place where the runner turns ccm-rpm's alerts into FHIR
 * {@code DetectedIssue}s.
 *
 * <p>ccm-fhir has no DetectedIssue writer yet, so this adapter writes no lines; the run still
 * computes the alerts, counts them by severity in {@code summary.json} and shows them in the
 * report, and {@code summary.json} says that the file is empty for this reason. When ccm-fhir's
 * writer lands, only this class changes.
 */
final class AlertsOutput {
  /** Why alerts.ndjson has no lines, as recorded in summary.json. */
  static final String PENDING_NOTE =
      "alerts.ndjson is empty: ccm-fhir has no DetectedIssue writer yet; alerts are counted here and"
          + " shown in report.html";

  private AlertsOutput() {}

  /** Returns whether this build writes DetectedIssue lines. */
  static boolean writesLines() {
    return false;
  }

  /**
   * Returns the NDJSON lines (without newline) for the alerts, in the given order.
   *
   * @param alerts the alerts of the run, in a stable order
   */
  static ImmutableList<String> toLines(ImmutableList<Alert> alerts) {
    return ImmutableList.of();
  }
}
