package org.ccmkit.fhir.r4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Compares text with an expected file under {@code src/test/resources/golden}; {@code
 * -Dccm.golden.update=true} rewrites the expected files instead (review the diff).
 */
final class GoldenFiles {
  static final Path ROOT = Path.of("src/test/resources/golden");

  private GoldenFiles() {}

  static void assertMatches(String actual, Path expected) {
    Path file = ROOT.resolve(expected);
    try {
      if (Boolean.getBoolean("ccm.golden.update")) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        return;
      }
      if (!Files.exists(file)) {
        fail("no golden file " + file + "; run with -Dccm.golden.update=true to create it");
      }
      String want = Files.readString(file, StandardCharsets.UTF_8);
      if (!want.equals(actual)) {
        List<String> a = actual.lines().toList();
        List<String> w = want.lines().toList();
        int i = 0;
        while (i < Math.min(a.size(), w.size()) && a.get(i).equals(w.get(i))) {
          i++;
        }
        fail(
            "%s differs from the actual output at line %d:%n expected: %s%n   actual: %s%n"
                + "(run with -Dccm.golden.update=true to accept, then review the diff)",
            file, i + 1, i < w.size() ? w.get(i) : "<end>", i < a.size() ? a.get(i) : "<end>");
      }
      assertThat(actual).isEqualTo(want);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
