package org.ccmkit.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccmkit.core.rules.TestRecords.endOf;
import static org.ccmkit.core.rules.TestRecords.reasonCodes;

import java.time.YearMonth;
import org.ccmkit.core.model.AccessRoute;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.PracticeSetup;
import org.ccmkit.core.rule.Decision;
import org.ccmkit.core.rule.Outcome;
import org.ccmkit.core.rule.Severity;
import org.junit.jupiter.api.Test;

/** The program set-up check (rules reference §6.2, PLAN-T03). */
class ProgramSetupRuleTest {
  private static final CoreRules RULES = CoreRules.standard();
  private static final YearMonth MARCH = YearMonth.of(2026, 3);

  @Test
  void planT03_noAfterHoursRoute_warnsAtSetUp() {
    PracticeSetup setup =
        PracticeSetup.builder().addPrograms(CareProgram.CCM, CareProgram.RPM).build();

    Decision d = RULES.programSetup().evaluate(setup, endOf(MARCH));

    assertThat(d.outcome()).isEqualTo(Outcome.MET);
    assertThat(reasonCodes(d)).containsExactly("AFTER_HOURS_ACCESS_MISSING");
    assertThat(d.reasons().get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(d.reasons().get(0).details()).containsEntry("program", "CCM");
    assertThat(d.ruleId().name()).isEqualTo("core.program-setup");
  }

  @Test
  void planT03_onlyPortal_isNotRealTimeAndWarns() {
    PracticeSetup setup =
        PracticeSetup.builder()
            .addPrograms(CareProgram.CCM, CareProgram.PCM)
            .addAfterHoursAccess(AccessRoute.PATIENT_PORTAL)
            .build();

    Decision d = RULES.programSetup().evaluate(setup, endOf(MARCH));

    assertThat(reasonCodes(d))
        .containsExactly("AFTER_HOURS_ACCESS_MISSING", "AFTER_HOURS_ACCESS_MISSING");
  }

  @Test
  void planT03_onCallPractitioner_inPlace() {
    PracticeSetup setup =
        PracticeSetup.builder()
            .addPrograms(CareProgram.CCM)
            .addAfterHoursAccess(AccessRoute.ON_CALL_PRACTITIONER, AccessRoute.PATIENT_PORTAL)
            .build();

    Decision d = RULES.programSetup().evaluate(setup, endOf(MARCH));

    assertThat(reasonCodes(d)).containsExactly("AFTER_HOURS_ACCESS_IN_PLACE");
    assertThat(d.reasons().get(0).details()).containsEntry("routes", "ON_CALL_PRACTITIONER");
  }

  @Test
  void planT03_programWithoutRequirement_noFinding() {
    PracticeSetup setup = PracticeSetup.builder().addPrograms(CareProgram.RPM).build();

    assertThat(RULES.programSetup().evaluate(setup, endOf(MARCH)).reasons()).isEmpty();
  }
}
