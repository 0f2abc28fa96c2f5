package org.ccmkit.core.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.ccmkit.core.rule.CcmException;
import org.ccmkit.core.rule.ErrorCode;
import org.junit.jupiter.api.Test;

/** A catalog holds non-overlapping parameter sets and picks the one in effect on a date. */
class ParameterCatalogTest {
  private static final ParameterCatalog<CoreParameters> BUILT_IN = CoreParameters.builtIn();

  private static ImmutableCoreParameters cy2026() {
    return ImmutableCoreParameters.copyOf(BUILT_IN.forDate(LocalDate.of(2026, 1, 1)));
  }

  private static ErrorCode errorCodeOf(Throwable t) {
    return ((CcmException) t).errorCode();
  }

  @Test
  void forDate_picksTheSetInEffect() {
    assertThat(BUILT_IN.forDate(LocalDate.of(2025, 1, 1)).version()).isEqualTo("CY2025.1");
    assertThat(BUILT_IN.forDate(LocalDate.of(2025, 12, 31)).version()).isEqualTo("CY2025.1");
    assertThat(BUILT_IN.forDate(LocalDate.of(2026, 1, 1)).version()).isEqualTo("CY2026.1");
    assertThat(BUILT_IN.forDate(LocalDate.of(2026, 12, 31)).version()).isEqualTo("CY2026.1");
  }

  @Test
  void forDate_outsideCoverage_noParametersForDate() {
    for (LocalDate outside : List.of(LocalDate.of(2024, 12, 31), LocalDate.of(2027, 1, 1))) {
      assertThatThrownBy(() -> BUILT_IN.forDate(outside))
          .isInstanceOf(CcmException.class)
          .satisfies(e -> assertThat(errorCodeOf(e)).isEqualTo(ErrorCode.NO_PARAMETERS_FOR_DATE))
          .hasMessageContaining(outside.toString())
          .hasMessageContaining("2025-01-01..2026-12-31");
      assertThat(BUILT_IN.tryForDate(outside)).isEmpty();
    }
  }

  @Test
  void of_overlappingSets_invalidParameters() {
    ImmutableCoreParameters early =
        cy2026().withVersion("CY2026.x").withEffectiveFrom(LocalDate.of(2025, 12, 1));

    assertThatThrownBy(() -> BUILT_IN.with(early))
        .isInstanceOf(CcmException.class)
        .satisfies(e -> assertThat(errorCodeOf(e)).isEqualTo(ErrorCode.INVALID_PARAMETERS))
        .hasMessageContaining("CY2025.1")
        .hasMessageContaining("CY2026.x")
        .hasMessageContaining("overlap");
  }

  @Test
  void of_openEndedSetFollowedByAnother_invalidParameters() {
    ImmutableCoreParameters open =
        cy2026()
            .withVersion("A")
            .withEffectiveFrom(LocalDate.of(2030, 1, 1))
            .withEffectiveTo(Optional.empty());
    ImmutableCoreParameters later =
        cy2026()
            .withVersion("B")
            .withEffectiveFrom(LocalDate.of(2031, 1, 1))
            .withEffectiveTo(Optional.empty());

    assertThatThrownBy(() -> ParameterCatalog.of(ImmutableList.of(later, open)))
        .isInstanceOf(CcmException.class)
        .satisfies(e -> assertThat(errorCodeOf(e)).isEqualTo(ErrorCode.INVALID_PARAMETERS));
  }

  @Test
  void of_duplicateVersion_invalidParameters() {
    ImmutableCoreParameters next =
        cy2026()
            .withEffectiveFrom(LocalDate.of(2027, 1, 1))
            .withEffectiveTo(LocalDate.of(2027, 12, 31));

    assertThatThrownBy(() -> ParameterCatalog.of(ImmutableList.of(cy2026(), next)))
        .isInstanceOf(CcmException.class)
        .satisfies(e -> assertThat(errorCodeOf(e)).isEqualTo(ErrorCode.INVALID_PARAMETERS))
        .hasMessageContaining("unique");
  }

  @Test
  void of_noSets_invalidParameters() {
    assertThatThrownBy(() -> ParameterCatalog.of(ImmutableList.<CoreParameters>of()))
        .isInstanceOf(CcmException.class)
        .satisfies(e -> assertThat(errorCodeOf(e)).isEqualTo(ErrorCode.INVALID_PARAMETERS));
  }

  @Test
  void with_sameVersion_replacesTheSet() {
    ImmutableCoreParameters override = cy2026().withSources("a payer's override");

    ParameterCatalog<CoreParameters> catalog = BUILT_IN.with(override);

    assertThat(catalog.all()).hasSize(2);
    assertThat(catalog.forDate(LocalDate.of(2026, 6, 1))).isEqualTo(override);
    assertThat(BUILT_IN.forDate(LocalDate.of(2026, 6, 1))).isNotEqualTo(override);
  }

  @Test
  void with_newVersion_addsTheSetInDateOrder() {
    ImmutableCoreParameters cy2027 =
        cy2026()
            .withVersion("CY2027.1")
            .withEffectiveFrom(LocalDate.of(2027, 1, 1))
            .withEffectiveTo(LocalDate.of(2027, 12, 31));

    ParameterCatalog<CoreParameters> catalog = BUILT_IN.with(cy2027);

    assertThat(catalog.all())
        .extracting(CoreParameters::version)
        .containsExactly("CY2025.1", "CY2026.1", "CY2027.1");
    assertThat(catalog.forDate(LocalDate.of(2027, 3, 1)).version()).isEqualTo("CY2027.1");
    assertThat(catalog).hasToString("ParameterCatalog[CY2025.1, CY2026.1, CY2027.1]");
  }
}
