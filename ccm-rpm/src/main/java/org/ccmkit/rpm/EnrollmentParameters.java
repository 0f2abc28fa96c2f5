package org.ccmkit.rpm;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableSortedSet;
import java.io.Serializable;
import org.immutables.value.Value;

/**
 * Who may be in RPM (rules reference §9.1, §9.2): RPM only for an established patient, and never
 * RPM and RTM for one patient at the same time. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableEnrollmentParameters.class)
@JsonDeserialize(as = ImmutableEnrollmentParameters.class)
public abstract class EnrollmentParameters implements Serializable {
  private static final long serialVersionUID = 1L;

  EnrollmentParameters() {}

  /** Whether RPM needs an established patient (CY2021 on). */
  public abstract boolean establishedPatientRequired();

  /**
   * How many days before the RPM start a finished visit with the billing practitioner makes the
   * patient established (the CPT new/established-patient definition uses three years).
   */
  public abstract int establishedLookbackDays();

  /** Whether RPM and RTM for one patient in one period is a conflict. */
  public abstract boolean rpmRtmConflict();

  /** The RTM codes whose claims show RTM activity (98975–98986, 98979–98981). */
  @Value.NaturalOrder
  public abstract ImmutableSortedSet<String> rtmCodes();

  /** Returns a new builder. */
  public static ImmutableEnrollmentParameters.Builder builder() {
    return ImmutableEnrollmentParameters.builder();
  }

  @Value.Check
  protected void check() {
    checkArgument(establishedLookbackDays() >= 0, "establishedLookbackDays must not be negative");
  }
}
