package org.ccmkit.core.model;

/**
 * What a practitioner attests (code system {@code
 * https://ccmkit.org/fhir/CodeSystem/care-attestation}).
 *
 * @since 0.1.0
 */
public enum AttestationKind {
  /**
   * The patient's conditions place them at significant risk of death, acute exacerbation or
   * functional decline; holds from its date on.
   */
  SIGNIFICANT_RISK,
  /** Moderate or high complexity medical decision making, for the calendar month it falls in. */
  COMPLEX_MDM
}
