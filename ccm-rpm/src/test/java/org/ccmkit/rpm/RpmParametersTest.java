package org.ccmkit.rpm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.ccmkit.core.json.CcmJson;
import org.ccmkit.core.model.Measurement;
import org.ccmkit.core.params.ParameterCatalog;
import org.ccmkit.core.rule.CcmException;
import org.ccmkit.core.rule.ErrorCode;
import org.junit.jupiter.api.Test;

class RpmParametersTest {
  private static final ParameterCatalog<RpmParameters> CATALOG = RpmParameters.builtIn();
  private static final RpmParameters CY2025 = CATALOG.forDate(LocalDate.of(2025, 7, 1));
  private static final RpmParameters CY2026 = CATALOG.forDate(LocalDate.of(2026, 7, 1));

  @Test
  void builtIn_coversCy2025AndCy2026() {
    assertThat(CATALOG.all())
        .extracting(RpmParameters::version)
        .containsExactly("CY2025.1", "CY2026.1");
    assertThat(CATALOG.tryForDate(LocalDate.of(2024, 12, 31))).isEmpty();
    assertThatThrownBy(() -> CATALOG.forDate(LocalDate.of(2027, 1, 1)))
        .isInstanceOfSatisfying(
            CcmException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.NO_PARAMETERS_FOR_DATE));
  }

  @Test
  void deviceTiers_99445OnlyFromCy2026() {
    assertThat(CY2025.deviceSupply().tiers()).extracting(DeviceTier::code).containsExactly("99454");
    assertThat(CY2026.deviceSupply().tiers())
        .containsExactly(DeviceTier.of("99454", 16, 30), DeviceTier.of("99445", 2, 15));
    assertThat(CY2026.deviceSupply().periodDays()).isEqualTo(30);
    assertThat(CY2026.deviceSupply().tierFor(1)).isEmpty();
    assertThat(CY2025.deviceSupply().tierFor(15)).isEmpty();
  }

  @Test
  void setupThreshold_sixteenIn2025_twoUnconfirmedIn2026() {
    assertThat(CY2025.setup().minDataDays()).isEqualTo(16);
    assertThat(CY2025.setup().thresholdConfirmed()).isTrue();
    assertThat(CY2026.setup().minDataDays()).isEqualTo(2);
    assertThat(CY2026.setup().thresholdConfirmed()).isFalse();
    assertThat(CY2026.setup().alternative()).contains("16 days");
  }

  @Test
  void management_99470OnlyFromCy2026_99458MueThreeAppealable_noPolicyCap() {
    assertThat(CY2025.management().tiers()).extracting(TimeTier::code).containsExactly("99457");
    assertThat(CY2026.management().tiers())
        .extracting(TimeTier::code)
        .containsExactly("99470", "99457");
    AddOnParameters add = CY2026.management().addOn();
    assertThat(add.code()).isEqualTo("99458");
    assertThat(add.minutesPerUnit()).isEqualTo(20);
    assertThat(add.policyCap()).isEmpty();
    assertThat(add.mue())
        .hasValueSatisfying(
            m -> {
              assertThat(m.units()).isEqualTo(3);
              assertThat(m.isAppealable()).isTrue();
            });
    assertThat(CY2026.management().interactiveCommunicationRequired()).isTrue();
  }

  @Test
  void alertRules_uniqueIds_eachWithASource_unitsFitTheirMetric() {
    for (RpmParameters p : CATALOG.all()) {
      List<String> ids = p.alerts().rules().stream().map(ThresholdRule::id).toList();
      assertThat(ids).doesNotHaveDuplicates();
      assertThat(p.alerts().rules())
          .allSatisfy(
              r -> {
                assertThat(r.source()).isNotBlank();
                r.requiresCondition()
                    .ifPresent(c -> assertThat(p.alerts().conditionSets()).containsKey(c));
                r.conditions()
                    .forEach(
                        c ->
                            assertThat(
                                    org.ccmkit.rpm.internal.Units.toCanonical(
                                        c.limit(), c.metric()))
                                .isPresent());
              });
      assertThat(p.alerts().reAlertWindow()).isEqualTo(Duration.ofHours(72));
      assertThat(p.sources()).isNotEmpty();
    }
  }

  @Test
  void parameters_roundTripThroughJson() {
    assertThat(CcmJson.read(CcmJson.write(CY2026), RpmParameters.class)).isEqualTo(CY2026);
    assertThat(CcmJson.read(CcmJson.write(CY2025), RpmParameters.class)).isEqualTo(CY2025);
  }

  @Test
  void invalidValues_rejected() {
    assertThatThrownBy(() -> DeviceTier.of("99454", 16, 15))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                DeviceSupplyParameters.builder()
                    .periodDays(30)
                    .addTiers(DeviceTier.of("99445", 2, 15), DeviceTier.of("99454", 16, 30))
                    .build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                ThresholdRule.builder()
                    .from(CY2026.alerts().rule("weight.gain-day").orElseThrow())
                    .windowDays(Optional.empty())
                    .build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                CY2026
                    .alerts()
                    .rule("bp.crisis")
                    .orElseThrow()
                    .withLimit(Measurement.of("170", "mm[Hg]")))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () ->
                MueLimit.builder().units(3).mai(4).effectiveFrom(LocalDate.MIN).source("x").build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void malformedFile_isInvalidParameters() {
    assertThatThrownBy(
            () ->
                org.ccmkit.core.params.ParameterFiles.parse(
                    "{\"version\":\"x\",\"unknown\":1}", RpmParameters.class, "test.json"))
        .isInstanceOfSatisfying(
            CcmException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PARAMETERS));
  }
}
