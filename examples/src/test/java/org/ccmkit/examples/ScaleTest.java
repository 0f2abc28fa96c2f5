package org.ccmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import org.ccmkit.core.json.CcmJson;
import org.ccmkit.fhir.r4.MappingOptions;
import org.ccmkit.fhir.r4.MappingResult;
import org.ccmkit.fhir.r4.MappingSession;
import org.ccmkit.fhir.r4.R4Mapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scale path on small inputs: the fast reader and HAPI's parser give the same mapping result on
 * the committed sample practice and on a generated practice, and {@code generate} then {@code
 * month-end} gives the same outputs with either reader.
 */
class ScaleTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private static MappingOptions reader(boolean fast) {
    return MappingOptions.builder().fastReader(fast).build();
  }

  @Test
  void samplePractice_fastReaderGivesTheHapiResult() {
    MappingResult[] results = new MappingResult[2];
    for (int i = 0; i < 2; i++) {
      MappingSession s = R4Mapper.create(reader(i == 0)).newSession();
      SamplePractice.addTo(s);
      results[i] = s.finish();
    }
    assertThat(CcmJson.write(results[0])).isEqualTo(CcmJson.write(results[1]));
    assertThat(results[0]).isEqualTo(results[1]);
  }

  @Test
  void generatedPractice_fastReaderGivesTheHapiResult() throws IOException {
    Path dir = tmp.resolve("practice");
    PracticeGenerator.generate(
        new PracticeGenerator.Options(120, 3, 5, YearMonth.of(2026, 3)), dir);
    MappingResult fast = R4Mapper.create(reader(true)).map(dir);
    MappingResult hapi = R4Mapper.create(reader(false)).map(dir);
    assertThat(CcmJson.write(fast)).isEqualTo(CcmJson.write(hapi));
    assertThat(fast.records()).hasSizeGreaterThan(100);
    assertThat(fast.records().stream().mapToInt(r -> r.timeEntries().size()).sum()).isPositive();
    assertThat(fast.records().stream().mapToInt(r -> r.readings().size()).sum()).isPositive();
  }

  @Test
  void generateThenMonthEnd_sameOutputsWithEitherReader() throws IOException {
    Path dir = tmp.resolve("practice");
    CcmCliTest.Run g =
        CcmCliTest.run("generate", "--patients", "150", "--seed", "9", "--out", dir.toString());
    assertThat(g.status()).as(g.err()).isZero();
    assertThat(g.out()).contains("ccm generate: 150 patients");

    Path fast = tmp.resolve("fast");
    Path hapi = tmp.resolve("hapi");
    CcmCliTest.Run a =
        CcmCliTest.run(
            "month-end",
            "--month",
            "2026-03",
            "--in",
            dir.toString(),
            "--out",
            fast.toString(),
            "-q");
    CcmCliTest.Run b =
        CcmCliTest.run(
            "month-end",
            "--month",
            "2026-03",
            "--in",
            dir.toString(),
            "--out",
            hapi.toString(),
            "-q",
            "--hapi-reader");
    assertThat(a.status()).as(a.err()).isZero();
    assertThat(b.status()).as(b.err()).isZero();
    for (String f : MonthEndTest.OUTPUTS) {
      if (f.equals("summary.json")) {
        continue; // it carries the run's time
      }
      assertThat(Files.readString(fast.resolve(f)))
          .as(f)
          .isEqualTo(Files.readString(hapi.resolve(f)));
    }
    JsonNode summary = JSON.readTree(fast.resolve("summary.json").toFile());
    assertThat(summary.at("/patients/evaluated").asInt()).isGreaterThan(140);
    assertThat(summary.at("/claims/claims").asInt()).isPositive();
    assertThat(summary.at("/resources/rejected").asInt()).isPositive();
    assertThat(Files.size(fast.resolve("alerts.ndjson"))).isPositive();
  }
}
