package org.ccmkit.examples;

import java.time.YearMonth;
import org.ccmkit.billing.BillingResult;
import org.ccmkit.fhir.r4.MappingResult;
import org.ccmkit.fhir.r4.R4Claims;
import org.ccmkit.fhir.r4.WrittenClaims;

/**
 * Turns one patient-month's billing result into FHIR {@code Claim}s for {@code claims.ndjson}: the
 * one place where the runner calls ccm-fhir's Claim writer. Claims are dated the last day of the
 * service month, so the output does not depend on the day the run happens.
 */
final class ClaimsOutput {
  private ClaimsOutput() {}

  /**
   * Returns the Claims of one patient-month and the notes the writer made (for example a qualifying
   * condition coded only in SNOMED CT, which a claim cannot carry).
   *
   * @param billing the billing result of the patient-month
   * @param mapping the mapping result the patient's record came from
   * @param month the service month
   */
  static WrittenClaims claims(BillingResult billing, MappingResult mapping, YearMonth month) {
    return R4Claims.toClaims(billing, mapping, month.atEndOfMonth());
  }
}
