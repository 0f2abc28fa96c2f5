package org.ccmkit.core.sweep;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableSortedSet;
import java.io.Serializable;
import java.util.Optional;
import org.ccmkit.core.model.Code;
import org.ccmkit.core.model.SourceRef;
import org.immutables.value.Value;

/**
 * What the eligibility rule made of one of the patient's conditions: counted toward the chronic
 * minimum (the first of its disease group), or not, with the core reason code (e.g. {@code
 * CONDITION_NOT_CHRONIC} for ELIG-T03, {@code CONDITION_SAME_DISEASE_GROUP}, {@code
 * CONDITION_NOT_ACTIVE}). Value-based.
 *
 * @since 0.2.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableConditionFinding.class)
@JsonDeserialize(as = ImmutableConditionFinding.class)
public abstract class ConditionFinding implements Serializable {
  private static final long serialVersionUID = 1L;

  ConditionFinding() {}

  /** The Condition. */
  public abstract SourceRef source();

  /** The condition's codes, sorted. */
  @Value.NaturalOrder
  public abstract ImmutableSortedSet<Code> codes();

  /** The chronic-condition group it counts (or would count) in, when chronic. */
  public abstract Optional<String> group();

  /** Whether it counts toward the program's minimum. */
  public abstract boolean counted();

  /** Why it does not count (a core reason code), when it does not. */
  public abstract Optional<String> reason();

  /** Returns a new builder. */
  public static ImmutableConditionFinding.Builder builder() {
    return ImmutableConditionFinding.builder();
  }
}
