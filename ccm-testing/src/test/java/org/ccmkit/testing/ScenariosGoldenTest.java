package org.ccmkit.testing;

import java.nio.file.Path;
import java.util.Map;
import org.ccmkit.core.json.CcmJson;
import org.ccmkit.core.rules.CoreRules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pins a few scenarios and what the core rules say about them: a generator change that would make a
 * printed seed replay another case shows up here as a diff of the {@code .input.json} file, and a
 * rule change as a diff of the {@code .expected.json} file. Regenerate with {@code
 * -Dccm.golden.update=true} and review the diff.
 */
class ScenariosGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/core");
  private static final CoreRules RULES = CoreRules.standard();

  @ParameterizedTest(name = "seed={0}")
  @ValueSource(longs = {4, 11, 20})
  void evaluateAll_pinnedScenario_matchesGoldenFiles(long seed) {
    Scenario s = Scenarios.random(seed);

    GoldenFiles.assertMatches(
        CcmJson.write(Map.of("context", s.context(), "query", s.query())),
        GOLDEN.resolve("seed-" + seed + ".input.json"));
    GoldenFiles.assertMatches(
        CcmJson.write(
            Map.of(
                "decisions", RULES.evaluateAll(s.query(), s.context()),
                "accruedTime", RULES.accrue(s.query(), s.context()))),
        GOLDEN.resolve("seed-" + seed + ".expected.json"));
  }
}
