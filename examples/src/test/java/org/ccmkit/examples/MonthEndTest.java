package org.ccmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end: the CLI in-process on the embedded sample and, when present, on Synthea data. */
class MonthEndTest {
  static final List<String> OUTPUTS =
      List.of(
          "claims.ndjson",
          "alerts.ndjson",
          "decisions.ndjson",
          "outcomes.ndjson",
          "summary.json",
          "report.html");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void sample_writesTheSixOutputsThatAgree() throws Exception {
    Path out = tmp.resolve("run1");
    CcmCliTest.Run r = CcmCliTest.run("month-end", "--out", out.toString(), "--quiet");

    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .contains("ccm month-end 2026-03 (America/New_York)")
        .contains("50 evaluated")
        .contains(out.resolve("report.html").toAbsolutePath().toString());
    for (String f : OUTPUTS) {
      assertThat(out.resolve(f)).exists();
    }
    JsonNode summary = checkSummary(out);
    assertThat(summary.at("/patients/evaluated").asInt()).isEqualTo(50);
    assertThat(summary.at("/resources/rejected").asInt()).isPositive();
    assertThat(summary.at("/resources/ignored").asInt()).isPositive();
    assertThat(summary.at("/claims/claims").asInt()).isPositive();
    assertThat(summary.at("/claims/byCode/99490/units").asInt()).isPositive();
    checkAgreement(out);
    String html = Files.readString(out.resolve("report.html"));
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<svg")
        .doesNotContain("<script")
        .doesNotContain("http://cdn")
        .doesNotContain("https://")
        .doesNotContain("Sample1")
        .contains("p001");
    assertThat(Files.readString(out.resolve("claims.ndjson"))).doesNotContain("Sample1");
  }

  @Test
  void sample_twoRunsAreByteIdenticalButForTiming() throws Exception {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    assertThat(CcmCliTest.run("month-end", "--out", a.toString(), "-q").status()).isZero();
    assertThat(CcmCliTest.run("month-end", "--out", b.toString(), "-q").status()).isZero();

    for (String f : OUTPUTS) {
      String x = Files.readString(a.resolve(f));
      String y = Files.readString(b.resolve(f));
      if (f.equals("summary.json")) {
        x = x.replaceAll("\"millis\" : \\d+", "");
        y = y.replaceAll("\"millis\" : \\d+", "");
      }
      assertThat(x).as(f).isEqualTo(y);
    }
  }

  @Test
  void sampleWrittenToDisk_andReadWithIn_givesTheSameClaimsAndDecisions() throws Exception {
    Path files = tmp.resolve("sample-files");
    SamplePractice.main(new String[] {files.toString()});
    Path embedded = tmp.resolve("embedded");
    Path fromDisk = tmp.resolve("from-disk");

    assertThat(CcmCliTest.run("month-end", "--out", embedded.toString(), "-q").status()).isZero();
    assertThat(
            CcmCliTest.run(
                    "month-end",
                    "--month",
                    "2026-03",
                    "--in",
                    files.toString(),
                    "--out",
                    fromDisk.toString(),
                    "-q")
                .status())
        .isZero();

    for (String f : List.of("claims.ndjson", "decisions.ndjson", "alerts.ndjson")) {
      assertThat(Files.readString(fromDisk.resolve(f)))
          .as(f)
          .isEqualTo(Files.readString(embedded.resolve(f)));
    }
    assertThat(lines(fromDisk.resolve("outcomes.ndjson")))
        .hasSameSizeAs(lines(embedded.resolve("outcomes.ndjson")));
  }

  @Test
  void synthea_accountingAddsUpAndOutputsAgree() throws Exception {
    Path shared = Path.of(System.getProperty("ccm.shared.dir", "../shared"));
    Path bulk = shared.resolve("data/synthea-bulk-ndjson-10");
    assumeTrue(Files.isDirectory(bulk), "SKIPPED: Synthea data not found at " + bulk);
    Path out = tmp.resolve("synthea");

    CcmCliTest.Run r =
        CcmCliTest.run(
            "month-end",
            "--month",
            "2026-03",
            "--in",
            bulk.toString(),
            "--out",
            out.toString(),
            "-q");

    assertThat(r.status()).as(r.err()).isZero();
    JsonNode summary = checkSummary(out);
    assertThat(summary.at("/resources/read").asInt()).isPositive();
    checkAgreement(out);
  }

