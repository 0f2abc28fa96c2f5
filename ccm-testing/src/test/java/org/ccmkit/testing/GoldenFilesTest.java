package org.ccmkit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

class GoldenFilesTest {
  @TempDir Path dir;

  @Test
  void canonicalize_sortsKeysKeepsArrayOrderAndNumbers() {
    assertThat(GoldenFiles.canonicalize("{\"b\":[3,1,{\"z\":1,\"a\":2}],\"a\":1.10}"))
        .isEqualTo(
            """
            {
              "a" : 1.10,
              "b" : [
                3,
                1,
                {
                  "a" : 2,
                  "z" : 1
                }
              ]
            }
            """);
  }

  @Test
  void canonicalize_notJson_throws() {
    assertThatThrownBy(() -> GoldenFiles.canonicalize("{\"a\":"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GoldenFiles.canonicalize(""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void assertMatches_sameJsonInOtherKeyOrderAndLayout_passes() throws IOException {
    Path expected = write("{\n  \"a\": 1,\n  \"b\": \"x\"\n}\n");

    GoldenFiles.assertMatches("{\"b\":\"x\",\"a\":1}", expected, false);
  }

  @Test
  void assertMatches_different_failsWithLineDiff() throws IOException {
    Path expected = write("{\"a\":1,\"b\":\"x\",\"c\":true,\"d\":null}");

    assertThatThrownBy(
            () ->
                GoldenFiles.assertMatches(
                    "{\"a\":1,\"b\":\"y\",\"c\":true,\"d\":null}", expected, false))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining(expected.toString())
        .hasMessageContaining("-Dccm.golden.update=true")
        .hasMessageContaining("-   \"b\" : \"x\",")
        .hasMessageContaining("+   \"b\" : \"y\",")
        .hasMessageContaining("    \"a\" : 1,");
  }

  @Test
  void assertMatches_missingFile_failsWithHowToCreateIt() {
    Path expected = dir.resolve("missing.expected.json");

    assertThatThrownBy(() -> GoldenFiles.assertMatches("{}", expected, false))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("does not exist")
        .hasMessageContaining("-Dccm.golden.update=true");
  }

  @Test
  void assertMatches_update_writesCanonicalFileThenPasses() throws IOException {
    Path expected = dir.resolve("golden/rule/case.expected.json");

    GoldenFiles.assertMatches("{\"b\":2,\"a\":1}", expected, true);

    assertThat(Files.readString(expected, StandardCharsets.UTF_8))
        .isEqualTo("{\n  \"a\" : 1,\n  \"b\" : 2\n}\n");
    GoldenFiles.assertMatches("{\"a\":1,\"b\":2}", expected, false);
  }

  @Test
  void diff_longFiles_showsOnlyChangesWithContext() {
    StringBuilder a = new StringBuilder();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      a.append("line ").append(i).append('\n');
      b.append(i == 20 ? "changed" : "line " + i).append('\n');
    }

    String diff = GoldenFiles.diff(a.toString(), b.toString());

    assertThat(diff)
        .contains("- line 20", "+ changed", "  line 17", "  line 23")
        .doesNotContain("line 16", "line 24");
  }

  private Path write(String text) throws IOException {
    Path file = dir.resolve("case.expected.json");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }
}
