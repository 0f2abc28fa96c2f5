package org.ccmkit.core.params;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A parameter set that is in effect from one date to another, such as one Medicare rule year.
 *
 * @since 0.1.0
 */
public interface EffectiveDated {
  /** The version written into every decision made with this set, e.g. {@code CY2026.1}. */
  String version();

  /** The first day the set is in effect (inclusive). */
  LocalDate effectiveFrom();

  /** The last day the set is in effect (inclusive), or empty while it has no end. */
  Optional<LocalDate> effectiveTo();

  /**
   * Returns whether the set is in effect on {@code date}.
   *
   * @param date the date
   * @return true when {@code effectiveFrom <= date <= effectiveTo}
   */
  default boolean isEffectiveOn(LocalDate date) {
    return !date.isBefore(effectiveFrom()) && effectiveTo().map(t -> !date.isAfter(t)).orElse(true);
  }
}
