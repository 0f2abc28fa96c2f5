package org.ccmkit.fhir.r4;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.ccmkit.core.model.Attestation;
import org.ccmkit.core.model.AttestationKind;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.Consent;
import org.ccmkit.core.model.ConsentStatus;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.model.Enrollment;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.model.SourceRef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** EpisodeOfCare (enrollments), Consent and attestation Observations. */
class ProgramMappingTest {
  private static MappingResult all;
  private static PatientRecord pat1;

  @BeforeAll
  static void mapAll() {
    all = R4Mapper.create().map(Fixtures.syntheticFiles());
    pat1 = all.record(PatientRef.of("pat-1")).orElseThrow();
  }

  private static <T> T find(
      java.util.List<T> items, java.util.function.Function<T, SourceRef> src, String id) {
    return items.stream().filter(i -> src.apply(i).id().equals(id)).findFirst().orElseThrow();
  }

  private static MappingIssueCode fate(String type, String id) {
    return all.issues().stream()
        .filter(i -> i.resource().equals(Optional.of(SourceRef.of(type, id))))
        .filter(i -> i.effect() != IssueEffect.NOTE)
        .findFirst()
        .orElseThrow()
        .code();
  }

  @Test
  void episodeOfCare_active_isAnOpenEnrollmentWithTheCareManagerBilling() {
    Enrollment e = find(pat1.enrollments(), Enrollment::source, "eoc-ccm");
    assertThat(e.program()).isEqualTo(CareProgram.CCM);
    assertThat(e.billingPractitioner()).isEqualTo(PractitionerRef.of("dr-1"));
    assertThat(e.period()).isEqualTo(DateRange.startingOn(LocalDate.of(2026, 1, 5)));
  }

  @Test
  void episodeOfCare_finished_endsOnTheLastDayEnrolled() {
    Enrollment e = find(pat1.enrollments(), Enrollment::source, "eoc-rpm");
    assertThat(e.program()).isEqualTo(CareProgram.RPM);
    assertThat(e.period())
        .isEqualTo(DateRange.ofClosed(LocalDate.of(2025, 10, 1), LocalDate.of(2026, 2, 28)));
  }

  @Test
  void episodeOfCare_planned_isIgnored() {
    assertThat(fate("EpisodeOfCare", "eoc-planned")).isEqualTo(MappingIssueCode.STATUS_NOT_COUNTED);
  }

  @Test
  void consent_active_isGivenToThePractitionerNotThePatient() {
    Consent c = find(pat1.consents(), Consent::source, "consent-ccm");
    assertThat(c.status()).isEqualTo(ConsentStatus.ACTIVE);
    assertThat(c.programs()).containsExactly(CareProgram.CCM);
    assertThat(c.givenDate()).isEqualTo(LocalDate.of(2026, 1, 5));
    assertThat(c.withdrawalDate()).isEmpty();
    assertThat(c.practitioner()).isEqualTo(PractitionerRef.of("dr-1"));
  }

  @Test
  void consent_withProvisionEnd_isWithdrawnWhateverItsStatus_andGivenOnProvisionStart() {
    Consent c = find(pat1.consents(), Consent::source, "consent-ccm-withdrawn");
    assertThat(c.status()).isEqualTo(ConsentStatus.ACTIVE);
    assertThat(c.givenDate()).isEqualTo(LocalDate.of(2025, 6, 1));
    assertThat(c.withdrawalDate()).contains(LocalDate.of(2026, 3, 10));
  }

  @Test
  void consent_rejectedAndInactive_keepTheirStatus() {
    assertThat(find(pat1.consents(), Consent::source, "consent-declined").status())
        .isEqualTo(ConsentStatus.REJECTED);
    Consent rpm = find(pat1.consents(), Consent::source, "consent-rpm-inactive");
    assertThat(rpm.status()).isEqualTo(ConsentStatus.INACTIVE);
    assertThat(rpm.programs()).containsExactly(CareProgram.RPM);
  }

  @Test
  void consent_privacyScope_isIgnored() {
    assertThat(fate("Consent", "consent-privacy")).isEqualTo(MappingIssueCode.OUT_OF_SCOPE);
  }

