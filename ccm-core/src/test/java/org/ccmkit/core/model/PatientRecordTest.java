package org.ccmkit.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A record holds one patient's items only and keeps every list sorted by source. */
class PatientRecordTest {
  private static final PatientRef P1 = PatientRef.of("p1");

  private static ImmutableConditionRecord condition(String id, PatientRef patient) {
    return ConditionRecord.builder()
        .source(SourceRef.of("Condition", id))
        .patient(patient)
        .addCode(Code.icd10cm("I10"))
        .clinicalStatus(ClinicalStatus.ACTIVE)
        .build();
  }

  private static ImmutableTimeEntry entry(String id, PatientRef patient) {
    Instant start = Instant.parse("2026-03-02T15:00:00Z");
    return TimeEntry.builder()
        .source(SourceRef.of("Procedure", id))
        .patient(patient)
        .performer(PractitionerRef.of("rn-1"))
        .performerRole(StaffRole.CLINICAL_STAFF)
        .program(CareProgram.CCM)
        .start(start)
        .end(start.plusSeconds(600))
        .build();
  }

  @Test
  void build_itemOfAnotherPatient_rejected() {
    ImmutablePatientRecord.Builder b =
        PatientRecord.builder()
            .patient(Patient.of("p1"))
            .addCondition(condition("c1", P1))
            .addCondition(condition("c2", PatientRef.of("p2")));

    assertThatThrownBy(b::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Condition/c2 belongs to Patient/p2, not to Patient/p1");
  }

  @Test
  void build_timeEntryOfAnotherPatient_rejected() {
    ImmutablePatientRecord.Builder b =
        PatientRecord.builder()
            .patient(Patient.of("p1"))
            .addTimeEntry(entry("t1", PatientRef.of("p2")));

    assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void build_sortsEveryListBySource() {
    PatientRecord r =
        PatientRecord.builder()
            .patient(Patient.of("p1"))
            .addConditions(condition("c3", P1), condition("c1", P1), condition("c2", P1))
            .addTimeEntries(entry("t2", P1), entry("t10", P1), entry("t1", P1))
            .build();

    assertThat(r.conditions()).extracting(c -> c.source().id()).containsExactly("c1", "c2", "c3");
    assertThat(r.timeEntries()).extracting(e -> e.source().id()).containsExactly("t1", "t10", "t2");
  }

  @Test
  void build_anyInputOrder_equalRecords() {
    PatientRecord forward =
        PatientRecord.builder()
            .patient(Patient.of("p1"))
            .addConditions(condition("c1", P1), condition("c2", P1))
            .addTimeEntries(entry("t1", P1), entry("t2", P1))
            .build();
    PatientRecord backward =
        PatientRecord.builder()
            .patient(Patient.of("p1"))
            .addTimeEntries(entry("t2", P1), entry("t1", P1))
            .addConditions(condition("c2", P1), condition("c1", P1))
            .build();

    assertThat(backward).isEqualTo(forward).hasSameHashCodeAs(forward);
  }

  @Test
  void timeEntry_endBeforeStart_rejected() {
    assertThatThrownBy(() -> entry("t1", P1).withEnd(Instant.parse("2026-03-02T14:59:59Z")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("time entry Procedure/t1 ends before it starts");
  }

  @Test
  void consent_withdrawnBeforeGiven_rejected() {
    ImmutableConsent.Builder b =
        Consent.builder()
            .source(SourceRef.of("Consent", "k1"))
            .patient(P1)
            .addProgram(CareProgram.CCM)
            .status(ConsentStatus.ACTIVE)
            .givenDate(LocalDate.of(2026, 3, 10))
            .withdrawalDate(LocalDate.of(2026, 3, 9))
            .practitioner(PractitionerRef.of("dr-a"));

    assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class);
  }
}
