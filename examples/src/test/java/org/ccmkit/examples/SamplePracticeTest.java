package org.ccmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SamplePracticeTest {
  @Test
  void committedFiles_areExactlyWhatTheGeneratorWrites() throws Exception {
    Map<String, String> generated = SamplePractice.generate();

    assertThat(generated.keySet()).containsExactlyElementsOf(SamplePractice.FILES);
    long total = 0;
    for (Map.Entry<String, String> e : generated.entrySet()) {
      try (InputStream in =
          SamplePractice.class.getResourceAsStream(SamplePractice.RESOURCE_DIR + e.getKey())) {
        assertThat(in).as(e.getKey()).isNotNull();
        String committed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        assertThat(committed)
            .as(
                "%s differs from the generator's output; regenerate it (see SamplePractice)",
                e.getKey())
            .isEqualTo(e.getValue());
        total += committed.length();
      }
    }
    assertThat(total).isLessThan(2_000_000);
  }

  @Test
  void generate_isDeterministic() {
    assertThat(SamplePractice.generate()).isEqualTo(SamplePractice.generate());
  }
}
