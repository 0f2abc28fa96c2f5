package org.ccmkit.core.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A patient's comprehensive care plan (FHIR {@code CarePlan} with its {@code Goal}s and {@code
 * CareTeam}; rules reference §6): its status and period, when it was created and last reviewed,
 * when the next review is due, the state of each of the nine CMS elements, and when a copy went to
 * the patient or caregiver. Which FHIR field carries each element is documented in {@code
 * docs/fhir-mapping.md}. Value-based.
 *
 * @since 0.2.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCarePlanRecord.class)
@JsonDeserialize(as = ImmutableCarePlanRecord.class)
public abstract class CarePlanRecord implements Serializable {
  private static final long serialVersionUID = 1L;

  CarePlanRecord() {}

  /** The resource the plan came from. */
  public abstract SourceRef source();

  /** The patient. */
  public abstract PatientRef patient();

  /** The state of the plan. */
  public abstract CarePlanStatus status();

  /** The period the plan covers: start (from {@code period.start}, else created), optional end. */
  public abstract DateRange period();

  /** The date the plan was created, when recorded. */
  public abstract Optional<LocalDate> created();

  /** The date the plan was last reviewed, when recorded. */
  public abstract Optional<LocalDate> lastReviewed();

  /** The date the next review is due (element 9), when the plan schedules one. */
  public abstract Optional<LocalDate> nextReview();

  /** The date a copy of the plan went to the patient or caregiver, when recorded (§6.2). */
  public abstract Optional<LocalDate> sharedWithPatient();

  /** The state of each element the plan speaks to, in element order; absent = missing. */
  @Value.NaturalOrder
  public abstract ImmutableSortedMap<CarePlanElement, ElementState> elements();

  /** The members of the plan's care team who are practitioners, by id. */
  @Value.NaturalOrder
  public abstract ImmutableSortedSet<PractitionerRef> careTeam();

  /**
   * Returns the state of {@code element}: the one recorded, else missing with no source.
   *
   * @param element an element
   * @return its state
   */
  public ElementState element(CarePlanElement element) {
    ElementState s = elements().get(element);
    return s != null ? s : ElementState.of(ElementStatus.MISSING, ImmutableSortedSet.of());
  }

  /** Returns a new builder. */
  public static ImmutableCarePlanRecord.Builder builder() {
    return ImmutableCarePlanRecord.builder();
  }
}
