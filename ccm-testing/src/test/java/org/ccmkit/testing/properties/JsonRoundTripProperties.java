package org.ccmkit.testing.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.ccmkit.core.json.CcmJson;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.rule.Decision;
import org.ccmkit.core.rules.AccruedTime;
import org.ccmkit.core.rules.CareQuery;
import org.ccmkit.core.rules.ConsentResult;
import org.ccmkit.core.rules.CoreRules;
import org.ccmkit.testing.PropertyTest;
import org.ccmkit.testing.Scenario;
import org.ccmkit.testing.Scenarios;

/** JSON written by {@link CcmJson} reads back to an equal value, and writes back identically. */
class JsonRoundTripProperties {
  private static final CoreRules RULES = CoreRules.standard();

  @PropertyTest
  void decisions_writeThenRead_equal(long seed) {
    Scenario s = Scenarios.random(seed);
    List<Decision> decisions = new ArrayList<>(RULES.evaluateAll(s.query(), s.context()));
    AccruedTime accrued = RULES.accrue(s.query(), s.context());
    ConsentResult consent = RULES.consentWindow(s.query(), s.context());
    decisions.add(accrued.decision());
    decisions.add(consent.decision());

    for (Decision d : decisions) {
      String json = CcmJson.write(d);
      Decision read = CcmJson.read(json, Decision.class);

      assertThat(read).as(d.ruleId().toString()).isEqualTo(d);
      assertThat(CcmJson.write(read)).as(d.ruleId().toString()).isEqualTo(json);
    }
    assertThat(CcmJson.read(CcmJson.write(accrued), AccruedTime.class)).isEqualTo(accrued);
    assertThat(CcmJson.read(CcmJson.write(consent), ConsentResult.class)).isEqualTo(consent);
  }

  @PropertyTest
  void patientRecordAndQuery_writeThenRead_equal(long seed) {
    Scenario s = Scenarios.random(seed);
    String json = CcmJson.write(s.record());

    PatientRecord read = CcmJson.read(json, PatientRecord.class);

    assertThat(read).isEqualTo(s.record());
    assertThat(CcmJson.write(read)).isEqualTo(json);
    assertThat(CcmJson.read(CcmJson.write(s.query()), CareQuery.class)).isEqualTo(s.query());
  }
}
