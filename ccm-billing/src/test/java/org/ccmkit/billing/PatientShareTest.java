package org.ccmkit.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccmkit.billing.Fixtures.DR_A;
import static org.ccmkit.core.model.CareProgram.CCM;

import java.math.BigDecimal;
import java.util.Optional;
import org.ccmkit.core.model.CoverageKind;
import org.ccmkit.core.model.Money;
import org.ccmkit.core.rule.Decision;
import org.ccmkit.core.rule.Outcome;
import org.junit.jupiter.api.Test;

/** The cost-sharing cases of the rules reference, §7 (COST-T01..T06), and the estimate's rules. */
class PatientShareTest {

  /** 2026, 99490 alone ($66.13 national non-facility, non-QP). */
  private static Fixtures.Month ccm20() {
    return Fixtures.march2026().eligible().ready(CCM, DR_A).staff(CCM, 3, 20);
  }

  private static Decision shareDecision(BillingResult r) {
    return r.decision("billing.patient-share").orElseThrow();
  }

  @Test
  void costT01_deductibleMet_coinsurance1323() {
    BillingResult r =
        ccm20().coverage(CoverageKind.ORIGINAL_MEDICARE).deductibleRemaining("0").bill();
    assertThat(r.estimate().basis()).isEqualTo(ShareBasis.ORIGINAL_MEDICARE);
    assertThat(r.estimate().low()).isEqualTo(Money.usd("13.23"));
    assertThat(r.estimate().high()).isEqualTo(Money.usd("13.23"));
    assertThat(r.estimate().lines().get(0).allowed()).contains(Money.usd("66.13"));
  }

  @Test
  void costT02_nothingOf283Met_patientPaysAll() {
    BillingResult r =
        ccm20().coverage(CoverageKind.ORIGINAL_MEDICARE).deductibleRemaining("283").bill();
    assertThat(r.estimate().low()).isEqualTo(Money.usd("66.13"));
    assertThat(r.estimate().high()).isEqualTo(Money.usd("66.13"));
    assertThat(shareDecision(r).details()).containsEntry("partBDeductible", "283.00");
  }

  @Test
  void costT03_qmb_zeroAndMayNotBeBilled() {
    BillingResult r =
        ccm20()
            .coverage(CoverageKind.ORIGINAL_MEDICARE)
            .coverage(CoverageKind.MEDICAID, Optional.empty(), true)
            .bill();
    assertThat(r.estimate().basis()).isEqualTo(ShareBasis.QMB);
    assertThat(r.estimate().high()).isEqualTo(Money.usd("0"));
    assertThat(r.estimate().patientMayBeBilled()).isFalse();
    assertThat(shareDecision(r).hasReason(BillingReasonCode.QMB_PATIENT_MAY_NOT_BE_BILLED))
        .isTrue();
  }

  @Test
  void costT04_medigapG_deductibleMet_zero() {
    BillingResult r = ccm20().medigap("G").deductibleRemaining("0").bill();
    assertThat(r.estimate().basis()).isEqualTo(ShareBasis.MEDIGAP);
    assertThat(r.estimate().low()).isEqualTo(Money.usd("0"));
    assertThat(r.estimate().high()).isEqualTo(Money.usd("0"));
  }

  @Test
  void costT05_medigapK_deductibleMet_halfTheCoinsurance() {
    BillingResult r = ccm20().medigap("K").deductibleRemaining("0").bill();
    assertThat(r.estimate().low()).isEqualTo(Money.usd("6.61"));
    assertThat(r.estimate().high()).isEqualTo(Money.usd("6.61"));
  }

  @Test
  void costT06_medicareAdvantageWithoutPlanData_noEstimate() {
    BillingResult r = ccm20().coverage(CoverageKind.MEDICARE_ADVANTAGE).bill();
    assertThat(r.estimate().estimated()).isFalse();
    assertThat(r.estimate().basis()).isEqualTo(ShareBasis.MEDICARE_ADVANTAGE);
    Decision d = shareDecision(r);
    assertThat(d.outcome()).isEqualTo(Outcome.INDETERMINATE);
    assertThat(d.hasReason(BillingReasonCode.MEDICARE_ADVANTAGE_NOT_ESTIMATED)).isTrue();
  }

  @Test
  void costT06_medicareAdvantageWithPlanCostSharing_estimated() {
    Fixtures.Month m = ccm20().coverage(CoverageKind.MEDICARE_ADVANTAGE);
    m.input.planCostSharing(
        PlanCostSharing.builder().planId("H0000-001").copayPerLine(Money.usd("10")).build());
    BillingResult r = m.bill();
    assertThat(r.estimate().estimated()).isTrue();
    assertThat(r.estimate().low()).isEqualTo(Money.usd("10.00"));
  }

  @Test
  void medicareAdvantageCoinsurance_roundedHalfUp() {
    Fixtures.Month m = ccm20().coverage(CoverageKind.MEDICARE_ADVANTAGE);
    m.input.planCostSharing(
        PlanCostSharing.builder()
            .planId("H0000-002")
            .coinsuranceRate(new BigDecimal("0.15"))
            .build());
    assertThat(m.bill().estimate().low()).isEqualTo(Money.usd("9.92")); // 9.9195
  }

