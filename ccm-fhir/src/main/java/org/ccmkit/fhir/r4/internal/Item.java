package org.ccmkit.fhir.r4.internal;

import com.google.common.hash.HashCode;
import java.time.Instant;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.fhir.r4.SourceLocation;
import org.jspecify.annotations.Nullable;

/** One resource read: where, what, and whether its fate (used, ignored, rejected) is settled. */
final class Item {
  final int ordinal;
  final SourceLocation location;
  final String type;
  final @Nullable String id;
  @Nullable HashCode contentHash;
  @Nullable Instant lastUpdated;
  boolean settled;

  Item(int ordinal, SourceLocation location, String type, @Nullable String id) {
    this.ordinal = ordinal;
    this.location = location;
    this.type = type;
    this.id = id;
  }

  /** Returns {@code Type/id}; only for items with an id. */
  SourceRef ref() {
    if (id == null) {
      throw new IllegalStateException("no id for " + type + " at " + location);
    }
    return SourceRef.of(type, id);
  }

  String key() {
    return type + "/" + id;
  }
}
