package org.ccmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CcmCliTest {
  @TempDir Path tmp;

  record Run(int status, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        CcmCli.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void help_listsTheCommands() {
    for (String[] args : new String[][] {{"--help"}, {"-h"}, {}}) {
      Run r = run(args);
      assertThat(r.status()).isZero();
      assertThat(r.out()).contains("month-end").contains("quickstart");
      assertThat(r.err()).isEmpty();
    }
  }

  @Test
  void monthEndHelp_documentsEveryOption() {
    Run r = run("month-end", "--help");
    assertThat(r.status()).isZero();
    assertThat(r.out())
        .contains("--month YYYY-MM")
        .contains("--zone ZONE")
        .contains("--as-of")
        .contains("--in PATH")
        .contains("--out DIR")
        .contains("--quiet")
        .contains("America/New_York")
        .contains("./ccm-out")
        .contains("2026-03")
        .contains("claims.ndjson")
        .contains("alerts.ndjson")
        .contains("decisions.ndjson")
        .contains("outcomes.ndjson")
        .contains("summary.json")
        .contains("report.html");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "month-end --month 2026-13",
        "month-end --month March",
        "month-end --month 1999-01 --quiet",
        "month-end --zone Mars/Olympus",
        "month-end --in /no/such/path/at/all --month 2026-03",
        "month-end --in",
        "month-end --month",
        "month-end --bogus",
        "month-end extra",
        "month-end --as-of 2026-02-01 --month 2026-03",
        "month-end --as-of yesterday",
        "frobnicate",
        "quickstart --month 2026-03"
      })
  void unusableArguments_exit2WithOneLineAndNoStackTrace(String line) {
    Run r = run(line.split(" "));

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().strip()).startsWith("ccm: ").doesNotContain("\n");
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void inWithoutMonth_saysTheMonthIsRequired() {
    Run r = run("month-end", "--in", tmp.toString());

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("--month YYYY-MM is required with --in");
  }

  @Test
  void monthWithoutParameters_namesTheMonthGiven() {
    Run r = run("month-end", "--month", "1999-01", "--out", tmp.resolve("x").toString(), "-q");

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err().strip())
        .startsWith("ccm: no rule parameters for --month 1999-01: ")
        .doesNotContain("\n");
  }

  @Test
  void outThatIsAFile_exit2() throws Exception {
    Path file = java.nio.file.Files.writeString(tmp.resolve("f"), "x");
    Run r = run("month-end", "--out", file.toString());

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("is not a directory");
  }

  @Test
  void parse_defaults() throws Exception {
    MonthEnd.Options o = CcmCli.parse(java.util.List.of()).orElseThrow();

    assertThat(o.month()).isEqualTo(SamplePractice.LAST_MONTH);
    assertThat(o.zone().getId()).isEqualTo("America/New_York");
    assertThat(o.asOf()).isEqualTo(SamplePractice.LAST_MONTH.atEndOfMonth());
    assertThat(o.out()).isEqualTo(Path.of("ccm-out"));
    assertThat(o.inputs()).isEmpty();
    assertThat(o.quiet()).isFalse();
  }

  @Test
  void parse_acceptsEqualsFormAndSeveralInputs() throws Exception {
    MonthEnd.Options o =
        CcmCli.parse(
                java.util.List.of(
                    "--month=2026-02",
                    "--zone",
                    "America/Chicago",
                    "--in",
                    tmp.toString(),
                    tmp.toString(),
                    "--out=" + tmp.resolve("o"),
                    "-q"))
            .orElseThrow();

    assertThat(o.month().toString()).isEqualTo("2026-02");
    assertThat(o.zone().getId()).isEqualTo("America/Chicago");
    assertThat(o.inputs()).hasSize(2);
    assertThat(o.out()).isEqualTo(tmp.resolve("o"));
    assertThat(o.quiet()).isTrue();
  }
}
