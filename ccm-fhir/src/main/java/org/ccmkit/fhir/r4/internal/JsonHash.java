package org.ccmkit.fhir.r4.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.Maps;
import com.google.common.hash.HashCode;
import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A 128-bit hash of a resource's JSON content, independent of property order, leaving out what the
 * mapping never reads at the top level ({@code meta}, the narrative {@code text}, {@code extension}
 * and {@code contained}): two copies of the same resource hash alike even when one carries extra
 * extensions (as Synthea's practitioner file does).
 *
 * <p>The hash is Murmur3-128 over a canonical form: an object is an opening brace, then each
 * property in name order as its name, a colon and its value, then a closing brace; an array is an
 * opening bracket, each element followed by a comma, then a closing bracket; a scalar is its node
 * type's name, its text and a zero byte. Characters are written as two bytes, little-endian (what
 * Guava's {@code Hasher.putUnencodedChars} feeds), so the value is the one the first implementation
 * computed with a streaming hasher ({@code JsonHashTest} keeps it as the reference). The form is
 * built in a byte array and hashed in one call: feeding the streaming hasher char by char cost more
 * than building the tree.
 */
final class JsonHash {
  private static final HashFunction MURMUR = Hashing.murmur3_128();

  /** Each node type's name, as the canonical form writes it. */
  private static final ImmutableMap<JsonNodeType, byte[]> TYPE_NAMES = typeNames();

  private byte[] buf = new byte[2048];
  private int len;

  /**
   * Returns the hash of {@code resource}. Reuses this instance's buffer: one instance per thread
   * (the mapping session keeps one).
   */
  HashCode of(JsonNode resource) {
    len = 0;
    put(resource, true);
    return MURMUR.hashBytes(buf, 0, len);
  }

  private static boolean ignoredAtTop(String name) {
    return switch (name) {
      case "meta", "text", "extension", "contained" -> true;
      default -> false;
    };
  }

  private void put(JsonNode n, boolean top) {
    if (n.isObject()) {
      List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(n.properties());
      if (fields.size() > 1) {
        fields.sort(Map.Entry.comparingByKey());
      }
      putByte('{');
      for (Map.Entry<String, JsonNode> f : fields) {
        if (top && ignoredAtTop(f.getKey())) {
          continue;
        }
        putChars(f.getKey());
        putByte(':');
        put(f.getValue(), false);
      }
      putByte('}');
    } else if (n.isArray()) {
      putByte('[');
      for (JsonNode e : n) {
        put(e, false);
        putByte(',');
      }
      putByte(']');
    } else {
      byte[] type = requireNonNull(TYPE_NAMES.get(n.getNodeType()));
      ensure(type.length);
      System.arraycopy(type, 0, buf, len, type.length);
      len += type.length;
      putChars(n.asText());
      putByte(0);
    }
  }

  private void putByte(int b) {
    ensure(1);
    buf[len++] = (byte) b;
  }

  private void putChars(String s) {
    int n = s.length();
    ensure(2 * n);
    byte[] b = buf;
    int at = len;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      b[at++] = (byte) c;
      b[at++] = (byte) (c >>> 8);
    }
    len = at;
  }

  private void ensure(int more) {
    if (len + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(2 * buf.length, len + more));
    }
  }

  private static ImmutableMap<JsonNodeType, byte[]> typeNames() {
    ImmutableMap.Builder<JsonNodeType, byte[]> names = ImmutableMap.builder();
    for (JsonNodeType t : JsonNodeType.values()) {
      String s = t.name();
      byte[] b = new byte[2 * s.length()];
      for (int i = 0; i < s.length(); i++) {
        b[2 * i] = (byte) s.charAt(i);
        b[2 * i + 1] = (byte) (s.charAt(i) >>> 8);
      }
      names.put(t, b);
    }
    return Maps.immutableEnumMap(names.buildOrThrow());
  }
}
