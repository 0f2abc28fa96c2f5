package org.ccmkit.fhir.r4.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The input reader's node factory: its {@link ObjectNode}s keep their properties in a small array
 * in insertion order (what a {@link LinkedHashMap} gives, the Jackson default) instead of a hash
 * table. A resource's objects have a handful of properties each, so a linear search over property
 * names (interned by the parser, so usually compared by identity) is cheaper than hashing every
 * name and allocating a table and an entry per property; building the tree was the largest cost of
 * reading. An object that grows past {@value #SMALL} properties moves to a {@code LinkedHashMap},
 * so a huge object is not quadratic. Same nodes, same order, same equality: only the storage
 * differs.
 */
final class CompactNodes extends JsonNodeFactory {
  private static final long serialVersionUID = 1L;

  /** Properties kept in the array; beyond, a LinkedHashMap. */
  static final int SMALL = 16;

  CompactNodes() {
    super(); // as JsonNodeFactory.instance (decimals: JsonNodeFeature decides, as before)
  }

  @Override
  public ObjectNode objectNode() {
    return new ObjectNode(this, new SmallMap());
  }

  /** An insertion-ordered map over an array of entries; a LinkedHashMap once it grows. */
  static final class SmallMap extends AbstractMap<String, JsonNode> {
    private static final Entry[] NONE = new Entry[0];

    private Entry[] entries = NONE;
    private int size;
    private @Nullable LinkedHashMap<String, JsonNode> big;
    private @Nullable EntrySet entrySet;

    /** A property; its value can be replaced in place, as a LinkedHashMap entry's can. */
    static final class Entry implements Map.Entry<String, JsonNode> {
      private final String key;
      private JsonNode value;

      Entry(String key, JsonNode value) {
        this.key = key;
        this.value = value;
      }

      @Override
      public String getKey() {
        return key;
      }

      @Override
      public JsonNode getValue() {
        return value;
      }

      @Override
      public JsonNode setValue(JsonNode v) {
        JsonNode old = value;
        value = v;
        return old;
      }

      @Override
      public boolean equals(@Nullable Object o) {
        return o instanceof Map.Entry<?, ?> e
            && key.equals(e.getKey())
            && value.equals(e.getValue());
      }

      @Override
      public int hashCode() {
        return key.hashCode() ^ value.hashCode();
      }

      @Override
      public String toString() {
        return key + "=" + value;
      }
    }

    private int indexOf(@Nullable Object key) {
      Entry[] es = entries;
      for (int i = 0; i < size; i++) {
        if (es[i].key == key) {
          return i;
        }
      }
      if (key instanceof String) {
        for (int i = 0; i < size; i++) {
          if (es[i].key.equals(key)) {
            return i;
          }
        }
      }
      return -1;
    }

    @Override
    public @Nullable JsonNode get(@Nullable Object key) {
      LinkedHashMap<String, JsonNode> b = big;
      if (b != null) {
        return b.get(key);
      }
      int i = indexOf(key);
      return i < 0 ? null : entries[i].value;
    }

    @Override
    public boolean containsKey(@Nullable Object key) {
      LinkedHashMap<String, JsonNode> b = big;
      return b != null ? b.containsKey(key) : indexOf(key) >= 0;
    }

    @Override
    public @Nullable JsonNode put(String key, JsonNode value) {
      LinkedHashMap<String, JsonNode> b = big;
      if (b != null) {
        return b.put(key, value);
      }
      int i = indexOf(key);
      if (i >= 0) {
        return entries[i].setValue(value);
      }
      if (size == SMALL) {
        LinkedHashMap<String, JsonNode> m = new LinkedHashMap<>();
        for (int j = 0; j < size; j++) {
          m.put(entries[j].key, entries[j].value);
        }
        m.put(key, value);
        big = m;
        entries = NONE;
        size = 0;
        return null;
      }
      if (size == entries.length) {
        entries = Arrays.copyOf(entries, size == 0 ? 4 : Math.min(SMALL, 2 * size));
      }
      entries[size++] = new Entry(key, value);
      return null;
    }

    @Override
    public @Nullable JsonNode remove(@Nullable Object key) {
      LinkedHashMap<String, JsonNode> b = big;
      if (b != null) {
        return b.remove(key);
      }
      int i = indexOf(key);
      if (i < 0) {
        return null;
      }
      JsonNode old = entries[i].value;
      removeAt(i);
      return old;
    }

    private void removeAt(int i) {
      System.arraycopy(entries, i + 1, entries, i, size - i - 1);
      entries[--size] = null;
    }

    @Override
    public void clear() {
      LinkedHashMap<String, JsonNode> b = big;
      if (b != null) {
        b.clear();
      }
      Arrays.fill(entries, 0, size, null);
      size = 0;
    }

    @Override
    public int size() {
      LinkedHashMap<String, JsonNode> b = big;
      return b != null ? b.size() : size;
    }

    @Override
    public boolean isEmpty() {
      return size() == 0;
    }

    @Override
    public Set<Map.Entry<String, JsonNode>> entrySet() {
      LinkedHashMap<String, JsonNode> b = big;
      if (b != null) {
        return b.entrySet();
      }
      EntrySet s = entrySet;
      if (s == null) {
        s = new EntrySet();
        entrySet = s;
      }
      return s;
    }

    /** The entries, live (a view of the array, or of the LinkedHashMap once it grew). */
    private final class EntrySet extends AbstractSet<Map.Entry<String, JsonNode>> {
      @Override
      public Iterator<Map.Entry<String, JsonNode>> iterator() {
        LinkedHashMap<String, JsonNode> b = big;
        if (b != null) {
          return b.entrySet().iterator();
        }
        return new Iterator<>() {
          private int next;
          private int last = -1;

          @Override
          public boolean hasNext() {
            return next < size;
          }

          @Override
          public Map.Entry<String, JsonNode> next() {
            if (next >= size) {
              throw new NoSuchElementException();
            }
            last = next;
            return entries[next++];
          }

          @Override
          public void remove() {
            if (last < 0) {
              throw new IllegalStateException();
            }
            removeAt(last);
            next = last;
            last = -1;
          }
        };
      }

      @Override
      public int size() {
        return SmallMap.this.size();
      }
    }
  }
}
