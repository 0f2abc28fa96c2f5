package org.ccmkit.fhir.r4.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.Maps;
import com.google.common.hash.HashCode;
import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import java.util.Arrays;
import java.util.Map;
import org.jspecify.annotations.Nullable;

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

  /** The properties of the objects being written, innermost last. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private @Nullable Map.Entry<String, JsonNode>[] scratch = new Map.Entry[64];

  private int depth;

  /**
   * Returns the hash of {@code resource}. Reuses this instance's buffer: one instance per thread
   * (the mapping session keeps one).
   */
  HashCode of(JsonNode resource) {
    len = 0;
    depth = 0;
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
      // the properties in name order, sorted in a reusable scratch stack (no list per object)
      int from = depth;
      for (Map.Entry<String, JsonNode> f : n.properties()) {
        if (!(top && ignoredAtTop(f.getKey()))) {
          push(f);
        }
      }
      int to = depth;
      sortByKey(from, to);
      putByte('{');
      for (int i = from; i < to; i++) {
        Map.Entry<String, JsonNode> f = requireNonNull(scratch[i]);
        putChars(f.getKey());
        putByte(':');
        put(f.getValue(), false);
      }
      putByte('}');
      Arrays.fill(scratch, from, to, null);
      depth = from;
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

  private void push(Map.Entry<String, JsonNode> f) {
    if (depth == scratch.length) {
      scratch = Arrays.copyOf(scratch, 2 * scratch.length);
    }
    scratch[depth++] = f;
  }

  /** Insertion sort by name (objects are small; names are distinct, so stability is moot). */
  private void sortByKey(int from, int to) {
    @Nullable Map.Entry<String, JsonNode>[] a = scratch;
    for (int i = from + 1; i < to; i++) {
      Map.Entry<String, JsonNode> x = requireNonNull(a[i]);
      String k = x.getKey();
      int j = i - 1;
      while (j >= from && requireNonNull(a[j]).getKey().compareTo(k) > 0) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = x;
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
