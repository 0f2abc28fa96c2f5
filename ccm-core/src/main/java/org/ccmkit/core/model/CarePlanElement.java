package org.ccmkit.core.model;

import java.util.Locale;
import java.util.Optional;

/**
 * One of the nine elements CMS lists for a comprehensive CCM/PCM care plan (rules reference §6.1).
 * Its {@link #code()} is the code in the ccmkit code system {@value #SYSTEM}; which elements a
 * program requires is versioned data, not this enum. The descriptions are ccmkit's own wording.
 *
 * @since 0.2.0
 */
public enum CarePlanElement {
  /** 1. The problem list: the coded conditions the plan addresses. */
  PROBLEM_LIST,
  /** 2. Expected outcome and prognosis. */
  EXPECTED_OUTCOME,
  /** 3. Measurable treatment goals (a target and a due date). */
  MEASURABLE_GOALS,
  /** 4. Symptom management. */
  SYMPTOM_MANAGEMENT,
  /** 5. Planned interventions and the individual responsible for each. */
  PLANNED_INTERVENTIONS,
  /** 6. Medication management. */
  MEDICATION_MANAGEMENT,
  /** 7. Community and social services ordered. */
  COMMUNITY_SERVICES,
  /** 8. How outside agencies and specialists are directed and coordinated. */
  CARE_COORDINATION,
  /** 9. The schedule for periodic review and, when applicable, revision. */
  REVIEW_SCHEDULE;

  /** The code system of care-plan elements, {@value}. */
  public static final String SYSTEM = "https://ccmkit.org/fhir/CodeSystem/care-plan-element";

  /** Returns the code, e.g. {@code "measurable-goals"}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Returns the element with the given code, ignoring case.
   *
   * @param code an element code such as {@code "problem-list"}
   * @return the element, or empty when the code is unknown
   */
  public static Optional<CarePlanElement> tryParse(String code) {
    String c = code.trim();
    for (CarePlanElement e : values()) {
      if (e.code().equalsIgnoreCase(c)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
