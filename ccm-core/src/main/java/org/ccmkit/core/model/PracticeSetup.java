package org.ccmkit.core.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableSortedSet;
import java.io.Serializable;
import org.immutables.value.Value;

/**
 * How a practice has set up its care-management programs: the programs it runs and the routes by
 * which patients reach the care team at any hour (rules reference §6.2). Checked once at program
 * set-up (PLAN-T03), not per patient. Value-based.
 *
 * @since 0.2.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePracticeSetup.class)
@JsonDeserialize(as = ImmutablePracticeSetup.class)
public abstract class PracticeSetup implements Serializable {
  private static final long serialVersionUID = 1L;

  PracticeSetup() {}

  /** The programs the practice runs, in enum order. */
  @Value.NaturalOrder
  public abstract ImmutableSortedSet<CareProgram> programs();

  /** The routes that reach the care team 24 hours a day, 7 days a week, in enum order. */
  @Value.NaturalOrder
  public abstract ImmutableSortedSet<AccessRoute> afterHoursAccess();

  /** Returns a new builder. */
  public static ImmutablePracticeSetup.Builder builder() {
    return ImmutablePracticeSetup.builder();
  }
}
