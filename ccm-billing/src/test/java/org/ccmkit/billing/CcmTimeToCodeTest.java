package org.ccmkit.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccmkit.billing.Fixtures.DR_A;
import static org.ccmkit.billing.Fixtures.codes;
import static org.ccmkit.core.model.CareProgram.CCM;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.time.YearMonth;
import org.ccmkit.core.model.Money;
import org.ccmkit.core.rule.Decision;
import org.ccmkit.core.rule.Outcome;
import org.junit.jupiter.api.Test;

/** The CCM time-to-code cases of the rules reference, §1.4 (CCM-T01..T12). */
class CcmTimeToCodeTest {

  private static Fixtures.Month ccm() {
    return Fixtures.march2026().eligible().ready(CCM, DR_A);
  }

  private static Decision ccmDecision(BillingResult r) {
    return r.decision("billing.ccm", DR_A).orElseThrow();
  }

  @Test
  void ccmT01_nineteenStaffMinutes_noCode() {
    BillingResult r = ccm().staff(CCM, 3, 19).bill();
    assertThat(r.lines()).isEmpty();
    Decision d = ccmDecision(r);
    assertThat(d.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(d.hasReason(BillingReasonCode.NO_BILLABLE_CODE)).isTrue();
    assertThat(d.reasons())
        .anyMatch(
            x ->
                x.is(BillingReasonCode.FAMILY_NOT_AVAILABLE)
                    && "99490".equals(x.details().get("code"))
                    && x.message().contains("19 min"));
  }

  @Test
  void ccmT02_twentyStaffMinutes_99490() {
    BillingResult r = ccm().staff(CCM, 3, 20).bill();
    assertThat(codes(r)).containsExactly("99490x1");
    assertThat(r.lines().get(0).allowed()).contains(Money.usd("66.13"));
    assertThat(ccmDecision(r).outcome()).isEqualTo(Outcome.MET);
  }

  @Test
  void ccmT03_thirtyNineStaffMinutes_noPartialAddOn() {
    assertThat(codes(ccm().staff(CCM, 3, 25).staff(CCM, 10, 14).bill())).containsExactly("99490x1");
  }

  @Test
  void ccmT04_fortyStaffMinutes_99490And99439() {
    assertThat(codes(ccm().staff(CCM, 3, 20).staff(CCM, 10, 20).bill()))
        .containsExactly("99439x1", "99490x1");
  }

  @Test
  void ccmT05_seventyFiveMinutesNotComplex_capOfTwo() {
    BillingResult r = ccm().staff(CCM, 3, 40).staff(CCM, 12, 35).bill();
    assertThat(codes(r)).containsExactly("99439x2", "99490x1");
    Decision d = ccmDecision(r);
    assertThat(d.reasons())
        .anyMatch(
            x ->
                x.is(BillingReasonCode.CAP_REACHED)
                    && "2".equals(x.details().get("cap"))
                    && "15".equals(x.details().get("unbilledMinutes")));
    assertThat(d.reasons())
        .anyMatch(
            x ->
                x.is(BillingReasonCode.FAMILY_NOT_AVAILABLE)
                    && "99487".equals(x.details().get("code")));
  }

  @Test
  void ccmT06_seventyFiveMinutesComplex_offersBothNeverBoth() {
    BillingResult r = ccm().staff(CCM, 3, 40).staff(CCM, 12, 35).complexMdm(DR_A, 12).bill();
    // 99487 ($144.29) beats 99490 + 99439 x2 ($66.13 + 2 x $50.44 = $167.01)? No: the staff
    // family pays more, so the default policy keeps it and names complex CCM as not taken.
    assertThat(codes(r)).containsExactly("99439x2", "99490x1");
    Decision d = ccmDecision(r);
    assertThat(d.reasons())
        .anyMatch(
            x ->
                x.is(BillingReasonCode.OPTION_NOT_TAKEN)
                    && "99487".equals(x.details().get("option"))
                    && "144.29".equals(x.details().get("totalAllowed")));
    assertThat(r.lines()).noneMatch(l -> l.code().equals("99487"));
  }

  @Test
  void ccmT06_complexPreferredByPolicy_onlyComplexBilled() {
    BillingEngine prefersComplex =
        CcmBillingRules.builder()
            .selectionPolicy(SelectionPolicies.codePreference(ImmutableList.of("99487")))
            .build();
    BillingResult r =
        ccm().staff(CCM, 3, 40).staff(CCM, 12, 35).complexMdm(DR_A, 12).bill(prefersComplex);
    assertThat(codes(r)).containsExactly("99487x1");
    assertThat(ccmDecision(r).reasons())
        .anyMatch(
            x ->
                x.is(BillingReasonCode.OPTION_NOT_TAKEN)
                    && "99490+99439x2".equals(x.details().get("option")));
  }

  @Test
  void ccmT07_eightyNineMinutesComplex_noAddOn() {
    BillingResult r =
        ccm().staff(CCM, 3, 45).staff(CCM, 12, 44).complexMdm(DR_A, 3).bill(complexFirst());
    assertThat(codes(r)).containsExactly("99487x1");
  }

  @Test
  void ccmT08_hundredTwentyMinutesComplex_99487And99489x2() {
    BillingResult r = ccm().staff(CCM, 3, 60).staff(CCM, 12, 60).complexMdm(DR_A, 3).bill();
    // 99487 + 99489 x2 = $300.61 beats 99490 + 99439 x2 = $167.01 under the default policy.
    assertThat(codes(r)).containsExactly("99487x1", "99489x2");
    assertThat(r.claims().get(0).totalAllowed()).isEqualTo(Money.usd("300.61"));
  }

  @Test
  void ccmT09_twentyNinePractitionerMinutes_countAsStaffTimeNeverBothFamilies() {
    BillingResult r = ccm().practitionerTime(CCM, DR_A, 5, 29).bill();
    assertThat(codes(r)).containsExactly("99490x1");
    assertThat(ccmDecision(r).reasons())
        .anyMatch(
            x ->
                x.is(BillingReasonCode.FAMILY_NOT_AVAILABLE)
                    && "99491".equals(x.details().get("code")));
  }

  @Test
  void ccmT09_practitionerTimeNotStaffWhenSwitchedOff_noCode() {
    BillingEngine strict =
        CcmBillingRules.builder()
            .parameters(
                BillingParameters.builtIn()
                    .with(
                        ImmutableBillingParameters.copyOf(
                                BillingParameters.builtIn().forDate(LocalDate.of(2026, 1, 1)))
                            .withPractitionerTimeCountsAsStaff(false)))
            .build();
    assertThat(ccm().practitionerTime(CCM, DR_A, 5, 29).bill(strict).lines()).isEmpty();
  }

  @Test
  void ccmT09_practitionerAndStaffMinutes_oneFamilyOnly() {
    // 30 practitioner + 20 staff: either 99491 (30 practitioner) or 99490+99439 (50 as staff).
    BillingResult r = ccm().practitionerTime(CCM, DR_A, 5, 30).staff(CCM, 6, 20).bill();
    assertThat(codes(r)).containsExactly("99439x1", "99490x1"); // $116.57 > $89.18
    assertThat(r.lines()).noneMatch(l -> l.code().equals("99491"));
  }

  @Test
  void ccmT10_sixtyPractitionerMinutes_99491And99437() {
    BillingResult r =
        ccm()
            .practitionerTime(CCM, DR_A, 5, 30)
            .practitionerTime(CCM, DR_A, 9, 30)
            .bill(
                CcmBillingRules.builder()
                    .selectionPolicy(SelectionPolicies.codePreference(ImmutableList.of("99491")))
                    .build());
    assertThat(codes(r)).containsExactly("99437x1", "99491x1");
  }

  @Test
  void ccmT10_sixtyPractitionerMinutes_defaultPolicyNamesTheOtherOption() {
    BillingResult r =
        ccm().practitionerTime(CCM, DR_A, 5, 30).practitionerTime(CCM, DR_A, 9, 30).bill();
    // As staff time, 60 minutes bill 99490 + 99439 x2 = $167.01 > 99491 + 99437 = $152.31.
    assertThat(codes(r)).containsExactly("99439x2", "99490x1");
    assertThat(ccmDecision(r).reasons())
        .anyMatch(
            x ->
                x.is(BillingReasonCode.OPTION_NOT_TAKEN)
                    && "99491+99437".equals(x.details().get("option"))
                    && "152.31".equals(x.details().get("totalAllowed")));
  }

  @Test
  void ccmT11_fifteenInFebruaryTenInMarch_neitherBillable() {
    Fixtures.Month feb = Fixtures.month(YearMonth.of(2026, 2)).eligible().ready(CCM, DR_A);
    feb.staff(CCM, 20, 15);
    feb.time(
        CCM,
        Fixtures.RN,
        org.ccmkit.core.model.StaffRole.CLINICAL_STAFF,
        LocalDate.of(2026, 3, 2),
        10);
    BillingInput febInput = feb.input();
    BillingResult february = engine().evaluate(febInput, feb.context());
    BillingResult march =
        engine()
            .evaluate(
                BillingInput.of(febInput.record(), YearMonth.of(2026, 3)),
                org.ccmkit.core.rule.EvaluationContext.endOf(YearMonth.of(2026, 3), Fixtures.ZONE));
    assertThat(february.lines()).isEmpty();
    assertThat(march.lines()).isEmpty();
    assertThat(february.decision("billing.ccm", DR_A).orElseThrow().details())
        .containsEntry("minutes.total", "15");
    assertThat(march.decision("billing.ccm", DR_A).orElseThrow().details())
        .containsEntry("minutes.total", "10");
  }

  @Test
  void ccmT12_thresholdMetOnTheNinth_dateOfServiceIsTheNinth() {
    BillingResult r = ccm().staff(CCM, 2, 12).staff(CCM, 9, 8).staff(CCM, 20, 5).bill();
    assertThat(r.lines())
        .singleElement()
        .satisfies(l -> assertThat(l.serviceDate()).isEqualTo(LocalDate.of(2026, 3, 9)));
  }

  @Test
  void ccmT12_monthEndPolicy_lastDayOfMonth() {
    BillingEngine monthEnd =
        CcmBillingRules.builder()
            .parameters(
                BillingParameters.builtIn()
                    .with(
                        ImmutableBillingParameters.copyOf(
                                BillingParameters.builtIn().forDate(LocalDate.of(2026, 1, 1)))
                            .withDateOfService(DateOfServicePolicy.MONTH_END)))
            .build();
    BillingResult r = ccm().staff(CCM, 2, 12).staff(CCM, 9, 8).bill(monthEnd);
    assertThat(r.lines())
        .singleElement()
        .satisfies(l -> assertThat(l.serviceDate()).isEqualTo(LocalDate.of(2026, 3, 31)));
  }

  @Test
  void ccmT12_addOnUnits_dateIsWhenTheLastBilledBlockWasReached() {
    BillingResult r = ccm().staff(CCM, 2, 20).staff(CCM, 9, 20).staff(CCM, 20, 10).bill();
    assertThat(r.lines())
        .allSatisfy(l -> assertThat(l.serviceDate()).isEqualTo(LocalDate.of(2026, 3, 9)));
  }

  private static BillingEngine complexFirst() {
    return CcmBillingRules.builder()
        .selectionPolicy(SelectionPolicies.codePreference(ImmutableList.of("99487")))
        .build();
  }

  private static BillingEngine engine() {
    return Fixtures.engine();
  }
}
