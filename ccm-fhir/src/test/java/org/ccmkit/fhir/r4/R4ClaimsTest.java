package org.ccmkit.fhir.r4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.validation.FhirValidator;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.ccmkit.core.model.Code;
import org.ccmkit.core.model.ConditionRecord;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.model.PatientRecord;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Period;
import org.junit.jupiter.api.Test;

/**
 * The experimental Claim writer over a draft built from the mapped CCM scenario. The amounts are
 * made-up test values, not fee-schedule figures.
 */
class R4ClaimsTest {
  static ClaimDraft draft() {
    MappingResult r = Fixtures.map("bundle-scenario-ccm-month.json");
    PatientRecord rec = r.records().get(0);
    return ClaimDraft.builder()
        .patient(rec.ref())
        .billingPractitioner(rec.enrollments().get(0).billingPractitioner())
        .billingNpi(r.practitioners().get(0).npi())
        .month(YearMonth.of(2026, 3))
        .coverage(rec.coverages().get(0).source())
        .diagnoses(
            rec.conditions().stream()
                .map(ConditionRecord::codes)
                .map(codes -> codes.first())
                .toList())
        .addLine(
            ClaimLine.builder()
                .code(Code.of(Code.CPT, "99490"))
                .units(1)
                .served(DateRange.ofClosed(LocalDate.of(2026, 3, 31), LocalDate.of(2026, 3, 31)))
                .allowedUnitPrice(new BigDecimal("60.00"))
                .estimatedPatientShare(new BigDecimal("12.00"))
                .build())
        .addLine(
            ClaimLine.builder()
                .code(Code.of(Code.CPT, "99454"))
                .units(1)
                .served(DateRange.ofClosed(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 31)))
                .allowedUnitPrice(new BigDecimal("45.50"))
                .build())
        .build();
  }

  @Test
  void claim_followsTheContract() {
    Claim c = R4Claims.toClaim(draft(), LocalDate.of(2026, 4, 1));
    assertThat(c.getUse()).isEqualTo(Claim.Use.CLAIM);
    assertThat(c.getType().getCodingFirstRep().getCode()).isEqualTo("professional");
    assertThat(c.getPatient().getReference())
        .isEqualTo("Patient/00000000-0000-4000-8000-000000000001");
    assertThat(c.getProvider().getReference())
        .isEqualTo("Practitioner/00000000-0000-4000-8000-000000000002");
    assertThat(c.getProvider().getIdentifier().getValue()).isEqualTo("1111111112");
    assertThat(c.getBillablePeriod().getStartElement().getValueAsString()).isEqualTo("2026-03-01");
    assertThat(c.getBillablePeriod().getEndElement().getValueAsString()).isEqualTo("2026-03-31");
    assertThat(c.getInsuranceFirstRep().getCoverage().getReference())
        .isEqualTo("Coverage/00000000-0000-4000-8000-000000000008");
    assertThat(c.getDiagnosis()).hasSize(3);
    assertThat(c.getItem().get(0).getProductOrService().getCodingFirstRep().getSystem())
        .isEqualTo(Code.CPT);
    assertThat(c.getItem().get(0).getServiced()).isInstanceOf(DateType.class);
    assertThat(c.getItem().get(1).getServiced()).isInstanceOf(Period.class);
    assertThat(c.getItem().get(0).getExtensionByUrl(R4Claims.PATIENT_SHARE_EXTENSION)).isNotNull();
    assertThat(c.getTotal().getValue()).isEqualByComparingTo("105.50");
    assertThat(R4Claims.toClaim(draft(), LocalDate.of(2026, 4, 1)).getId()).isEqualTo(c.getId());
  }

  @Test
  void claim_roundTripsAndPassesTheBaseR4StructureCheck() {
    Claim c = R4Claims.toClaim(draft(), LocalDate.of(2026, 4, 1));
    IParser parser =
        R4Mapper.sharedContext().newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    String line = R4Ndjson.toLine(c);
    assertThat(parser.parseResource(Claim.class, line).equalsDeep(c)).isTrue();
    FhirValidator v =
        R4Mapper.sharedContext()
            .newValidator()
            .setValidateAgainstStandardSchema(true)
            .setValidateAgainstStandardSchematron(false);
    assertThat(v.validateWithResult(c).getMessages()).isEmpty();
    GoldenFiles.assertMatches(line + "\n", Path.of("fhir-r4", "claim-ccm-month.ndjson"));
  }

  @Test
  void claimLine_rejectsNonBillingCodesAndZeroUnits() {
    assertThatThrownBy(
            () ->
                ClaimLine.builder()
                    .code(Code.snomed("1"))
                    .units(1)
                    .served(DateRange.ofClosed(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1)))
                    .allowedUnitPrice(BigDecimal.ONE)
                    .build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                ClaimLine.builder()
                    .code(Code.of(Code.CPT, "99490"))
                    .units(0)
                    .served(DateRange.ofClosed(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1)))
                    .allowedUnitPrice(BigDecimal.ONE)
                    .build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Optional.of(draft().currency())).contains("USD");
  }
}
