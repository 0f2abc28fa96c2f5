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
 * Eligibility criteria: how many distinct chronic conditions each program needs (CCM two, PCM one;
 * rules reference §4.1, §4.2) and which programs need a significant-risk attestation before a
 * patient is MET rather than INDETERMINATE. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableEligibilityParameters.class)
@JsonDeserialize(as = ImmutableEligibilityParameters.class)
public abstract class EligibilityParameters implements Serializable {
  private static final long serialVersionUID = 1L;

  EligibilityParameters() {}

  /** The minimum number of distinct active chronic conditions, per program that has one. */
  @Value.NaturalOrder
  public abstract ImmutableSortedMap<CareProgram, Integer> minChronicConditions();

  /** The programs whose eligibility waits for a significant-risk attestation. */
  @Value.NaturalOrder
  public abstract ImmutableSortedSet<CareProgram> significantRiskAttestationRequired();

  /**
   * Returns the minimum number of conditions for {@code program}, if the program has such a
   * criterion.
   *
   * @param program the program
   * @return the minimum, or empty
   */
  public Optional<Integer> minFor(CareProgram program) {
    return Optional.ofNullable(minChronicConditions().get(program));
  }

  /** Returns a new builder. */
  public static ImmutableEligibilityParameters.Builder builder() {
    return ImmutableEligibilityParameters.builder();
  }
}
