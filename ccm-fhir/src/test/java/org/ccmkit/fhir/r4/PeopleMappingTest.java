package org.ccmkit.fhir.r4;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.ccmkit.core.model.Patient;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.model.Practitioner;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.core.model.StaffRole;
import org.junit.jupiter.api.Test;

/** Patient, Practitioner and PractitionerRole: every field read and every default. */
class PeopleMappingTest {
  private static Patient patient(MappingResult r, String id) {
    return r.record(PatientRef.of(id)).orElseThrow().patient();
  }

  private static Practitioner person(MappingResult r, String id) {
    return r.practitioners().stream()
        .filter(p -> p.ref().equals(PractitionerRef.of(id)))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void patient_basic_readsIdBirthDateAndMbi() {
    MappingResult r = Fixtures.map("patient-basic.json");
    Patient p = patient(r, "pat-1");
    assertThat(p.source()).isEqualTo(SourceRef.of("Patient", "pat-1"));
    assertThat(p.birthDate()).contains(LocalDate.of(1950, 4, 12));
    assertThat(p.mbi()).contains("1EG4TE5MK73");
    assertThat(p.deceased()).isFalse();
    assertThat(p.toString()).doesNotContain("1950").doesNotContain("1EG4TE5MK73");
    assertThat(r.counts()).isEqualTo(MappingCounts.of(1, 1, 0, 0));
    assertThat(r.issues()).isEmpty();
  }

  @Test
  void patient_deceasedDateTime_givesDateOfDeath() {
    Patient p = patient(Fixtures.map("patient-deceased.json"), "pat-2");
    assertThat(p.deceased()).isTrue();
    assertThat(p.deathDate()).contains(LocalDate.of(2026, 3, 15));
  }

  @Test
  void patient_deceasedBoolean_isDeceasedWithoutDate() {
    Patient p = patient(Fixtures.map("patient-deceased-no-date.json"), "pat-3");
    assertThat(p.deceased()).isTrue();
    assertThat(p.deathDate()).isEmpty();
    assertThat(p.isAliveOn(LocalDate.of(2000, 1, 1))).isFalse();
  }

  @Test
  void patient_deathDateTimeWithOffset_isTakenInThePracticeZone() {
    // 23:30 at UTC-5 on the 15th is 00:30 EDT on the 16th in New York, 20:30 PDT in Los Angeles.
    String json =
        "{\"resourceType\":\"Patient\",\"id\":\"z\",\"deceasedDateTime\":\"2026-03-15T23:30:00-05:00\"}";
    MappingResult ny = R4Mapper.create().mapJson("z.json", json);
    MappingResult la =
        R4Mapper.create(
                MappingOptions.builder().zone(java.time.ZoneId.of("America/Los_Angeles")).build())
            .mapJson("z.json", json);
    assertThat(patient(ny, "z").deathDate()).contains(LocalDate.of(2026, 3, 16));
    assertThat(patient(la, "z").deathDate()).contains(LocalDate.of(2026, 3, 15));
  }

  @Test
  void patient_withoutOptionalFields_hasDefaults() {
    Patient p =
        patient(
            R4Mapper.create().mapJson("p.json", "{\"resourceType\":\"Patient\",\"id\":\"x\"}"),
            "x");
    assertThat(p.birthDate()).isEmpty();
    assertThat(p.mbi()).isEmpty();
    assertThat(p.deceased()).isFalse();
  }

  @Test
  void practitioner_qualificationTaxonomy_givesRoleAndNpi() {
    MappingResult r =
        Fixtures.map(
            "practitioner-physician.json",
            "practitioner-nurse.json",
            "practitioner-front-desk.json");
    assertThat(person(r, "dr-1").role()).isEqualTo(StaffRole.PRACTITIONER);
    assertThat(person(r, "dr-1").npi()).contains("1234567893");
    assertThat(person(r, "rn-1").role()).isEqualTo(StaffRole.CLINICAL_STAFF);
    assertThat(person(r, "fd-1").role()).isEqualTo(StaffRole.OTHER);
    assertThat(person(r, "fd-1").npi()).isEmpty();
  }

  @Test
  void practitionerRole_byReference_givesThePersonTheRole() {
    MappingResult r =
        Fixtures.map("practitioner-lpn-no-qualification.json", "practitionerrole-lpn.json");
    assertThat(person(r, "lpn-1").role()).isEqualTo(StaffRole.CLINICAL_STAFF);
    assertThat(r.counts()).isEqualTo(MappingCounts.of(2, 2, 0, 0));
  }

  @Test
  void practitionerRole_byNpiIdentifier_resolves() {
    MappingResult r =
        Fixtures.map("practitioner-np-no-qualification.json", "practitionerrole-by-npi.json");
    assertThat(person(r, "np-1").role()).isEqualTo(StaffRole.PRACTITIONER);
    assertThat(r.issues()).isEmpty();
  }

  @Test
  void practitionerRole_mostQualifiedRoleOfAPersonWins() {
    // rn-1 is an RN by qualification and a nurse practitioner by this PractitionerRole.
    String role =
        "{\"resourceType\":\"PractitionerRole\",\"id\":\"r\",\"practitioner\":{\"reference\":\"Practitioner/rn-1\"},"
            + "\"code\":[{\"coding\":[{\"system\":\"http://nucc.org/provider-taxonomy\",\"code\":\"363LF0000X\"}]}]}";
    assertThat(person(Fixtures.mapWithPeople(role), "rn-1").role())
        .isEqualTo(StaffRole.PRACTITIONER);
    assertThat(person(Fixtures.map("practitioner-nurse.json"), "rn-1").role())
        .isEqualTo(StaffRole.CLINICAL_STAFF);
  }

  @Test
  void practitionerRole_inactive_isIgnored() {
    MappingResult r = Fixtures.map("practitioner-physician.json", "practitionerrole-inactive.json");
    assertThat(r.issues())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.code()).isEqualTo(MappingIssueCode.STATUS_NOT_COUNTED);
              assertThat(i.resource()).contains(SourceRef.of("PractitionerRole", "role-old"));
            });
    assertThat(r.counts()).isEqualTo(MappingCounts.of(2, 1, 1, 0));
  }

  @Test
  void taxonomy_customPrefixes_changeTheRole() {
    MappingOptions options =
        MappingOptions.builder()
            .clinicalStaffTaxonomyPrefixes(java.util.List.of("163W", "3747"))
            .practitionerTaxonomyPrefixes(java.util.List.of("207Q"))
            .build();
    String tech =
        "{\"resourceType\":\"Practitioner\",\"id\":\"tech\",\"qualification\":[{\"code\":{\"coding\":"
            + "[{\"system\":\"http://nucc.org/provider-taxonomy\",\"code\":\"3747A0650X\"}]}}]}";
    MappingResult r = Fixtures.mapWithPeople(options, tech);
    assertThat(person(r, "tech").role()).isEqualTo(StaffRole.CLINICAL_STAFF);
    assertThat(person(r, "dr-1").role()).isEqualTo(StaffRole.PRACTITIONER);
    assertThat(Optional.of(person(r, "rn-1").role())).contains(StaffRole.CLINICAL_STAFF);
  }
}
