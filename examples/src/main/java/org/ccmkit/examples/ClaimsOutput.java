package org.ccmkit.examples;

import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.ccmkit.billing.ClaimLine;
import org.ccmkit.billing.LineShare;
import org.ccmkit.billing.PatientShareEstimate;
import org.ccmkit.billing.PractitionerClaim;
import org.ccmkit.core.model.Code;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.fhir.r4.ClaimDraft;
import org.ccmkit.fhir.r4.R4Claims;
import org.ccmkit.fhir.r4.R4Ndjson;

/**
 * Writes {@code claims.ndjson}: the one place where the runner turns ccm-billing's claims into FHIR
 * {@code Claim}s.
 *
 * <p>Today ccm-fhir's {@link R4Claims} takes its own {@link ClaimDraft}, so this adapter converts
 * each billing {@link ClaimLine} into a draft line (the allowed unit price and the estimated
 * patient share, the high bound of the estimate). When {@code R4Claims} takes ccm-billing's claim
 * lines directly, only this class changes.
 */
final class ClaimsOutput {
  private ClaimsOutput() {}

  /**
   * Returns one FHIR Claim line (NDJSON, without newline) for a patient's claim by one
   * practitioner.
   *
   * @param patient the patient
   * @param month the service month
   * @param claim the practitioner's lines from ccm-billing
   * @param estimate the patient-share estimate of the patient-month
   * @param npi the billing practitioner's NPI, if known
   * @param coverage the Medicare coverage the claim goes to, if known
   * @param diagnoses the qualifying conditions as ICD-10-CM codes, in a stable order
   */
  static String toLine(
      PatientRef patient,
      YearMonth month,
      PractitionerClaim claim,
      PatientShareEstimate estimate,
      Optional<String> npi,
      Optional<SourceRef> coverage,
      ImmutableList<Code> diagnoses) {
    var draft =
        ClaimDraft.builder()
            .patient(patient)
            .billingPractitioner(claim.practitioner())
            .month(month)
            .diagnoses(diagnoses);
    npi.ifPresent(draft::billingNpi);
    coverage.ifPresent(draft::coverage);
    for (ClaimLine line : claim.lines()) {
      var l =
          org.ccmkit.fhir.r4.ClaimLine.builder()
              .code(code(line.code()))
              .units(line.units())
              .served(
                  line.servicePeriod()
                      .orElse(DateRange.ofClosed(line.serviceDate(), line.serviceDate())))
              .allowedUnitPrice(
                  line.unitAmount().map(m -> m.amount()).orElse(BigDecimal.ZERO.setScale(2)));
      share(line, estimate).ifPresent(l::estimatedPatientShare);
      draft.addLine(l.build());
    }
    LocalDate created = month.atEndOfMonth();
    return R4Ndjson.toLine(R4Claims.toClaim(draft.build(), created));
  }

  /** CPT codes are five digits; HCPCS Level II codes start with a letter. */
  static Code code(String code) {
    return Character.isLetter(code.charAt(0)) ? Code.of(Code.HCPCS, code) : Code.of(Code.CPT, code);
  }

  private static Optional<BigDecimal> share(ClaimLine line, PatientShareEstimate estimate) {
    for (LineShare s : estimate.lines()) {
      if (s.practitioner().equals(line.practitioner())
          && s.code().equals(line.code())
          && s.serviceDate().equals(line.serviceDate())) {
        return Optional.of(s.high().amount().setScale(2, RoundingMode.HALF_UP));
      }
    }
    return Optional.empty();
  }
}
