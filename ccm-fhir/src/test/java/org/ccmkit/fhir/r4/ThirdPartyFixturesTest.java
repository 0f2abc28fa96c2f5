package org.ccmkit.fhir.r4;

import static org.assertj.core.api.Assertions.assertThat;

import org.ccmkit.core.model.PatientRef;
import org.junit.jupiter.api.Test;

/**
 * The licensed subset of the shared data (see {@code fixtures/r4/thirdparty/NOTICE.md}) maps as the
 * full data sets do, so the module's tests do not need {@code ../shared}.
 */
class ThirdPartyFixturesTest {
  private static MappingResult map(String dir) {
    return R4Mapper.create().map(Fixtures.THIRD_PARTY.resolve(dir));
  }

  @Test
  void hl7Examples() {
    MappingResult r = map("hl7-r4-examples");
    assertThat(r.counts()).isEqualTo(MappingCounts.of(10, 5, 5, 0));
    assertThat(r.readings())
        .singleElement()
        .satisfies(x -> assertThat(x.values()).containsOnlyKeys("8462-4", "8480-6"));
    // the data-absent blood pressure, the privacy consent, the non-program episode, the
    // eligibility response without a deductible and the SNOMED-typed encounter are ignored
    assertThat(r.issues())
        .filteredOn(i -> i.effect() == IssueEffect.IGNORES)
        .extracting(MappingIssue::code)
        .containsExactlyInAnyOrder(
            MappingIssueCode.OUT_OF_SCOPE,
            MappingIssueCode.NO_CARE_PROGRAM,
            MappingIssueCode.NO_CARE_PROGRAM,
            MappingIssueCode.OUT_OF_SCOPE,
            MappingIssueCode.UNSUPPORTED_CODE);
  }

  @Test
  void usCoreExamples() {
    MappingResult r = map("us-core-8.0.0");
    assertThat(r.counts().rejected()).isZero();
    assertThat(r.record(PatientRef.of("example")).orElseThrow().coverages()).hasSize(1);
    assertThat(r.record(PatientRef.of("example")).orElseThrow().conditions()).hasSize(1);
    assertThat(r.readings()).hasSize(1);
  }

  @Test
  void mccCarePlanBundles() {
    MappingResult r = map("mcc-careplan");
    assertThat(r.counts().rejected()).isZero();
    assertThat(r.records())
        .singleElement()
        .satisfies(rec -> assertThat(rec.conditions()).isNotEmpty());
    assertThat(r.readings())
        .isNotEmpty()
        .allSatisfy(x -> assertThat(x.values()).containsOnlyKeys("8462-4", "8480-6"));
  }

  @Test
  void syntheaBulkSample() {
    MappingResult r = map("synthea-bulk");
    assertThat(r.counts().rejected()).isZero();
    assertThat(r.records())
        .singleElement()
        .satisfies(rec -> assertThat(rec.conditions()).hasSize(3));
    assertThat(r.practitioners()).hasSize(2).allMatch(p -> p.npi().isPresent());
  }
}
