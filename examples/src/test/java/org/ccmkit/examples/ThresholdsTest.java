package org.ccmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.ccmkit.billing.CodeCatalog;
import org.ccmkit.core.model.CareProgram;
import org.junit.jupiter.api.Test;

/** The report's thresholds come from the code catalog of the month, not from constants. */
class ThresholdsTest {

  @Test
  void from_builtInCatalog2026_ccmStaffStepsPcmStaffStepsAndFullDeviceDays() {
    Thresholds t =
        Thresholds.from(
            CodeCatalog.builtIn(),
            List.of(CareProgram.CCM, CareProgram.PCM),
            LocalDate.of(2026, 3, 31));

    assertThat(t.of(CareProgram.CCM)).containsExactly(20, 40, 60); // 99490, 99439 x2 (cap 2)
    assertThat(t.of(CareProgram.PCM)).containsExactly(30, 60, 90); // 99426, 99427 (no cap)
    assertThat(t.of(CareProgram.RPM)).isEmpty();
    assertThat(t.deviceDays()).isEqualTo(16); // 99454
  }
}
