package org.ccmkit.fhir.r4.internal;

import com.google.common.base.Verify;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ccmkit.fhir.r4.IssueEffect;
import org.ccmkit.fhir.r4.MappingCounts;
import org.ccmkit.fhir.r4.MappingIssue;
import org.ccmkit.fhir.r4.MappingIssueCode;
import org.ccmkit.fhir.r4.SourceLocation;
import org.jspecify.annotations.Nullable;

/**
 * The accounts of a run: every resource read is opened here and settled exactly once, as used,
 * ignored or rejected; every issue is recorded here. Counts are kept per resource type.
 */
final class Ledger {
  /** The pseudo-type of inputs that could not be read as a resource. */
  static final String UNREADABLE = "(unreadable)";

  /** The pseudo-type of bundle entries without a resource. */
  static final String NO_RESOURCE = "(no resource)";

  private static final int READ = 0;
  private static final int USED = 1;
  private static final int IGNORED = 2;
  private static final int REJECTED = 3;

  private final Map<String, int[]> counts = new TreeMap<>();
  private final List<MappingIssue> issues = new ArrayList<>();
  private int ordinal;

  /** Opens an item: counts it as read. */
  Item open(SourceLocation location, String type, @Nullable String id) {
    counter(type)[READ]++;
    return new Item(ordinal++, location, type, id);
  }

  /** Counts an input that could not be read as a resource: read and rejected. */
  void unreadable(SourceLocation location, MappingIssueCode code, String message) {
    Verify.verify(code.effect() == IssueEffect.REJECTS, "%s does not reject", code);
    Item item = open(location, UNREADABLE, null);
    settle(item, REJECTED);
    issues.add(MappingIssue.builder().location(location).code(code).message(message).build());
  }

  void used(Item item) {
    settle(item, USED);
  }

  void ignore(Item item, MappingIssueCode code, @Nullable String path, String message) {
    Verify.verify(code.effect() == IssueEffect.IGNORES, "%s does not ignore", code);
    settle(item, IGNORED);
    issues.add(issue(item, code, path, message));
  }

  void reject(Item item, MappingIssueCode code, @Nullable String path, String message) {
    Verify.verify(code.effect() == IssueEffect.REJECTS, "%s does not reject", code);
    settle(item, REJECTED);
    issues.add(issue(item, code, path, message));
  }

  void note(Item item, MappingIssueCode code, @Nullable String path, String message) {
    Verify.verify(code.effect() == IssueEffect.NOTE, "%s is not a note", code);
    issues.add(issue(item, code, path, message));
  }

  /** Settles an item once; settling twice is a ccmkit bug. */
  private void settle(Item item, int column) {
    Verify.verify(!item.settled, "%s at %s settled twice", item.type, item.location);
    item.settled = true;
    counter(item.type)[column]++;
  }

  private int[] counter(String type) {
    return counts.computeIfAbsent(type, t -> new int[4]);
  }

  private static MappingIssue issue(
      Item item, MappingIssueCode code, @Nullable String path, String message) {
    var b = MappingIssue.builder().location(item.location).code(code).message(message);
    if (!item.type.startsWith("(")) {
      b.resourceType(item.type);
    }
    if (item.id != null) {
      b.resourceId(item.id);
    }
    if (path != null) {
      b.path(path);
    }
    return b.build();
  }

  ImmutableSortedMap<String, MappingCounts> countsByType() {
    ImmutableSortedMap.Builder<String, MappingCounts> b = ImmutableSortedMap.naturalOrder();
    counts.forEach((t, c) -> b.put(t, MappingCounts.of(c[READ], c[USED], c[IGNORED], c[REJECTED])));
    return b.build();
  }

  MappingCounts totals() {
    int[] t = new int[4];
    for (int[] c : counts.values()) {
      for (int i = 0; i < 4; i++) {
        t[i] += c[i];
      }
    }
    return MappingCounts.of(t[READ], t[USED], t[IGNORED], t[REJECTED]);
  }

  /** Returns whether every item opened has been settled. */
  boolean balanced() {
    return counts.values().stream().allMatch(c -> c[READ] == c[USED] + c[IGNORED] + c[REJECTED]);
  }

  ImmutableList<MappingIssue> issues() {
    return ImmutableList.sortedCopyOf(MappingIssue.ORDER, issues);
  }
}
