package org.ccmkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Architecture rules checked on ccm-core's own sources: rules never read a clock or the machine's
 * zone, never see HAPI, and every package declares @NullMarked.
 */
class SourceRulesTest {
  private static final Path MAIN = Paths.get("src/main/java/org/ccmkit/core");

  private static List<Path> sources() throws IOException {
    try (Stream<Path> s = Files.walk(MAIN)) {
      return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  private static List<String> offenders(Pattern pattern) throws IOException {
    List<String> out = new ArrayList<>();
    for (Path p : sources()) {
      String text = Files.readString(p, StandardCharsets.UTF_8);
      if (pattern.matcher(text).find()) {
        out.add(MAIN.relativize(p).toString());
      }
    }
    return out;
  }

  @Test
  void noClockOrDefaultZone() throws IOException {
    assertThat(
            offenders(
                Pattern.compile(
                    "\\b(Instant|LocalDate|LocalDateTime|ZonedDateTime|YearMonth|Clock)\\.now\\(|"
                        + "ZoneId\\.systemDefault\\(|System\\.currentTimeMillis\\(|"
                        + "TimeZone\\.getDefault\\(")))
        .as("core code must take dates and zones from EvaluationContext")
        .isEmpty();
  }

  @Test
  void noHapi() throws IOException {
    assertThat(offenders(Pattern.compile("import ca\\.uhn\\."))).isEmpty();
  }

  @Test
  void everyPackageIsNullMarked() throws IOException {
    List<Path> packages;
    try (Stream<Path> s = Files.walk(MAIN)) {
      packages =
          s.filter(Files::isDirectory)
              .filter(
                  d -> {
                    try (Stream<Path> files = Files.list(d)) {
                      return files.anyMatch(f -> f.toString().endsWith(".java"));
                    } catch (IOException e) {
                      throw new IllegalStateException(e);
                    }
                  })
              .sorted()
              .toList();
    }
    assertThat(packages).isNotEmpty();
    for (Path dir : packages) {
      Path info = dir.resolve("package-info.java");
      assertThat(info).as("package-info in %s", dir).exists();
      assertThat(Files.readString(info, StandardCharsets.UTF_8))
          .as("%s", info)
          .contains("@NullMarked")
          .contains("@CheckReturnValue");
    }
  }
}
