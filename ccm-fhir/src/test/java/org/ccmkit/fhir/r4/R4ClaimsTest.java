package org.ccmkit.fhir.r4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.validation.FhirValidator;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import org.ccmkit.billing.BilledFrom;
import org.ccmkit.billing.BillingInput;
import org.ccmkit.billing.BillingResult;
import org.ccmkit.billing.CcmBillingRules;
import org.ccmkit.billing.ClaimLine;
import org.ccmkit.billing.LineShare;
import org.ccmkit.billing.PatientShareEstimate;
import org.ccmkit.billing.PractitionerClaim;
import org.ccmkit.billing.ShareBasis;
import org.ccmkit.core.model.Code;
import org.ccmkit.core.model.ConditionRecord;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.model.Money;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.core.rule.EvaluationContext;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Period;
import org.junit.jupiter.api.Test;

/**
 * The Claim writer over ccm-billing's output: a result the standard engine computes from the mapped
 * CCM scenario, and a hand-built result (made-up amounts, not fee-schedule figures) that exercises
 * HCPCS codes, service periods, lines on file, the share extension and a SNOMED-only condition.
 */
class R4ClaimsTest {
  static final YearMonth MARCH = YearMonth.of(2026, 3);
  static final LocalDate CREATED = LocalDate.of(2026, 4, 1);
  static final PractitionerRef DOCTOR = PractitionerRef.of("00000000-0000-4000-8000-000000000002");

  static MappingResult scenario() {
    return Fixtures.map("bundle-scenario-ccm-month.json");
  }

  static BillingResult engineResult(MappingResult mapping) {
    PatientRecord rec = mapping.records().get(0);
    return CcmBillingRules.standard()
        .evaluate(
            BillingInput.of(rec, MARCH),
            EvaluationContext.endOf(MARCH, ZoneId.of("America/New_York")));
  }

  static ClaimLine line(String code, LocalDate day, String unit, boolean onFile) {
    org.ccmkit.billing.ImmutableClaimLine.Builder b =
        ClaimLine.builder()
            .practitioner(DOCTOR)
            .code(code)
            .group(code)
            .units(1)
            .serviceDate(day)
            .billedFrom(BilledFrom.TIME)
            .unitAmount(Money.usd(unit))
            .allowed(Money.usd(unit));
    if (onFile) {
      b.onFile(SourceRef.of("ExplanationOfBenefit", "eob-1"));
    }
    return b.build();
  }

