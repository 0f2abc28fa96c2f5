package org.ccmkit.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ccmkit.billing.Fixtures.DR_A;
import static org.ccmkit.billing.Fixtures.PROGRAM_START;
import static org.ccmkit.billing.Fixtures.codes;
import static org.ccmkit.billing.Fixtures.reason;
import static org.ccmkit.core.model.CareProgram.APCM;
import static org.ccmkit.core.model.CareProgram.BHI;
import static org.ccmkit.core.model.CareProgram.CCM;
import static org.ccmkit.core.model.CareProgram.PCM;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.ccmkit.core.model.CoverageKind;
import org.ccmkit.core.rule.CcmException;
import org.ccmkit.core.rule.Decision;
import org.ccmkit.core.rule.ErrorCode;
import org.ccmkit.core.rule.EvaluationContext;
import org.ccmkit.core.rule.Outcome;
import org.ccmkit.core.rules.CoreReasonCode;
import org.junit.jupiter.api.Test;

/**
 * Prerequisites (no line without consent, eligibility MET, initiating visit) and other programs.
 */
class ProgramsTest {

  @Test
  void noConsent_noLine() {
    BillingResult r =
        Fixtures.march2026()
            .eligible()
            .enrolled(CCM, DR_A, PROGRAM_START)
            .visit(DR_A, PROGRAM_START.minusDays(10), "99214")
            .staff(CCM, 3, 45)
            .bill();
    assertThat(r.lines()).isEmpty();
    Decision d = r.decision("billing.ccm", DR_A).orElseThrow();
    assertThat(d.hasReason(CoreReasonCode.CONSENT_MISSING)).isTrue();
    assertThat(d.reasons())
        .anyMatch(reason(BillingReasonCode.PREREQUISITE_NOT_MET, "rule", "core.consent"));
  }

  @Test
  void eligibilityIndeterminate_noLine() {
    BillingResult r =
        Fixtures.march2026()
            .condition("E11.9")
            .condition("I10")
            .ready(CCM, DR_A)
            .staff(CCM, 3, 45)
            .bill();
    assertThat(r.lines()).isEmpty();
    Decision d = r.decision("billing.ccm", DR_A).orElseThrow();
    assertThat(d.outcome()).isEqualTo(Outcome.INDETERMINATE);
    assertThat(d.hasReason(CoreReasonCode.SIGNIFICANT_RISK_ATTESTATION_PENDING)).isTrue();
    assertThat(d.hasReason(BillingReasonCode.PREREQUISITE_INDETERMINATE)).isTrue();
  }

  @Test
  void oneChronicCondition_noCcm() {
    BillingResult r =
        Fixtures.march2026()
            .condition("E11.9")
            .riskAttested()
            .ready(CCM, DR_A)
            .staff(CCM, 3, 45)
            .bill();
    assertThat(r.lines()).isEmpty();
    assertThat(
            r.decision("billing.ccm", DR_A)
                .orElseThrow()
                .hasReason(CoreReasonCode.TOO_FEW_CHRONIC_CONDITIONS))
        .isTrue();
  }

  @Test
  void initiatingVisitRequired_noLine() {
    BillingResult r =
        Fixtures.march2026()
            .eligible()
            .enrolled(CCM, DR_A, PROGRAM_START)
            .consent(CCM, DR_A, PROGRAM_START)
            .visit(DR_A, PROGRAM_START.minusDays(400), "99214")
            .staff(CCM, 3, 45)
            .bill();
    assertThat(r.lines()).isEmpty();
    assertThat(
            r.decision("billing.ccm", DR_A)
                .orElseThrow()
                .hasReason(CoreReasonCode.INITIATING_VISIT_REQUIRED))
        .isTrue();
  }

  @Test
  void timeWithoutEnrollment_reportedNotBilled() {
    BillingResult r = Fixtures.march2026().eligible().staff(CCM, 3, 45).bill();
    assertThat(r.lines()).isEmpty();
    assertThat(r.decisions())
        .anyMatch(
            d ->
                d.ruleId().name().equals("billing.ccm")
                    && d.hasReason(CoreReasonCode.NOT_ENROLLED));
  }

