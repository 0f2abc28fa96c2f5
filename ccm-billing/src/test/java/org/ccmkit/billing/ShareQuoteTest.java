package org.ccmkit.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.ccmkit.core.model.Coverage;
import org.ccmkit.core.model.CoverageKind;
import org.ccmkit.core.model.Money;
import org.ccmkit.core.model.Patient;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.core.rule.CcmException;
import org.ccmkit.core.rule.ErrorCode;
import org.ccmkit.core.rule.EvaluationContext;
import org.junit.jupiter.api.Test;

/** {@link BillingEngine#quote}: the share of 99490 for a patient not enrolled (§7, COST-T*). */
class ShareQuoteTest {
  private static final BillingEngine ENGINE = CcmBillingRules.standard();
  private static final YearMonth MARCH = YearMonth.of(2026, 3);
  private static final EvaluationContext CTX =
      EvaluationContext.of(LocalDate.of(2026, 3, 31), ZoneId.of("America/New_York"));
  private static final PractitionerRef DR = PractitionerRef.of("dr-a");

  private static ShareQuote quote(BillingInput in) {
    return ENGINE.quote(in, "99490", DR, CTX);
  }

  private static Coverage coverage(String id, CoverageKind kind) {
    return Coverage.builder()
        .source(SourceRef.of("Coverage", id))
        .patient(PatientRef.of("p1"))
        .kind(kind)
        .build();
  }

  @Test
  void quote_noCoverageOnFile_originalMedicareRangeWithCoverageUnknown() {
    ShareQuote q =
        quote(BillingInput.of(PatientRecord.builder().patient(Patient.of("p1")).build(), MARCH));

    assertThat(q.code()).isEqualTo("99490");
    assertThat(q.estimate().basis()).isEqualTo(ShareBasis.ORIGINAL_MEDICARE);
    assertThat(q.estimate().low()).isEqualTo(Money.usd("13.23")); // COST-T01
    assertThat(q.estimate().high()).isEqualTo(Money.usd("66.13")); // COST-T02
    assertThat(q.estimate().lines().get(0).allowed()).contains(Money.usd("66.13"));
    assertThat(q.decision().hasReason(BillingReasonCode.COVERAGE_UNKNOWN)).isTrue();
    assertThat(q.decision().hasReason(BillingReasonCode.DEDUCTIBLE_UNKNOWN)).isTrue();
  }

  @Test
  void quote_qmb_zeroAndMayNotBeBilled() {
    Coverage qmb =
        Coverage.builder().from(coverage("cov-2", CoverageKind.MEDICAID)).qmb(true).build();
    PatientRecord r =
        PatientRecord.builder()
            .patient(Patient.of("p1"))
            .addCoverages(coverage("cov-1", CoverageKind.ORIGINAL_MEDICARE), qmb)
            .build();

    ShareQuote q = quote(BillingInput.of(r, MARCH));

    assertThat(q.estimate().basis()).isEqualTo(ShareBasis.QMB);
    assertThat(q.estimate().high()).isEqualTo(Money.usd("0"));
    assertThat(q.estimate().patientMayBeBilled()).isFalse();
  }

  @Test
  void quote_medigapK_deductibleMet_halfTheCoinsurance() {
    Coverage k =
        Coverage.builder().from(coverage("cov-1", CoverageKind.MEDIGAP)).medigapPlan("K").build();
    BillingInput in =
        BillingInput.builder()
            .record(PatientRecord.builder().patient(Patient.of("p1")).addCoverage(k).build())
            .month(MARCH)
            .deductibleRemaining(Money.usd("0"))
            .build();

    assertThat(quote(in).estimate().high()).isEqualTo(Money.usd("6.61")); // COST-T05
  }

  @Test
  void quote_medicareAdvantageWithoutPlanData_notEstimated() {
    PatientRecord r =
        PatientRecord.builder()
            .patient(Patient.of("p1"))
            .addCoverage(coverage("cov-1", CoverageKind.MEDICARE_ADVANTAGE))
            .build();

    assertThat(quote(BillingInput.of(r, MARCH)).estimate().estimated()).isFalse(); // COST-T06
  }

  @Test
  void quote_unknownCode_invalidInput() {
    BillingInput in =
        BillingInput.of(PatientRecord.builder().patient(Patient.of("p1")).build(), MARCH);

    assertThatThrownBy(() -> ENGINE.quote(in, "00000", DR, CTX))
        .isInstanceOfSatisfying(
            CcmException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_INPUT));
  }
}
