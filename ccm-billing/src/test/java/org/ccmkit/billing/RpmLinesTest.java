package org.ccmkit.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccmkit.billing.Fixtures.DR_A;
import static org.ccmkit.billing.Fixtures.codes;
import static org.ccmkit.billing.Fixtures.reason;
import static org.ccmkit.core.model.CareProgram.CCM;
import static org.ccmkit.core.model.CareProgram.RPM;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.ccmkit.core.json.CcmJson;
import org.ccmkit.core.model.CoverageKind;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.model.Money;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.core.rule.Decision;
import org.ccmkit.core.rule.Outcome;
import org.junit.jupiter.api.Test;

/**
 * RPM codes in the billing catalog: ccm-rpm decides them, the monthly engine never derives them nor
 * takes a request for them, and prices the lines ccm-rpm decided when they come in as {@link
 * ExternalLine}s (amounts: medicare-rules.md §8.3; patient share: §7).
 */
class RpmLinesTest {
  private static final LocalDate MAR_1 = LocalDate.of(2026, 3, 1);
  private static final LocalDate MAR_30 = LocalDate.of(2026, 3, 30);
  private static final LocalDate MAR_31 = LocalDate.of(2026, 3, 31);
  private static final Optional<DateRange> PERIOD = Optional.of(DateRange.ofClosed(MAR_1, MAR_30));
  private static final Optional<DateRange> MARCH = Optional.of(DateRange.ofClosed(MAR_1, MAR_31));

  /** March 2026, Original Medicare, deductible met, no CCM: only what ccm-rpm decided. */
  private static Fixtures.Month rpmMonth() {
    return Fixtures.march2026().coverage(CoverageKind.ORIGINAL_MEDICARE).deductibleRemaining("0");
  }

  private static String money(Optional<Money> m) {
    return m.orElseThrow().amount().toPlainString();
  }

  // ------------------------------------------------------------------ never derived, never
  // requested

  @Test
  void rpmMinutes_neverDerive99457Or99470() {
    BillingResult r =
        Fixtures.march2026()
            .eligible()
            .ready(CCM, DR_A)
            .ready(RPM, DR_A)
            .staff(CCM, 3, 20)
            .staff(RPM, 4, 45)
            .bill();
    assertThat(codes(r)).containsExactly("99490x1");
    assertThat(r.decision("billing.rpm", DR_A)).isEmpty();
  }

  @Test
  void request99454_ignoredAsDecidedByOtherRules() {
    BillingResult r = Fixtures.march2026().ready(RPM, DR_A).request(DR_A, "99454", 30).bill();
    assertThat(r.lines()).isEmpty();
    assertThat(r.decision("billing.rpm", DR_A).orElseThrow().reasons())
        .anyMatch(reason(BillingReasonCode.CODE_FROM_EXTERNAL_RULES));
  }

  // ------------------------------------------------------------------ priced from the catalog

  @Test
  void external99454_2026NonQpNonFacility_52_11_coinsurance10_42_deductibleMet() {
    BillingResult r = rpmMonth().external(DR_A, "99454", 1, MAR_30, PERIOD, "r1", "r2").bill();

    ClaimLine line = r.lines().get(0);
    assertThat(r.lines()).hasSize(1);
    assertThat(line.code()).isEqualTo("99454");
    assertThat(line.program()).contains(RPM);
    assertThat(line.group()).isEqualTo("RPM");
    assertThat(line.billedFrom()).isEqualTo(BilledFrom.EXTERNAL);
    assertThat(line.serviceDate()).isEqualTo(MAR_30);
    assertThat(line.servicePeriod()).isEqualTo(PERIOD);
    assertThat(money(line.unitAmount())).isEqualTo("52.11");
    assertThat(money(line.allowed())).isEqualTo("52.11");
    assertThat(line.amountSource().orElseThrow())
        .startsWith("national NON_FACILITY NON_QP")
        .contains("RVU26C");
    assertThat(line.evidence())
        .containsExactly(SourceRef.of("Observation", "r1"), SourceRef.of("Observation", "r2"));

    PatientShareEstimate e = r.estimate();
    assertThat(e.basis()).isEqualTo(ShareBasis.ORIGINAL_MEDICARE);
    assertThat(e.low().amount().toPlainString()).isEqualTo("10.42");
    assertThat(e.high().amount().toPlainString()).isEqualTo("10.42");
    assertThat(e.lines().get(0).code()).isEqualTo("99454");
    assertThat(e.patientMayBeBilled()).isTrue();

    Decision d = r.decision("billing.rpm", DR_A).orElseThrow();
    assertThat(d.outcome()).isEqualTo(Outcome.MET);
    assertThat(d.program()).contains(RPM);
    assertThat(d.hasReason(BillingReasonCode.BILLED)).isTrue();
    assertThat(d.evidence()).anyMatch(ev -> ev.source().equals(SourceRef.of("Observation", "r1")));
  }

