package org.ccmkit.core.params;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;
import java.io.Serializable;
import java.util.Optional;
import org.ccmkit.core.model.CareProgram;
import org.immutables.value.Value;

/**
 * The initiating-visit rule (rules reference §4.3): a patient not seen by the billing practitioner
 * within the look-back before the program starts needs an initiating visit, and only the listed
 * visit codes qualify (level 2–5 E/M, AWV, IPPE, TCM; not 99211). Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableInitiatingVisitParameters.class)
@JsonDeserialize(as = ImmutableInitiatingVisitParameters.class)
public abstract class InitiatingVisitParameters implements Serializable {
  private static final long serialVersionUID = 1L;

  InitiatingVisitParameters() {}

  /** The look-back in days before the program start, per program that needs a visit. */
  @Value.NaturalOrder
  public abstract ImmutableSortedMap<CareProgram, Integer> lookbackDays();

  /** The CPT and HCPCS codes of visits that qualify. */
  @Value.NaturalOrder
  public abstract ImmutableSortedSet<String> qualifyingCodes();

  /**
   * Returns the look-back for {@code program}, or empty when the program needs no initiating visit.
   *
   * @param program the program
   * @return the look-back in days
   */
  public Optional<Integer> lookbackFor(CareProgram program) {
    return Optional.ofNullable(lookbackDays().get(program));
  }

  /** Returns a new builder. */
  public static ImmutableInitiatingVisitParameters.Builder builder() {
    return ImmutableInitiatingVisitParameters.builder();
  }
}
