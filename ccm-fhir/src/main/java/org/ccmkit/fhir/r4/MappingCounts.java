package org.ccmkit.fhir.r4;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.Serializable;
import org.immutables.value.Value;

/**
 * How many resources were read, and what became of each: used, ignored or rejected. The three add
 * up to {@link #read()} (checked at construction). An input that could not be read as a resource at
 * all (malformed JSON, an unreadable file) counts as one read and one rejected. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableMappingCounts.class)
@JsonDeserialize(as = ImmutableMappingCounts.class)
public abstract class MappingCounts implements Serializable {
  private static final long serialVersionUID = 1L;

  MappingCounts() {}

  /** Resources (and unreadable inputs) read. */
  public abstract int read();

  /** Resources mapped into ccmkit values. */
  public abstract int used();

  /** Resources read and deliberately left out, each with an ignoring issue. */
  public abstract int ignored();

  /** Resources rejected, each with a rejecting issue. */
  public abstract int rejected();

  /**
   * Returns counts.
   *
   * @param read the number read
   * @param used the number used
   * @param ignored the number ignored
   * @param rejected the number rejected
   * @return the counts
   * @throws IllegalArgumentException if a count is negative or {@code read != used + ignored +
   *     rejected}
   */
  public static MappingCounts of(int read, int used, int ignored, int rejected) {
    return ImmutableMappingCounts.builder()
        .read(read)
        .used(used)
        .ignored(ignored)
        .rejected(rejected)
        .build();
  }

  @Value.Check
  protected void check() {
    checkArgument(
        read() >= 0 && used() >= 0 && ignored() >= 0 && rejected() >= 0,
        "counts are never negative: %s",
        this);
    checkArgument(
        read() == used() + ignored() + rejected(),
        "read (%s) != used (%s) + ignored (%s) + rejected (%s)",
        read(),
        used(),
        ignored(),
        rejected());
  }

  /** Returns e.g. {@code read=10 used=7 ignored=2 rejected=1}. */
  @Override
  public String toString() {
    return "read="
        + read()
        + " used="
        + used()
        + " ignored="
        + ignored()
        + " rejected="
        + rejected();
  }
}