  /** Checks read = used + ignored + rejected, and every outcome line is an OperationOutcome. */
  @CanIgnoreReturnValue
  static JsonNode checkSummary(Path out) throws IOException {
    JsonNode s = JSON.readTree(out.resolve("summary.json").toFile());
    JsonNode c = s.get("resources");
    assertThat(c.get("read").asInt())
        .isEqualTo(c.get("used").asInt() + c.get("ignored").asInt() + c.get("rejected").asInt());
    int sumRead = 0;
    for (JsonNode t : c.get("byType")) {
      assertThat(t.get("read").asInt())
          .isEqualTo(t.get("used").asInt() + t.get("ignored").asInt() + t.get("rejected").asInt());
      sumRead += t.get("read").asInt();
    }
    assertThat(sumRead).isEqualTo(c.get("read").asInt());
    int outcomes = 0;
    for (String line : lines(out.resolve("outcomes.ndjson"))) {
      assertThat(JSON.readTree(line).get("resourceType").asText()).isEqualTo("OperationOutcome");
      outcomes++;
    }
    assertThat(outcomes).isEqualTo(s.get("outcomes").asInt());
    assertThat(outcomes)
        .isGreaterThanOrEqualTo(c.get("ignored").asInt() + c.get("rejected").asInt() > 0 ? 1 : 0);
    int alertLines = lines(out.resolve("alerts.ndjson")).size();
    assertThat(alertLines).isEqualTo(s.at("/alerts/linesWritten").asInt());
    assertThat(alertLines).isEqualTo(s.at("/alerts/total").asInt());
    return s;
  }

  /**
   * Checks that claims and decisions agree: the set of (patient, practitioner, code, units) billed
   * by MET billing decisions equals the set on the Claims, and claim totals match summary.json.
   */
  static void checkAgreement(Path out) throws IOException {
    Set<String> fromDecisions = new TreeSet<>();
    for (String line : lines(out.resolve("decisions.ndjson"))) {
      JsonNode d = JSON.readTree(line);
      String rule = d.at("/ruleId/name").asText();
      if (!rule.startsWith("billing.") || rule.equals("billing.patient-share")) {
        continue;
      }
      JsonNode billed = d.at("/details/billed");
      if (billed.isMissingNode()) {
        continue;
      }
      assertThat(d.get("outcome").asText()).as(line).isEqualTo("MET");
      for (String item : billed.asText().split(",")) {
        String[] cu = item.split("x");
        fromDecisions.add(
            d.get("patient").asText()
                + "|"
                + d.get("practitioner").asText()
                + "|"
                + cu[0]
                + "|"
                + cu[1]);
      }
    }
    Set<String> fromClaims = new TreeSet<>();
    Set<String> claimKeys = new TreeSet<>();
    int lines = 0;
    for (String line : lines(out.resolve("claims.ndjson"))) {
      JsonNode c = JSON.readTree(line);
      assertThat(c.get("resourceType").asText()).isEqualTo("Claim");
      String patient = c.at("/patient/reference").asText().replace("Patient/", "");
      String practitioner = c.at("/provider/reference").asText().replace("Practitioner/", "");
      assertThat(claimKeys.add(patient + "|" + practitioner))
          .as("one claim per patient x practitioner")
          .isTrue();
      for (JsonNode item : c.get("item")) {
        fromClaims.add(
            patient
                + "|"
                + practitioner
                + "|"
                + item.at("/productOrService/coding/0/code").asText()
                + "|"
                + item.at("/quantity/value").asInt());
        lines++;
      }
    }
    assertThat(fromClaims).isEqualTo(fromDecisions);
    JsonNode s = JSON.readTree(out.resolve("summary.json").toFile());

    // Alerts agree with the decisions (each alerted patient has an rpm.alerts decision) and with
    // the summary's counts by severity.
    Set<String> alertDecisionPatients = new TreeSet<>();
    for (String line : lines(out.resolve("decisions.ndjson"))) {
      JsonNode d = JSON.readTree(line);
      if (d.at("/ruleId/name").asText().equals("rpm.alerts")) {
        alertDecisionPatients.add(d.get("patient").asText());
      }
    }
    java.util.Map<String, Integer> bySeverity = new java.util.TreeMap<>();
    for (String line : lines(out.resolve("alerts.ndjson"))) {
      JsonNode a = JSON.readTree(line);
      assertThat(a.get("resourceType").asText()).isEqualTo("DetectedIssue");
      assertThat(alertDecisionPatients)
          .contains(a.at("/patient/reference").asText().replace("Patient/", ""));
      assertThat(a.get("implicated")).as("an alert names the readings it rests on").isNotEmpty();
      bySeverity.merge(a.get("severity").asText(), 1, Integer::sum);
    }
    s.at("/alerts/bySeverity")
        .fields()
        .forEachRemaining(
            e ->
                assertThat(bySeverity.getOrDefault(e.getKey(), 0))
                    .as("alerts of severity %s", e.getKey())
                    .isEqualTo(e.getValue().asInt()));
    assertThat(s.at("/claims/claims").asInt()).isEqualTo(claimKeys.size());
    assertThat(s.at("/claims/lines").asInt()).isEqualTo(lines);
  }

  static List<String> lines(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isBlank())
        .toList();
  }
}
