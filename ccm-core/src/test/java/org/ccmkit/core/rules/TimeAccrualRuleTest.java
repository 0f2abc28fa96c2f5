package org.ccmkit.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.ccmkit.core.rules.TestRecords.CLERK;
import static org.ccmkit.core.rules.TestRecords.DR_A;
import static org.ccmkit.core.rules.TestRecords.NURSE;
import static org.ccmkit.core.rules.TestRecords.at;
import static org.ccmkit.core.rules.TestRecords.ccmConsent;
import static org.ccmkit.core.rules.TestRecords.ccmEnrollment;
import static org.ccmkit.core.rules.TestRecords.date;
import static org.ccmkit.core.rules.TestRecords.endOf;
import static org.ccmkit.core.rules.TestRecords.evidenceFor;
import static org.ccmkit.core.rules.TestRecords.reason;
import static org.ccmkit.core.rules.TestRecords.record;
import static org.ccmkit.core.rules.TestRecords.staffTime;
import static org.ccmkit.core.rules.TestRecords.time;

import java.time.YearMonth;
import java.util.EnumSet;
import java.util.Optional;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.model.ImmutablePatientRecord;
import org.ccmkit.core.model.Patient;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.core.model.StaffRole;
import org.ccmkit.core.rule.Decision;
import org.ccmkit.core.rule.Evidence;
import org.ccmkit.core.rule.EvidenceRole;
import org.ccmkit.core.rule.Outcome;
import org.junit.jupiter.api.Test;

/** Whole minutes per role in one service month (rules reference §1.2, §13; CCM-T11). */
class TimeAccrualRuleTest {
  private static final YearMonth FEBRUARY = YearMonth.of(2026, 2);
  private static final YearMonth MARCH = YearMonth.of(2026, 3);

  /** Enrolled with Dr A and consented since 1 January 2026. */
  private static ImmutablePatientRecord.Builder ready() {
    return ready(record());
  }

  private static ImmutablePatientRecord.Builder ready(ImmutablePatientRecord.Builder record) {
    return record
        .addEnrollment(ccmEnrollment("e1", date("2026-01-01")))
        .addConsent(ccmConsent("k1", date("2026-01-01")));
  }

  private static AccruedTime accrue(ImmutablePatientRecord.Builder record, YearMonth month) {
    return CoreRules.standard().accrue(TestRecords.ccm(record, month), endOf(month));
  }

  private static void assertExcluded(Decision d, String source, CoreReasonCode why) {
    Evidence e = evidenceFor(d, source);
    assertThat(e.role()).isEqualTo(EvidenceRole.EXCLUDED);
    assertThat(e.reason()).contains(why.name());
  }

  @Test
  void ccmT11_fifteenMinutesInFebruaryAndTenInMarch_neitherMonthCounts() {
    ImmutablePatientRecord.Builder record =
        ready()
            .addTimeEntry(staffTime("t1", at("2026-02-10T10:00"), 15))
            .addTimeEntry(staffTime("t2", at("2026-03-05T10:00"), 10));

    AccruedTime february = accrue(record, FEBRUARY);
    AccruedTime march = accrue(record, MARCH);

    assertThat(february.totalMinutes()).isEqualTo(15);
    assertThat(march.totalMinutes()).isEqualTo(10);
    EnumSet<StaffRole> counted = EnumSet.of(StaffRole.CLINICAL_STAFF, StaffRole.PRACTITIONER);
    assertThat(february.dateReached(counted, 20)).isEmpty();
    assertThat(march.dateReached(counted, 20)).isEmpty();
    assertThat(march.decision().evidence()).extracting(e -> e.source().id()).containsExactly("t2");
  }

