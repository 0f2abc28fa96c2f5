package org.ccmkit.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.ccmkit.core.json.CcmJson;
import org.ccmkit.core.rule.EvaluationContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whole patient-months: {@code golden/<case>.input.json} holds the evaluation context and the
 * {@link BillingInput}; {@code golden/<case>.expected.json} the {@link BillingResult} (claim lines,
 * decisions, estimate). Regenerate with {@code -Dccm.golden.update=true} and review the diff.
 */
class BillingGoldenTest {
  private static final ObjectMapper MAPPER = GoldenFiles.mapper();

  static Stream<String> cases() throws IOException {
    try (Stream<Path> files = Files.list(GoldenFiles.root())) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".input.json"))
          .map(n -> n.substring(0, n.length() - ".input.json".length()))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void golden(String name) {
    Path input = GoldenFiles.root().resolve(name + ".input.json");
    JsonNode tree;
    try {
      tree = MAPPER.readTree(GoldenFiles.read(input));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    EvaluationContext context =
        CcmJson.read(tree.get("context").toString(), EvaluationContext.class);
    BillingInput in = CcmJson.read(tree.get("input").toString(), BillingInput.class);
    BillingResult result = Fixtures.engine().evaluate(in, context);
    GoldenFiles.assertMatches(result, GoldenFiles.root().resolve(name + ".expected.json"));
    // Byte-identical JSON for an equal input.
    assertThat(CcmJson.write(Fixtures.engine().evaluate(in, context)))
        .isEqualTo(CcmJson.write(result));
    assertThat(CcmJson.read(CcmJson.write(result), BillingResult.class)).isEqualTo(result);
  }
}
