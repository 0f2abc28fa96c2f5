package org.ccmkit.billing;

import static org.ccmkit.billing.Fixtures.DR_A;
import static org.ccmkit.billing.Fixtures.DR_B;
import static org.ccmkit.core.model.CareProgram.APCM;
import static org.ccmkit.core.model.CareProgram.CCM;
import static org.ccmkit.core.model.CareProgram.PCM;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.ccmkit.core.json.CcmJson;
import org.ccmkit.core.model.CoverageKind;
import org.junit.jupiter.api.Test;

/**
 * Rewrites the golden input files from the fixtures when run with {@code -Dccm.golden.inputs=true}
 * (then rerun {@link BillingGoldenTest} with {@code -Dccm.golden.update=true} and review both
 * diffs); otherwise it does nothing. The checked-in input files are the source of truth.
 */
class GoldenInputsWriterTest {
  @Test
  void write() throws Exception {
    if (!Boolean.getBoolean("ccm.golden.inputs")) {
      return;
    }
    save(
        "ccm-staff-cap-medigap-k",
        Fixtures.march2026()
            .eligible()
            .ready(CCM, DR_A)
            .staff(CCM, 4, 40)
            .staff(CCM, 17, 35)
            .medigap("K")
            .deductibleRemaining("0"));
    save(
        "ccm-complex-qmb",
        Fixtures.march2026()
            .eligible()
            .ready(CCM, DR_A)
            .staff(CCM, 4, 60)
            .practitionerTime(CCM, DR_A, 18, 60)
            .complexMdm(DR_A, 18)
            .coverage(CoverageKind.ORIGINAL_MEDICARE)
            .coverage(CoverageKind.MEDICAID, Optional.empty(), true));
    save(
        "two-practitioners-earliest-consent",
        Fixtures.month(YearMonth.of(2026, 5))
            .eligible()
            .ready(CCM, DR_A)
            .enrolled(CCM, DR_B, LocalDate.of(2025, 9, 1))
            .consent(CCM, DR_B, LocalDate.of(2025, 9, 1))
            .visit(DR_B, LocalDate.of(2025, 8, 1), "99213")
            .staff(CCM, 6, 45)
            .claim("Claim", BillingScenarios.DR_C, "99490", 2, false)
            .coverage(CoverageKind.ORIGINAL_MEDICARE));
    save(
        "ccm-pcm-same-practitioner",
        Fixtures.month(YearMonth.of(2026, 6))
            .eligible()
            .ready(CCM, DR_A)
            .ready(PCM, DR_A)
            .staff(CCM, 4, 25)
            .practitionerTime(PCM, DR_A, 8, 30)
            .medigap("N")
            .deductibleRemaining("50"));
    save(
        "apcm-addon-tcm-medicare-advantage",
        Fixtures.month(YearMonth.of(2026, 7))
            .eligible()
            .ready(APCM, DR_A)
            .request(DR_A, "G0570", 20)
            .request(DR_B, "99495", 9)
            .coverage(CoverageKind.MEDICARE_ADVANTAGE));
    save(
        "ccm-attestation-pending-no-consent",
        Fixtures.march2026()
            .condition("E11.9")
            .condition("I10")
            .enrolled(CCM, DR_A, Fixtures.PROGRAM_START)
            .visit(DR_A, Fixtures.PROGRAM_START.minusDays(5), "99214")
            .staff(CCM, 4, 30));
  }

  private static void save(String name, Fixtures.Month m) throws Exception {
    ObjectNode root = CcmJson.newMapper().createObjectNode();
    root.set("context", CcmJson.newMapper().readTree(CcmJson.write(m.context())));
    root.set("input", CcmJson.newMapper().readTree(CcmJson.write(m.input())));
    Files.writeString(
        GoldenFiles.root().resolve(name + ".input.json"),
        CcmJson.newMapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n",
        StandardCharsets.UTF_8);
  }
}
