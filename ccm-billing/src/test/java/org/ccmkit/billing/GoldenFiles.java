package org.ccmkit.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.ccmkit.core.json.CcmJson;

/**
 * A small golden-file harness (a shared one may land in ccm-testing): compares actual JSON with an
 * expected file as canonical JSON, and shows a readable diff when they differ. With {@code
 * -Dccm.golden.update=true} it rewrites the expected files instead; review those diffs.
 */
final class GoldenFiles {
  static final String UPDATE_PROPERTY = "ccm.golden.update";
  private static final ObjectMapper MAPPER = mapper();

  /** A mapper whose trees keep decimals exactly as written ({@code 0.00} stays {@code 0.00}). */
  static ObjectMapper mapper() {
    ObjectMapper m = CcmJson.newMapper();
    m.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    m.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    return m;
  }

  private GoldenFiles() {}

  /** The golden directory of this module, {@code src/test/resources/golden}. */
  static Path root() {
    return Paths.get("src", "test", "resources", "golden");
  }

  static boolean updating() {
    return Boolean.getBoolean(UPDATE_PROPERTY);
  }

  static String read(Path path) {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Pretty, key-sorted JSON of a value, with a final newline. */
  static String pretty(Object value) {
    try {
      JsonNode tree = MAPPER.readTree(CcmJson.write(value));
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Asserts that {@code actual} matches the expected file (or rewrites it when updating). */
  static void assertMatches(Object actual, Path expected) {
    String actualText = pretty(actual);
    if (updating()) {
      try {
        Files.createDirectories(expected.getParent());
        Files.writeString(expected, actualText, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return;
    }
    assertThat(Files.exists(expected))
        .as("%s is missing; run with -D%s=true to create it", expected, UPDATE_PROPERTY)
        .isTrue();
    String expectedText = read(expected);
    try {
      if (MAPPER.readTree(actualText).equals(MAPPER.readTree(expectedText))) {
        return;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Same assertion on the text, so the failure shows a line diff.
    assertThat(actualText)
        .as(
            "%s differs; rerun with -D%s=true to accept, then review the diff",
            expected, UPDATE_PROPERTY)
        .isEqualTo(expectedText);
  }
}
