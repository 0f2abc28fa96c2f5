package org.ccmkit.fhir.r4;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.Ordering;
import java.io.Serializable;
import java.util.Comparator;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Where a resource was read: the source (a file path as given, or the name a caller gave an
 * in-memory input), the 1-based line (the NDJSON line, or the line on which a bundle entry starts)
 * and the 0-based bundle entry indexes, outermost first. Locations name files and positions only,
 * never resource content. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableSourceLocation.class)
@JsonDeserialize(as = ImmutableSourceLocation.class)
public abstract class SourceLocation implements Comparable<SourceLocation>, Serializable {
  private static final long serialVersionUID = 1L;

  private static final Comparator<SourceLocation> ORDER =
      Comparator.comparing(SourceLocation::source)
          .thenComparing(l -> l.line().orElse(0))
          .thenComparing(SourceLocation::entry, Ordering.<Integer>natural().lexicographical());

  SourceLocation() {}

  /** The file path as given to the mapper, or the name of an in-memory input. */
  public abstract String source();

  /** The 1-based line: the NDJSON line, or the line where a bundle entry starts, when known. */
  public abstract Optional<Integer> line();

  /** The 0-based indexes of the bundle entries, outermost first; empty outside a bundle. */
  public abstract ImmutableList<Integer> entry();

  /**
   * Returns the location of a whole source (a single-resource file).
   *
   * @param source the file path or input name, not blank
   * @return the location
   * @throws IllegalArgumentException if {@code source} is blank
   */
  public static SourceLocation of(String source) {
    return ImmutableSourceLocation.builder().source(source).build();
  }

  /**
   * Returns the location of line {@code line} of {@code source}.
   *
   * @param source the file path or input name, not blank
   * @param line the 1-based line
   * @return the location
   * @throws IllegalArgumentException if {@code source} is blank or {@code line < 1}
   */
  public static SourceLocation ofLine(String source, int line) {
    return ImmutableSourceLocation.builder().source(source).line(line).build();
  }

  /**
   * Returns the location of entry {@code index} of the bundle at this location.
   *
   * @param index the 0-based entry index
   * @param entryLine the 1-based line the entry starts on, when known (else this location's line)
   * @return the entry's location
   * @throws IllegalArgumentException if {@code index < 0}
   */
  public SourceLocation withEntry(int index, Optional<Integer> entryLine) {
    return ImmutableSourceLocation.builder()
        .source(source())
        .line(entryLine.isPresent() ? entryLine : line())
        .addAllEntry(entry())
        .addEntry(index)
        .build();
  }

  @Value.Check
  protected void check() {
    checkArgument(!source().isBlank(), "source must not be blank");
    line().ifPresent(l -> checkArgument(l >= 1, "line is 1-based, found %s", l));
    entry().forEach(i -> checkArgument(i >= 0, "entry index is 0-based, found %s", i));
  }

  @Override
  public int compareTo(SourceLocation other) {
    return ORDER.compare(this, other);
  }

  /** Returns e.g. {@code data/p1.json:12#entry[3]} or {@code Patient.000.ndjson:7}. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(source());
    line().ifPresent(l -> s.append(':').append(l));
    for (int i = 0; i < entry().size(); i++) {
      s.append(i == 0 ? "#" : "/").append("entry[").append(entry().get(i)).append(']');
    }
    return s.toString();
  }
}
