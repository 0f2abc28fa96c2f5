package org.ccmkit.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Protected health information never appears in {@code toString()} (style guide §3). */
class PhiRedactionTest {
  // Synthetic values, chosen to be easy to spot in any output.
  private static final String MBI = "1EG4TE5MK73";
  private static final LocalDate BIRTH = LocalDate.of(1941, 7, 4);
  private static final LocalDate DEATH = LocalDate.of(2026, 3, 17);
  private static final String NOTE = "Called Jane Roe at 555-0100 about her insulin";

  private static Patient patient() {
    return Patient.builder()
        .ref(PatientRef.of("p1"))
        .birthDate(BIRTH)
        .deathDate(Optional.of(DEATH))
        .mbi(MBI)
        .build();
  }

  private static TimeEntry noted() {
    Instant start = Instant.parse("2026-03-02T15:00:00Z");
    return TimeEntry.builder()
        .source(SourceRef.of("Procedure", "t1"))
        .patient(PatientRef.of("p1"))
        .performer(PractitionerRef.of("rn-1"))
        .performerRole(StaffRole.CLINICAL_STAFF)
        .program(CareProgram.CCM)
        .start(start)
        .end(start.plusSeconds(1200))
        .note(NOTE)
        .build();
  }

  private static void assertNoPhi(String text) {
    assertThat(text)
        .doesNotContain(MBI)
        .doesNotContain("1941")
        .doesNotContain(DEATH.toString())
        .doesNotContain("Jane Roe")
        .doesNotContain("555-0100");
  }

  @Test
  void patient_toString_redactsBirthDeathAndMbi() {
    String text = patient().toString();

    assertNoPhi(text);
    assertThat(text).contains("Patient/p1").contains("<redacted>");
  }

  @Test
  void timeEntry_toString_redactsNote() {
    String text = noted().toString();

    assertNoPhi(text);
    assertThat(text).contains("Procedure/t1");
  }

  @Test
  void patientRecord_toString_redactsNestedPhi() {
    PatientRecord r = PatientRecord.builder().patient(patient()).addTimeEntry(noted()).build();

    assertNoPhi(r.toString());
  }

  @Test
  void patient_redactedValuesStayReadable() {
    assertThat(patient().mbi()).contains(MBI);
    assertThat(patient().isAliveOn(DEATH)).isTrue();
    assertThat(patient().isAliveOn(DEATH.plusDays(1))).isFalse();
    assertThat(noted().note()).contains(NOTE);
  }
}
