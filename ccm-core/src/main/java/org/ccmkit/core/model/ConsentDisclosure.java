package org.ccmkit.core.model;

import java.util.Locale;
import java.util.Optional;

/**
 * A disclosure the patient must be given before consenting to a care-management program (rules
 * reference §5). Its {@link #code()} is the code in the ccmkit code system {@value #SYSTEM}; which
 * disclosures a program requires is versioned data, not this enum.
 *
 * <p>The descriptions are ccmkit's own wording.
 *
 * @since 0.2.0
 */
public enum ConsentDisclosure {
  /** The service is available and what it involves. */
  SERVICE_AVAILABLE,
  /** Deductible and coinsurance apply to the service. */
  COST_SHARING,
  /** Only one practitioner can furnish and bill the service in a calendar month. */
  ONE_PRACTITIONER_PER_MONTH,
  /** The patient may stop at any time, effective at the end of the calendar month. */
  RIGHT_TO_STOP;

  /** The code system of consent disclosures, {@value}. */
  public static final String SYSTEM = "https://ccmkit.org/fhir/CodeSystem/consent-disclosure";

  /** Returns the code, e.g. {@code "one-practitioner-per-month"}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Returns the disclosure with the given code, ignoring case.
   *
   * @param code a disclosure code such as {@code "cost-sharing"}
   * @return the disclosure, or empty when the code is unknown
   */
  public static Optional<ConsentDisclosure> tryParse(String code) {
    String c = code.trim();
    for (ConsentDisclosure d : values()) {
      if (d.code().equalsIgnoreCase(c)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }
}
