package org.ccmkit.fhir.r4;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.validation.FhirValidator;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.core.rule.EvaluationContext;
import org.ccmkit.rpm.Alert;
import org.ccmkit.rpm.AlertQuery;
import org.ccmkit.rpm.AlertResult;
import org.ccmkit.rpm.AlertSeverity;
import org.ccmkit.rpm.Metric;
import org.ccmkit.rpm.RpmRules;
import org.ccmkit.rpm.ThresholdOrigin;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/** The DetectedIssue writer over ccm-rpm alerts. */
class R4DetectedIssuesTest {
  static final PatientRef PATIENT = PatientRef.of("00000000-0000-4000-8000-000000000001");

  static Alert alert(AlertSeverity severity, AlertSeverity initial, String firstReading) {
    Instant opened = Instant.parse("2026-03-05T14:30:00Z");
    return Alert.builder()
        .key("bp.high@Observation/" + firstReading)
        .patient(PATIENT)
        .group("bp.high")
        .ruleId("bp.crisis")
        .metric(Metric.SYSTOLIC_BP)
        .severity(severity)
        .initialSeverity(initial)
        .label("Blood pressure in the crisis range")
        .origin(ThresholdOrigin.DEFAULT)
        .source("test")
        .openedAt(opened)
        .lastBreachAt(opened.plusSeconds(3600))
        .openUntil(opened.plusSeconds(86400))
        .breachCount(2)
        .addReading(SourceRef.of("Observation", firstReading))
        .addReading(SourceRef.of("Observation", "obs-bp-2"))
        .build();
  }

  @Test
  void detectedIssue_followsTheContract() {
    Alert a = alert(AlertSeverity.HIGH, AlertSeverity.MODERATE, "obs-bp-1");
    DetectedIssue d = R4DetectedIssues.toDetectedIssue(a);
    assertThat(d.getIdPart()).isEqualTo(R4DetectedIssues.detectedIssueId(a)).startsWith("alert-");
    assertThat(d.getStatus()).isEqualTo(DetectedIssue.DetectedIssueStatus.FINAL);
    assertThat(d.getSeverity().toCode()).isEqualTo("high");
    assertThat(d.getPatient().getReference()).isEqualTo("Patient/" + PATIENT.id());
    assertThat(d.getIdentifiedDateTimeType().getValueAsString()).isEqualTo("2026-03-05T14:30:00Z");
    assertThat(d.getImplicated())
        .extracting(Reference::getReference)
        .containsExactly("Observation/obs-bp-1", "Observation/obs-bp-2");
    assertThat(d.getCode().getCodingFirstRep().getSystem())
        .isEqualTo(R4DetectedIssues.ALERT_RULE_SYSTEM);
    assertThat(d.getCode().getCodingFirstRep().getCode()).isEqualTo("bp.crisis");
    assertThat(d.getDetail())
        .contains("crisis range", "2 readings", "escalated from moderate")
        .doesNotContain(PATIENT.id());
  }

  @Test
  void ids_followTheStableKey_andSeveritiesMap() {
    Alert a = alert(AlertSeverity.LOW, AlertSeverity.LOW, "obs-bp-1");
    Alert updated = Alert.builder().from(a).breachCount(5).severity(AlertSeverity.MODERATE).build();
    Alert other = alert(AlertSeverity.LOW, AlertSeverity.LOW, "obs-bp-9");
    assertThat(R4DetectedIssues.detectedIssueId(updated))
        .isEqualTo(R4DetectedIssues.detectedIssueId(a));
    assertThat(R4DetectedIssues.detectedIssueId(other))
        .isNotEqualTo(R4DetectedIssues.detectedIssueId(a));
    assertThat(R4DetectedIssues.toDetectedIssue(a).getSeverity().toCode()).isEqualTo("low");
    assertThat(R4DetectedIssues.toDetectedIssue(updated).getSeverity().toCode())
        .isEqualTo("moderate");
    List<DetectedIssue> all = R4DetectedIssues.toDetectedIssues(List.of(other, a));
    assertThat(all).extracting(DetectedIssue::getIdPart).isSorted();
    assertThat(R4DetectedIssues.toDetectedIssues(List.of(a, other)))
        .extracting(R4Ndjson::toLine)
        .containsExactlyElementsOf(all.stream().map(R4Ndjson::toLine).toList());
  }

  @Test
  void alertsFromMappedReadings_becomeDetectedIssuesImplicatingTheObservations() {
    String crisis = ",\"device\":{\"reference\":\"Device/cuff-1\"}";
    String json =
        ReadingMappingTest.bundle(ReadingMappingTest.bp("bp-crisis", "85354-9", crisis))
            .replace("\"value\":150", "\"value\":195")
            .replace("\"value\":95", "\"value\":125");
    MappingResult mapped = Fixtures.mapWithPeople(json);
    PatientRecord rec = mapped.records().get(0);
    assertThat(rec.readings()).hasSize(1);
    AlertResult alerts =
        RpmRules.standard()
            .computeAlerts(
                AlertQuery.of(rec),
                EvaluationContext.endOf(YearMonth.of(2026, 3), ZoneId.of("America/New_York")));
    assertThat(alerts.alerts()).isNotEmpty();
    List<DetectedIssue> issues = R4DetectedIssues.toDetectedIssues(alerts.alerts());
    assertThat(issues).hasSameSizeAs(alerts.alerts());
    assertThat(issues)
        .allSatisfy(
            d -> {
              assertThat(d.getImplicated())
                  .extracting(Reference::getReference)
                  .containsExactly("Observation/bp-crisis");
              assertThat(d.getPatient().getReference()).isEqualTo(rec.ref().toString());
              assertRoundTripsAndValidates(d);
            });
    assertThat(issues).anySatisfy(d -> assertThat(d.getSeverity().toCode()).isEqualTo("high"));
  }

  @Test
  void detectedIssue_roundTripsAndPassesTheBaseR4StructureCheck() {
    for (AlertSeverity s : AlertSeverity.values()) {
      assertRoundTripsAndValidates(R4DetectedIssues.toDetectedIssue(alert(s, s, "obs-bp-1")));
    }
  }

  static void assertRoundTripsAndValidates(DetectedIssue d) {
    IParser parser =
        R4Mapper.sharedContext().newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    String line = R4Ndjson.toLine(d);
    assertThat(parser.parseResource(DetectedIssue.class, line).equalsDeep(d)).isTrue();
    FhirValidator v =
        R4Mapper.sharedContext()
            .newValidator()
            .setValidateAgainstStandardSchema(true)
            .setValidateAgainstStandardSchematron(false);
    assertThat(v.validateWithResult(d).getMessages()).isEmpty();
  }
}
