package org.ccmkit.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccmkit.billing.Fixtures.DR_A;
import static org.ccmkit.billing.Fixtures.codes;
import static org.ccmkit.billing.Fixtures.reason;
import static org.ccmkit.core.model.CareProgram.CCM;
import static org.ccmkit.core.model.CareProgram.RPM;

import org.junit.jupiter.api.Test;

/**
 * RPM codes in the billing catalog: ccm-rpm decides them, the monthly engine never derives them
 * from RPM minutes nor takes a request for them.
 */
class RpmLinesTest {
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
}
