package org.ccmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.ccmkit.fhir.r4.R4Mapper;
import org.hl7.fhir.r4.model.Group;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ccm.jar eligible} in-process on the embedded sample practice (docs/eligibility-sweep.md).
 */
class EligibleTest {
  static final List<String> OUTPUTS =
      List.of(
          "candidates.json",
          "candidates.ndjson",
          "candidates.csv",
          "outcomes.ndjson",
          "summary.json",
          "report.html");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void sample_writesTheSixOutputsThatAgree() throws Exception {
    Path out = tmp.resolve("run");
    CcmCliTest.Run r = CcmCliTest.run("eligible", "--out", out.toString(), "--quiet");

    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .contains("ccm eligible as of 2026-03-31 (America/New_York)")
        .contains("50 screened");
    for (String f : OUTPUTS) {
      assertThat(out.resolve(f)).exists();
    }
    JsonNode s = JSON.readTree(out.resolve("summary.json").toFile());
    JsonNode c = s.get("resources");
    assertThat(c.get("read").asInt())
        .isEqualTo(c.get("used").asInt() + c.get("ignored").asInt() + c.get("rejected").asInt());
    int candidates = s.at("/patients/candidates").asInt();
    int byStatus = 0;
    for (JsonNode n : s.at("/patients/byStatus")) {
      byStatus += n.asInt();
    }
    assertThat(byStatus).isEqualTo(s.at("/patients/screened").asInt()).isEqualTo(50);
    // The sample practice enrols most patients; those it does not, and who have chronic
    // conditions, are the candidates (none has a significant-risk attestation).
    assertThat(candidates).isEqualTo(8);
    assertThat(s.at("/patients/byStatus/CCM_PENDING_ATTESTATION").asInt()).isEqualTo(8);
    assertThat(s.at("/patients/byStatus/ENROLLED").asInt()).isEqualTo(41);
    assertThat(s.at("/patients/byStatus/DECEASED").asInt()).isEqualTo(1);

    Group g =
        R4Mapper.sharedContext()
            .newJsonParser()
            .parseResource(Group.class, Files.readString(out.resolve("candidates.json")));
    assertThat(g.getMember()).hasSize(candidates);
    List<String> csv = Files.readAllLines(out.resolve("candidates.csv"));
    assertThat(csv).hasSize(candidates + 1);
    assertThat(Files.readString(out.resolve("candidates.csv"))).contains("\r\n");
    assertThat(csv.get(0)).startsWith("rank,patient_id,status,program,score,score_components");
    // the worked example of docs/eligibility-sweep.md
    assertThat(csv.get(1))
        .startsWith(
            "1,p050,CCM eligible pending practitioner attestation,CCM,50,"
                + "ATRIALF +15; CHRNKDN +15; HYPERT +10; RPM HYPERT +10,")
        .contains(",ORIGINAL_MEDICARE,99490,13.23,66.13,ORIGINAL_MEDICARE,yes,no,np-chen,");
    // p037 is already in RPM: no RPM points; tied with p049 at 45, first by id
    assertThat(csv.get(2))
        .startsWith("2,p037,CCM eligible pending practitioner attestation,CCM,45,");
    assertThat(csv.get(3))
        .startsWith("3,p049,CCM eligible pending practitioner attestation,CCM,45,");
    List<String> ndjson = Files.readAllLines(out.resolve("candidates.ndjson"));
    assertThat(ndjson).hasSize(candidates);
    int previous = Integer.MAX_VALUE;
    for (int i = 0; i < candidates; i++) {
      JsonNode sc = JSON.readTree(ndjson.get(i));
      String id = sc.get("patient").asText();
      assertThat(g.getMember().get(i).getEntity().getReference()).isEqualTo("Patient/" + id);
      assertThat(csv.get(i + 1)).startsWith((i + 1) + "," + id + ",");
      assertThat(sc.get("score").asInt()).isLessThanOrEqualTo(previous);
      previous = sc.get("score").asInt();
    }
    int outcomes = Files.readAllLines(out.resolve("outcomes.ndjson")).size();
    assertThat(outcomes)
        .isEqualTo(s.get("outcomes").asInt())
        .isEqualTo(c.get("ignored").asInt() + c.get("rejected").asInt());
    String html = Files.readString(out.resolve("report.html"));
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<h2>Candidates</h2>")
        .doesNotContain("<script")
        .doesNotContain("https://")
        .doesNotContain("Sample1");
    for (int i = 0; i < candidates; i++) {
      assertThat(html).contains(JSON.readTree(ndjson.get(i)).get("patient").asText());
    }
    for (String f : OUTPUTS) {
      assertThat(Files.readString(out.resolve(f))).as(f).doesNotContain("Sample1");
    }
  }

