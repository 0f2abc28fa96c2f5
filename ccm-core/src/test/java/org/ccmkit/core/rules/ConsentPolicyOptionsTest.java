package org.ccmkit.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccmkit.core.rules.TestRecords.DR_B;
import static org.ccmkit.core.rules.TestRecords.at;
import static org.ccmkit.core.rules.TestRecords.ccmConsent;
import static org.ccmkit.core.rules.TestRecords.ccmEnrollment;
import static org.ccmkit.core.rules.TestRecords.date;
import static org.ccmkit.core.rules.TestRecords.endOf;
import static org.ccmkit.core.rules.TestRecords.enrollment;
import static org.ccmkit.core.rules.TestRecords.evidenceFor;
import static org.ccmkit.core.rules.TestRecords.reasonCodes;
import static org.ccmkit.core.rules.TestRecords.record;
import static org.ccmkit.core.rules.TestRecords.staffTime;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.function.UnaryOperator;
import org.ccmkit.core.condition.ChronicConditionClassifiers;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.model.ImmutablePatientRecord;
import org.ccmkit.core.params.ConsentParameters;
import org.ccmkit.core.params.CoreParameters;
import org.ccmkit.core.params.ImmutableConsentParameters;
import org.ccmkit.core.params.ImmutableCoreParameters;
import org.ccmkit.core.params.WithdrawalTiming;
import org.ccmkit.core.rule.Outcome;
import org.junit.jupiter.api.Test;

/** Consent options a practice or payer can change through the parameters (rules reference §5). */
class ConsentPolicyOptionsTest {
  private static final YearMonth AUGUST = YearMonth.of(2026, 8);
  private static final YearMonth SEPTEMBER = YearMonth.of(2026, 9);

  /** The shipped rules with CY2026's consent parameters changed by {@code change}. */
  private static CoreRules withConsent(UnaryOperator<ImmutableConsentParameters> change) {
    CoreParameters cy2026 = CoreParameters.builtIn().forDate(date("2026-01-01"));
    ConsentParameters changed = change.apply(ImmutableConsentParameters.copyOf(cy2026.consent()));
    CoreParameters modified = ImmutableCoreParameters.copyOf(cy2026).withConsent(changed);
    return CoreRules.of(
        CoreParameters.builtIn().with(modified), ChronicConditionClassifiers.standard());
  }

  private static ImmutablePatientRecord.Builder withdrawnOn(LocalDate withdrawal) {
    return record()
        .addEnrollment(ccmEnrollment("e1", date("2026-01-01")))
        .addConsent(ccmConsent("k1", date("2026-02-01")).withWithdrawalDate(withdrawal));
  }

  @Test
  void consT03_sameDayWithdrawal_coversOnlyUpToTheWithdrawalDate() {
    CoreRules rules = withConsent(c -> c.withWithdrawalTakesEffect(WithdrawalTiming.SAME_DAY));

    ConsentResult r =
        rules.consentWindow(
            TestRecords.ccm(withdrawnOn(date("2026-08-10")), AUGUST), endOf(AUGUST));

    assertThat(r.decision().outcome()).isEqualTo(Outcome.MET);
    assertThat(r.coveredDays())
        .containsExactly(DateRange.ofClosed(date("2026-08-01"), date("2026-08-10")));
    assertThat(r.decision().hasReason(CoreReasonCode.CONSENT_WITHDRAWN_THIS_MONTH)).isTrue();
  }

  @Test
  void consT03_sameDayWithdrawal_laterMinutesOfTheMonthDoNotCount() {
    CoreRules rules = withConsent(c -> c.withWithdrawalTakesEffect(WithdrawalTiming.SAME_DAY));
    ImmutablePatientRecord.Builder record =
        withdrawnOn(date("2026-08-10"))
            .addTimeEntry(staffTime("t1", at("2026-08-10T16:00"), 20))
            .addTimeEntry(staffTime("t2", at("2026-08-11T09:00"), 25));

    AccruedTime time = rules.accrue(TestRecords.ccm(record, AUGUST), endOf(AUGUST));

    assertThat(time.totalMinutes()).isEqualTo(20);
    assertThat(evidenceFor(time.decision(), "Procedure/t2").reason())
        .contains("ENTRY_AFTER_CONSENT_ENDED");
  }

  @Test
  void consT03_sameDayWithdrawal_nextMonthWithdrawn() {
    CoreRules rules = withConsent(c -> c.withWithdrawalTakesEffect(WithdrawalTiming.SAME_DAY));

    ConsentResult r =
        rules.consentWindow(
            TestRecords.ccm(withdrawnOn(date("2026-08-10")), SEPTEMBER), endOf(SEPTEMBER));

    assertThat(reasonCodes(r.decision())).containsExactly("CONSENT_WITHDRAWN");
  }

  @Test
  void consT03_endOfMonthWithdrawal_wholeMonthCountsWithShippedParameters() {
    ImmutablePatientRecord.Builder record =
        withdrawnOn(date("2026-08-10"))
            .addTimeEntry(staffTime("t1", at("2026-08-10T16:00"), 20))
            .addTimeEntry(staffTime("t2", at("2026-08-31T09:00"), 25));

    AccruedTime time = CoreRules.standard().accrue(TestRecords.ccm(record, AUGUST), endOf(AUGUST));

    assertThat(time.totalMinutes()).isEqualTo(45);
  }

  @Test
  void consT02_backCountingAllowed_coversTheWholeMonth() {
    CoreRules rules = withConsent(c -> c.withCountTimeBeforeConsentInSameMonth(true));
    ImmutablePatientRecord.Builder record =
        record()
            .addEnrollment(ccmEnrollment("e1", date("2026-01-01")))
            .addConsent(ccmConsent("k1", date("2026-08-15")))
            .addTimeEntry(staffTime("t1", at("2026-08-03T10:00"), 15));

    ConsentResult r = rules.consentWindow(TestRecords.ccm(record, AUGUST), endOf(AUGUST));
    AccruedTime time = rules.accrue(TestRecords.ccm(record, AUGUST), endOf(AUGUST));

    assertThat(r.coveredDays())
        .containsExactly(DateRange.ofClosed(date("2026-08-01"), date("2026-08-31")));
    assertThat(r.decision().hasReason(CoreReasonCode.CONSENT_GIVEN_MID_MONTH)).isFalse();
    assertThat(time.totalMinutes()).isEqualTo(15);
  }

  @Test
  void consT04_practitionerCheckOff_consentToAnotherPractitionerCounts() {
    CoreRules rules = withConsent(c -> c.withMustBeGivenToBillingPractitioner(false));
    ImmutablePatientRecord.Builder record =
        record()
            .addEnrollment(enrollment("e2", CareProgram.CCM, DR_B, date("2026-03-01")))
            .addConsent(ccmConsent("k1", date("2025-06-01")));

    ConsentResult r = rules.consentWindow(TestRecords.ccm(record, AUGUST), endOf(AUGUST));

    assertThat(r.decision().outcome()).isEqualTo(Outcome.MET);
  }

  @Test
  void withConsent_replacesOnlyTheCy2026Set() {
    CoreRules rules = withConsent(c -> c.withWithdrawalTakesEffect(WithdrawalTiming.SAME_DAY));

    assertThat(rules.parameters().all()).hasSize(2);
    assertThat(rules.parameters().forDate(date("2025-08-10")).consent().withdrawalTakesEffect())
        .isEqualTo(WithdrawalTiming.END_OF_MONTH);
    assertThat(rules.parameters().forDate(date("2026-08-10")).consent().withdrawalTakesEffect())
        .isEqualTo(WithdrawalTiming.SAME_DAY);
  }
}
