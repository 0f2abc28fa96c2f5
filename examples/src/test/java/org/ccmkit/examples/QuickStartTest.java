package org.ccmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QuickStartTest {

  private static String run() {
    PrintStream original = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
      QuickStart.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void main_printsEachSamplePatientsDecisions() {
    String out = run();

    assertThat(out)
        .contains("Patient/p-eligible")
        .containsPattern("core\\.eligibility\\s+MET\\s+\\[CHRONIC_CONDITIONS_MET")
        .contains("counted minutes: {CLINICAL_STAFF=45} (total 45)")
        .containsPattern(
            "core\\.eligibility\\s+NOT_MET\\s+\\[TOO_FEW_CHRONIC_CONDITIONS, PCM_MAY_APPLY\\]")
        .containsPattern(
            "core\\.eligibility\\s+INDETERMINATE\\s+\\[SIGNIFICANT_RISK_ATTESTATION_PENDING")
        .contains("counted minutes: {CLINICAL_STAFF=22} (total 22)")
        .contains("\"reason\":\"ENTRY_BEFORE_CONSENT\"")
        .contains("\"reason\":\"ENTRY_ROLE_NOT_COUNTED\"");
  }

  @Test
  void main_isDeterministic() {
    assertThat(run()).isEqualTo(run());
  }
}
