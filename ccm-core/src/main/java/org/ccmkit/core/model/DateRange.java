package org.ccmkit.core.model;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A range of calendar dates from {@link #start()} (inclusive) to an optional {@link
 * #endInclusive()} (inclusive); without an end the range is open. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableDateRange.class)
@JsonDeserialize(as = ImmutableDateRange.class)
public abstract class DateRange implements Serializable {
  private static final long serialVersionUID = 1L;

  DateRange() {}

  /** The first day of the range (inclusive). */
  @Value.Parameter
  public abstract LocalDate start();

  /** The last day of the range (inclusive), or empty for an open-ended range. */
  @Value.Parameter
  public abstract Optional<LocalDate> endInclusive();

  /**
   * Returns the closed range {@code [startInclusive, endInclusive]}.
   *
   * @param startInclusive the first day
   * @param endInclusive the last day, not before {@code startInclusive}
   * @return the range
   * @throws IllegalArgumentException if {@code endInclusive} is before {@code startInclusive}
   */
  public static DateRange ofClosed(LocalDate startInclusive, LocalDate endInclusive) {
    return ImmutableDateRange.of(startInclusive, Optional.of(endInclusive));
  }

  /**
   * Returns the open-ended range starting on {@code startInclusive}.
   *
   * @param startInclusive the first day
   * @return the range
   */
  public static DateRange startingOn(LocalDate startInclusive) {
    return ImmutableDateRange.of(startInclusive, Optional.empty());
  }

  /**
   * Returns whether {@code date} lies in this range.
   *
   * @param date the date
   * @return true when {@code start <= date <= endInclusive}
   */
  public boolean contains(LocalDate date) {
    return !date.isBefore(start()) && endInclusive().map(e -> !date.isAfter(e)).orElse(true);
  }

  /**
   * Returns the overlap of this range with {@code other}, or empty when they do not meet.
   *
   * @param other the other range
   * @return the intersection
   */
  public Optional<DateRange> intersect(DateRange other) {
    LocalDate s = start().isAfter(other.start()) ? start() : other.start();
    Optional<LocalDate> e;
    if (endInclusive().isEmpty()) {
      e = other.endInclusive();
    } else if (other.endInclusive().isEmpty()) {
      e = endInclusive();
    } else {
      LocalDate a = endInclusive().get();
      LocalDate b = other.endInclusive().get();
      e = Optional.of(a.isBefore(b) ? a : b);
    }
    if (e.isPresent() && e.get().isBefore(s)) {
      return Optional.empty();
    }
    return Optional.of(ImmutableDateRange.of(s, e));
  }

  @Value.Check
  protected void check() {
    endInclusive()
        .ifPresent(
            e ->
                checkArgument(
                    !e.isBefore(start()), "range ends (%s) before it starts (%s)", e, start()));
  }

  /** Returns {@code [start..end]} or {@code [start..)}. */
  @Override
  public String toString() {
    return "[" + start() + ".." + endInclusive().map(e -> e + "]").orElse(")");
  }
}