  @Test
  void accrue_noEntries_notMetNoTimeCounted() {
    AccruedTime time = accrue(ready(), MARCH);

    assertThat(time.decision().outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(time.decision().hasReason(CoreReasonCode.NO_TIME_COUNTED)).isTrue();
    assertThat(time.decision().details()).containsEntry("minutes.total", "0");
  }

  @Test
  void accrue_minutesPerRole() {
    ImmutablePatientRecord.Builder record =
        ready()
            .addTimeEntry(staffTime("t1", at("2026-03-02T09:00"), 20))
            .addTimeEntry(
                time(
                    "t2",
                    DR_A,
                    StaffRole.PRACTITIONER,
                    CareProgram.CCM,
                    at("2026-03-03T14:00"),
                    30));

    AccruedTime time = accrue(record, MARCH);

    assertThat(time.minutes(StaffRole.CLINICAL_STAFF)).isEqualTo(20);
    assertThat(time.minutes(StaffRole.PRACTITIONER)).isEqualTo(30);
    assertThat(time.minutes(StaffRole.OTHER)).isZero();
    assertThat(time.totalMinutes()).isEqualTo(50);
    assertThat(time.decision().outcome()).isEqualTo(Outcome.MET);
    assertThat(time.decision().details())
        .containsEntry("minutes.CLINICAL_STAFF", "20")
        .containsEntry("minutes.PRACTITIONER", "30")
        .containsEntry("minutes.total", "50")
        .doesNotContainKey("minutes.OTHER");
    assertThat(reason(time.decision(), CoreReasonCode.TIME_COUNTED).details())
        .containsEntry("minutes", "50");
  }

  @Test
  void accrue_tenMinutesFiftyNineSeconds_countsTen() {
    ImmutablePatientRecord.Builder record =
        ready()
            .addTimeEntry(
                staffTime("t1", at("2026-03-02T09:00"), 10).withEnd(at("2026-03-02T09:10:59")));

    AccruedTime time = accrue(record, MARCH);

    assertThat(time.totalMinutes()).isEqualTo(10);
    assertThat(time.blocks()).extracting(CountedBlock::minutes).containsExactly(10);
  }

  @Test
  void accrue_otherRole_excludedRoleNotCounted() {
    ImmutablePatientRecord.Builder record =
        ready()
            .addTimeEntry(staffTime("t1", at("2026-03-02T09:00"), 20))
            .addTimeEntry(
                time("t2", CLERK, StaffRole.OTHER, CareProgram.CCM, at("2026-03-02T11:00"), 25));

    AccruedTime time = accrue(record, MARCH);

    assertThat(time.totalMinutes()).isEqualTo(20);
    assertExcluded(time.decision(), "Procedure/t2", CoreReasonCode.ENTRY_ROLE_NOT_COUNTED);
    assertThat(evidenceFor(time.decision(), "Procedure/t2").path())
        .isEqualTo("Procedure.performer");
  }

  @Test
  void accrue_beforeConsent_excluded() {
    ImmutablePatientRecord.Builder record =
        record()
            .addEnrollment(ccmEnrollment("e1", date("2026-01-01")))
            .addConsent(ccmConsent("k1", date("2026-03-10")))
            .addTimeEntry(staffTime("t1", at("2026-03-09T09:00"), 20))
            .addTimeEntry(staffTime("t2", at("2026-03-10T09:00"), 5));

    AccruedTime time = accrue(record, MARCH);

    assertThat(time.totalMinutes()).isEqualTo(5);
    assertExcluded(time.decision(), "Procedure/t1", CoreReasonCode.ENTRY_BEFORE_CONSENT);
    assertThat(time.decision().details())
        .containsEntry("consentedDays", "[[2026-03-10..2026-03-31]]");
  }

  @Test
  void accrue_withoutConsent_excluded() {
    ImmutablePatientRecord.Builder record =
        record()
            .addEnrollment(ccmEnrollment("e1", date("2026-01-01")))
            .addTimeEntry(staffTime("t1", at("2026-03-09T09:00"), 20));

    AccruedTime time = accrue(record, MARCH);

    assertThat(time.totalMinutes()).isZero();
    assertExcluded(time.decision(), "Procedure/t1", CoreReasonCode.ENTRY_WITHOUT_CONSENT);
  }

  @Test
  void accrue_outsideEnrollment_excluded() {
    ImmutablePatientRecord.Builder record =
        record()
            .addEnrollment(
                ccmEnrollment("e1", date("2026-01-01"))
                    .withPeriod(DateRange.ofClosed(date("2026-01-01"), date("2026-03-10"))))
            .addConsent(ccmConsent("k1", date("2026-01-01")))
            .addTimeEntry(staffTime("t1", at("2026-03-10T09:00"), 20))
            .addTimeEntry(staffTime("t2", at("2026-03-11T09:00"), 30));

    AccruedTime time = accrue(record, MARCH);

    assertThat(time.totalMinutes()).isEqualTo(20);
    assertExcluded(time.decision(), "Procedure/t2", CoreReasonCode.ENTRY_OUTSIDE_ENROLLMENT);
  }

  @Test
  void accrue_afterDeath_excluded() {
    Patient died =
        Patient.builder()
            .ref(PatientRef.of("p1"))
            .deathDate(Optional.of(date("2026-03-10")))
            .build();
    ImmutablePatientRecord.Builder record =
        ready(record(died))
            .addTimeEntry(staffTime("t1", at("2026-03-10T22:00"), 20))
            .addTimeEntry(staffTime("t2", at("2026-03-11T09:00"), 30));

    AccruedTime time = accrue(record, MARCH);

    assertThat(time.totalMinutes()).isEqualTo(20);
    assertExcluded(time.decision(), "Procedure/t2", CoreReasonCode.ENTRY_AFTER_DEATH);
  }

  @Test
  void accrue_entryForAnotherProgram_ignored() {
    ImmutablePatientRecord.Builder record =
        ready()
            .addTimeEntry(staffTime("t1", at("2026-03-02T09:00"), 20))
            .addTimeEntry(
                time(
                    "t2",
                    NURSE,
                    StaffRole.CLINICAL_STAFF,
                    CareProgram.BHI,
                    at("2026-03-03T09:00"),
                    30));

    AccruedTime time = accrue(record, MARCH);

    assertThat(time.totalMinutes()).isEqualTo(20);
    assertThat(time.decision().evidence()).extracting(e -> e.source().id()).containsExactly("t1");
  }

  @Test
  void accrue_everyExcludedEntry_isExcludedEvidenceWithItsReason() {
    Patient died =
        Patient.builder()
            .ref(PatientRef.of("p1"))
            .deathDate(Optional.of(date("2026-03-25")))
            .build();
    ImmutablePatientRecord.Builder record =
        record(died)
            .addEnrollment(
                ccmEnrollment("e1", date("2026-01-01"))
                    .withPeriod(DateRange.ofClosed(date("2026-01-01"), date("2026-03-20"))))
            .addConsent(ccmConsent("k1", date("2026-03-05")))
            .addTimeEntry(staffTime("t1", at("2026-03-02T09:00"), 11))
            .addTimeEntry(
                time("t2", CLERK, StaffRole.OTHER, CareProgram.CCM, at("2026-03-06T09:00"), 12))
            .addTimeEntry(staffTime("t3", at("2026-03-07T09:00"), 13))
            .addTimeEntry(staffTime("t4", at("2026-03-22T09:00"), 14))
            .addTimeEntry(staffTime("t5", at("2026-03-27T09:00"), 15));

    AccruedTime time = accrue(record, MARCH);

    assertThat(TestRecords.evidence(time.decision(), EvidenceRole.EXCLUDED))
        .extracting(e -> e.source().id(), e -> e.reason().orElse(""), Evidence::value)
        .containsExactly(
            tuple("t1", "ENTRY_BEFORE_CONSENT", "11 min CLINICAL_STAFF"),
            tuple("t2", "ENTRY_ROLE_NOT_COUNTED", "12 min OTHER"),
            tuple("t4", "ENTRY_OUTSIDE_ENROLLMENT", "14 min CLINICAL_STAFF"),
            tuple("t5", "ENTRY_AFTER_DEATH", "15 min CLINICAL_STAFF"));
    assertThat(TestRecords.evidence(time.decision(), EvidenceRole.COUNTED))
        .extracting(e -> e.source().id())
        .containsExactly("t3");
    assertThat(time.totalMinutes()).isEqualTo(13);
  }

  @Test
  void dateReached_firstDayTheRolesAddUpToTheThreshold() {
    ImmutablePatientRecord.Builder record =
        ready()
            .addTimeEntry(staffTime("t1", at("2026-03-02T09:00"), 10))
            .addTimeEntry(
                time(
                    "t2",
                    DR_A,
                    StaffRole.PRACTITIONER,
                    CareProgram.CCM,
                    at("2026-03-04T09:00"),
                    30))
            .addTimeEntry(staffTime("t3", at("2026-03-09T09:00"), 12));

    AccruedTime time = accrue(record, MARCH);

    assertThat(time.dateReached(EnumSet.of(StaffRole.CLINICAL_STAFF), 20))
        .contains(date("2026-03-09"));
    assertThat(time.dateReached(EnumSet.of(StaffRole.CLINICAL_STAFF, StaffRole.PRACTITIONER), 20))
        .contains(date("2026-03-04"));
    assertThat(time.dateReached(EnumSet.of(StaffRole.PRACTITIONER), 30))
        .contains(date("2026-03-04"));
    assertThat(time.dateReached(EnumSet.of(StaffRole.PRACTITIONER), 31)).isEmpty();
  }

  @Test
  void interactiveEntries_onlyCountedInteractiveEntries() {
    ImmutablePatientRecord.Builder record =
        ready()
            .addTimeEntry(staffTime("t1", at("2026-03-02T09:00"), 10).withInteractive(true))
            .addTimeEntry(staffTime("t2", at("2026-03-03T09:00"), 10))
            .addTimeEntry(
                time("t3", CLERK, StaffRole.OTHER, CareProgram.CCM, at("2026-03-04T09:00"), 10)
                    .withInteractive(true));

    AccruedTime time = accrue(record, MARCH);

    assertThat(time.interactiveEntries()).containsExactly(SourceRef.of("Procedure", "t1"));
    assertThat(time.decision().details()).containsEntry("interactiveEntries", "1");
  }

  @Test
  void timeAccrual_evaluate_equalsTheDecisionOfAccrue() {
    ImmutablePatientRecord.Builder record =
        ready().addTimeEntry(staffTime("t1", at("2026-03-02T09:00"), 25));
    CareQuery q = TestRecords.ccm(record, MARCH);

    assertThat(CoreRules.standard().timeAccrual().evaluate(q, endOf(MARCH)))
        .isEqualTo(CoreRules.standard().accrue(q, endOf(MARCH)).decision());
  }

  @Test
  void evaluateAll_returnsTheFourDecisionsInOrder() {
    CareQuery q =
        TestRecords.ccm(ready().addTimeEntry(staffTime("t1", at("2026-03-02T09:00"), 25)), MARCH);

    assertThat(CoreRules.standard().evaluateAll(q, endOf(MARCH)))
        .extracting(d -> d.ruleId().name())
        .containsExactly(
            "core.eligibility", "core.consent", "core.initiating-visit", "core.time-accrual");
  }
}
