package org.ccmkit.core.params;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import org.ccmkit.core.rule.CcmException;
import org.ccmkit.core.rule.ErrorCode;

/**
 * The parameter sets of one kind over time, e.g. the core rules' CY2025 and CY2026 sets. Sets may
 * not overlap, so exactly one (or none) is in effect on any date. Immutable and serializable.
 *
 * @param <P> the parameter type
 * @since 0.1.0
 */
public final class ParameterCatalog<P extends EffectiveDated & Serializable>
    implements Serializable {
  private static final long serialVersionUID = 1L;

  private final ImmutableList<P> sets;

  private ParameterCatalog(ImmutableList<P> sets) {
    this.sets = sets;
  }

  /**
   * Returns a catalog of {@code sets}, sorted by effective date.
   *
   * @param sets the sets; none may overlap another, and versions must be unique
   * @param <P> the parameter type
   * @return the catalog
   * @throws CcmException with {@link ErrorCode#INVALID_PARAMETERS} if two sets overlap or share a
   *     version, or if there are none
   */
  public static <P extends EffectiveDated & Serializable> ParameterCatalog<P> of(
      Collection<? extends P> sets) {
    checkNotNull(sets, "sets");
    ImmutableList<P> sorted =
        ImmutableList.sortedCopyOf(Comparator.comparing(EffectiveDated::effectiveFrom), sets);
    if (sorted.isEmpty()) {
      throw new CcmException(ErrorCode.INVALID_PARAMETERS, "a catalog needs at least one set");
    }
    for (int i = 1; i < sorted.size(); i++) {
      P previous = sorted.get(i - 1);
      P next = sorted.get(i);
      Optional<LocalDate> previousEnd = previous.effectiveTo();
      if (previousEnd.isEmpty() || !previousEnd.get().isBefore(next.effectiveFrom())) {
        throw new CcmException(
            ErrorCode.INVALID_PARAMETERS,
            "parameter sets %s (%s..%s) and %s (from %s) overlap",
            previous.version(),
            previous.effectiveFrom(),
            previousEnd.map(LocalDate::toString).orElse("open"),
            next.version(),
            next.effectiveFrom());
      }
    }
    long versions = sorted.stream().map(EffectiveDated::version).distinct().count();
    if (versions != sorted.size()) {
      throw new CcmException(ErrorCode.INVALID_PARAMETERS, "parameter versions must be unique");
    }
    return new ParameterCatalog<>(sorted);
  }

  /**
   * Returns the set in effect on {@code date}.
   *
   * @param date the date
   * @return the set
   * @throws CcmException with {@link ErrorCode#NO_PARAMETERS_FOR_DATE} if none is
   */
  public P forDate(LocalDate date) {
    return tryForDate(date)
        .orElseThrow(
            () ->
                new CcmException(
                    ErrorCode.NO_PARAMETERS_FOR_DATE,
                    "no parameters in effect on %s (catalog covers %s)",
                    date,
                    coverage()));
  }

  /**
   * Returns the set in effect on {@code date}, if any.
   *
   * @param date the date
   * @return the set, or empty
   */
  public Optional<P> tryForDate(LocalDate date) {
    for (P set : sets) {
      if (set.isEffectiveOn(date)) {
        return Optional.of(set);
      }
    }
    return Optional.empty();
  }

  /** Returns every set, sorted by effective date. */
  public ImmutableList<P> all() {
    return sets;
  }

  /**
   * Returns a catalog with {@code replacement} in place of the set of the same version, or added
   * when no set has its version (e.g. next year's set, or a payer's override of this year's).
   *
   * @param replacement the set to put in
   * @return the new catalog
   * @throws CcmException with {@link ErrorCode#INVALID_PARAMETERS} if the result would overlap
   */
  public ParameterCatalog<P> with(P replacement) {
    ImmutableList.Builder<P> b = ImmutableList.builder();
    for (P set : sets) {
      if (!set.version().equals(replacement.version())) {
        b.add(set);
      }
    }
    b.add(replacement);
    return of(b.build());
  }

  private String coverage() {
    P first = sets.get(0);
    P last = sets.get(sets.size() - 1);
    return first.effectiveFrom()
        + ".."
        + last.effectiveTo().map(LocalDate::toString).orElse("open");
  }

  @Override
  public String toString() {
    return "ParameterCatalog" + sets.stream().map(EffectiveDated::version).toList();
  }
}