  @Test
  void pcm_practitionerAndStaffFamilies() {
    assertThat(
            codes(
                Fixtures.march2026()
                    .eligible()
                    .ready(PCM, DR_A)
                    .practitionerTime(PCM, DR_A, 3, 30)
                    .bill()))
        .containsExactly("99424x1");
    assertThat(codes(Fixtures.march2026().eligible().ready(PCM, DR_A).staff(PCM, 3, 65).bill()))
        .containsExactly("99426x1", "99427x1");
  }

  @Test
  void bhi_twentyStaffMinutes_99484() {
    assertThat(codes(Fixtures.march2026().ready(BHI, DR_A).staff(BHI, 3, 20).bill()))
        .containsExactly("99484x1");
  }

  @Test
  void cocm_firstMonth_99492() {
    Fixtures.Month m =
        Fixtures.march2026()
            .enrolled(BHI, DR_A, LocalDate.of(2026, 3, 2))
            .consent(BHI, DR_A, LocalDate.of(2026, 3, 2))
            .staff(BHI, 3, 40)
            .staff(BHI, 10, 35);
    m.input.addCollaborativeCarePractitioner(DR_A);
    BillingResult r = m.bill();
    assertThat(codes(r)).containsExactly("99492x1");
    assertThat(r.decision("billing.bhi", DR_A).orElseThrow().reasons())
        .anyMatch(reason(BillingReasonCode.OPTION_NOT_TAKEN, "option", "99484"));
  }

  @Test
  void cocm_laterMonth_99493AndAddOn() {
    Fixtures.Month m = Fixtures.march2026().ready(BHI, DR_A).staff(BHI, 3, 50).staff(BHI, 10, 45);
    m.input.addCollaborativeCarePractitioner(DR_A);
    assertThat(codes(m.bill())).containsExactly("99493x1", "99494x1");
  }

  @Test
  void cocm_shortLaterMonth_g2214() {
    Fixtures.Month m = Fixtures.march2026().ready(BHI, DR_A).staff(BHI, 3, 40);
    m.input.addCollaborativeCarePractitioner(DR_A);
    assertThat(codes(m.bill())).containsExactly("G2214x1"); // $60.79 over 99484 $57.45
  }

  @Test
  void cocm_withoutTheModel_generalBhiOnly() {
    assertThat(codes(Fixtures.march2026().ready(BHI, DR_A).staff(BHI, 3, 95).bill()))
        .containsExactly("99484x1");
  }

  @Test
  void apcm_tiersByConditionsAndQmb() {
    assertThat(codes(Fixtures.march2026().condition("E11.9").ready(APCM, DR_A).bill()))
        .containsExactly("G0556x1");
    assertThat(codes(Fixtures.march2026().eligible().ready(APCM, DR_A).bill()))
        .containsExactly("G0557x1");
    assertThat(
            codes(
                Fixtures.march2026()
                    .eligible()
                    .ready(APCM, DR_A)
                    .coverage(CoverageKind.MEDICAID, Optional.empty(), true)
                    .bill()))
        .containsExactly("G0558x1");
  }

  @Test
  void apcm_dateOfService_firstDayEnrollmentAndConsentHold() {
    BillingResult r =
        Fixtures.march2026()
            .eligible()
            .enrolled(APCM, DR_A, LocalDate.of(2026, 3, 5))
            .consent(APCM, DR_A, LocalDate.of(2026, 3, 9))
            .bill();
    assertThat(r.lines())
        .singleElement()
        .satisfies(l -> assertThat(l.serviceDate()).isEqualTo(LocalDate.of(2026, 3, 9)));
  }

