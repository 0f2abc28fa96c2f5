package org.ccmkit.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccmkit.core.rules.TestRecords.at;
import static org.ccmkit.core.rules.TestRecords.ccmConsent;
import static org.ccmkit.core.rules.TestRecords.ccmEnrollment;
import static org.ccmkit.core.rules.TestRecords.condition;
import static org.ccmkit.core.rules.TestRecords.date;
import static org.ccmkit.core.rules.TestRecords.endOf;
import static org.ccmkit.core.rules.TestRecords.icd;
import static org.ccmkit.core.rules.TestRecords.record;
import static org.ccmkit.core.rules.TestRecords.riskAttestation;
import static org.ccmkit.core.rules.TestRecords.staffTime;

import com.google.common.testing.SerializableTester;
import java.time.YearMonth;
import java.util.Optional;
import org.ccmkit.core.json.CcmJson;
import org.ccmkit.core.model.Patient;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.rule.Decision;
import org.ccmkit.core.rule.EvaluationContext;
import org.junit.jupiter.api.Test;

/**
 * Queries, results and the rules themselves travel between workers (JSON and Java serialization),
 * and decisions carry no PHI.
 */
class RulesSerializationTest {
  private static final YearMonth MARCH = YearMonth.of(2026, 3);
  private static final EvaluationContext END_OF_MARCH = endOf(MARCH);
  private static final String MBI = "1EG4TE5MK73";
  private static final String NOTE = "Spoke with Jane Roe about her insulin";

  private static CareQuery query() {
    Patient patient =
        Patient.builder()
            .ref(PatientRef.of("p1"))
            .birthDate(date("1941-07-04"))
            .deathDate(Optional.of(date("2026-03-30")))
            .mbi(MBI)
            .build();
    return TestRecords.ccm(
        record(patient)
            .addCondition(condition("c1", icd("E11.9")))
            .addCondition(condition("c2", icd("I10")))
            .addAttestation(riskAttestation("a1", date("2026-01-05"), true))
            .addEnrollment(ccmEnrollment("e1", date("2026-01-01")))
            .addConsent(ccmConsent("k1", date("2026-01-01")))
            .addTimeEntry(staffTime("t1", at("2026-03-02T09:00"), 25).withNote(NOTE))
            .addTimeEntry(staffTime("t2", at("2026-03-31T09:00"), 5)),
        MARCH);
  }

  @Test
  void json_careQueryRoundTrip_equal() {
    CareQuery q = query();

    assertThat(CcmJson.read(CcmJson.write(q), CareQuery.class)).isEqualTo(q);
  }

  @Test
  void json_accruedTimeAndConsentResultRoundTrip_equal() {
    AccruedTime time = CoreRules.standard().accrue(query(), END_OF_MARCH);
    ConsentResult consent = CoreRules.standard().consentWindow(query(), END_OF_MARCH);

    assertThat(CcmJson.read(CcmJson.write(time), AccruedTime.class)).isEqualTo(time);
    assertThat(CcmJson.read(CcmJson.write(consent), ConsentResult.class)).isEqualTo(consent);
  }

  @Test
  void javaSerialization_rulesStillDecideTheSame() {
    CoreRules copy = SerializableTester.reserialize(CoreRules.standard());

    assertThat(copy.evaluateAll(query(), END_OF_MARCH))
        .isEqualTo(CoreRules.standard().evaluateAll(query(), END_OF_MARCH));
  }

  @Test
  void decisions_containNoPhi() {
    for (Decision d : CoreRules.standard().evaluateAll(query(), END_OF_MARCH)) {
      for (String text : new String[] {CcmJson.write(d), d.toString()}) {
        assertThat(text)
            .doesNotContain(MBI)
            .doesNotContain("1941")
            .doesNotContain("2026-03-30")
            .doesNotContain("Jane Roe");
      }
    }
  }

  @Test
  void accrue_entryAfterDeathInTheSameMonth_excludedButEarlierTimeCounts() {
    AccruedTime time = CoreRules.standard().accrue(query(), END_OF_MARCH);

    assertThat(time.totalMinutes()).isEqualTo(25);
    assertThat(TestRecords.evidenceFor(time.decision(), "Procedure/t2").reason())
        .contains("ENTRY_AFTER_DEATH");
  }
}
