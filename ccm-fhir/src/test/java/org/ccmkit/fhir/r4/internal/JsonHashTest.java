package org.ccmkit.fhir.r4.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.common.hash.HashCode;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The content hash is the same value as the first implementation's (a Guava streaming Murmur3
 * hasher fed name by name and char by char, kept here as the reference), so duplicate detection
 * behaves exactly as before.
 */
class JsonHashTest {
  /** Configured as the input reader's ({@code JsonInputs}). */
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  /** Used call after call, as a session uses it: its buffer is reused. */
  private final JsonHash hash = new JsonHash();

  @Test
  void sameValueAsTheReference_onEveryFixtureResource() throws IOException, URISyntaxException {
    Path root = Path.of(JsonHashTest.class.getResource("/fixtures").toURI());
    List<JsonNode> nodes = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
        String name = f.getFileName().toString();
        // leniently decoded: some bad-input fixtures are not UTF-8 on purpose
        String text = new String(Files.readAllBytes(f), UTF_8);
        if (name.endsWith(".ndjson")) {
          for (String line : text.split("\\R", -1)) {
            tree(line, nodes);
          }
        } else if (name.endsWith(".json")) {
          tree(text, nodes);
        }
      }
    }
    assertThat(nodes).hasSizeGreaterThan(50);
    for (JsonNode n : nodes) {
      assertThat(hash.of(n)).as("%s", n.path("resourceType")).isEqualTo(reference(n));
      // and each Bundle entry's resource, as the engine hashes it
      for (JsonNode e : n.path("entry")) {
        if (e.path("resource").isObject()) {
          assertThat(hash.of(e.get("resource"))).isEqualTo(reference(e.get("resource")));
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "{\"a\":[]}",
        "{\"b\":1,\"a\":1.50,\"c\":true,\"d\":null,\"e\":\"\\u00e9\\u4e2d\\ud83d\\ude00\"}",
        "{\"meta\":{\"x\":1},\"text\":{},\"extension\":[1],\"contained\":[],\"id\":\"x\"}",
        "{\"a\":{\"meta\":1,\"text\":\"t\"},\"z\":[[1,2],[{\"y\":2,\"x\":1}]]}",
        "{\"big\":123456789012345678901234567890,\"neg\":-0.0,\"exp\":1e400}",
      })
  void sameValueAsTheReference_onEdgeShapes(String json) throws JsonProcessingException {
    JsonNode n = JSON.readTree(json);
    assertThat(hash.of(n)).isEqualTo(reference(n));
  }

  @Test
  void orderAndTopLevelExtrasDoNotCount_contentDoes() throws JsonProcessingException {
    HashCode a = hash.of(JSON.readTree("{\"id\":\"1\",\"x\":{\"p\":1,\"q\":2}}"));
    HashCode b = hash.of(JSON.readTree("{\"meta\":{},\"x\":{\"q\":2,\"p\":1},\"id\":\"1\"}"));
    HashCode c = hash.of(JSON.readTree("{\"id\":\"1\",\"x\":{\"p\":1,\"q\":3}}"));
    HashCode d = hash.of(JSON.readTree("{\"id\":\"1\",\"x\":{\"p\":1,\"q\":2,\"meta\":0}}"));
    assertThat(a).isEqualTo(b).isNotEqualTo(c).isNotEqualTo(d);
  }

  @Test
  void growsPastItsFirstBuffer() throws JsonProcessingException {
    String big = "x".repeat(10_000);
    JsonNode n = JSON.readTree("{\"a\":\"" + big + "\",\"b\":[\"" + big + "\"]}");
    assertThat(hash.of(n)).isEqualTo(reference(n));
    JsonNode small = JSON.readTree("{\"a\":\"x\"}");
    assertThat(hash.of(small)).isEqualTo(reference(small));
  }

  private static void tree(String text, List<JsonNode> into) {
    if (text.isBlank()) {
      return;
    }
    try {
      into.add(JSON.readTree(text.charAt(0) == '\uFEFF' ? text.substring(1) : text));
    } catch (JsonProcessingException e) {
      // a malformed fixture: nothing to hash
    }
  }

  // ---------------------------------------------------------------- the first implementation

  private static final Set<String> IGNORED = Set.of("meta", "text", "extension", "contained");

  private static HashCode reference(JsonNode resource) {
    Hasher h = Hashing.murmur3_128().newHasher();
    put(h, resource, true);
    return h.hash();
  }

  private static void put(Hasher h, JsonNode n, boolean top) {
    if (n.isObject()) {
      List<String> names = new ArrayList<>();
      n.fieldNames().forEachRemaining(names::add);
      Collections.sort(names);
      h.putByte((byte) '{');
      for (String name : names) {
        if (top && IGNORED.contains(name)) {
          continue;
        }
        h.putUnencodedChars(name).putByte((byte) ':');
        put(h, n.get(name), false);
      }
      h.putByte((byte) '}');
    } else if (n.isArray()) {
      h.putByte((byte) '[');
      for (JsonNode e : n) {
        put(h, e, false);
        h.putByte((byte) ',');
      }
      h.putByte((byte) ']');
    } else {
      h.putUnencodedChars(n.getNodeType().name()).putUnencodedChars(n.asText()).putByte((byte) 0);
    }
  }
}