  @Test
  void apcm2025_amountUnconfirmed_billedWithoutAmount() {
    BillingResult r = Fixtures.month(YearMonth.of(2025, 10)).eligible().ready(APCM, DR_A).bill();
    assertThat(r.lines()).singleElement().satisfies(l -> assertThat(l.allowed()).isEmpty());
    assertThat(
            r.decision("billing.apcm", DR_A)
                .orElseThrow()
                .hasReason(BillingReasonCode.AMOUNT_UNKNOWN))
        .isTrue();
  }

  @Test
  void ccm2025_amountsOf2025() {
    BillingResult r =
        Fixtures.month(YearMonth.of(2025, 10)).eligible().ready(CCM, DR_A).staff(CCM, 3, 20).bill();
    assertThat(r.lines().get(0).allowed().orElseThrow().amount()).isEqualByComparingTo("60.49");
    assertThat(r.catalogVersion()).isEqualTo("CY2025.1");
  }

  @Test
  void initT03_g0506WithoutInitiatingVisit_rejected() {
    BillingResult r =
        Fixtures.march2026()
            .eligible()
            .ready(CCM, DR_A)
            .staff(CCM, 3, 20)
            .request(DR_A, "G0506", 3)
            .bill();
    assertThat(codes(r)).containsExactly("99490x1");
    assertThat(r.decision("billing.ccm", DR_A).orElseThrow().reasons())
        .anyMatch(reason(BillingReasonCode.REQUIREMENT_NOT_MET, "code", "G0506"));
  }

  @Test
  void g0506WithInitiatingVisitInMonth_billed() {
    BillingResult r =
        Fixtures.march2026()
            .eligible()
            .ready(CCM, DR_A)
            .visit(DR_A, LocalDate.of(2026, 3, 3), "99215")
            .staff(CCM, 3, 20)
            .request(DR_A, "G0506", 3)
            .bill();
    assertThat(codes(r)).containsExactly("99490x1", "G0506x1");
  }

  @Test
  void requestedUnknownOrDerivedCode_reported() {
    BillingResult r =
        Fixtures.march2026()
            .eligible()
            .ready(CCM, DR_A)
            .staff(CCM, 3, 20)
            .request(DR_A, "12345", 3)
            .request(DR_A, "99439", 3)
            .bill();
    assertThat(codes(r)).containsExactly("99490x1");
    assertThat(r.decision("billing.other", DR_A).orElseThrow().reasons())
        .anyMatch(reason(BillingReasonCode.UNKNOWN_CODE, "code", "12345"));
    assertThat(
            r.decision("billing.ccm", DR_A)
                .orElseThrow()
                .hasReason(BillingReasonCode.CODE_DERIVED_BY_ENGINE))
        .isTrue();
  }

  @Test
  void runDateBeforeTheMonth_invalidInput() {
    Fixtures.Month m = Fixtures.march2026().eligible();
    assertThatThrownBy(
            () ->
                Fixtures.engine()
                    .evaluate(
                        m.input(), EvaluationContext.of(LocalDate.of(2026, 2, 27), Fixtures.ZONE)))
        .isInstanceOfSatisfying(
            CcmException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_INPUT));
  }

  @Test
  void monthWithoutCatalog_noParametersForDate() {
    Fixtures.Month m = Fixtures.month(YearMonth.of(2024, 5)).eligible();
    assertThatThrownBy(() -> m.bill())
        .isInstanceOfSatisfying(
            CcmException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.NO_PARAMETERS_FOR_DATE));
  }

  @Test
  void runAfterTheMonth_coreDecidesAsOfMonthEnd() {
    Fixtures.Month m = Fixtures.march2026().eligible().ready(CCM, DR_A).staff(CCM, 3, 20);
    BillingResult late =
        Fixtures.engine()
            .evaluate(m.input(), EvaluationContext.of(LocalDate.of(2026, 4, 10), Fixtures.ZONE));
    assertThat(codes(late)).containsExactly("99490x1");
    assertThat(late.decision("billing.ccm", DR_A).orElseThrow().asOf())
        .isEqualTo(LocalDate.of(2026, 3, 31));
  }
}
