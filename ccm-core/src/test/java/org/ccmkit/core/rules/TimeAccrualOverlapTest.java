package org.ccmkit.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccmkit.core.rules.TestRecords.DR_A;
import static org.ccmkit.core.rules.TestRecords.NURSE;
import static org.ccmkit.core.rules.TestRecords.NURSE_2;
import static org.ccmkit.core.rules.TestRecords.at;
import static org.ccmkit.core.rules.TestRecords.ccmConsent;
import static org.ccmkit.core.rules.TestRecords.ccmEnrollment;
import static org.ccmkit.core.rules.TestRecords.consent;
import static org.ccmkit.core.rules.TestRecords.date;
import static org.ccmkit.core.rules.TestRecords.endOf;
import static org.ccmkit.core.rules.TestRecords.enrollment;
import static org.ccmkit.core.rules.TestRecords.evidenceFor;
import static org.ccmkit.core.rules.TestRecords.reason;
import static org.ccmkit.core.rules.TestRecords.record;
import static org.ccmkit.core.rules.TestRecords.staffTime;
import static org.ccmkit.core.rules.TestRecords.time;

import java.time.YearMonth;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.ImmutablePatientRecord;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.core.model.StaffRole;
import org.ccmkit.core.model.TimeEntry;
import org.ccmkit.core.params.CoreParameters;
import org.ccmkit.core.params.ImmutableCoreParameters;
import org.ccmkit.core.params.ImmutableTimeAccrualParameters;
import org.ccmkit.core.rule.Decision;
import org.ccmkit.core.rule.Evidence;
import org.ccmkit.core.rule.EvidenceRole;
import org.ccmkit.core.rule.Outcome;
import org.junit.jupiter.api.Test;

/**
 * Overlapping time: one person's overlap counts once; different people's simultaneous time both
 * count; one person's minutes tagged to two programs count for neither (rules reference §13,
 * CONC-T03).
 */
class TimeAccrualOverlapTest {
  private static final YearMonth MARCH = YearMonth.of(2026, 3);

  /** Enrolled and consented with Dr A for CCM and RPM since 1 January 2026. */
  private static ImmutablePatientRecord.Builder ready(TimeEntry... entries) {
    return record()
        .addEnrollment(ccmEnrollment("e1", date("2026-01-01")))
        .addEnrollment(enrollment("e2", CareProgram.RPM, DR_A, date("2026-01-01")))
        .addConsent(ccmConsent("k1", date("2026-01-01")))
        .addConsent(consent("k2", DR_A, date("2026-01-01"), CareProgram.RPM))
        .addTimeEntries(entries);
  }

  private static AccruedTime accrue(ImmutablePatientRecord.Builder record, CareProgram program) {
    return CoreRules.standard()
        .accrue(TestRecords.query(record, program, MARCH, DR_A), endOf(MARCH));
  }

  private static TimeEntry rpm(String id, String start, int minutes) {
    return time(id, NURSE, StaffRole.CLINICAL_STAFF, CareProgram.RPM, at(start), minutes);
  }

  @Test
  void accrue_overlappingEntriesBySamePerson_countOnce() {
    AccruedTime time =
        accrue(
            ready(
                staffTime("t1", at("2026-03-02T10:00"), 30),
                staffTime("t2", at("2026-03-02T10:15"), 30)),
            CareProgram.CCM);

    assertThat(time.totalMinutes()).isEqualTo(45);
    assertThat(time.blocks()).hasSize(1);
    assertThat(time.blocks().get(0).sources())
        .containsExactly(SourceRef.of("Procedure", "t1"), SourceRef.of("Procedure", "t2"));
    assertThat(reason(time.decision(), CoreReasonCode.ENTRY_OVERLAPS_SAME_PERFORMER).details())
        .containsEntry("entries", "1");
  }

  @Test
  void accrue_samePersonOverlappingInTwoRoles_overlapCountsOnceInTheFirstEntrysRole() {
    // Dr A logs 10:00-10:30 as practitioner and 10:20-10:40 as clinical staff: 40 minutes in all,
    // the 10 overlapping minutes counted once, in the role of the entry that started first.
    AccruedTime time =
        accrue(
            ready(
                time(
                    "t1",
                    DR_A,
                    StaffRole.PRACTITIONER,
                    CareProgram.CCM,
                    at("2026-03-02T10:00"),
                    30),
                time(
                    "t2",
                    DR_A,
                    StaffRole.CLINICAL_STAFF,
                    CareProgram.CCM,
                    at("2026-03-02T10:20"),
                    20)),
            CareProgram.CCM);

    assertThat(time.totalMinutes()).isEqualTo(40);
    assertThat(time.minutes(StaffRole.PRACTITIONER)).isEqualTo(30);
    assertThat(time.minutes(StaffRole.CLINICAL_STAFF)).isEqualTo(10);
    assertThat(time.decision().hasReason(CoreReasonCode.ENTRY_OVERLAPS_SAME_PERFORMER)).isTrue();
  }

  @Test
  void accrue_duplicateEntry_countsOnce() {
    AccruedTime time =
        accrue(
            ready(
                staffTime("t1", at("2026-03-02T10:00"), 20),
                staffTime("t2", at("2026-03-02T10:00"), 20)),
            CareProgram.CCM);

    assertThat(time.totalMinutes()).isEqualTo(20);
    assertThat(time.decision().hasReason(CoreReasonCode.ENTRY_OVERLAPS_SAME_PERFORMER)).isTrue();
  }

  @Test
  void accrue_touchingEntriesBySamePerson_mergeWithoutOverlapReason() {
    AccruedTime time =
        accrue(
            ready(
                staffTime("t1", at("2026-03-02T10:00"), 10),
                staffTime("t2", at("2026-03-02T10:10"), 10)),
            CareProgram.CCM);

    assertThat(time.totalMinutes()).isEqualTo(20);
    assertThat(time.blocks()).hasSize(1);
    assertThat(time.decision().hasReason(CoreReasonCode.ENTRY_OVERLAPS_SAME_PERFORMER)).isFalse();
  }

