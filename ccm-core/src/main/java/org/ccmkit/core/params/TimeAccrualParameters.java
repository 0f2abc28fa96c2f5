package org.ccmkit.core.params;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableSortedSet;
import java.io.Serializable;
import org.ccmkit.core.model.StaffRole;
import org.immutables.value.Value;

/**
 * How care-management time is counted (rules reference §1.2, §13). Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableTimeAccrualParameters.class)
@JsonDeserialize(as = ImmutableTimeAccrualParameters.class)
public abstract class TimeAccrualParameters implements Serializable {
  private static final long serialVersionUID = 1L;

  TimeAccrualParameters() {}

  /** The roles whose time counts; anyone else's time is excluded with a reason. */
  @Value.NaturalOrder
  public abstract ImmutableSortedSet<StaffRole> countedRoles();

  /**
   * Whether a minute one person tagged to two programs is a conflict that counts for neither
   * (default true: "a minute belongs to exactly one program", CONC-T03).
   */
  public abstract boolean rejectMinutesTaggedToTwoPrograms();

  /** Returns a new builder. */
  public static ImmutableTimeAccrualParameters.Builder builder() {
    return ImmutableTimeAccrualParameters.builder();
  }
}
