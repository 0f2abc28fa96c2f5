package org.ccmkit.core.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.ccmkit.core.json.CcmJson;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.StaffRole;
import org.ccmkit.core.rule.CcmException;
import org.ccmkit.core.rule.ErrorCode;
import org.junit.jupiter.api.Test;

/** The shipped CY2025 and CY2026 parameter files (rules reference §1.2, §4, §5, §0.1). */
class CoreParametersTest {
  private static final ParameterCatalog<CoreParameters> BUILT_IN = CoreParameters.builtIn();

  @Test
  void builtIn_hasCy2025AndCy2026() {
    assertThat(BUILT_IN.all())
        .extracting(CoreParameters::version)
        .containsExactly("CY2025.1", "CY2026.1");
    assertThat(BUILT_IN.all().get(0).effectiveFrom()).isEqualTo(LocalDate.of(2025, 1, 1));
    assertThat(BUILT_IN.all().get(0).effectiveTo()).contains(LocalDate.of(2025, 12, 31));
    assertThat(BUILT_IN.all().get(1).effectiveFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(BUILT_IN.all().get(1).effectiveTo()).contains(LocalDate.of(2026, 12, 31));
  }

  @Test
  void builtIn_loadedOnce() {
    assertThat(CoreParameters.builtIn()).isSameAs(BUILT_IN);
  }

  @Test
  void cy2026_rulesReferenceValues() {
    CoreParameters p = BUILT_IN.forDate(LocalDate.of(2026, 1, 1));

    assertThat(p.eligibility().minFor(CareProgram.CCM)).contains(2);
    assertThat(p.eligibility().minFor(CareProgram.PCM)).contains(1);
    assertThat(p.eligibility().minFor(CareProgram.RPM)).isEmpty();
    assertThat(p.eligibility().significantRiskAttestationRequired())
        .containsExactly(CareProgram.CCM, CareProgram.PCM);
    assertThat(p.consent().required()).contains(CareProgram.CCM).doesNotContain(CareProgram.TCM);
    assertThat(p.consent().countTimeBeforeConsentInSameMonth()).isFalse();
    assertThat(p.consent().withdrawalTakesEffect()).isEqualTo(WithdrawalTiming.END_OF_MONTH);
    assertThat(p.consent().mustBeGivenToBillingPractitioner()).isTrue();
    assertThat(p.initiatingVisit().lookbackFor(CareProgram.CCM)).contains(365);
    assertThat(p.initiatingVisit().lookbackFor(CareProgram.TCM)).isEmpty();
    assertThat(p.initiatingVisit().qualifyingCodes())
        .contains("99212", "99215", "G0402", "G0438", "G0439", "99495", "99496")
        .doesNotContain("99211");
    assertThat(p.timeAccrual().countedRoles())
        .containsExactly(StaffRole.PRACTITIONER, StaffRole.CLINICAL_STAFF);
    assertThat(p.timeAccrual().rejectMinutesTaggedToTwoPrograms()).isTrue();
    assertThat(p.sources()).isNotEmpty();
  }

  @Test
  void json_roundTrip_equalSet() {
    CoreParameters p = BUILT_IN.forDate(LocalDate.of(2026, 1, 1));

    assertThat(ParameterFiles.parse(CcmJson.write(p), CoreParameters.class, "test")).isEqualTo(p);
  }

  @Test
  void parse_malformedFile_invalidParametersNamingTheOrigin() {
    assertThatThrownBy(
            () -> ParameterFiles.parse("{\"version\":\"X\"}", CoreParameters.class, "core-X.json"))
        .isInstanceOf(CcmException.class)
        .satisfies(
            e -> assertThat(((CcmException) e).errorCode()).isEqualTo(ErrorCode.INVALID_PARAMETERS))
        .hasMessageContaining("core-X.json");
  }

  @Test
  void loadIndexed_missingIndex_invalidParameters() {
    assertThatThrownBy(
            () ->
                ParameterFiles.loadIndexed(
                    CoreParameters.class, "missing.index", CoreParameters.class))
        .isInstanceOf(CcmException.class)
        .satisfies(
            e ->
                assertThat(((CcmException) e).errorCode()).isEqualTo(ErrorCode.INVALID_PARAMETERS));
  }
}
