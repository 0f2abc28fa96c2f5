package org.ccmkit.fhir.r4;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.ccmkit.billing.BillingInput;
import org.ccmkit.billing.PriorClaim;
import org.ccmkit.core.model.Coverage;
import org.ccmkit.core.model.CoverageKind;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.model.Money;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.model.SourceRef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Coverage, CoverageEligibilityResponse (deductible) and ExplanationOfBenefit (prior claims). */
class CoverageMappingTest {
  private static MappingResult all;
  private static PatientRecord pat1;

  @BeforeAll
  static void mapAll() {
    all = R4Mapper.create().map(Fixtures.syntheticFiles());
    pat1 = all.record(PatientRef.of("pat-1")).orElseThrow();
  }

  private static Coverage coverage(String id) {
    return pat1.coverages().stream()
        .filter(c -> c.source().id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void coverage_sopt121_isOriginalMedicareOpenEnded() {
    Coverage c = coverage("cov-medicare");
    assertThat(c.kind()).isEqualTo(CoverageKind.ORIGINAL_MEDICARE);
    assertThat(c.active()).isTrue();
    assertThat(c.period()).contains(DateRange.startingOn(LocalDate.of(2015, 4, 1)));
    assertThat(c.medigapPlan()).isEmpty();
    assertThat(c.qmb()).isFalse();
  }

  @Test
  void coverage_sopt523_isMedigapWithTheUpperCasedPlanLetter() {
    Coverage c = coverage("cov-medigap");
    assertThat(c.kind()).isEqualTo(CoverageKind.MEDIGAP);
    assertThat(c.medigapPlan()).contains("G");
    assertThat(c.period())
        .contains(DateRange.ofClosed(LocalDate.of(2015, 4, 1), LocalDate.of(2026, 12, 31)));
  }

  @Test
  void coverage_medicaidPlanQmb_marksQmb() {
    Coverage c = coverage("cov-medicaid");
    assertThat(c.kind()).isEqualTo(CoverageKind.MEDICAID);
    assertThat(c.qmb()).isTrue();
    assertThat(c.period()).isEmpty();
  }

  @Test
  void coverage_cancelled_isKeptInactive() {
    Coverage c = coverage("cov-ma");
    assertThat(c.kind()).isEqualTo(CoverageKind.MEDICARE_ADVANTAGE);
    assertThat(c.active()).isFalse();
  }

  @ParameterizedTest(name = "SOPT {0} -> {1}")
  @CsvSource({
    "1, ORIGINAL_MEDICARE",
    "12, ORIGINAL_MEDICARE",
    "121, ORIGINAL_MEDICARE",
    "11, MEDICARE_ADVANTAGE",
    "111, MEDICARE_ADVANTAGE",
    "2, MEDICAID",
    "29, MEDICAID",
    "523, MEDIGAP",
    "52, OTHER",
    "5, OTHER",
    "13, OTHER",
    "81, OTHER"
  })
  void coverage_soptDefaults_followTheContract(String sopt, CoverageKind kind) {
    String json =
        "{\"resourceType\":\"Coverage\",\"id\":\"c\",\"status\":\"active\","
            + "\"type\":{\"coding\":[{\"system\":\"https://nahdo.org/sopt\",\"code\":\""
            + sopt
            + "\"}]},\"beneficiary\":{\"reference\":\"Patient/pat-1\"},\"payor\":[{\"display\":\"x\"}]}";
    Coverage c =
        Fixtures.mapWithPeople(json)
            .record(PatientRef.of("pat-1"))
            .orElseThrow()
            .coverages()
            .get(0);
    assertThat(c.kind()).isEqualTo(kind);
  }

  @Test
  void coverage_customTypePatterns_replaceTheDefaults() {
    MappingOptions options =
        MappingOptions.builder()
            .soptSystem("urn:example:payer-type")
            .coverageTypes(java.util.Map.of("MCR*", CoverageKind.ORIGINAL_MEDICARE))
            .build();
    String json =
        "{\"resourceType\":\"Coverage\",\"id\":\"c\",\"status\":\"active\","
            + "\"type\":{\"coding\":[{\"system\":\"urn:example:payer-type\",\"code\":\"MCR-B\"}]},"
            + "\"beneficiary\":{\"reference\":\"Patient/pat-1\"},\"payor\":[{\"display\":\"x\"}]}";
    Coverage c =
        Fixtures.mapWithPeople(options, json)
            .record(PatientRef.of("pat-1"))
            .orElseThrow()
            .coverages()
            .get(0);
    assertThat(c.kind()).isEqualTo(CoverageKind.ORIGINAL_MEDICARE);
  }

  @Test
  void eligibilityResponse_deductible_isReadForItsCoverage() {
    DeductibleStatus d =
        all.deductibles().stream()
            .filter(x -> x.source().id().equals("elig-1"))
            .findFirst()
            .orElseThrow();
    assertThat(d.patient()).isEqualTo(PatientRef.of("pat-1"));
    assertThat(d.coverage()).contains(SourceRef.of("Coverage", "cov-medicare"));
    assertThat(d.coverageKind()).contains(CoverageKind.ORIGINAL_MEDICARE);
    assertThat(d.allowed()).contains(new BigDecimal("283.0"));
    assertThat(d.used()).contains(new BigDecimal("283.0"));
    assertThat(d.currency()).contains("USD");
    assertThat(d.met()).contains(true);
    assertThat(d.benefitPeriod())
        .contains(DateRange.ofClosed(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
  }

  @Test
  void explanationOfBenefit_givesOneBillingPriorClaimPerCptLine_withTheProviderNpi() {
    List<PriorClaim> claims =
        all.priorClaims().stream().filter(x -> x.source().id().equals("eob-ccm")).toList();
    assertThat(claims).hasSize(1);
    PriorClaim c = claims.get(0);
    assertThat(c.patient()).isEqualTo(PatientRef.of("pat-1"));
    // the provider is an NPI of no Practitioner read: another practitioner, named by the NPI
    assertThat(c.practitioner()).isEqualTo(PractitionerRef.of("npi-1999999984"));
    assertThat(c.code()).isEqualTo("99490");
    assertThat(c.units()).isEqualTo(1);
    assertThat(c.paid()).isTrue();
    assertThat(c.servicePeriod())
        .isEqualTo(DateRange.ofClosed(LocalDate.of(2026, 2, 27), LocalDate.of(2026, 2, 27)));
    assertThat(c.touches(YearMonth.of(2026, 2))).isTrue();
    assertThat(all.priorClaims(PatientRef.of("pat-1"))).contains(c);
  }

  @Test
  void deductibleRemaining_andTheBillingInput_comeFromTheMapping() {
    PatientRef p = PatientRef.of("pat-1");
    assertThat(all.deductibles(p)).isNotEmpty();
    // the fixture's deductible (283.0) is fully used
    assertThat(all.deductibleRemaining(p, YearMonth.of(2026, 3))).contains(Money.usd("0"));
    assertThat(all.deductibleRemaining(p, YearMonth.of(2027, 3))).isEmpty();
    BillingInput in = all.billingInput(p, YearMonth.of(2026, 3)).build();
    assertThat(in.record()).isEqualTo(all.record(p).orElseThrow());
    assertThat(in.priorClaims()).containsExactlyInAnyOrderElementsOf(all.priorClaims(p));
    assertThat(in.deductibleRemaining()).contains(Money.usd("0"));
  }

  private static String eob(String id, String provider, String outcome, String item) {
    return "{\"resourceType\":\"ExplanationOfBenefit\",\"id\":\""
        + id
        + "\",\"status\":\"active\",\"outcome\":\""
        + outcome
        + "\",\"patient\":{\"reference\":\"Patient/pat-1\"},\"provider\":"
        + provider
        + ",\"billablePeriod\":{\"start\":\"2026-03-01\",\"end\":\"2026-03-31\"},\"item\":["
        + item
        + "]}";
  }

  @Test
  void explanationOfBenefit_resolvesTheProvider_readsUnits_fallsBackToTheBillablePeriod() {
    String item =
        "{\"sequence\":1,\"productOrService\":{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\","
            + "\"code\":\"99439\"}]},\"quantity\":{\"value\":2}}";
    String json =
        "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":"
            + eob("eob-ref", "{\"reference\":\"Practitioner/dr-1\"}", "complete", item)
            + "},{\"resource\":"
            + eob(
                "eob-npi",
                "{\"identifier\":{\"system\":\"http://hl7.org/fhir/sid/us-npi\",\"value\":\"1234567893\"}}",
                "queued",
                item)
            + "}]}";
    MappingResult r = Fixtures.mapWithPeople(json);
    assertThat(r.priorClaims()).hasSize(2);
    for (PriorClaim c : r.priorClaims()) {
      // a Practitioner reference, or the NPI of a Practitioner that was read
      assertThat(c.practitioner()).isEqualTo(PractitionerRef.of("dr-1"));
      assertThat(c.code()).isEqualTo("99439");
      assertThat(c.units()).isEqualTo(2);
      assertThat(c.servicePeriod())
          .isEqualTo(DateRange.ofClosed(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)));
    }
    assertThat(r.priorClaims())
        .filteredOn(c -> c.source().id().equals("eob-npi"))
        .singleElement()
        .satisfies(c -> assertThat(c.paid()).isFalse());
    assertThat(r.priorClaims())
        .filteredOn(c -> c.source().id().equals("eob-ref"))
        .singleElement()
        .satisfies(c -> assertThat(c.paid()).isTrue());
  }
}
