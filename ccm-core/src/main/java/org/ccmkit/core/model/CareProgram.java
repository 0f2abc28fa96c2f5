package org.ccmkit.core.model;

import java.util.Locale;
import java.util.Optional;

/**
 * A Medicare care-management program. Its {@link #code()} is the code of the program in the ccmkit
 * code system {@code https://ccmkit.org/fhir/CodeSystem/care-program}.
 *
 * @since 0.1.0
 */
public enum CareProgram {
  /** Chronic care management (two or more chronic conditions). */
  CCM,
  /** Principal care management (one complex chronic condition). */
  PCM,
  /** Remote physiologic monitoring. */
  RPM,
  /** General behavioral health integration. */
  BHI,
  /** Advanced primary care management. */
  APCM,
  /** Transitional care management. */
  TCM,
  /**
   * Remote therapeutic monitoring (CPT 98975–98986). Not one of the programs ccmkit bills; it is
   * known so that its conflict with {@link #RPM} can be reported (rules reference §9.1, §9.2).
   */
  RTM;

  /** The code system of care programs, {@value}. */
  public static final String SYSTEM = "https://ccmkit.org/fhir/CodeSystem/care-program";

  /** Returns the lower-case code, e.g. {@code "ccm"}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the program with the given code, ignoring case.
   *
   * @param code a program code such as {@code "ccm"}
   * @return the program, or empty when the code is unknown
   */
  public static Optional<CareProgram> tryParse(String code) {
    for (CareProgram p : values()) {
      if (p.name().equalsIgnoreCase(code.trim())) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