  @Test
  void external99470_2026_26_05_coinsurance5_21() {
    BillingResult r = rpmMonth().external(DR_A, "99470", 1, MAR_31, MARCH, "t1").bill();
    assertThat(money(r.lines().get(0).allowed())).isEqualTo("26.05");
    assertThat(r.estimate().low().amount().toPlainString()).isEqualTo("5.21");
  }

  @Test
  void external99457And99458_2026_51_77And41_42_shares10_35And8_28() {
    BillingResult r =
        rpmMonth()
            .external(DR_A, "99457", 1, MAR_31, MARCH, "t1")
            .external(DR_A, "99458", 1, MAR_31, MARCH, "t1")
            .bill();
    assertThat(codes(r)).containsExactly("99457x1", "99458x1");
    assertThat(r.lines())
        .extracting(l -> l.code() + ":" + money(l.allowed()))
        .containsExactly("99457:51.77", "99458:41.42");
    assertThat(r.estimate().lines())
        .extracting(l -> l.code() + ":" + l.low().amount().toPlainString())
        .containsExactly("99457:10.35", "99458:8.28");
    assertThat(r.estimate().low().amount().toPlainString()).isEqualTo("18.63");
    assertThat(r.estimate().totalAllowed().amount().toPlainString()).isEqualTo("93.19");
  }

  @Test
  void external99454_qualifyingApmParticipant_52_37_and99457Facility_26_39() {
    Fixtures.Month qp = rpmMonth().external(DR_A, "99454", 1, MAR_30, PERIOD, "r1");
    qp.input.addQualifyingApmParticipant(DR_A);
    assertThat(money(qp.bill().lines().get(0).allowed())).isEqualTo("52.37");

    Fixtures.Month facility = rpmMonth().external(DR_A, "99457", 1, MAR_31, MARCH, "t1");
    facility.input.setting(CareSetting.FACILITY);
    assertThat(money(facility.bill().lines().get(0).allowed())).isEqualTo("26.39");
  }

  @Test
  void external99454_2025_43_02_singleFactor() {
    LocalDate end = LocalDate.of(2025, 3, 30);
    BillingResult r =
        Fixtures.month(YearMonth.of(2025, 3))
            .coverage(CoverageKind.ORIGINAL_MEDICARE)
            .deductibleRemaining("0")
            .external(
                DR_A,
                "99454",
                1,
                end,
                Optional.of(DateRange.ofClosed(LocalDate.of(2025, 3, 1), end)),
                "r1")
            .bill();
    assertThat(money(r.lines().get(0).allowed())).isEqualTo("43.02");
    assertThat(r.lines().get(0).amountSource().orElseThrow()).contains("SINGLE", "RVU25A");
    assertThat(r.estimate().low().amount().toPlainString()).isEqualTo("8.60");
  }

  @Test
  void external99454And99457And99458_qmbPatient_zeroShare_mayNotBeBilled() {
    BillingResult r =
        Fixtures.march2026()
            .coverage(CoverageKind.ORIGINAL_MEDICARE)
            .coverage(CoverageKind.MEDICAID, Optional.empty(), true)
            .external(DR_A, "99454", 1, MAR_30, PERIOD, "r1")
            .external(DR_A, "99457", 1, MAR_31, MARCH, "t1")
            .external(DR_A, "99458", 1, MAR_31, MARCH, "t1")
            .bill();
    PatientShareEstimate e = r.estimate();
    assertThat(e.totalAllowed().amount().toPlainString()).isEqualTo("145.30");
    assertThat(e.basis()).isEqualTo(ShareBasis.QMB);
    assertThat(e.low().amount().signum()).isZero();
    assertThat(e.high().amount().signum()).isZero();
    assertThat(e.lines())
        .hasSize(3)
        .allSatisfy(l -> assertThat(l.high().amount().signum()).isZero());
    assertThat(e.patientMayBeBilled()).isFalse();
    assertThat(r.decision("billing.patient-share").orElseThrow().reasons())
        .anyMatch(reason(BillingReasonCode.QMB_PATIENT_MAY_NOT_BE_BILLED));
  }

  @Test
  void external99454WithCcm99490_oneEstimate_deductibleUsedOnce() {
    BillingResult r =
        Fixtures.march2026()
            .eligible()
            .ready(CCM, DR_A)
            .staff(CCM, 3, 20)
            .coverage(CoverageKind.ORIGINAL_MEDICARE)
            .deductibleRemaining("100")
            .external(DR_A, "99454", 1, MAR_30, PERIOD, "r1")
            .bill();
    assertThat(codes(r)).containsExactly("99454x1", "99490x1");
    assertThat(r.claims()).hasSize(1);
    // 99490 on the 3rd takes $66.13 of the $100; 99454 on the 30th: $33.87 + 20% of $18.24.
    assertThat(r.estimate().lines())
        .extracting(l -> l.code() + ":" + l.low().amount().toPlainString())
        .containsExactly("99490:66.13", "99454:37.52");
    assertThat(r.estimate().low().amount().toPlainString()).isEqualTo("103.65");
  }

