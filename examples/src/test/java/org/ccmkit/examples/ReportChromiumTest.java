package org.ccmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders report.html in headless Chromium: the screenshot is produced and the page logs no console
 * error. Skipped when {@code /usr/bin/chromium} (Debian's chromium package) is absent. With {@code
 * -Dccm.report.screenshot=PATH} the screenshot is also copied there (docs/img).
 */
class ReportChromiumTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @TempDir Path tmp;

  @Test
  void report_rendersInHeadlessChromiumWithoutConsoleErrors() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "SKIPPED: chromium not installed at " + CHROMIUM);
    Path out = tmp.resolve("out");
    assertThat(CcmCliTest.run("month-end", "--out", out.toString(), "-q").status()).isZero();
    Path report = out.resolve("report.html").toAbsolutePath();
    Path png = tmp.resolve("report.png");

    Result shot =
        chromium(
            "--screenshot=" + png,
            "--window-size=1280,2000",
            "--enable-logging=stderr",
            "--v=0",
            report.toUri().toString());
    assertThat(shot.exited()).as("chromium finished within the timeout").isTrue();
    assertThat(png).exists();
    assertThat(Files.size(png)).isGreaterThan(10_000);
    assertThat(shot.log())
        .as("console errors")
        .doesNotContain("Uncaught")
        .doesNotContainPattern("CONSOLE\\([0-9]+\\)\\].*[Ee]rror")
        .doesNotContain("ERR_FILE_NOT_FOUND")
        .doesNotContain("ERR_NAME_NOT_RESOLVED");

    Result dom = chromium("--dump-dom", report.toUri().toString());
    assertThat(dom.exited()).isTrue();
    assertThat(dom.out()).contains("Care management month end").contains("<svg");

    String copy = System.getProperty("ccm.report.screenshot", "");
    if (!copy.isEmpty()) {
      Files.copy(png, Path.of(copy), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  record Result(boolean exited, String out, String log) {}

  private Result chromium(String... args) throws Exception {
    Path profile = Files.createTempDirectory(tmp, "profile");
    List<String> cmd = new ArrayList<>();
    cmd.add(CHROMIUM.toString());
    cmd.addAll(
        List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--user-data-dir=" + profile));
    cmd.addAll(List.of(args));
    Path stdout = tmp.resolve("chromium-" + System.nanoTime() + ".out");
    Path stderr = tmp.resolve("chromium-" + System.nanoTime() + ".err");
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();
    boolean exited = p.waitFor(90, TimeUnit.SECONDS);
    if (!exited) {
      p.destroyForcibly();
    }
    return new Result(
        exited,
        Files.readString(stdout, StandardCharsets.UTF_8),
        Files.readString(stderr, StandardCharsets.UTF_8));
  }
}
