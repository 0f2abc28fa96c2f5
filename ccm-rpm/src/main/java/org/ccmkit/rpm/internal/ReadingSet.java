package org.ccmkit.rpm.internal;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ccmkit.core.model.Measurement;
import org.ccmkit.core.model.Reading;
import org.ccmkit.core.model.SourceRef;

/**
 * A patient's readings with duplicates marked: two readings are one when they share an identifier,
 * or when they name the same device and code and have the same time and values (scale ignored). The
 * first in (time, source) order is kept, so the result does not depend on input order.
 */
final class ReadingSet {
  /** Readings in (time, source) order. */
  static final Comparator<Reading> CHRONOLOGICAL =
      Comparator.comparing(Reading::effective).thenComparing(Reading::source);

  private final ImmutableList<Reading> kept;
  private final ImmutableMap<SourceRef, SourceRef> duplicateOf;

  private ReadingSet(ImmutableList<Reading> kept, ImmutableMap<SourceRef, SourceRef> duplicateOf) {
    this.kept = kept;
    this.duplicateOf = duplicateOf;
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

  /** The reading {@code source} duplicates, if it is a duplicate. */
  Optional<SourceRef> duplicateOf(SourceRef source) {
    return Optional.ofNullable(duplicateOf.get(source));
  }

  /**
   * What makes two readings the same content: the device (type and id, any version), the code, the
   * time, and each value (key, number with trailing zeros stripped, unit). A record rather than a
   * concatenated string, so no text is built per reading.
   */
  private record ContentKey(
      String deviceType,
      String deviceId,
      String system,
      String code,
      Instant effective,
      List<Object> values) {
    static ContentKey of(Reading r) {
      List<Object> values = new ArrayList<>(3 * r.values().size());
      for (Map.Entry<String, Measurement> e : r.values().entrySet()) {
        values.add(e.getKey());
        values.add(e.getValue().value().stripTrailingZeros());
        values.add(e.getValue().unit());
      }
      return new ContentKey(
          r.device().map(SourceRef::resourceType).orElse("-"),
          r.device().map(SourceRef::id).orElse(""),
          r.code().system(),
          r.code().code(),
          r.effective(),
          values);
    }
  }

  /** The date of {@code r} in {@code zone}. */
  static java.time.LocalDate day(Reading r, ZoneId zone) {
    return r.effective().atZone(zone).toLocalDate();
  }
}
