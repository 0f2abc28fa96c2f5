package org.ccmkit.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.core.rule.Decision;
import org.ccmkit.core.rule.Evidence;
import org.ccmkit.core.rule.EvidenceRole;
import org.ccmkit.core.rule.ImmutableDecision;
import org.ccmkit.core.rule.Outcome;
import org.ccmkit.core.rule.Reason;
import org.ccmkit.core.rule.RuleId;
import org.ccmkit.core.rule.Severity;
import org.junit.jupiter.api.Test;

/** Deterministic JSON: equal decisions give byte-identical text, which reads back equal. */
class CcmJsonTest {
  private static final Reason ERROR =
      Reason.builder()
          .code("CONSENT_MISSING")
          .severity(Severity.ERROR)
          .message("No consent to CCM is on file")
          .putDetail("z", "26")
          .putDetail("a", "1")
          .build();
  private static final Reason INFO =
      Reason.builder().code("TIME_COUNTED").severity(Severity.INFO).message("25 min").build();
  private static final Evidence ENTRY =
      Evidence.counted(SourceRef.of("Procedure", "t1"), "Procedure.performedPeriod", "25 min");
  private static final Evidence CONSENT =
      Evidence.builder()
          .source(SourceRef.of("Consent", "k1"))
          .path("Consent.dateTime")
          .role(EvidenceRole.EXCLUDED)
          .reason("CONSENT_NOT_YET_GIVEN")
          .build();

  private static Decision decision(boolean forward) {
    ImmutableDecision.Builder b =
        Decision.builder()
            .ruleId(RuleId.of("core.time-accrual", "CY2026.1"))
            .outcome(Outcome.NOT_MET)
            .asOf(LocalDate.of(2026, 3, 31))
            .patient(PatientRef.of("p1"))
            .program(CareProgram.CCM)
            .month(YearMonth.of(2026, 3))
            .practitioner(PractitionerRef.of("dr-a"));
    if (forward) {
      b.addReasons(ERROR, INFO).addEvidence(CONSENT, ENTRY).putDetail("m", "1").putDetail("b", "2");
    } else {
      b.putDetail("b", "2").addEvidence(ENTRY, CONSENT).addReasons(INFO, ERROR).putDetail("m", "1");
    }
    return b.build();
  }

  @Test
  void write_equalDecisionsBuiltInDifferentOrders_byteIdentical() {
    assertThat(CcmJson.write(decision(false))).isEqualTo(CcmJson.write(decision(true)));
  }

  @Test
  void write_roundTrip_equalDecision() {
    Decision d = decision(false);

    assertThat(CcmJson.read(CcmJson.write(d), Decision.class)).isEqualTo(d);
  }

  @Test
  void write_isoDatesSortedKeysAndNoEmptyOptionals() {
    String json = CcmJson.write(decision(true));

    assertThat(json)
        .contains("\"asOf\":\"2026-03-31\"")
        .contains("\"month\":\"2026-03\"")
        .contains("\"patient\":\"p1\"")
        .contains("\"details\":{\"b\":\"2\",\"m\":\"1\"}")
        .contains("\"details\":{\"a\":\"1\",\"z\":\"26\"}")
        .doesNotContain("versionId")
        .doesNotContain("isMet");
    assertThat(json.indexOf("\"asOf\"")).isLessThan(json.indexOf("\"details\""));
    assertThat(json.indexOf("\"details\"")).isLessThan(json.indexOf("\"evidence\""));
    assertThat(json.indexOf("\"Consent\"")).isLessThan(json.indexOf("\"Procedure\""));
  }

  @Test
  void read_unknownProperty_rejected() {
    String json = CcmJson.write(decision(true)).replaceFirst("\\{", "{\"surprise\":1,");

    assertThatThrownBy(() -> CcmJson.read(json, Decision.class))
        .isInstanceOf(UncheckedIOException.class);
  }
}
