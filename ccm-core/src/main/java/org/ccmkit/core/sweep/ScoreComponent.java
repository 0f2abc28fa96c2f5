package org.ccmkit.core.sweep;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableSortedSet;
import java.io.Serializable;
import org.ccmkit.core.model.SourceRef;
import org.immutables.value.Value;

/**
 * One part of a candidate's score: what it is (a stable code), its points, a short description
 * without PHI (a condition group, an encounter class and date), and the input resources it rests
 * on. Value-based.
 *
 * @since 0.2.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableScoreComponent.class)
@JsonDeserialize(as = ImmutableScoreComponent.class)
public abstract class ScoreComponent implements Serializable {
  private static final long serialVersionUID = 1L;

  ScoreComponent() {}

  /** What the component scores. */
  public abstract SweepReasonCode code();

  /** Its points (≥ 0). */
  public abstract int points();

  /** What it rests on, e.g. {@code CHF} or {@code EMER 2021-02-03}. */
  public abstract String detail();

  /** The input resources it rests on, sorted. */
  @Value.NaturalOrder
  public abstract ImmutableSortedSet<SourceRef> evidence();

  /** Returns a new builder. */
  public static ImmutableScoreComponent.Builder builder() {
    return ImmutableScoreComponent.builder();
  }
}
