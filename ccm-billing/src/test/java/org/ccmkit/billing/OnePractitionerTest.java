package org.ccmkit.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccmkit.billing.Fixtures.DR_A;
import static org.ccmkit.billing.Fixtures.DR_B;
import static org.ccmkit.billing.Fixtures.PROGRAM_START;
import static org.ccmkit.billing.Fixtures.codes;
import static org.ccmkit.billing.Fixtures.reason;
import static org.ccmkit.core.model.CareProgram.APCM;
import static org.ccmkit.core.model.CareProgram.CCM;

import java.time.LocalDate;
import java.time.YearMonth;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.core.rule.Decision;
import org.ccmkit.core.rule.EvidenceRole;
import org.ccmkit.core.rule.Outcome;
import org.ccmkit.core.rules.CoreReasonCode;
import org.junit.jupiter.api.Test;

/** One practitioner per beneficiary per month, rules reference §3 (ONE-T01, ONE-T02). */
class OnePractitionerTest {
  private static final YearMonth MAY = YearMonth.of(2026, 5);

  @Test
  void oneT01_unpaidClaimFromAnotherPractitionerOnFile_warnsButBills() {
    BillingResult r =
        Fixtures.month(MAY)
            .eligible()
            .ready(CCM, DR_B)
            .staff(CCM, 6, 25)
            .claim("Claim", DR_A, "99490", 3, false)
            .bill();
    assertThat(codes(r)).containsExactly("99490x1");
    assertThat(r.claims())
        .singleElement()
        .satisfies(c -> assertThat(c.practitioner()).isEqualTo(DR_B));
    Decision b = r.decision("billing.ccm", DR_B).orElseThrow();
    assertThat(b.reasons())
        .anyMatch(
            reason(
                BillingReasonCode.OTHER_PRACTITIONER_MAY_BE_BILLING, "otherPractitioner", "dr-a"));
  }

  @Test
  void oneT01_paidClaimFromAnotherPractitioner_blocksOurs() {
    BillingResult r =
        Fixtures.month(MAY)
            .eligible()
            .ready(CCM, DR_B)
            .staff(CCM, 6, 25)
            .claim("ExplanationOfBenefit", DR_A, "99490", 3, true)
            .bill();
    assertThat(r.lines()).isEmpty();
    Decision b = r.decision("billing.ccm", DR_B).orElseThrow();
    assertThat(b.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(b.reasons())
        .anyMatch(
            reason(BillingReasonCode.OTHER_PRACTITIONER_BILLING, "billingPractitioner", "dr-a"));
    assertThat(b.evidence())
        .anyMatch(
            e ->
                e.source().resourceType().equals("ExplanationOfBenefit")
                    && e.role() == EvidenceRole.CONTEXT);
  }

  @Test
  void oneT01_twoPractitionersWithEnrollmentAndConsent_earliestConsentBills() {
    BillingResult r =
        Fixtures.month(MAY)
            .eligible()
            .ready(CCM, DR_A) // consent 2025-06-01
            .enrolled(CCM, DR_B, LocalDate.of(2025, 9, 1))
            .consent(CCM, DR_B, LocalDate.of(2025, 9, 1))
            .visit(DR_B, LocalDate.of(2025, 8, 1), "99213")
            .staff(CCM, 6, 45)
            .bill();
    assertThat(r.claims())
        .singleElement()
        .satisfies(c -> assertThat(c.practitioner()).isEqualTo(DR_A));
    Decision b = r.decision("billing.ccm", DR_B).orElseThrow();
    assertThat(b.reasons())
        .anyMatch(
            reason(BillingReasonCode.OTHER_PRACTITIONER_BILLING, "billingPractitioner", "dr-a"));
    assertThat(b.evidence())
        .anyMatch(
            e ->
                e.source().resourceType().equals("Consent")
                    && e.value().contains("Practitioner/dr-a"));
    assertThat(r.decision("billing.ccm", DR_A).orElseThrow().reasons())
        .anyMatch(reason(BillingReasonCode.SELECTED_AS_BILLING_PRACTITIONER, "others", "dr-b"));
  }

  @Test
  void oneT01_sameConsentDate_lowerPractitionerIdBills() {
    BillingResult r =
        Fixtures.month(MAY).eligible().ready(CCM, DR_B).ready(CCM, DR_A).staff(CCM, 6, 25).bill();
    assertThat(r.claims())
        .singleElement()
        .satisfies(c -> assertThat(c.practitioner()).isEqualTo(DR_A));
  }

  @Test
  void oneT02_newPractitionerTakesOver_needsNewConsent() {
    BillingResult r =
        Fixtures.month(MAY)
            .eligible()
            .consent(CCM, DR_A, PROGRAM_START)
            .enrolled(CCM, DR_B, LocalDate.of(2026, 5, 1))
            .visit(DR_B, LocalDate.of(2026, 4, 20), "99214")
            .staff(CCM, 6, 25)
            .bill();
    assertThat(r.lines()).isEmpty();
    Decision b = r.decision("billing.ccm", DR_B).orElseThrow();
    assertThat(b.hasReason(CoreReasonCode.CONSENT_GIVEN_TO_OTHER_PRACTITIONER)).isTrue();
    assertThat(b.reasons())
        .anyMatch(reason(BillingReasonCode.PREREQUISITE_NOT_MET, "rule", "core.consent"));
  }

  @Test
  void oneT02_newPractitionerWithNewConsent_bills() {
    BillingResult r =
        Fixtures.month(MAY)
            .eligible()
            .consent(CCM, DR_A, PROGRAM_START)
            .enrolled(CCM, DR_B, LocalDate.of(2026, 5, 1))
            .consent(CCM, DR_B, LocalDate.of(2026, 5, 1))
            .visit(DR_B, LocalDate.of(2026, 4, 20), "99214")
            .staff(CCM, 6, 25)
            .bill();
    assertThat(codes(r)).containsExactly("99490x1");
    assertThat(r.lines().get(0).practitioner()).isEqualTo(DR_B);
  }

  @Test
  void apcm_onePractitionerPerMonth() {
    BillingResult r =
        Fixtures.month(MAY)
            .eligible()
            .ready(APCM, DR_A)
            .enrolled(APCM, DR_B, LocalDate.of(2025, 10, 1))
            .consent(APCM, DR_B, LocalDate.of(2025, 10, 1))
            .bill();
    assertThat(codes(r)).containsExactly("G0557x1");
    assertThat(r.lines().get(0).practitioner()).isEqualTo(DR_A);
    assertThat(
            r.decision("billing.apcm", DR_B)
                .orElseThrow()
                .hasReason(BillingReasonCode.OTHER_PRACTITIONER_BILLING))
        .isTrue();
  }

  @Test
  void ownClaimOnFile_lineMarkedOnFile() {
    BillingResult r =
        Fixtures.month(MAY)
            .eligible()
            .ready(CCM, DR_A)
            .staff(CCM, 6, 45)
            .claim("Claim", DR_A, "99490", 7, false)
            .bill();
    assertThat(codes(r)).containsExactly("99439x1", "99490x1");
    assertThat(r.lines())
        .filteredOn(l -> l.code().equals("99490"))
        .singleElement()
        .satisfies(l -> assertThat(l.onFile().map(SourceRef::resourceType)).contains("Claim"));
    assertThat(
            r.decision("billing.ccm", DR_A)
                .orElseThrow()
                .hasReason(BillingReasonCode.ALREADY_ON_FILE))
        .isTrue();
  }
}
