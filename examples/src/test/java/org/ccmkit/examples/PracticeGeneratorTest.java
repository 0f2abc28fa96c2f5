package org.ccmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ccmkit.fhir.r4.MappingIssue;
import org.ccmkit.fhir.r4.MappingIssueCode;
import org.ccmkit.fhir.r4.MappingResult;
import org.ccmkit.fhir.r4.R4Mapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PracticeGeneratorTest {
  @TempDir Path tmp;

  private static PracticeGenerator.Options options(int patients, long seed) {
    return new PracticeGenerator.Options(patients, 3, seed, YearMonth.of(2026, 3));
  }

  @Test
  void sameSeed_sameBytes_otherSeed_otherBytes() throws IOException {
    PracticeGenerator.generate(options(300, 7), tmp.resolve("a"));
    PracticeGenerator.generate(options(300, 7), tmp.resolve("b"));
    PracticeGenerator.generate(options(300, 8), tmp.resolve("c"));

    boolean anyDiffers = false;
    for (String f : PracticeGenerator.FILES) {
      byte[] a = Files.readAllBytes(tmp.resolve("a").resolve(f));
      assertThat(a).as(f).isEqualTo(Files.readAllBytes(tmp.resolve("b").resolve(f)));
      anyDiffers |= !java.util.Arrays.equals(a, Files.readAllBytes(tmp.resolve("c").resolve(f)));
    }
    assertThat(anyDiffers).isTrue();
  }

  /** The shares documented in docs/performance.md, on 2,000 patients (loose bounds). */
  @Test
  void distributions_areRoughlyAsDocumented() throws IOException {
    Map<String, List<String>> lines = new HashMap<>();
    PracticeGenerator.Stats stats =
        PracticeGenerator.generate(
            options(2000, 42),
            new PracticeGenerator.Sink() {
              @Override
              public void line(String file, String json) {
                lines.computeIfAbsent(file, f -> new ArrayList<>()).add(json);
              }

              @Override
              public void close() {}
            });
    int n = 2000;
    List<String> episodes = file(lines, "EpisodeOfCare.ndjson");
    double ccm = count(episodes, "\"code\":\"ccm\"") / (double) n;
    double pcm = count(episodes, "\"code\":\"pcm\"") / (double) n;
    double rpm = count(episodes, "\"code\":\"rpm\"") / (double) n;
    assertThat(ccm).isCloseTo(0.40, within(0.04));
    assertThat(pcm).isCloseTo(0.08, within(0.02));
    assertThat(rpm).isCloseTo(0.12, within(0.03));
    double conditions = file(lines, "Condition.ndjson").size() / (double) n;
    assertThat(conditions).isCloseTo(2.05 + 0.2, within(0.2));
    // time entries: 1..4 per enrolled patient-month, 2.5 on average
    long months = 3L * (count(episodes, "\"code\":\"ccm\"") + count(episodes, "\"code\":\"pcm\""));
    double perMonth = file(lines, "Procedure.ndjson").size() / (double) months;
    assertThat(perMonth).isBetween(2.0, 2.9);
    // readings: roughly 0.5..1.1 a day per RPM patient
    double perRpmDay = file(lines, "Observation.ndjson").size() / (count(episodes, "rpm") * 85.0);
    assertThat(perRpmDay).isBetween(0.45, 1.1);
    assertThat(count(file(lines, "Consent.ndjson"), "\"status\":\"rejected\"")).isPositive();
    assertThat(count(file(lines, "Consent.ndjson"), "\"provision\"")).isPositive();
    double malformedShare = stats.malformed() / (double) stats.lines();
    assertThat(malformedShare).isBetween(0.0002, 0.003);
    assertThat(stats.lines()).isEqualTo(lines.values().stream().mapToLong(List::size).sum());
  }

  private static List<String> file(Map<String, List<String>> lines, String name) {
    return lines.getOrDefault(name, List.of());
  }

  private static long count(List<String> lines, String needle) {
    return lines.stream().filter(l -> l.contains(needle)).count();
  }

  /** Streaming: a patient's lines all reach the sink before the next patient is generated. */
  @Test
  void streams_patientByPatient() throws IOException {
    List<String> order = new ArrayList<>();
    PracticeGenerator.generate(
        options(50, 3),
        new PracticeGenerator.Sink() {
          @Override
          public void line(String file, String json) {
            order.add(json);
          }

          @Override
          public void close() {}
        });
    int lastOfFirst = -1;
    int firstOfSecond = Integer.MAX_VALUE;
    for (int i = 0; i < order.size(); i++) {
      String l = order.get(i);
      if (l.contains("\"Patient/pt0\"") || l.contains("\"id\":\"pt0\"")) {
        lastOfFirst = i;
      }
      if (l.contains("\"Patient/pt1\"") || l.contains("\"id\":\"pt1\"")) {
        firstOfSecond = Math.min(firstOfSecond, i);
      }
    }
    assertThat(lastOfFirst).isPositive().isLessThan(firstOfSecond);
  }

  /** Every line but the malformed ones is read by the mapper: none rejected for another reason. */
  @Test
  void generatedPractice_followsTheContract() throws IOException {
    Path dir = tmp.resolve("p");
    PracticeGenerator.Stats stats = PracticeGenerator.generate(options(150, 11), dir);

    MappingResult r = R4Mapper.create().map(dir);

    assertThat(r.counts().read()).isEqualTo((int) stats.lines());
    List<MappingIssue> rejections =
        r.issues().stream()
            .filter(i -> i.code().effect() == org.ccmkit.fhir.r4.IssueEffect.REJECTS)
            .toList();
    assertThat(rejections).allMatch(i -> i.code() == MappingIssueCode.MALFORMED_JSON);
    assertThat(rejections).hasSize((int) stats.malformed());
    assertThat(r.records()).hasSizeGreaterThan(145);
    assertThat(Files.readString(dir.resolve("Patient.ndjson"), StandardCharsets.UTF_8))
        .startsWith("{\"resourceType\":\"Patient\",\"id\":\"pt0\"");
  }

  @Test
  void cli_generate_usageErrorsAndHelp() {
    CcmCliTest.Run noPatients = CcmCliTest.run("generate", "--out", tmp.toString());
    assertThat(noPatients.status()).isEqualTo(CcmCli.USAGE);
    assertThat(noPatients.err()).contains("--patients N is required");
    CcmCliTest.Run zero =
        CcmCliTest.run("generate", "--patients", "0", "--out", tmp.resolve("z").toString());
    assertThat(zero.status()).isEqualTo(CcmCli.USAGE);
    assertThat(zero.err()).contains("--patients must be at least 1");
    CcmCliTest.Run months =
        CcmCliTest.run(
            "generate", "--patients", "5", "--months", "x", "--out", tmp.resolve("m").toString());
    assertThat(months.status()).isEqualTo(CcmCli.USAGE);
    assertThat(months.err()).contains("--months 'x' is not a whole number");
    CcmCliTest.Run help = CcmCliTest.run("generate", "--help");
    assertThat(help.status()).isZero();
    assertThat(help.out()).startsWith("Usage: java -jar ccm.jar generate");
    assertThat(tmp.resolve("z")).doesNotExist();
  }

  @Test
  void npi_hasAValidCheckDigit() {
    // 1234567893 is CMS's published example of a valid NPI
    assertThat(PracticeGenerator.npi(0)).hasSize(10);
    String base = "123456789";
    int n = Integer.parseInt(base) - 100_000_000;
    assertThat(PracticeGenerator.npi(n)).isEqualTo("1234567893");
  }
}
