package org.ccmkit.fhir.r4.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The compact object nodes behave as Jackson's LinkedHashMap-backed ones. */
class CompactNodesTest {
  private static final ObjectMapper COMPACT =
      JsonMapper.builder().nodeFactory(new CompactNodes()).build();
  private static final ObjectMapper PLAIN = new ObjectMapper();

  @Test
  void everyFixture_sameTreeSameTextSameOrder() throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.walk(Path.of("src/test/resources/fixtures/r4"))) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(20);
    for (Path f : files) {
      String text = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.UTF_8);
      JsonNode a;
      try {
        a = COMPACT.readTree(text);
      } catch (com.fasterxml.jackson.core.JsonProcessingException malformed) {
        continue; // the bad folder's malformed files
      }
      JsonNode b = PLAIN.readTree(text);
      assertThat(a).as(f.toString()).isEqualTo(b);
      assertThat(b).isEqualTo(a);
      assertThat(a.hashCode()).isEqualTo(b.hashCode());
      assertThat(a.toString()).isEqualTo(b.toString());
    }
  }

  /** Random puts, replacements and removals, below and past the array's size, against a tree. */
  @Test
  void randomEdits_sameAsLinkedHashMap() {
    SplittableRandom r = new SplittableRandom(7);
    for (int round = 0; round < 200; round++) {
      ObjectNode a = COMPACT.createObjectNode();
      ObjectNode b = PLAIN.createObjectNode();
      int keys = 1 + r.nextInt(3 * CompactNodes.SMALL);
      for (int op = 0; op < 60; op++) {
        String k = "k" + r.nextInt(keys);
        switch (r.nextInt(4)) {
          case 0, 1 -> {
            assertThat(a.replace(k, a.numberNode(op))).isEqualTo(b.replace(k, b.numberNode(op)));
          }
          case 2 -> assertThat(a.remove(k)).isEqualTo(b.remove(k));
          default -> {
            assertThat(a.get(k)).isEqualTo(b.get(k));
            assertThat(a.has(k)).isEqualTo(b.has(k));
          }
        }
        assertThat(a.size()).isEqualTo(b.size());
        assertThat(names(a)).isEqualTo(names(b));
        assertThat(a).isEqualTo(b);
      }
      // removal through the iterator
      Iterator<Map.Entry<String, JsonNode>> ia = a.properties().iterator();
      Iterator<Map.Entry<String, JsonNode>> ib = b.properties().iterator();
      while (ia.hasNext()) {
        boolean drop = r.nextBoolean();
        assertThat(ia.next().getKey()).isEqualTo(ib.next().getKey());
        if (drop) {
          ia.remove();
          ib.remove();
        }
      }
      assertThat(a).isEqualTo(b);
      assertThat(a.toString()).isEqualTo(b.toString());
    }
  }

  private static List<String> names(ObjectNode o) {
    List<String> out = new ArrayList<>();
    o.properties().forEach(e -> out.add(e.getKey()));
    return out;
  }
}
