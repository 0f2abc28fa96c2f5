package org.ccmkit.fhir.r4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.Map;
import org.ccmkit.core.json.CcmJson;
import org.ccmkit.core.model.AttestationKind;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.Code;
import org.ccmkit.core.model.CoverageKind;
import org.junit.jupiter.api.Test;

/** The options' defaults are the FHIR contract's; every one can be replaced, also from JSON. */
class MappingOptionsTest {
  private final MappingOptions d = MappingOptions.defaults();

  @Test
  void defaults_areTheContract() {
    assertThat(d.strict()).isFalse();
    assertThat(d.zone()).isEqualTo(ZoneId.of("America/New_York"));
    assertThat(d.careProgramSystem()).isEqualTo("https://ccmkit.org/fhir/CodeSystem/care-program");
    // The contract's six program codes, plus ccmkit's documented `rtm` (remote therapeutic
    // monitoring), which the RPM rules need to report an RPM/RTM conflict.
    assertThat(d.careProgramCodes())
        .containsOnly(
            Map.entry("ccm", CareProgram.CCM),
            Map.entry("pcm", CareProgram.PCM),
            Map.entry("rpm", CareProgram.RPM),
            Map.entry("bhi", CareProgram.BHI),
            Map.entry("apcm", CareProgram.APCM),
            Map.entry("tcm", CareProgram.TCM),
            Map.entry("rtm", CareProgram.RTM));
    assertThat(d.careActivitySystem())
        .isEqualTo("https://ccmkit.org/fhir/CodeSystem/care-activity");
    assertThat(d.interactiveActivityCodes()).containsExactly("interactive-communication");
    assertThat(d.attestationSystem())
        .isEqualTo("https://ccmkit.org/fhir/CodeSystem/care-attestation");
    assertThat(d.attestationCodes())
        .containsExactly(
            Map.entry("significant-risk", AttestationKind.SIGNIFICANT_RISK),
            Map.entry("complex-mdm", AttestationKind.COMPLEX_MDM));
    assertThat(d.attestationStatuses()).containsExactly("final");
    assertThat(d.taxonomySystem()).isEqualTo("http://nucc.org/provider-taxonomy");
    assertThat(d.practitionerTaxonomyPrefixes())
        .containsExactly("207", "208", "363L", "363A", "364S", "367A");
    assertThat(d.clinicalStaffTaxonomyPrefixes())
        .containsExactly("163W", "164W", "164X", "183500000X");
    assertThat(d.npiSystem()).isEqualTo("http://hl7.org/fhir/sid/us-npi");
    assertThat(d.mbiSystem()).isEqualTo("http://hl7.org/fhir/sid/us-mbi");
    assertThat(d.conditionCodeSystems()).containsExactly(Code.ICD10CM, Code.SNOMED);
    assertThat(d.soptSystem()).isEqualTo("https://nahdo.org/sopt");
    assertThat(d.coverageTypes())
        .containsExactly(
            Map.entry("1", CoverageKind.ORIGINAL_MEDICARE),
            Map.entry("12*", CoverageKind.ORIGINAL_MEDICARE),
            Map.entry("11*", CoverageKind.MEDICARE_ADVANTAGE),
            Map.entry("2*", CoverageKind.MEDICAID),
            Map.entry("523", CoverageKind.MEDIGAP));
    assertThat(d.coveragePlanClass()).isEqualTo("plan");
    assertThat(d.qmbPlanValue()).isEqualTo("QMB");
    assertThat(d.activeCoverageStatuses()).containsExactly("active");
    assertThat(d.deductibleBenefitCode()).isEqualTo("deductible");
    assertThat(d.enrollmentStatuses()).containsExactly("active", "onhold", "finished");
    assertThat(d.consentScope()).isEqualTo("treatment");
    assertThat(d.timeEntryStatuses()).containsExactly("completed");
    assertThat(d.billingCodeSystems()).containsExactly(Code.CPT, Code.HCPCS);
    assertThat(d.finishedVisitStatuses()).containsExactly("finished");
    assertThat(d.ignoredVisitStatuses()).containsExactly("cancelled");
    assertThat(d.priorClaimStatuses()).containsExactly("active");
    assertThat(d.readingSystem()).isEqualTo("http://loinc.org");
    assertThat(d.readingCodes())
        .containsExactly(
            Map.entry("85354-9", ReadingKind.BLOOD_PRESSURE),
            Map.entry("55284-4", ReadingKind.BLOOD_PRESSURE),
            Map.entry("8867-4", ReadingKind.HEART_RATE),
            Map.entry("29463-7", ReadingKind.BODY_WEIGHT),
            Map.entry("59408-5", ReadingKind.SPO2),
            Map.entry("2708-6", ReadingKind.SPO2),
            Map.entry("2339-0", ReadingKind.GLUCOSE),
            Map.entry("41653-7", ReadingKind.GLUCOSE));
    assertThat(d.systolicCode()).isEqualTo("8480-6");
    assertThat(d.diastolicCode()).isEqualTo("8462-4");
    assertThat(d.readingStatuses()).containsExactly("final", "amended", "corrected");
    assertThat(d.deferredTypes()).isEmpty();
    assertThat(d.carePlanIntents()).containsExactly("plan", "order");
  }

