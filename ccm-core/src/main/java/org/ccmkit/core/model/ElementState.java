package org.ccmkit.core.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableSortedSet;
import java.io.Serializable;
import org.immutables.value.Value;

/**
 * The state of one care-plan element and the resources that show it (the plan itself, its Goals,
 * its CareTeam). Value-based.
 *
 * @since 0.2.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableElementState.class)
@JsonDeserialize(as = ImmutableElementState.class)
public abstract class ElementState implements Serializable {
  private static final long serialVersionUID = 1L;

  ElementState() {}

  /** Present, not applicable, or missing. */
  @Value.Parameter
  public abstract ElementStatus status();

  /** The resources that carry the element, in source order. */
  @Value.Parameter
  @Value.NaturalOrder
  public abstract ImmutableSortedSet<SourceRef> sources();

  /**
   * Returns a state.
   *
   * @param status the status
   * @param sources the resources that carry it
   * @return the state
   */
  public static ElementState of(ElementStatus status, Iterable<? extends SourceRef> sources) {
    return ImmutableElementState.of(status, sources);
  }
}
