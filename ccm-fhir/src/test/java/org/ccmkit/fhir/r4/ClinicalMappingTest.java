package org.ccmkit.fhir.r4;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.ClinicalStatus;
import org.ccmkit.core.model.Code;
import org.ccmkit.core.model.ConditionRecord;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.core.model.StaffRole;
import org.ccmkit.core.model.TimeEntry;
import org.ccmkit.core.model.VerificationStatus;
import org.ccmkit.core.model.Visit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Condition, Procedure (time entries) and Encounter (visits), over the synthetic fixtures. */
class ClinicalMappingTest {
  private static MappingResult all;
  private static PatientRecord pat1;

  @BeforeAll
  static void mapAll() {
    all = R4Mapper.create().map(Fixtures.syntheticFiles());
    pat1 = all.record(PatientRef.of("pat-1")).orElseThrow();
  }

  private static ConditionRecord condition(String id) {
    return pat1.conditions().stream()
        .filter(c -> c.source().id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  private static TimeEntry entry(String id) {
    return pat1.timeEntries().stream()
        .filter(c -> c.source().id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  private static Visit visit(String id) {
    return pat1.visits().stream().filter(c -> c.source().id().equals(id)).findFirst().orElseThrow();
  }

  private static MappingIssue issueOf(String type, String id) {
    return all.issues().stream()
        .filter(i -> i.resource().equals(java.util.Optional.of(SourceRef.of(type, id))))
        .filter(i -> i.effect() != IssueEffect.NOTE)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void condition_icd10AndSnomed_keepsBothCodesNormalised() {
    ConditionRecord c = condition("cond-dm");
    assertThat(c.codes()).containsExactly(Code.icd10cm("E11.9"), Code.snomed("44054006"));
    assertThat(c.clinicalStatus()).isEqualTo(ClinicalStatus.ACTIVE);
    assertThat(c.verificationStatus()).isEqualTo(VerificationStatus.CONFIRMED);
    assertThat(c.onset()).contains(LocalDate.of(2015, 6, 1));
    assertThat(c.abatement()).isEmpty();
    assertThat(c.abatedWithoutDate()).isFalse();
  }

  @Test
  void condition_resolved_readsOnsetPeriodAndAbatement() {
    ConditionRecord c = condition("cond-htn");
    assertThat(c.clinicalStatus()).isEqualTo(ClinicalStatus.RESOLVED);
    assertThat(c.verificationStatus()).isEqualTo(VerificationStatus.UNKNOWN);
    assertThat(c.onset()).contains(LocalDate.of(2010, 1, 1));
    assertThat(c.abatement()).contains(LocalDate.of(2025, 12, 31));
  }

  @Test
  void condition_refuted_isKeptWithItsStatus() {
    assertThat(condition("cond-refuted").verificationStatus())
        .isEqualTo(VerificationStatus.REFUTED);
  }

  @Test
  void condition_abatementAge_isAbatedWithoutDate() {
    ConditionRecord c = condition("cond-age");
    assertThat(c.abatedWithoutDate()).isTrue();
    assertThat(c.abatement()).isEmpty();
    assertThat(c.clinicalStatus()).isEqualTo(ClinicalStatus.INACTIVE);
  }

  @Test
  void condition_enteredInError_isIgnored() {
    assertThat(issueOf("Condition", "cond-eie").code())
        .isEqualTo(MappingIssueCode.ENTERED_IN_ERROR);
  }

  @Test
  void condition_textOnly_isIgnoredAsUnsupportedCode() {
    assertThat(issueOf("Condition", "cond-text").code())
        .isEqualTo(MappingIssueCode.UNSUPPORTED_CODE);
  }

  @Test
  void condition_customCodeSystems_keepOnlyThose() {
    String json =
        "{\"resourceType\":\"Condition\",\"id\":\"c\",\"subject\":{\"reference\":\"Patient/pat-1\"},"
            + "\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"38341003\"},"
            + "{\"system\":\"urn:oid:2.16.840.1.113883.6.90\",\"code\":\"i10\"}]}}";
    MappingResult r =
        Fixtures.mapWithPeople(
            MappingOptions.builder().conditionCodeSystems(java.util.List.of(Code.ICD10CM)).build(),
            json);
    ConditionRecord c = r.record(PatientRef.of("pat-1")).orElseThrow().conditions().get(0);
    assertThat(c.codes()).containsExactly(Code.icd10cm("I10")); // OID alias, upper-cased
    assertThat(c.clinicalStatus()).isEqualTo(ClinicalStatus.UNKNOWN);
  }

  @Test
  void procedure_completedCcm_isATimeEntryOfWholeMinutes() {
    TimeEntry e = entry("te-1");
    assertThat(e.program()).isEqualTo(CareProgram.CCM);
    assertThat(e.performer()).isEqualTo(PractitionerRef.of("rn-1"));
    assertThat(e.performerRole()).isEqualTo(StaffRole.CLINICAL_STAFF);
    assertThat(e.start()).isEqualTo(Instant.parse("2026-03-03T15:00:00Z"));
    assertThat(e.end()).isEqualTo(Instant.parse("2026-03-03T15:25:40Z"));
    assertThat(e.wholeMinutes()).isEqualTo(25);
    assertThat(e.interactive()).isFalse();
    assertThat(e.activity())
        .contains(Code.of(MappingOptions.CARE_ACTIVITY_SYSTEM, "care-coordination"));
    assertThat(e.note()).isPresent();
    assertThat(e.toString()).doesNotContain("pharmacy");
  }

  @Test
  void procedure_byPractitionerRole_countsInTheRolesRoleAndIsInteractive() {
    TimeEntry e = entry("te-2");
    assertThat(e.program()).isEqualTo(CareProgram.RPM);
    assertThat(e.performer()).isEqualTo(PractitionerRef.of("lpn-1"));
    assertThat(e.performerRole()).isEqualTo(StaffRole.CLINICAL_STAFF);
    assertThat(e.interactive()).isTrue();
    assertThat(e.wholeMinutes()).isEqualTo(21);
  }

  @Test
  void procedure_byFrontDesk_isKeptWithRoleOther() {
    assertThat(entry("te-3").performerRole()).isEqualTo(StaffRole.OTHER);
  }

  @Test
  void procedure_notDone_isIgnored() {
    assertThat(issueOf("Procedure", "te-4").code()).isEqualTo(MappingIssueCode.STATUS_NOT_COUNTED);
  }

  @Test
  void procedure_withoutCareProgram_isIgnoredAsClinicalData() {
    assertThat(issueOf("Procedure", "proc-colonoscopy").code())
        .isEqualTo(MappingIssueCode.NO_CARE_PROGRAM);
  }

  @Test
  void procedure_performerNotAmongInputs_isKeptWithRoleOtherAndAWarning() {
    String json =
        "{\"resourceType\":\"Procedure\",\"id\":\"p\",\"status\":\"completed\","
            + "\"category\":{\"coding\":[{\"system\":\"https://ccmkit.org/fhir/CodeSystem/care-program\",\"code\":\"pcm\"}]},"
            + "\"subject\":{\"reference\":\"Patient/pat-1\"},"
            + "\"performedPeriod\":{\"start\":\"2026-03-01T10:00:00Z\",\"end\":\"2026-03-01T10:30:00Z\"},"
            + "\"performer\":[{\"actor\":{\"reference\":\"https://ehr.example.org/fhir/Practitioner/ghost/_history/3\"}}]}";
    MappingResult r = Fixtures.mapWithPeople(json);
    TimeEntry e = r.record(PatientRef.of("pat-1")).orElseThrow().timeEntries().get(0);
    assertThat(e.performer()).isEqualTo(PractitionerRef.of("ghost"));
    assertThat(e.performerRole()).isEqualTo(StaffRole.OTHER);
    assertThat(e.program()).isEqualTo(CareProgram.PCM);
    assertThat(Fixtures.inlineIssues(r))
        .extracting(MappingIssue::code)
        .containsExactly(MappingIssueCode.PRACTITIONER_NOT_FOUND);
  }

  @Test
  void procedure_customCareProgramSystem_isRead() {
    MappingOptions options =
        MappingOptions.builder()
            .careProgramSystem("urn:example:programs")
            .putCareProgramCode("CHRONIC", CareProgram.CCM)
            .build();
    String json =
        "{\"resourceType\":\"Procedure\",\"id\":\"p\",\"status\":\"completed\","
            + "\"category\":{\"coding\":[{\"system\":\"urn:example:programs\",\"code\":\"CHRONIC\"}]},"
            + "\"subject\":{\"reference\":\"Patient/pat-1\"},"
            + "\"performedPeriod\":{\"start\":\"2026-03-01T10:00:00Z\",\"end\":\"2026-03-01T10:30:00Z\"},"
            + "\"performer\":[{\"actor\":{\"reference\":\"Practitioner/rn-1\"}}]}";
    MappingResult r = Fixtures.mapWithPeople(options, json);
    assertThat(r.record(PatientRef.of("pat-1")).orElseThrow().timeEntries())
        .singleElement()
        .satisfies(e -> assertThat(e.program()).isEqualTo(CareProgram.CCM));
  }

  @Test
  void encounter_hcpcsAwv_isAFinishedVisit() {
    Visit v = visit("enc-awv");
    assertThat(v.date()).isEqualTo(LocalDate.of(2025, 11, 20));
    assertThat(v.codes()).containsExactly(Code.of(Code.HCPCS, "G0438"));
    assertThat(v.practitioners()).containsExactly(PractitionerRef.of("dr-1"));
    assertThat(v.finished()).isTrue();
  }

  @Test
  void encounter_planned_isAVisitNotFinished_keepingOnlyCptAndPractitioners() {
    Visit v = visit("enc-em");
    assertThat(v.finished()).isFalse();
    assertThat(v.codes()).containsExactly(Code.of(Code.CPT, "99214"));
    assertThat(v.practitioners()).containsExactly(PractitionerRef.of("dr-1"));
    assertThat(all.issues())
        .anySatisfy(
            i -> {
              assertThat(i.resource()).contains(SourceRef.of("Encounter", "enc-em"));
              assertThat(i.code()).isEqualTo(MappingIssueCode.REFERENCE_DROPPED);
            });
  }

  @Test
  void encounter_snomedOnly_isIgnored() {
    assertThat(issueOf("Encounter", "enc-snomed").code())
        .isEqualTo(MappingIssueCode.UNSUPPORTED_CODE);
  }
}