  @Test
  void twoDevicePeriodsEndingInOneMonth_two99454Lines() {
    LocalDate first = LocalDate.of(2026, 1, 31);
    BillingResult r =
        rpmMonth()
            .external(DR_A, "99454", 1, MAR_1, Optional.of(DateRange.ofClosed(first, MAR_1)), "a")
            .external(
                DR_A,
                "99454",
                1,
                MAR_31,
                Optional.of(DateRange.ofClosed(MAR_1.plusDays(1), MAR_31)),
                "b")
            .bill();
    assertThat(r.lines())
        .extracting(l -> l.serviceDate() + ":" + money(l.allowed()))
        .containsExactly("2026-03-01:52.11", "2026-03-31:52.11");
    assertThat(r.estimate().low().amount().toPlainString()).isEqualTo("20.84");
  }

  // ------------------------------------------------------------------ checks on external lines

  @Test
  void external99458Without99457_addOnWithoutParent() {
    BillingResult r = rpmMonth().external(DR_A, "99458", 1, MAR_31, MARCH, "t1").bill();
    assertThat(r.lines()).isEmpty();
    assertThat(r.decision("billing.rpm", DR_A).orElseThrow().reasons())
        .anyMatch(reason(BillingReasonCode.ADD_ON_WITHOUT_PARENT, "code", "99458"));
  }

  @Test
  void external99457TwoUnits_cappedAtOne() {
    BillingResult r = rpmMonth().external(DR_A, "99457", 2, MAR_31, MARCH, "t1").bill();
    assertThat(codes(r)).containsExactly("99457x1");
    assertThat(r.decision("billing.rpm", DR_A).orElseThrow().reasons())
        .anyMatch(reason(BillingReasonCode.UNITS_CAPPED, "code", "99457"));
  }

  @Test
  void external99445In2025_unknownCode() {
    BillingResult r =
        Fixtures.month(YearMonth.of(2025, 3))
            .external(DR_A, "99445", 1, LocalDate.of(2025, 3, 30), Optional.empty(), "r1")
            .bill();
    assertThat(r.lines()).isEmpty();
    assertThat(r.decision("billing.other", DR_A).orElseThrow().reasons())
        .anyMatch(reason(BillingReasonCode.UNKNOWN_CODE, "code", "99445"));
  }

  @Test
  void external99490_notAnExternalCode_dropped() {
    BillingResult r = rpmMonth().external(DR_A, "99490", 1, MAR_31, Optional.empty(), "t1").bill();
    assertThat(r.lines()).isEmpty();
    assertThat(r.decision("billing.ccm", DR_A).orElseThrow().reasons())
        .anyMatch(reason(BillingReasonCode.NOT_AN_EXTERNAL_CODE, "code", "99490"));
  }

  @Test
  void external99454DatedOutsideTheMonth_reported() {
    LocalDate april = LocalDate.of(2026, 4, 29);
    BillingResult r = rpmMonth().external(DR_A, "99454", 1, april, Optional.empty(), "r1").bill();
    assertThat(r.lines()).isEmpty();
    assertThat(r.decision("billing.rpm", DR_A).orElseThrow().reasons())
        .anyMatch(reason(BillingReasonCode.SERVICE_DATE_OUTSIDE_MONTH, "code", "99454"));
  }

  @Test
  void externalLines_inputOrderDoesNotMatter() {
    Fixtures.Month a =
        rpmMonth()
            .external(DR_A, "99458", 1, MAR_31, MARCH, "t1")
            .external(DR_A, "99454", 1, MAR_30, PERIOD, "r1")
            .external(DR_A, "99457", 1, MAR_31, MARCH, "t1");
    Fixtures.Month b =
        rpmMonth()
            .external(DR_A, "99457", 1, MAR_31, MARCH, "t1")
            .external(DR_A, "99454", 1, MAR_30, PERIOD, "r1")
            .external(DR_A, "99458", 1, MAR_31, MARCH, "t1");
    assertThat(a.input()).isEqualTo(b.input());
    assertThat(CcmJson.write(a.bill())).isEqualTo(CcmJson.write(b.bill()));
    assertThat(CcmJson.read(CcmJson.write(a.input()), BillingInput.class)).isEqualTo(a.input());
  }

  @Test
  void externalLine_dateOutsideItsPeriod_rejected() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                ExternalLine.builder()
                    .code("99454")
                    .practitioner(DR_A)
                    .serviceDate(MAR_31)
                    .servicePeriod(PERIOD)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("99454");
  }
}
