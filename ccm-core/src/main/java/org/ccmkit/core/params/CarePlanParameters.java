package org.ccmkit.core.params;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;
import java.io.Serializable;
import org.ccmkit.core.model.AccessRoute;
import org.ccmkit.core.model.CarePlanElement;
import org.ccmkit.core.model.CarePlanStatus;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.rule.Severity;
import org.immutables.value.Value;

/**
 * The comprehensive care plan and the program set-up (rules reference §6; PLAN-T01..T03). The
 * reference gives no review interval (UNCONFIRMED): the shipped default is 12 months. The issue
 * asks for findings to be warnings by default, where the reference's PLAN-T01 says "block billing":
 * {@link #severity()} chooses. Value-based.
 *
 * @since 0.2.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCarePlanParameters.class)
@JsonDeserialize(as = ImmutableCarePlanParameters.class)
public abstract class CarePlanParameters implements Serializable {
  private static final long serialVersionUID = 1L;

  CarePlanParameters() {}

  /**
   * The elements a plan must carry (present or explicitly not applicable), per program that needs a
   * care plan; a program not listed needs none.
   */
  @Value.NaturalOrder
  public abstract ImmutableSortedMap<CareProgram, ImmutableSortedSet<CarePlanElement>>
      requiredElements();

  /** The plan statuses under which a plan whose period touches the month counts for it. */
  @Value.NaturalOrder
  public abstract ImmutableSortedSet<CarePlanStatus> countedStatuses();

  /**
   * Months after the last review (else creation, else start) when the next review falls due, if the
   * plan does not schedule one itself.
   */
  public abstract int reviewIntervalMonths();

  /** Whether a record must show that a copy went to the patient or caregiver (PLAN-T02). */
  public abstract boolean copyToPatientRequired();

  /**
   * The severity of every care-plan finding: {@code WARNING} (the default: the month still bills)
   * or {@code ERROR} (the month does not bill).
   */
  public abstract Severity severity();

  /** The programs whose set-up needs a 24/7 access route (PLAN-T03). */
  @Value.NaturalOrder
  public abstract ImmutableSortedSet<CareProgram> afterHoursAccessRequired();

  /** The access routes that satisfy the 24/7 requirement (real-time routes). */
  @Value.NaturalOrder
  public abstract ImmutableSortedSet<AccessRoute> afterHoursRoutesCounted();

  /**
   * Returns the elements {@code program} requires, empty when it needs no care plan.
   *
   * @param program the program
   * @return the required elements
   */
  public ImmutableSortedSet<CarePlanElement> requiredFor(CareProgram program) {
    ImmutableSortedSet<CarePlanElement> s = requiredElements().get(program);
    return s != null ? s : ImmutableSortedSet.of();
  }

  /** Returns a new builder. */
  public static ImmutableCarePlanParameters.Builder builder() {
    return ImmutableCarePlanParameters.builder();
  }
}