  @Test
  void consent_draft_isProposed() {
    String json =
        "{\"resourceType\":\"Consent\",\"id\":\"c\",\"status\":\"draft\","
            + "\"scope\":{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/consentscope\",\"code\":\"treatment\"}]},"
            + "\"category\":[{\"coding\":[{\"system\":\"https://ccmkit.org/fhir/CodeSystem/care-program\",\"code\":\"bhi\"}]}],"
            + "\"patient\":{\"reference\":\"Patient/pat-1\"},\"dateTime\":\"2026-03-01\","
            + "\"performer\":[{\"reference\":\"Practitioner/dr-1\"}]}";
    Consent c =
        Fixtures.mapWithPeople(json).record(PatientRef.of("pat-1")).orElseThrow().consents().get(0);
    assertThat(c.status()).isEqualTo(ConsentStatus.PROPOSED);
    assertThat(c.programs()).containsExactly(CareProgram.BHI);
  }

  @Test
  void attestation_significantRisk_isReadWithDatePerformerAndValue() {
    Attestation a = find(pat1.attestations(), Attestation::source, "att-risk");
    assertThat(a.kind()).isEqualTo(AttestationKind.SIGNIFICANT_RISK);
    assertThat(a.date()).isEqualTo(LocalDate.of(2026, 1, 5));
    assertThat(a.practitioner()).isEqualTo(PractitionerRef.of("dr-1"));
    assertThat(a.value()).isTrue();
  }

  @Test
  void attestation_complexMdm_isRead() {
    Attestation a = find(pat1.attestations(), Attestation::source, "att-mdm");
    assertThat(a.kind()).isEqualTo(AttestationKind.COMPLEX_MDM);
    assertThat(a.date()).isEqualTo(LocalDate.of(2026, 3, 20));
  }

  @Test
  void attestation_preliminary_isIgnored() {
    assertThat(fate("Observation", "att-prelim")).isEqualTo(MappingIssueCode.STATUS_NOT_COUNTED);
  }

  @Test
  void attestation_falseValue_recordsTheCriterionUnmet() {
    String json =
        "{\"resourceType\":\"Observation\",\"id\":\"o\",\"status\":\"final\","
            + "\"code\":{\"coding\":[{\"system\":\"https://ccmkit.org/fhir/CodeSystem/care-attestation\",\"code\":\"significant-risk\"}]},"
            + "\"subject\":{\"reference\":\"Patient/pat-1\"},\"effectivePeriod\":{\"start\":\"2026-02-01T08:00:00Z\"},"
            + "\"performer\":[{\"reference\":\"Practitioner/dr-1\"}],\"valueBoolean\":false}";
    Attestation a =
        Fixtures.mapWithPeople(json)
            .record(PatientRef.of("pat-1"))
            .orElseThrow()
            .attestations()
            .get(0);
    assertThat(a.value()).isFalse();
    assertThat(a.date()).isEqualTo(LocalDate.of(2026, 2, 1));
  }

  @Test
  void attestation_customStatuses_acceptAmended() {
    String json =
        "{\"resourceType\":\"Observation\",\"id\":\"o\",\"status\":\"amended\","
            + "\"code\":{\"coding\":[{\"system\":\"https://ccmkit.org/fhir/CodeSystem/care-attestation\",\"code\":\"complex-mdm\"}]},"
            + "\"subject\":{\"reference\":\"Patient/pat-1\"},\"effectiveDateTime\":\"2026-02-01\","
            + "\"performer\":[{\"reference\":\"Practitioner/dr-1\"}],\"valueBoolean\":true}";
    assertThat(Fixtures.inlineIssues(Fixtures.mapWithPeople(json)))
        .extracting(MappingIssue::code)
        .containsExactly(MappingIssueCode.STATUS_NOT_COUNTED);
    MappingOptions amended =
        MappingOptions.builder().attestationStatuses(java.util.Set.of("final", "amended")).build();
    assertThat(
            Fixtures.mapWithPeople(amended, json)
                .record(PatientRef.of("pat-1"))
                .orElseThrow()
                .attestations())
        .hasSize(1);
  }
}
