package org.ccmkit.core.rules;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableSortedSet;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.core.model.StaffRole;
import org.immutables.value.Value;

/**
 * A stretch of counted time: one person's overlapping or touching entries for one program and one
 * role merged into one interval (each entry spanning the whole minutes from its start), with the
 * whole minutes it counts and the day (in the practice's zone) it counts on. One person's blocks
 * never overlap. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCountedBlock.class)
@JsonDeserialize(as = ImmutableCountedBlock.class)
public abstract class CountedBlock implements Serializable {
  private static final long serialVersionUID = 1L;

  CountedBlock() {}

  /** Who spent the time. */
  public abstract PractitionerRef performer();

  /** The role it counts in. */
  public abstract StaffRole role();

  /** Start of the interval. */
  public abstract Instant start();

  /** End of the interval. */
  public abstract Instant end();

  /**
   * The day the time counts on: the date, in the practice's zone, on which the earliest of its
   * entries started (which is in the service month, even when the block itself starts after the
   * month's last midnight because the entry's first minutes did not count).
   */
  public abstract LocalDate date();

  /** The whole minutes counted. */
  public abstract int minutes();

  /** The time entries merged into this block. */
  @Value.NaturalOrder
  public abstract ImmutableSortedSet<SourceRef> sources();
}
