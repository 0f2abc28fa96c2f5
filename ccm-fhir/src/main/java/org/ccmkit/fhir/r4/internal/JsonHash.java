package org.ccmkit.fhir.r4.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.hash.HashCode;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * A 128-bit hash of a resource's JSON content, independent of property order, leaving out what the
 * mapping never reads at the top level ({@code meta}, the narrative {@code text}, {@code extension}
 * and {@code contained}): two copies of the same resource hash alike even when one carries extra
 * extensions (as Synthea's practitioner file does).
 */
final class JsonHash {
  private static final Set<String> IGNORED = Set.of("meta", "text", "extension", "contained");

  private JsonHash() {}

  static HashCode of(JsonNode resource) {
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