  /** A hand-built result: 99490 on a day, G0511 on a day, 99454 over a period, 99439 on file. */
  static BillingResult handBuilt(PatientRecord rec) {
    ClaimLine ccm = line("99490", LocalDate.of(2026, 3, 31), "60.00", false);
    ClaimLine fqhc = line("G0511", LocalDate.of(2026, 3, 31), "70.00", false);
    ClaimLine device =
        ClaimLine.builder()
            .from(line("99454", LocalDate.of(2026, 3, 31), "45.50", false))
            .billedFrom(BilledFrom.EXTERNAL)
            .servicePeriod(DateRange.ofClosed(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 31)))
            .build();
    ClaimLine onFile = line("99439", LocalDate.of(2026, 3, 31), "40.00", true);
    return BillingResult.builder()
        .patient(rec.ref())
        .month(MARCH)
        .catalogVersion("test")
        .parametersVersion("test")
        .addClaim(
            PractitionerClaim.builder()
                .practitioner(DOCTOR)
                .lines(List.of(device, ccm, onFile, fqhc))
                .totalAllowed(Money.usd("215.50"))
                .build())
        .estimate(
            PatientShareEstimate.builder()
                .basis(ShareBasis.ORIGINAL_MEDICARE)
                .estimated(true)
                .patientMayBeBilled(true)
                .addLine(
                    LineShare.builder()
                        .practitioner(DOCTOR)
                        .code("99490")
                        .serviceDate(LocalDate.of(2026, 3, 31))
                        .allowed(Money.usd("60.00"))
                        .low(Money.usd("12.00"))
                        .high(Money.usd("60.00"))
                        .build())
                .totalAllowed(Money.usd("175.50"))
                .low(Money.usd("12.00"))
                .high(Money.usd("60.00"))
                .build())
        .build();
  }

  static PatientRecord withSnomedOnlyCondition(PatientRecord rec) {
    return PatientRecord.builder()
        .from(rec)
        .addCondition(
            ConditionRecord.builder()
                .source(SourceRef.of("Condition", "zz-snomed-only"))
                .patient(rec.ref())
                .addCode(Code.snomed("44054006"))
                .clinicalStatus(org.ccmkit.core.model.ClinicalStatus.ACTIVE)
                .build())
        .build();
  }

  @Test
  void engineResult_givesOneClaimPerPractitionerFollowingTheContract() {
    MappingResult mapping = scenario();
    BillingResult billing = engineResult(mapping);
    assertThat(billing.claims()).isNotEmpty();
    WrittenClaims written = R4Claims.toClaims(billing, mapping, CREATED);
    assertThat(written.claims()).hasSize(billing.claims().size());
    Claim c = written.claims().get(0);
    PractitionerClaim pc = billing.claims().get(0);
    assertThat(c.getIdPart())
        .isEqualTo(R4Claims.claimId(billing.patient(), pc.practitioner(), MARCH));
    assertThat(c.getUse()).isEqualTo(Claim.Use.CLAIM);
    assertThat(c.getType().getCodingFirstRep().getCode()).isEqualTo("professional");
    assertThat(c.getPatient().getReference()).isEqualTo(billing.patient().toString());
    assertThat(c.getProvider().getReference()).isEqualTo(pc.practitioner().toString());
    assertThat(c.getBillablePeriod().getStartElement().getValueAsString()).isEqualTo("2026-03-01");
    assertThat(c.getBillablePeriod().getEndElement().getValueAsString()).isEqualTo("2026-03-31");
    assertThat(c.getInsuranceFirstRep().getCoverage().getReference()).startsWith("Coverage/");
    assertThat(c.getDiagnosis())
        .allSatisfy(
            d ->
                assertThat(d.getDiagnosisCodeableConcept().getCodingFirstRep().getSystem())
                    .isEqualTo(Code.ICD10CM));
    assertThat(c.getDiagnosis()).isNotEmpty();
    assertThat(c.getItem()).hasSize(pc.lines().size());
    for (int i = 0; i < pc.lines().size(); i++) {
      ClaimLine l = pc.lines().get(i);
      Claim.ItemComponent item = c.getItem().get(i);
      assertThat(item.getProductOrService().getCodingFirstRep().getCode()).isEqualTo(l.code());
      assertThat(item.getQuantity().getValue().intValue()).isEqualTo(l.units());
      l.allowed()
          .ifPresent(a -> assertThat(item.getNet().getValue()).isEqualByComparingTo(a.amount()));
    }
    assertThat(written.issues()).isEmpty();
    assertRoundTripsAndValidates(c);
  }

  @Test
  void handBuiltResult_mapsCodesPeriodsSharesAndLeavesOutLinesOnFile() {
    PatientRecord rec = scenario().records().get(0);
    WrittenClaims written =
        R4Claims.toClaims(handBuilt(rec), rec, scenario().practitioners(), CREATED);
    assertThat(written.claims()).hasSize(1);
    Claim c = written.claims().get(0);
    assertThat(c.getProvider().getIdentifier().getValue()).isEqualTo("1111111112");
    assertThat(c.getInsuranceFirstRep().getCoverage().getReference())
        .isEqualTo("Coverage/00000000-0000-4000-8000-000000000008");
    assertThat(c.getDiagnosis()).hasSize(3);
    assertThat(
            c.getItem().stream()
                .map(i -> i.getProductOrService().getCodingFirstRep())
                .map(k -> k.getCode() + "@" + k.getSystem())
                .collect(Collectors.toList()))
        .containsExactly("99454@" + Code.CPT, "99490@" + Code.CPT, "G0511@" + Code.HCPCS);
    assertThat(c.getItem().get(0).getServiced()).isInstanceOf(Period.class);
    assertThat(c.getItem().get(1).getServiced()).isInstanceOf(DateType.class);
    assertThat(c.getItem().get(1).getUnitPrice().getValue()).isEqualByComparingTo("60.00");
    Extension share = c.getItem().get(1).getExtensionByUrl(R4Claims.PATIENT_SHARE_EXTENSION);
    assertThat(share).isNotNull();
    assertThat(share.getExtensionByUrl("low").getValue())
        .isInstanceOf(org.hl7.fhir.r4.model.Money.class);
    assertThat(c.getItem().get(0).getExtensionByUrl(R4Claims.PATIENT_SHARE_EXTENSION)).isNull();
    assertThat(c.getTotal().getValue()).isEqualByComparingTo("175.50");
    assertRoundTripsAndValidates(c);
    GoldenFiles.assertMatches(
        R4Ndjson.toLine(c) + "\n", Path.of("fhir-r4", "claim-ccm-month.ndjson"));
  }

  @Test
  void snomedOnlyCondition_isLeftOffWithAWarning_andMissingCoverageGetsThePlaceholder() {
    PatientRecord rec = withSnomedOnlyCondition(scenario().records().get(0));
    PatientRecord noCoverage = PatientRecord.builder().from(rec).coverages(List.of()).build();
    WrittenClaims written = R4Claims.toClaims(handBuilt(rec), noCoverage, List.of(), CREATED);
    Claim c = written.claims().get(0);
    assertThat(c.getDiagnosis()).hasSize(3);
    assertThat(written.issues()).hasSize(1);
    MappingIssue issue = written.issues().get(0);
    assertThat(issue.code()).isEqualTo(MappingIssueCode.DIAGNOSIS_NEEDS_ICD10CM);
    assertThat(issue.severity()).isEqualTo(org.ccmkit.core.rule.Severity.WARNING);
    assertThat(issue.resource()).contains(SourceRef.of("Condition", "zz-snomed-only"));
    assertThat(R4Outcomes.toOperationOutcome(issue).getIssueFirstRep().getSeverity().toCode())
        .isEqualTo("warning");
    assertThat(c.getInsuranceFirstRep().getCoverage().getDisplay())
        .isEqualTo(R4Claims.COVERAGE_NOT_ON_FILE);
    assertThat(c.getProvider().hasIdentifier()).isFalse();
    assertRoundTripsAndValidates(c);
  }

  @Test
  void ids_areDeterministic_andTheRecordMustMatch() {
    MappingResult mapping = scenario();
    PatientRecord rec = mapping.records().get(0);
    BillingResult b = handBuilt(rec);
    assertThat(R4Claims.toClaims(b, mapping, CREATED).claims().get(0).getIdPart())
        .isEqualTo(R4Claims.toClaims(b, mapping, CREATED.plusDays(3)).claims().get(0).getIdPart())
        .doesNotContain(rec.ref().id());
    PatientRecord other =
        PatientRecord.builder()
            .patient(
                org.ccmkit.core.model.Patient.builder()
                    .source(SourceRef.of("Patient", "other"))
                    .ref(org.ccmkit.core.model.PatientRef.of("other"))
                    .build())
            .build();
    assertThatThrownBy(() -> R4Claims.toClaims(b, other, List.of(), CREATED))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static void assertRoundTripsAndValidates(Claim c) {
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
  }
}