  @Test
  void deductibleUnknown_rangeFromMetToNotMet() {
    BillingResult r = ccm20().coverage(CoverageKind.ORIGINAL_MEDICARE).bill();
    assertThat(r.estimate().low()).isEqualTo(Money.usd("13.23"));
    assertThat(r.estimate().high()).isEqualTo(Money.usd("66.13"));
    assertThat(shareDecision(r).hasReason(BillingReasonCode.DEDUCTIBLE_UNKNOWN)).isTrue();
  }

  @Test
  void deductibleUsedUpLineByLine_totalIsSumOfRoundedLines() {
    // 99439 x2 ($100.88) then 99490 ($66.13), same date: $100 deductible left.
    BillingResult r =
        Fixtures.march2026()
            .eligible()
            .ready(CCM, DR_A)
            .staff(CCM, 3, 60)
            .coverage(CoverageKind.ORIGINAL_MEDICARE)
            .deductibleRemaining("100")
            .bill();
    assertThat(r.estimate().lines()).extracting(LineShare::code).containsExactly("99439", "99490");
    assertThat(r.estimate().lines().get(0).low())
        .isEqualTo(Money.usd("100.18")); // 100 + 0.2 x 0.88
    assertThat(r.estimate().lines().get(1).low()).isEqualTo(Money.usd("13.23"));
    assertThat(r.estimate().low()).isEqualTo(Money.usd("113.41"));
  }

  @Test
  void medigapL_quarterOfTheCoinsurance() {
    assertThat(ccm20().medigap("L").deductibleRemaining("0").bill().estimate().low())
        .isEqualTo(Money.usd("3.31")); // 13.226 x 0.25 = 3.3065
  }

  @Test
  void medigapN_copayUnconfirmed_range() {
    BillingResult r = ccm20().medigap("N").deductibleRemaining("0").bill();
    assertThat(r.estimate().low()).isEqualTo(Money.usd("0"));
    assertThat(r.estimate().high()).isEqualTo(Money.usd("13.23"));
    assertThat(shareDecision(r).hasReason(BillingReasonCode.MEDIGAP_COPAY_UNCONFIRMED)).isTrue();
  }

  @Test
  void medigapC_paysTheDeductible() {
    assertThat(ccm20().medigap("C").deductibleRemaining("283").bill().estimate().high())
        .isEqualTo(Money.usd("0"));
  }

  @Test
  void medigapNotConfigured_rangeFromZeroToNoSupplement() {
    BillingResult r = ccm20().medigap("J").deductibleRemaining("283").bill();
    assertThat(r.estimate().low()).isEqualTo(Money.usd("0"));
    assertThat(r.estimate().high()).isEqualTo(Money.usd("66.13"));
    assertThat(shareDecision(r).hasReason(BillingReasonCode.MEDIGAP_PLAN_NOT_CONFIGURED)).isTrue();
  }

  @Test
  void fullBenefitDual_defaultRange() {
    BillingResult r =
        ccm20()
            .coverage(CoverageKind.ORIGINAL_MEDICARE)
            .coverage(CoverageKind.MEDICAID)
            .deductibleRemaining("0")
            .bill();
    assertThat(r.estimate().basis()).isEqualTo(ShareBasis.DUAL_ELIGIBLE);
    assertThat(r.estimate().low()).isEqualTo(Money.usd("0"));
    assertThat(r.estimate().high()).isEqualTo(Money.usd("13.23"));
  }

  @Test
  void noCoverageOnFile_estimatedAsOriginalMedicareWithWarning() {
    BillingResult r = ccm20().deductibleRemaining("0").bill();
    assertThat(r.estimate().low()).isEqualTo(Money.usd("13.23"));
    assertThat(shareDecision(r).hasReason(BillingReasonCode.COVERAGE_UNKNOWN)).isTrue();
  }

  @Test
  void nothingBilled_noEstimate() {
    BillingResult r = Fixtures.march2026().eligible().ready(CCM, DR_A).staff(CCM, 3, 5).bill();
    assertThat(r.estimate().lines()).isEmpty();
    assertThat(shareDecision(r).hasReason(BillingReasonCode.NOTHING_BILLED)).isTrue();
  }

  @Test
  void qualifyingApmParticipant_pricedWithQpFactor() {
    Fixtures.Month m = ccm20();
    m.input.addQualifyingApmParticipant(DR_A);
    assertThat(m.bill().lines().get(0).allowed()).contains(Money.usd("66.46"));
  }

  @Test
  void facilitySetting_facilityAmount() {
    Fixtures.Month m = ccm20();
    m.input.setting(CareSetting.FACILITY);
    assertThat(m.bill().lines().get(0).allowed()).contains(Money.usd("43.76"));
  }

  @Test
  void moneyRoundsHalfUpOnce() {
    assertThat(Money.usd(new BigDecimal("10.085"))).isEqualTo(Money.usd("10.09"));
    assertThat(Money.usd(new BigDecimal("10.084999"))).isEqualTo(Money.usd("10.08"));
    assertThat(Money.usd("13.226").toString()).isEqualTo("USD 13.23");
  }
}
