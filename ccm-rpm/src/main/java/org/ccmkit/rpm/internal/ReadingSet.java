package org.ccmkit.rpm.internal;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ccmkit.core.model.Measurement;
import org.ccmkit.core.model.Reading;
import org.ccmkit.core.model.SourceRef;
import org.jspecify.annotations.Nullable;

/**
 * A patient's readings with duplicates marked: two readings are one when they share an identifier,
 * or when they name the same device and code and have the same time and values (scale ignored). The
 * first in (time, source) order is kept, so the result does not depend on input order.
 */
final class ReadingSet {
  /** Readings in (time, source) order. */
  static final Comparator<Reading> CHRONOLOGICAL = ReadingSet::compareChronologically;

  private final ImmutableList<Reading> kept;
  private final ImmutableMap<SourceRef, SourceRef> duplicateOf;

  private ReadingSet(ImmutableList<Reading> kept, ImmutableMap<SourceRef, SourceRef> duplicateOf) {
    this.kept = kept;
    this.duplicateOf = duplicateOf;
  }

  /**
   * {@link #CHRONOLOGICAL}, written out rather than as a comparator chain (it sorts every reading).
   */
  private static int compareChronologically(Reading a, Reading b) {
    int c = a.effective().compareTo(b.effective());
    return c != 0 ? c : a.source().compareTo(b.source());
  }

  static ReadingSet of(List<Reading> readings) {
    List<Reading> sorted = ImmutableList.sortedCopyOf(CHRONOLOGICAL, readings);
    Map<String, SourceRef> byIdentifier = new HashMap<>();
    Map<ContentKey, SourceRef> byContent = new HashMap<>();
    ImmutableList.Builder<Reading> kept = ImmutableList.builder();
    Map<SourceRef, SourceRef> dup = new LinkedHashMap<>();
    for (Reading r : sorted) {
      Optional<SourceRef> first = Optional.empty();
      if (r.identifier().isPresent()) {
        first = Optional.ofNullable(byIdentifier.get(r.identifier().get()));
      }
      ContentKey content = ContentKey.of(r);
      if (first.isEmpty()) {
        first = Optional.ofNullable(byContent.get(content));
      }
      if (first.isPresent() && !first.get().equals(r.source())) {
        dup.putIfAbsent(r.source(), first.get());
        continue;
      }
      if (first.isPresent()) {
        continue; // the same resource listed twice counts once
      }
      r.identifier().ifPresent(id -> byIdentifier.put(id, r.source()));
      byContent.put(content, r.source());
      kept.add(r);
    }
    return new ReadingSet(kept.build(), ImmutableMap.copyOf(dup));
  }

  /** The kept readings, in (time, source) order. */
  ImmutableList<Reading> kept() {
    return kept;
  }

  /** Whether any reading was a duplicate of another. */
  boolean hasDuplicates() {
    return !duplicateOf.isEmpty();
  }

  /** The reading {@code source} duplicates, if it is a duplicate. */
  Optional<SourceRef> duplicateOf(SourceRef source) {
    return Optional.ofNullable(duplicateOf.get(source));
  }

  /**
   * What makes two readings the same content: the device (type and id, any version), the code, the
   * time, and each value (key, number with trailing zeros stripped, unit). It holds the reading and
   * compares those fields in place, so nothing is built per reading: numbers are compared with
   * {@code compareTo} (equal after stripping trailing zeros exactly when numerically equal), and
   * the values are left out of the hash (readings of one device, code and time are rare).
   */
  private static final class ContentKey {
    private final Reading reading;
    private final int hash;

    private ContentKey(Reading reading, int hash) {
      this.reading = reading;
      this.hash = hash;
    }

    static ContentKey of(Reading r) {
      int h = deviceType(r).hashCode();
      h = 31 * h + deviceId(r).hashCode();
      h = 31 * h + r.code().system().hashCode();
      h = 31 * h + r.code().code().hashCode();
      h = 31 * h + r.effective().hashCode();
      return new ContentKey(r, h); // the values are compared in equals only
    }

    private static String deviceType(Reading r) {
      return r.device().isPresent() ? r.device().get().resourceType() : "-";
    }

    private static String deviceId(Reading r) {
      return r.device().isPresent() ? r.device().get().id() : "";
    }

    @Override
    public boolean equals(@Nullable Object o) {
      if (this == o) {
        return true;
      }
      if (!(o instanceof ContentKey)) {
        return false;
      }
      ContentKey k = (ContentKey) o;
      Reading a = reading;
      Reading b = k.reading;
      if (hash != k.hash
          || !a.effective().equals(b.effective())
          || !a.code().code().equals(b.code().code())
          || !a.code().system().equals(b.code().system())
          || !deviceId(a).equals(deviceId(b))
          || !deviceType(a).equals(deviceType(b))
          || a.values().size() != b.values().size()) {
        return false;
      }
      Iterator<Map.Entry<String, Measurement>> i = a.values().entrySet().iterator();
      Iterator<Map.Entry<String, Measurement>> j = b.values().entrySet().iterator();
      while (i.hasNext()) {
        Map.Entry<String, Measurement> x = i.next();
        Map.Entry<String, Measurement> y = j.next();
        if (!x.getKey().equals(y.getKey())
            || !x.getValue().unit().equals(y.getValue().unit())
            || x.getValue().value().compareTo(y.getValue().value()) != 0) {
          return false;
        }
      }
      return true;
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /** The date of {@code r} in {@code zone}. */
  static java.time.LocalDate day(Reading r, ZoneId zone) {
    return java.time.LocalDate.ofInstant(r.effective(), zone);
  }
}
