package org.ccmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shaded {@code ccm.jar} as a user does, {@code java -jar ccm.jar ...}, in its own JVM
 * (Maven Failsafe, after {@code package}).
 */
class CcmJarIT {
  @TempDir Path tmp;

  record Run(int status, String out, String err) {}

  private Run jar(String... args) throws Exception {
    Path jar = Path.of(System.getProperty("ccm.jar", "target/ccm.jar"));
    assertThat(jar).as("the shaded jar; run through mvn verify").exists();
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-jar");
    cmd.add(jar.toString());
    cmd.addAll(List.of(args));
    Path out = tmp.resolve("stdout-" + System.nanoTime());
    Path err = tmp.resolve("stderr-" + System.nanoTime());
    Process p =
        new ProcessBuilder(cmd)
            .directory(tmp.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("ccm.jar finished").isTrue();
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void monthEnd_onTheEmbeddedSample_writesTheOutputsIntoCcmOut() throws Exception {
    Run r = jar("month-end");

    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).contains("50 evaluated").contains("ccm-out").contains("report.html");
    assertThat(r.err()).doesNotContain("SLF4J").doesNotContain("Exception");
    Path out = tmp.resolve("ccm-out");
    for (String f : MonthEndTest.OUTPUTS) {
      assertThat(out.resolve(f)).exists();
    }
    MonthEndTest.checkSummary(out);
    MonthEndTest.checkAgreement(out);
  }

  @Test
  void helpAndUsageErrors() throws Exception {
    Run help = jar("--help");
    assertThat(help.status()).isZero();
    assertThat(help.out()).contains("month-end");
    Run meHelp = jar("month-end", "--help");
    assertThat(meHelp.status()).isZero();
    assertThat(meHelp.out()).contains("--month").contains("--zone").contains("--in");

    Run bad = jar("month-end", "--in", "no-such-dir");
    assertThat(bad.status()).isEqualTo(2);
    assertThat(bad.out()).isEmpty();
    assertThat(bad.err().strip())
        .startsWith("ccm: ")
        .doesNotContain("\n")
        .doesNotContain("Exception");
  }

  @Test
  void monthEnd_onSynthea() throws Exception {
    Path shared = Path.of(System.getProperty("ccm.shared.dir", "../shared"));
    Path bulk = shared.resolve("data/synthea-bulk-ndjson-10");
    assumeTrue(Files.isDirectory(bulk), "SKIPPED: Synthea data not found at " + bulk);

    Run r =
        jar("month-end", "--month", "2026-03", "--in", bulk.toString(), "--out", "synthea", "-q");

    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    JsonNode summary = MonthEndTest.checkSummary(tmp.resolve("synthea"));
    assertThat(summary.at("/resources/read").asInt()).isPositive();
    MonthEndTest.checkAgreement(tmp.resolve("synthea"));
  }
}
