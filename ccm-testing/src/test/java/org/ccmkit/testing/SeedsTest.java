package org.ccmkit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SeedsTest {
  @Test
  void defaults_noProperties_threeHundredDistinctFixedSeeds() {
    assumeTrue(Seeds.replay().isEmpty() && System.getProperty(Seeds.COUNT_PROPERTY) == null);

    List<Long> seeds = Seeds.defaults().boxed().toList();

    assertThat(seeds).hasSize(Seeds.DEFAULT_COUNT).doesNotHaveDuplicates();
    assertThat(Seeds.defaults().boxed().toList()).isEqualTo(seeds);
    assertThat(Seeds.of(10).boxed().toList()).isEqualTo(seeds.subList(0, 10));
  }

  @Test
  void of_zero_throws() {
    assertThatThrownBy(() -> Seeds.of(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void derive_differentSalts_differentSeeds() {
    assertThat(Seeds.derive(42, 1))
        .isEqualTo(Seeds.derive(42, 1))
        .isNotEqualTo(Seeds.derive(42, 2));
    assertThat(Seeds.derive(42, 1)).isNotEqualTo(Seeds.derive(43, 1));
  }

  @Test
  void describe_namesSeedAndReplayFlag() {
    assertThat(Seeds.describe(-7)).isEqualTo("seed -7 (replay with -Dccm.seed=-7)");
  }

  @Test
  void seedOf_longOrScenarioArgument_found() {
    Scenario s = Scenarios.random(5);

    assertThat(SeedReporter.seedOf(List.of("zone", 3L, 4L))).contains(3L);
    assertThat(SeedReporter.seedOf(List.of("zone", s))).contains(5L);
    assertThat(SeedReporter.seedOf(List.of("zone", 3))).isEmpty();
  }

  @Test
  void withSeed_failure_messageNamesSeedAndKeepsCause() {
    AssertionError cause = new AssertionError("expected 3 but was 4");

    AssertionError e = SeedReporter.withSeed(cause, 12);

    assertThat(e)
        .hasMessageStartingWith("seed 12 (replay with -Dccm.seed=12): ")
        .hasMessageContaining("expected 3 but was 4")
        .hasCause(cause);
    assertThat(e.getStackTrace()).isEqualTo(cause.getStackTrace());
  }
}
