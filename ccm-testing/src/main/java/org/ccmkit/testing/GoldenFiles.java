package org.ccmkit.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opentest4j.AssertionFailedError;

/**
 * A golden-file harness: {@link #assertMatches(String, Path)} compares JSON output with a reviewed
 * file in canonical form (keys sorted, two-space indent, {@code \n} line ends, decimals kept
 * exactly), and on a mismatch fails with a line diff. Run with {@code -Dccm.golden.update=true} to
 * rewrite the expected files instead; the rewritten files are then reviewed like code.
 *
 * <pre>{@code
 * GoldenFiles.assertMatches(
 *     CcmJson.write(decision), Path.of("src/test/resources/golden/core.consent/late.expected.json"));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class GoldenFiles {
  /** The system property that rewrites expected files instead of comparing, {@value}. */
  public static final String UPDATE_PROPERTY = "ccm.golden.update";

  private static final int CONTEXT_LINES = 3;
  private static final int MAX_DIFF_CELLS = 4_000_000;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private GoldenFiles() {}

  /**
   * Checks that {@code actualJson} equals the JSON in {@code expected}, both in canonical form;
   * with {@code -Dccm.golden.update=true}, writes the canonical form of {@code actualJson} to
   * {@code expected} instead (creating folders as needed) and passes.
   *
   * @param actualJson the JSON produced by the code under test
   * @param expected the golden file
   * @throws AssertionError if the file is missing or differs (the message holds a line diff)
   * @throws IllegalArgumentException if {@code actualJson} is not valid JSON
   * @throws UncheckedIOException if the file cannot be read or written
   */
  public static void assertMatches(String actualJson, Path expected) {
    assertMatches(actualJson, expected, Boolean.getBoolean(UPDATE_PROPERTY));
  }

  /** {@link #assertMatches(String, Path)} with the update switch passed in (for tests). */
  static void assertMatches(String actualJson, Path expected, boolean update) {
    String actual = canonicalize(actualJson);
    if (update) {
      if (!Files.exists(expected) || !actual.equals(read(expected))) {
        write(expected, actual);
      }
      return;
    }
    if (!Files.exists(expected)) {
      throw new AssertionError(
          "golden file "
              + expected
              + " does not exist; run with -D"
              + UPDATE_PROPERTY
              + "=true to create it, then review it");
    }
    String expectedText = read(expected);
    String canonicalExpected;
    try {
      canonicalExpected = canonicalize(expectedText);
    } catch (IllegalArgumentException e) {
      throw new AssertionError("golden file " + expected + " is not valid JSON", e);
    }
    if (!canonicalExpected.equals(actual)) {
      throw new AssertionFailedError(
          "JSON differs from golden file "
              + expected
              + " (rerun with -D"
              + UPDATE_PROPERTY
              + "=true to accept the new output):\n"
              + diff(canonicalExpected, actual),
          canonicalExpected,
          actual);
    }
  }

  /**
   * Returns {@code json} in canonical form: object keys sorted, array order kept, numbers as
   * written, one value per line with a two-space indent, {@code \n} line ends and a final newline.
   *
   * @param json JSON text
   * @return the canonical text
   * @throws IllegalArgumentException if {@code json} is not valid JSON
   */
  public static String canonicalize(String json) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (tree == null || tree.isMissingNode()) {
      throw new IllegalArgumentException("not valid JSON: no content");
    }
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try {
      return MAPPER.writer(printer).writeValueAsString(sorted(tree)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write canonical JSON", e);
    }
  }

  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      Map<String, JsonNode> fields = new TreeMap<>();
      for (Map.Entry<String, JsonNode> f : node.properties()) {
        fields.put(f.getKey(), sorted(f.getValue()));
      }
      ObjectNode out = MAPPER.createObjectNode();
      out.setAll(fields);
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = MAPPER.createArrayNode();
      for (JsonNode element : node) {
        out.add(sorted(element));
      }
      return out;
    }
    return node;
  }

  /**
   * Returns a unified line diff of {@code expected} and {@code actual}, with {@value
   * #CONTEXT_LINES} lines of context around each change.
   */
  static String diff(String expected, String actual) {
    List<String> a = expected.lines().toList();
    List<String> b = actual.lines().toList();
    if ((long) a.size() * b.size() > MAX_DIFF_CELLS) {
      return firstDifference(a, b);
    }
    // Longest common subsequence, then an edit script of ' ', '-' and '+' lines.
    int[][] lcs = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        lcs[i][j] =
            a.get(i).equals(b.get(j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<String> script = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
        script.add("  " + a.get(i++));
        j++;
      } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
        script.add("+ " + b.get(j++));
      } else {
        script.add("- " + a.get(i++));
      }
    }
    StringBuilder out = new StringBuilder("--- expected\n+++ actual\n");
    int last = -1;
    boolean[] show = new boolean[script.size()];
    for (int k = 0; k < script.size(); k++) {
      if (!script.get(k).startsWith(" ")) {
        for (int c = Math.max(0, k - CONTEXT_LINES);
            c <= Math.min(script.size() - 1, k + CONTEXT_LINES);
            c++) {
          show[c] = true;
        }
      }
    }
    for (int k = 0; k < script.size(); k++) {
      if (show[k]) {
        if (last >= 0 && k > last + 1) {
          out.append("@@ ...\n");
        }
        out.append(script.get(k)).append('\n');
        last = k;
      }
    }
    return out.toString();
  }

  private static String firstDifference(List<String> a, List<String> b) {
    int n = Math.min(a.size(), b.size());
    int k = 0;
    while (k < n && a.get(k).equals(b.get(k))) {
      k++;
    }
    return "first difference at line "
        + (k + 1)
        + ":\n- "
        + (k < a.size() ? a.get(k) : "<end of file>")
        + "\n+ "
        + (k < b.size() ? b.get(k) : "<end of file>")
        + "\n";
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read golden file " + file, e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write golden file " + file, e);
    }
  }
}
