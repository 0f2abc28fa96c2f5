package org.ccmkit.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccmkit.billing.Fixtures.DR_A;
import static org.ccmkit.billing.Fixtures.DR_B;
import static org.ccmkit.billing.Fixtures.RN;
import static org.ccmkit.billing.Fixtures.codes;
import static org.ccmkit.billing.Fixtures.reason;
import static org.ccmkit.core.model.CareProgram.APCM;
import static org.ccmkit.core.model.CareProgram.CCM;
import static org.ccmkit.core.model.CareProgram.PCM;
import static org.ccmkit.core.model.CareProgram.RPM;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import org.ccmkit.core.model.StaffRole;
import org.ccmkit.core.rule.Decision;
import org.ccmkit.core.rule.Outcome;
import org.ccmkit.core.rules.CoreReasonCode;
import org.junit.jupiter.api.Test;

/** The concurrency cases of the rules reference, §2.5 (CONC-T01..T06), and the pairs' switches. */
class ConcurrencyTest {
  private static final YearMonth JUNE = YearMonth.of(2026, 6);
  private static final YearMonth JULY = YearMonth.of(2026, 7);

  @Test
  void concT01_samePractitionerCcmAndPcm_conflictKeepsHigherPaying() {
    BillingResult r =
        Fixtures.month(JUNE)
            .eligible()
            .ready(CCM, DR_A)
            .ready(PCM, DR_A)
            .staff(CCM, 4, 25)
            .practitionerTime(PCM, DR_A, 8, 30)
            .bill();
    assertThat(codes(r)).containsExactly("99424x1"); // $87.51 over 99490 $66.13
    Decision ccm = r.decision("billing.ccm", DR_A).orElseThrow();
    assertThat(ccm.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(ccm.reasons())
        .anyMatch(reason(BillingReasonCode.CONCURRENCY_CONFLICT, "pair", "ccm-pcm"));
    assertThat(r.decision("billing.pcm", DR_A).orElseThrow().reasons())
        .anyMatch(reason(BillingReasonCode.CONCURRENCY_KEPT, "notBilled", "CCM:99490"));
  }

  @Test
  void concT01_pcmClaimOnFile_ccmNotBilled() {
    BillingResult r =
        Fixtures.month(JUNE)
            .eligible()
            .ready(CCM, DR_A)
            .staff(CCM, 4, 45)
            .claim("Claim", DR_A, "99424", 2, false)
            .bill();
    assertThat(r.lines()).isEmpty();
    assertThat(r.decision("billing.ccm", DR_A).orElseThrow().reasons())
        .anyMatch(reason(BillingReasonCode.CONCURRENCY_CONFLICT, "pair", "ccm-pcm"));
  }

  @Test
  void concT01_differentPractitioners_allowedWithWarning_q4Default() {
    BillingResult r =
        Fixtures.month(JUNE)
            .eligible()
            .ready(CCM, DR_A)
            .ready(PCM, DR_B)
            .staff(CCM, 4, 25)
            .practitionerTime(PCM, DR_B, 8, 30)
            .bill();
    assertThat(codes(r)).containsExactly("99424x1", "99490x1");
    assertThat(r.decision("billing.ccm", DR_A).orElseThrow().reasons())
        .anyMatch(reason(BillingReasonCode.CONCURRENCY_WARNING, "pair", "ccm-pcm"));
  }

  @Test
  void concT02_tcmEpisodeAndCcm_bothBillable() {
    BillingResult r =
        Fixtures.month(JUNE)
            .eligible()
            .ready(CCM, DR_A)
            .staff(CCM, 12, 25)
            .request(DR_A, "99495", 10)
            .bill();
    assertThat(codes(r)).containsExactly("99490x1", "99495x1");
    assertThat(r.decision("billing.tcm", DR_A).orElseThrow().isMet()).isTrue();
  }

  @Test
  void concT03_minutesTaggedToCcmAndRpm_doubleCountedMinutesRejected() {
    LocalDateTime ten = LocalDateTime.of(2026, 6, 3, 10, 0);
    BillingResult r =
        Fixtures.month(JUNE)
            .eligible()
            .ready(CCM, DR_A)
            .timeAt(CCM, RN, StaffRole.CLINICAL_STAFF, ten, 20)
            .timeAt(RPM, RN, StaffRole.CLINICAL_STAFF, ten.plusMinutes(5), 20)
            .bill();
    assertThat(r.lines()).isEmpty(); // only 5 of the 20 CCM minutes are CCM's alone
    Decision ccm = r.decision("billing.ccm", DR_A).orElseThrow();
    assertThat(ccm.hasReason(CoreReasonCode.MINUTES_TAGGED_TO_TWO_PROGRAMS)).isTrue();
    assertThat(ccm.details()).containsEntry("minutes.total", "5");
  }

  @Test
  void concT04_apcmAndCcmSamePractitioner_conflictNeverBoth() {
    BillingResult r =
        Fixtures.month(JULY).eligible().ready(CCM, DR_A).ready(APCM, DR_A).staff(CCM, 4, 20).bill();
    assertThat(codes(r)).containsExactly("99490x1"); // $66.13 over G0557 $53.78
    assertThat(r.decision("billing.apcm", DR_A).orElseThrow().reasons())
        .anyMatch(reason(BillingReasonCode.CONCURRENCY_CONFLICT, "pair", "ccm-apcm"));
  }

  @Test
  void concT04_apcmClaimOnFile_ccmFlagged() {
    BillingResult r =
        Fixtures.month(JULY)
            .eligible()
            .ready(CCM, DR_A)
            .staff(CCM, 4, 20)
            .claim("Claim", DR_A, "G0557", 1, false)
            .bill();
    assertThat(r.lines()).isEmpty();
    assertThat(r.decision("billing.ccm", DR_A).orElseThrow().reasons())
        .anyMatch(reason(BillingReasonCode.CONCURRENCY_CONFLICT, "pair", "ccm-apcm"));
  }

  @Test
  void concT05_apcmAddOnWithoutBase_rejected() {
    BillingResult r =
        Fixtures.month(JULY)
            .eligible()
            .consent(APCM, DR_A, LocalDate.of(2026, 7, 1))
            .request(DR_A, "G0568", 15)
            .bill();
    assertThat(r.lines()).isEmpty();
    assertThat(r.decision("billing.apcm", DR_A).orElseThrow().reasons())
        .anyMatch(reason(BillingReasonCode.ADD_ON_WITHOUT_PARENT, "code", "G0568"));
  }

  @Test
  void concT05_apcmAddOnWithBaseBySamePractitioner_billed() {
    BillingResult r =
        Fixtures.month(JULY).eligible().ready(APCM, DR_A).request(DR_A, "G0568", 15).bill();
    assertThat(codes(r)).containsExactly("G0557x1", "G0568x1");
  }

  @Test
  void concT05_apcmAddOnWithBaseByAnotherPractitioner_rejected() {
    BillingResult r =
        Fixtures.month(JULY)
            .eligible()
            .ready(APCM, DR_A)
            .consent(APCM, DR_B, LocalDate.of(2026, 7, 1))
            .request(DR_B, "G0568", 15)
            .bill();
    assertThat(codes(r)).containsExactly("G0557x1");
    assertThat(r.decision("billing.apcm", DR_B).orElseThrow().reasons())
        .anyMatch(reason(BillingReasonCode.ADD_ON_WITHOUT_PARENT, "code", "G0568"));
  }

  @Test
  void concT06_ccmWithCarePlanOversightOnFile_blockedByDefault() {
    BillingResult r =
        Fixtures.month(JUNE)
            .eligible()
            .ready(CCM, DR_A)
            .staff(CCM, 4, 30)
            .claim("Claim", DR_A, "G0181", 30, false)
            .bill();
    assertThat(r.lines()).isEmpty();
    Decision ccm = r.decision("billing.ccm", DR_A).orElseThrow();
    assertThat(ccm.reasons())
        .anyMatch(reason(BillingReasonCode.CONCURRENCY_BLOCKED, "pair", "ccm-cpo"));
    assertThat(ccm.reasons()).anyMatch(r2 -> r2.message().contains("Q6"));
  }

  @Test
  void concT06_ccmWithRequestedCarePlanOversight_ccmBlockedOversightBilled() {
    BillingResult r =
        Fixtures.month(JUNE)
            .eligible()
            .ready(CCM, DR_A)
            .staff(CCM, 4, 30)
            .request(DR_A, "G0181", 30)
            .bill();
    assertThat(codes(r)).containsExactly("G0181x1");
  }

  @Test
  void concT06_switchedToAllow_bothBilled() {
    BillingParameters y2026 = BillingParameters.builtIn().forDate(LocalDate.of(2026, 1, 1));
    ConcurrencyRule allow =
        ImmutableConcurrencyRule.copyOf(y2026.concurrencyRule("ccm-cpo").orElseThrow())
            .withSamePractitioner(ConcurrencyAction.ALLOW);
    BillingEngine engine =
        CcmBillingRules.builder()
            .parameters(BillingParameters.builtIn().with(y2026.withConcurrencyRule(allow)))
            .build();
    BillingResult r =
        Fixtures.month(JUNE)
            .eligible()
            .ready(CCM, DR_A)
            .staff(CCM, 4, 30)
            .request(DR_A, "G0181", 30)
            .bill(engine);
    assertThat(codes(r)).containsExactly("99490x1", "G0181x1");
  }

  @Test
  void concT06_esrdClaimOnFile_ccmBlocked() {
    BillingResult r =
        Fixtures.month(JUNE)
            .eligible()
            .ready(CCM, DR_A)
            .staff(CCM, 4, 30)
            .claim("ExplanationOfBenefit", DR_A, "90960", 30, true)
            .bill();
    assertThat(r.lines()).isEmpty();
    assertThat(r.decision("billing.ccm", DR_A).orElseThrow().reasons())
        .anyMatch(reason(BillingReasonCode.CONCURRENCY_BLOCKED, "pair", "ccm-esrd"));
  }

  @Test
  void pcmAndApcm_samePractitioner_conflict() {
    BillingResult r =
        Fixtures.month(JULY)
            .eligible()
            .ready(PCM, DR_A)
            .ready(APCM, DR_A)
            .practitionerTime(PCM, DR_A, 3, 30)
            .bill();
    assertThat(codes(r)).containsExactly("99424x1");
    assertThat(r.decision("billing.apcm", DR_A).orElseThrow().reasons())
        .anyMatch(reason(BillingReasonCode.CONCURRENCY_CONFLICT, "pair", "pcm-apcm"));
  }

  @Test
  void tcmAndApcm_samePractitioner_q3DefaultKeepsOne() {
    BillingResult r =
        Fixtures.month(JULY).eligible().ready(APCM, DR_A).request(DR_A, "99496", 9).bill();
    assertThat(codes(r)).containsExactly("99496x1");
    assertThat(r.decision("billing.apcm", DR_A).orElseThrow().reasons())
        .anyMatch(reason(BillingReasonCode.CONCURRENCY_CONFLICT, "pair", "tcm-apcm"));
  }
}