  @Test
  void accrue_simultaneousTimeOfTwoPeople_bothCount() {
    AccruedTime time =
        accrue(
            ready(
                staffTime("t1", at("2026-03-02T10:00"), 20),
                time(
                    "t2",
                    NURSE_2,
                    StaffRole.CLINICAL_STAFF,
                    CareProgram.CCM,
                    at("2026-03-02T10:00"),
                    20)),
            CareProgram.CCM);

    assertThat(time.totalMinutes()).isEqualTo(40);
    assertThat(time.blocks()).hasSize(2);
    assertThat(time.decision().hasReason(CoreReasonCode.ENTRY_OVERLAPS_SAME_PERFORMER)).isFalse();
  }

  @Test
  void concT03_sameNurseTaggedCcmAndRpmAtOnce_minutesCountForNeither() {
    ImmutablePatientRecord.Builder record =
        ready(staffTime("t1", at("2026-03-02T10:00"), 20), rpm("t2", "2026-03-02T10:00", 20));

    AccruedTime ccm = accrue(record, CareProgram.CCM);
    AccruedTime rpm = accrue(record, CareProgram.RPM);

    assertThat(ccm.totalMinutes()).isZero();
    assertThat(rpm.totalMinutes()).isZero();
    assertThat(ccm.decision().outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(rpm.decision().outcome()).isEqualTo(Outcome.NOT_MET);
    assertConflict(ccm.decision(), "t1", "t2", 20);
    assertConflict(rpm.decision(), "t2", "t1", 20);
    assertThat(evidenceFor(ccm.decision(), "Procedure/t1").role()).isEqualTo(EvidenceRole.EXCLUDED);
    assertThat(evidenceFor(rpm.decision(), "Procedure/t2").role()).isEqualTo(EvidenceRole.EXCLUDED);
  }

  @Test
  void concT03_partlyOverlappingTags_remainderStillCounts() {
    // CCM 10:00-10:20 and RPM 10:10-10:30 by the same nurse: 10:10-10:20 counts for neither.
    ImmutablePatientRecord.Builder record =
        ready(staffTime("t1", at("2026-03-02T10:00"), 20), rpm("t2", "2026-03-02T10:10", 20));

    AccruedTime ccm = accrue(record, CareProgram.CCM);
    AccruedTime rpm = accrue(record, CareProgram.RPM);

    assertThat(ccm.totalMinutes()).isEqualTo(10);
    assertThat(rpm.totalMinutes()).isEqualTo(10);
    assertConflict(ccm.decision(), "t1", "t2", 10);
    assertConflict(rpm.decision(), "t2", "t1", 10);
    Evidence counted = evidenceFor(ccm.decision(), "Procedure/t1");
    assertThat(counted.role()).isEqualTo(EvidenceRole.COUNTED);
    assertThat(counted.value()).contains("10 min also tagged to another program");
  }

  @Test
  void concT03_twoPeopleOnTwoProgramsAtOnce_bothCount() {
    ImmutablePatientRecord.Builder record =
        ready(
            staffTime("t1", at("2026-03-02T10:00"), 20),
            time(
                "t2",
                NURSE_2,
                StaffRole.CLINICAL_STAFF,
                CareProgram.RPM,
                at("2026-03-02T10:00"),
                20));

    assertThat(accrue(record, CareProgram.CCM).totalMinutes()).isEqualTo(20);
    assertThat(accrue(record, CareProgram.RPM).totalMinutes()).isEqualTo(20);
    assertThat(
            accrue(record, CareProgram.CCM)
                .decision()
                .hasReason(CoreReasonCode.MINUTES_TAGGED_TO_TWO_PROGRAMS))
        .isFalse();
  }

  @Test
  void concT03_optionOff_bothProgramsCountTheMinutes() {
    CoreParameters cy2026 = CoreParameters.builtIn().forDate(date("2026-03-01"));
    CoreParameters lenient =
        ImmutableCoreParameters.copyOf(cy2026)
            .withTimeAccrual(
                ImmutableTimeAccrualParameters.copyOf(cy2026.timeAccrual())
                    .withRejectMinutesTaggedToTwoPrograms(false));
    CoreRules rules =
        CoreRules.of(CoreParameters.builtIn().with(lenient), CoreRules.standard().classifier());
    ImmutablePatientRecord.Builder record =
        ready(staffTime("t1", at("2026-03-02T10:00"), 20), rpm("t2", "2026-03-02T10:00", 20));

    AccruedTime ccm =
        rules.accrue(TestRecords.query(record, CareProgram.CCM, MARCH, DR_A), endOf(MARCH));

    assertThat(ccm.totalMinutes()).isEqualTo(20);
    assertThat(ccm.decision().hasReason(CoreReasonCode.MINUTES_TAGGED_TO_TWO_PROGRAMS)).isFalse();
  }

  private static void assertConflict(Decision d, String own, String other, int minutes) {
    assertThat(reason(d, CoreReasonCode.MINUTES_TAGGED_TO_TWO_PROGRAMS).details())
        .containsEntry("minutes", Integer.toString(minutes));
    Evidence context =
        d.evidence().stream()
            .filter(e -> e.source().id().equals(other))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no evidence for " + other));
    assertThat(context.role()).isEqualTo(EvidenceRole.CONTEXT);
    assertThat(context.reason()).contains("MINUTES_TAGGED_TO_TWO_PROGRAMS");
    assertThat(d.evidence()).anyMatch(e -> e.source().id().equals(own));
  }
}
