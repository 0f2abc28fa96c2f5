package org.ccmkit.fhir.r4;

import com.google.common.collect.ImmutableList;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import org.ccmkit.core.annotation.Experimental;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.rpm.Alert;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;

/**
 * Writes ccm-rpm's {@link Alert}s as FHIR R4 {@code DetectedIssue}s, the contract's {@code
 * alerts.ndjson}: {@code status} final, {@code code} = the alert's rule in {@value
 * #ALERT_RULE_SYSTEM} (display = its English label), {@code severity} high/moderate/low ({@link
 * org.ccmkit.rpm.AlertSeverity#fhirCode()}), {@code patient}, {@code identifiedDateTime} = the time
 * of the first breaching reading (UTC), {@code implicated} = the breaching Observations in time
 * order, and {@code detail} = the label, threshold group and breach count (no patient identifiers,
 * names, dates or values). The id is derived from the alert's stable {@link Alert#key()} ({@link
 * #detectedIssueId}), so an alert updated by a later run keeps its id.
 *
 * @since 0.1.0
 */
@Experimental(until = "0.2.0")
public final class R4DetectedIssues {
  /** The code system of {@code DetectedIssue.code}: ccm-rpm's threshold rule ids, {@value}. */
  public static final String ALERT_RULE_SYSTEM =
      "https://ccmkit.org/fhir/CodeSystem/rpm-alert-rule";

  private R4DetectedIssues() {}

  /**
   * Returns the DetectedIssues of alerts, sorted by id.
   *
   * @param alerts the alerts, in any order
   * @return one DetectedIssue per alert
   */
  public static ImmutableList<DetectedIssue> toDetectedIssues(List<Alert> alerts) {
    return alerts.stream()
        .map(R4DetectedIssues::toDetectedIssue)
        .sorted(Comparator.comparing(d -> d.getIdElement().getIdPart()))
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * Returns the DetectedIssue of one alert.
   *
   * @param alert the alert
   * @return the DetectedIssue
   */
  public static DetectedIssue toDetectedIssue(Alert alert) {
    DetectedIssue d = new DetectedIssue();
    d.setIdElement(new IdType("DetectedIssue", detectedIssueId(alert)));
    d.setStatus(DetectedIssue.DetectedIssueStatus.FINAL);
    d.setCode(
        new CodeableConcept()
            .addCoding(new Coding(ALERT_RULE_SYSTEM, alert.ruleId(), alert.label())));
    d.setSeverity(DetectedIssue.DetectedIssueSeverity.fromCode(alert.severity().fhirCode()));
    d.setPatient(new Reference(alert.patient().toString()));
    d.setIdentified(new DateTimeType(alert.openedAt().toString()));
    for (SourceRef r : alert.readings()) {
      d.addImplicated(new Reference(r.resourceType() + "/" + r.id()));
    }
    d.setDetail(detail(alert));
    return d;
  }

  /**
   * Returns the id of an alert's DetectedIssue: {@code alert-} and a hash of its stable key.
   *
   * @param alert the alert
   * @return the logical id
   */
  public static String detectedIssueId(Alert alert) {
    return "alert-" + Hashing.murmur3_128().hashString(alert.key(), StandardCharsets.UTF_8);
  }

  private static String detail(Alert alert) {
    StringBuilder s =
        new StringBuilder(alert.label())
            .append(" (threshold group ")
            .append(alert.group())
            .append("; ")
            .append(alert.breachCount())
            .append(alert.breachCount() == 1 ? " reading" : " readings")
            .append(" breached");
    if (alert.isEscalated()) {
      s.append("; escalated from ").append(alert.initialSeverity().fhirCode());
    }
    return s.append(')').toString();
  }
}