  @Test
  void sample_inputOrderAndDefaultZone_doNotChangeAByte() throws Exception {
    Path files = tmp.resolve("sample-files");
    SamplePractice.main(new String[] {files.toString()});
    List<String> paths;
    try (Stream<Path> s = Files.list(files)) {
      paths = new ArrayList<>(s.map(Path::toString).sorted().toList());
    }
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    List<String> argsA = new ArrayList<>(List.of("eligible", "--as-of", "2026-03-31", "-q"));
    argsA.addAll(List.of("--out", a.toString(), "--in"));
    argsA.addAll(paths);
    assertThat(CcmCliTest.run(argsA.toArray(String[]::new)).status()).isZero();

    Collections.reverse(paths);
    List<String> argsB = new ArrayList<>(List.of("eligible", "--as-of", "2026-03-31", "-q"));
    argsB.addAll(List.of("--out", b.toString(), "--in"));
    argsB.addAll(paths);
    TimeZone before = TimeZone.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("Australia/Lord_Howe"));
      assertThat(CcmCliTest.run(argsB.toArray(String[]::new)).status()).isZero();
    } finally {
      TimeZone.setDefault(before);
    }

    for (String f : OUTPUTS) {
      String x = Files.readString(a.resolve(f));
      String y = Files.readString(b.resolve(f));
      if (f.equals("summary.json")) {
        x = x.replaceAll("\"millis\" : \\d+", "");
        y = y.replaceAll("\"millis\" : \\d+", "");
      }
      assertThat(y).as(f).isEqualTo(x);
    }
    // and the embedded sample ranks the same candidates as the sample read from disk
    Path c = tmp.resolve("c");
    assertThat(CcmCliTest.run("eligible", "--out", c.toString(), "-q").status()).isZero();
    assertThat(Files.readString(c.resolve("candidates.csv")))
        .isEqualTo(Files.readString(a.resolve("candidates.csv")));
  }

  @Test
  void help_andUsageErrors() {
    CcmCliTest.Run help = CcmCliTest.run("eligible", "--help");
    assertThat(help.status()).isZero();
    assertThat(help.out()).contains("--as-of").contains("candidates.csv");
    assertThat(CcmCliTest.run("--help").out()).contains("eligible");

    CcmCliTest.Run noDate = CcmCliTest.run("eligible", "--in", tmp.toString());
    assertThat(noDate.status()).isEqualTo(2);
    assertThat(noDate.err()).startsWith("ccm: --as-of YYYY-MM-DD is required with --in");

    CcmCliTest.Run badDate = CcmCliTest.run("eligible", "--as-of", "31/03/2026");
    assertThat(badDate.status()).isEqualTo(2);
    assertThat(badDate.err()).contains("is not a date");

    CcmCliTest.Run month = CcmCliTest.run("eligible", "--month", "2026-03");
    assertThat(month.status()).isEqualTo(2);
    assertThat(month.err()).contains("unknown option '--month'");

    CcmCliTest.Run noParameters =
        CcmCliTest.run(
            "eligible", "--as-of", "2019-06-30", "--out", tmp.resolve("x").toString(), "-q");
    assertThat(noParameters.status()).isEqualTo(2);
    assertThat(noParameters.err().strip())
        .startsWith("ccm: no rule parameters for --as-of 2019-06-30")
        .doesNotContain("\n");
  }

  @Test
  void csvField_rfc4180Quoting() {
    assertThat(Eligible.csvField("plain")).isEqualTo("plain");
    assertThat(Eligible.csvField("a,b")).isEqualTo("\"a,b\"");
    assertThat(Eligible.csvField("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(Eligible.csvField("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(Eligible.csvField("")).isEmpty();
  }
}
