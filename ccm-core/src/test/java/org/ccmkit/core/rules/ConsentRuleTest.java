package org.ccmkit.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccmkit.core.rules.TestRecords.DR_A;
import static org.ccmkit.core.rules.TestRecords.DR_B;
import static org.ccmkit.core.rules.TestRecords.at;
import static org.ccmkit.core.rules.TestRecords.ccmConsent;
import static org.ccmkit.core.rules.TestRecords.ccmEnrollment;
import static org.ccmkit.core.rules.TestRecords.consent;
import static org.ccmkit.core.rules.TestRecords.date;
import static org.ccmkit.core.rules.TestRecords.endOf;
import static org.ccmkit.core.rules.TestRecords.enrollment;
import static org.ccmkit.core.rules.TestRecords.evidenceFor;
import static org.ccmkit.core.rules.TestRecords.reason;
import static org.ccmkit.core.rules.TestRecords.reasonCodes;
import static org.ccmkit.core.rules.TestRecords.record;
import static org.ccmkit.core.rules.TestRecords.staffTime;

import java.time.YearMonth;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.ConsentStatus;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.model.ImmutablePatientRecord;
import org.ccmkit.core.rule.Decision;
import org.ccmkit.core.rule.Evidence;
import org.ccmkit.core.rule.EvidenceRole;
import org.ccmkit.core.rule.Outcome;
import org.junit.jupiter.api.Test;

/** Consent with the shipped parameters (rules reference §5, §0.1; CONS-T01..T04). */
class ConsentRuleTest {
  private static final YearMonth APRIL = YearMonth.of(2026, 4);
  private static final YearMonth AUGUST = YearMonth.of(2026, 8);
  private static final YearMonth SEPTEMBER = YearMonth.of(2026, 9);

  private static final CoreRules RULES = CoreRules.standard();

  private static ImmutablePatientRecord.Builder enrolledWithDrA() {
    return record().addEnrollment(ccmEnrollment("e1", date("2026-01-01")));
  }

  private static ConsentResult window(ImmutablePatientRecord.Builder record, YearMonth month) {
    return RULES.consentWindow(TestRecords.ccm(record, month), endOf(month));
  }