  @Test
  void options_roundTripThroughJson_andCanBeWrittenPartially() {
    assertThat(CcmJson.read(CcmJson.write(d), MappingOptions.class)).isEqualTo(d);
    MappingOptions partial =
        CcmJson.read("{\"zone\":\"America/Chicago\",\"strict\":true}", MappingOptions.class);
    assertThat(partial.zone()).isEqualTo(ZoneId.of("America/Chicago"));
    assertThat(partial.strict()).isTrue();
    assertThat(partial.readingCodes()).isEqualTo(d.readingCodes());
  }

  @Test
  void coverageTypePattern_withAStarInside_isRejected() {
    assertThatThrownBy(
            () -> MappingOptions.builder().coverageTypes(Map.of("1*2", CoverageKind.OTHER)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1*2");
  }

  @Test
  void customAttestationSystem_isRead() {
    MappingOptions o =
        MappingOptions.builder()
            .attestationSystem("urn:example:attest")
            .attestationCodes(Map.of("RISK", AttestationKind.SIGNIFICANT_RISK))
            .build();
    String json =
        "{\"resourceType\":\"Observation\",\"id\":\"o\",\"status\":\"final\","
            + "\"code\":{\"coding\":[{\"system\":\"urn:example:attest\",\"code\":\"RISK\"}]},"
            + "\"subject\":{\"reference\":\"Patient/pat-1\"},\"effectiveDateTime\":\"2026-02-01\","
            + "\"performer\":[{\"reference\":\"Practitioner/dr-1\"}],\"valueBoolean\":true}";
    assertThat(Fixtures.mapWithPeople(o, json).records().get(0).attestations())
        .singleElement()
        .satisfies(a -> assertThat(a.kind()).isEqualTo(AttestationKind.SIGNIFICANT_RISK));
  }

  @Test
  void customDeferredTypes_canIgnoreMore() {
    MappingOptions o = MappingOptions.builder().from(d).addDeferredType("Device").build();
    MappingResult r = R4Mapper.create(o).map(Fixtures.r4("device-bp-cuff.json"));
    assertThat(r.issues())
        .singleElement()
        .satisfies(i -> assertThat(i.code()).isEqualTo(MappingIssueCode.DEFERRED_TYPE));
  }

  @Test
  void toString_ofResultAndIssues_carryNoPhi() {
    MappingResult r = R4Mapper.create().map(Fixtures.syntheticFiles());
    String all = r + r.records().toString() + r.issues();
    assertThat(all)
        .doesNotContain("1950-04-12")
        .doesNotContain("1EG4TE5MK73")
        .doesNotContain("Synthetic")
        .doesNotContain("pharmacy");
  }
}