  @Test
  void consT01_noConsent_notMetConsentMissing() {
    Decision d = RULES.consent().evaluate(TestRecords.ccm(enrolledWithDrA(), APRIL), endOf(APRIL));

    assertThat(d.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(reasonCodes(d)).containsExactly("CONSENT_MISSING");
    assertThat(d.practitioner()).contains(DR_A);
  }

  @Test
  void consT01_consentToAnotherProgramOnly_consentMissing() {
    ConsentResult r =
        window(
            enrolledWithDrA().addConsent(consent("k1", DR_A, date("2026-01-02"), CareProgram.RPM)),
            APRIL);

    assertThat(r.decision().hasReason(CoreReasonCode.CONSENT_MISSING)).isTrue();
    assertThat(r.coveredDays()).isEmpty();
  }

  @Test
  void consT02_consentOnFifteenthApril_coversFromFifteenth() {
    ConsentResult r =
        window(enrolledWithDrA().addConsent(ccmConsent("k1", date("2026-04-15"))), APRIL);

    assertThat(r.decision().outcome()).isEqualTo(Outcome.MET);
    assertThat(r.coveredDays())
        .containsExactly(DateRange.ofClosed(date("2026-04-15"), date("2026-04-30")));
    assertThat(r.covers(date("2026-04-14"))).isFalse();
    assertThat(r.covers(date("2026-04-15"))).isTrue();
    assertThat(reason(r.decision(), CoreReasonCode.CONSENT_GIVEN_MID_MONTH).details())
        .containsEntry("givenDate", "2026-04-15");
  }

  @Test
  void consT02_minutesBeforeConsent_doNotCount() {
    ImmutablePatientRecord.Builder record =
        enrolledWithDrA()
            .addConsent(ccmConsent("k1", date("2026-04-15")))
            .addTimeEntry(staffTime("t1", at("2026-04-10T10:00"), 15))
            .addTimeEntry(staffTime("t2", at("2026-04-14T23:50"), 20))
            .addTimeEntry(staffTime("t3", at("2026-04-15T08:00"), 12));

    AccruedTime time = RULES.accrue(TestRecords.ccm(record, APRIL), endOf(APRIL));

    assertThat(time.totalMinutes()).isEqualTo(12);
    for (String before : new String[] {"Procedure/t1", "Procedure/t2"}) {
      Evidence e = evidenceFor(time.decision(), before);
      assertThat(e.role()).isEqualTo(EvidenceRole.EXCLUDED);
      assertThat(e.reason()).contains("ENTRY_BEFORE_CONSENT");
    }
    assertThat(evidenceFor(time.decision(), "Procedure/t3").role()).isEqualTo(EvidenceRole.COUNTED);
  }

  @Test
  void consT02_consentOnFirstDay_noMidMonthReason() {
    ConsentResult r =
        window(enrolledWithDrA().addConsent(ccmConsent("k1", date("2026-04-01"))), APRIL);

    assertThat(reasonCodes(r.decision())).containsExactly("CONSENT_IN_FORCE");
    assertThat(r.coveredDays())
        .containsExactly(DateRange.ofClosed(date("2026-04-01"), date("2026-04-30")));
  }

  @Test
  void consT03_withdrawalOnTenthAugust_augustCoveredToMonthEnd() {
    ConsentResult r =
        window(
            enrolledWithDrA()
                .addConsent(
                    ccmConsent("k1", date("2026-02-01")).withWithdrawalDate(date("2026-08-10"))),
            AUGUST);

    assertThat(r.decision().outcome()).isEqualTo(Outcome.MET);
    assertThat(r.coveredDays())
        .containsExactly(DateRange.ofClosed(date("2026-08-01"), date("2026-08-31")));
    assertThat(reason(r.decision(), CoreReasonCode.CONSENT_WITHDRAWN_THIS_MONTH).details())
        .containsEntry("withdrawalDate", "2026-08-10");
  }

  @Test
  void consT03_withdrawalOnTenthAugust_septemberNotMetConsentWithdrawn() {
    ConsentResult r =
        window(
            enrolledWithDrA()
                .addConsent(
                    ccmConsent("k1", date("2026-02-01")).withWithdrawalDate(date("2026-08-10"))),
            SEPTEMBER);

    assertThat(r.decision().outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(reasonCodes(r.decision())).containsExactly("CONSENT_WITHDRAWN");
    assertThat(r.coveredDays()).isEmpty();
    Evidence e = evidenceFor(r.decision(), "Consent/k1");
    assertThat(e.role()).isEqualTo(EvidenceRole.EXCLUDED);
    assertThat(e.reason()).contains("CONSENT_WITHDRAWN");
  }

  @Test
  void consT04_consentGivenToAnotherPractitioner_notMet() {
    ImmutablePatientRecord.Builder record =
        record()
            .addEnrollment(enrollment("e2", CareProgram.CCM, DR_B, date("2026-03-01")))
            .addConsent(ccmConsent("k1", date("2025-06-01")));

    Decision d = RULES.consent().evaluate(TestRecords.ccm(record, APRIL), endOf(APRIL));

    assertThat(d.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(reasonCodes(d)).containsExactly("CONSENT_GIVEN_TO_OTHER_PRACTITIONER");
    assertThat(d.practitioner()).contains(DR_B);
    assertThat(evidenceFor(d, "Consent/k1").reason())
        .contains("CONSENT_GIVEN_TO_OTHER_PRACTITIONER");
  }

  @Test
  void consT04_newConsentToNewPractitioner_met() {
    ImmutablePatientRecord.Builder record =
        record()
            .addEnrollment(enrollment("e2", CareProgram.CCM, DR_B, date("2026-03-01")))
            .addConsent(ccmConsent("k1", date("2025-06-01")))
            .addConsent(consent("k2", DR_B, date("2026-03-01"), CareProgram.CCM));

    Decision d =
        RULES
            .consent()
            .evaluate(TestRecords.query(record, CareProgram.CCM, APRIL, DR_B), endOf(APRIL));

    assertThat(d.outcome()).isEqualTo(Outcome.MET);
    assertThat(evidenceFor(d, "Consent/k2").role()).isEqualTo(EvidenceRole.COUNTED);
    assertThat(evidenceFor(d, "Consent/k1").role()).isEqualTo(EvidenceRole.EXCLUDED);
  }

  @Test
  void evaluate_consentDeclined_notMetConsentDeclined() {
    ConsentResult r =
        window(
            enrolledWithDrA()
                .addConsent(
                    ccmConsent("k1", date("2026-03-20")).withStatus(ConsentStatus.REJECTED)),
            APRIL);

    assertThat(r.decision().outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(reasonCodes(r.decision())).containsExactly("CONSENT_DECLINED");
    assertThat(evidenceFor(r.decision(), "Consent/k1").reason()).contains("CONSENT_DECLINED");
  }

  @Test
  void evaluate_consentGivenAfterTheMonth_notYetGiven() {
    ConsentResult r =
        window(enrolledWithDrA().addConsent(ccmConsent("k1", date("2026-05-03"))), APRIL);

    assertThat(r.decision().outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(reasonCodes(r.decision())).containsExactly("CONSENT_NOT_YET_GIVEN");
    assertThat(evidenceFor(r.decision(), "Consent/k1").reason()).contains("CONSENT_NOT_YET_GIVEN");
  }

  @Test
  void evaluate_proposedConsent_notInForce() {
    ConsentResult r =
        window(
            enrolledWithDrA()
                .addConsent(
                    ccmConsent("k1", date("2026-03-20")).withStatus(ConsentStatus.PROPOSED)),
            APRIL);

    assertThat(r.decision().outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(reasonCodes(r.decision())).containsExactly("CONSENT_MISSING");
    assertThat(evidenceFor(r.decision(), "Consent/k1").reason()).contains("CONSENT_NOT_IN_FORCE");
  }

  @Test
  void evaluate_programWithoutConsentRequirement_metForTheWholeMonth() {
    ConsentResult r =
        RULES.consentWindow(
            TestRecords.query(record(), CareProgram.TCM, APRIL, DR_A), endOf(APRIL));

    assertThat(r.decision().outcome()).isEqualTo(Outcome.MET);
    assertThat(reasonCodes(r.decision())).containsExactly("CONSENT_NOT_REQUIRED");
    assertThat(r.coveredDays())
        .containsExactly(DateRange.ofClosed(date("2026-04-01"), date("2026-04-30")));
  }

  @Test
  void evaluate_notEnrolledAndNoPractitionerNamed_notMetNotEnrolled() {
    Decision d =
        RULES
            .consent()
            .evaluate(
                TestRecords.ccm(record().addConsent(ccmConsent("k1", date("2026-01-02"))), APRIL),
                endOf(APRIL));

    assertThat(d.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(reasonCodes(d)).containsExactly("NOT_ENROLLED");
  }

  @Test
  void evaluate_twoPractitionersEnrolledAndNoneNamed_indeterminate() {
    ImmutablePatientRecord.Builder record =
        enrolledWithDrA()
            .addEnrollment(enrollment("e2", CareProgram.CCM, DR_B, date("2026-04-10")))
            .addConsent(ccmConsent("k1", date("2026-01-02")));

    Decision d = RULES.consent().evaluate(TestRecords.ccm(record, APRIL), endOf(APRIL));

    assertThat(d.outcome()).isEqualTo(Outcome.INDETERMINATE);
    assertThat(reasonCodes(d)).containsExactly("BILLING_PRACTITIONER_AMBIGUOUS");
  }

  @Test
  void evaluate_twoOverlappingConsents_mergedIntoOneRange() {
    ConsentResult r =
        window(
            enrolledWithDrA()
                .addConsent(
                    ccmConsent("k1", date("2026-01-05")).withWithdrawalDate(date("2026-04-03")))
                .addConsent(ccmConsent("k2", date("2026-04-20"))),
            APRIL);

    // k1 runs to the end of April (withdrawal takes effect at month end), k2 from the 20th.
    assertThat(r.coveredDays())
        .containsExactly(DateRange.ofClosed(date("2026-04-01"), date("2026-04-30")));
  }
}
