package org.ccmkit.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.ccmkit.core.json.CcmJson;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.params.ParameterCatalog;
import org.ccmkit.core.rule.CcmException;
import org.ccmkit.core.rule.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped code catalogs and billing parameters, and the checks made when loading them. */
class CodeCatalogTest {
  private static final LocalDate Y2025 = LocalDate.of(2025, 1, 1);
  private static final LocalDate Y2026 = LocalDate.of(2026, 1, 1);

  private static CodeCatalog cy2026() {
    return CodeCatalog.builtIn().forDate(Y2026);
  }

  private static CodeCatalog cy2025() {
    return CodeCatalog.builtIn().forDate(Y2025);
  }

  @Test
  void builtIn_oneCatalogPerYear() {
    assertThat(CodeCatalog.builtIn().all())
        .extracting(CodeCatalog::version)
        .containsExactly("CY2025.1", "CY2026.1");
    assertThat(cy2026().rvuRelease()).isEqualTo("RVU26C");
    assertThat(BillingParameters.builtIn().all())
        .extracting(BillingParameters::version)
        .containsExactly("CY2025.1", "CY2026.1");
  }

  @Test
  void everyCodeOfTheIssue_isInTheCy2026Catalog() {
    List<String> codes =
        List.of(
            "99490", "99439", "99491", "99437", "99487", "99489", "G0506", "99424", "99425",
            "99426", "99427", "99484", "99492", "99493", "99494", "G2214", "99495", "99496",
            "G0556", "G0557", "G0558", "G0568", "G0569", "G0570");
    for (String code : codes) {
      assertThat(cy2026().find(code, Y2026)).as(code).isPresent();
    }
    assertThat(cy2025().find("G0568", Y2025)).as("APCM add-ons are new in 2026").isEmpty();
  }

  /** Every 2026 figure of medicare-rules.md §8.3: non-facility non-QP, QP, facility non-QP. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "99490, 66.13, 66.46, 43.76",
    "99439, 50.44, 50.69, 30.73",
    "99491, 89.18, 89.63, 65.47",
    "99437, 63.13, 63.44, 43.76",
    "99487, 144.29, 145.01, 79.16",
    "99489, 78.16, 78.55, 43.76",
    "G0506, 66.47, 66.80, 38.41",
    "99424, 87.51, 87.95, 64.80",
    "99425, 61.46, 61.76, 44.09",
    "99426, 67.80, 68.14, 44.09",
    "99427, 54.11, 54.38, 31.40",
    "99484, 57.45, 57.74, 38.75",
    "99492, 160.32, 161.12, 82.17",
    "99493, 144.96, 145.68, 89.51",
    "99494, 61.46, 61.76, 36.07",
    "G2214, 60.79, 61.09, 33.73",
    "99495, 220.11, 221.21, 122.25",
    "99496, 298.60, 300.09, 166.34",
    "G0556, 16.37, 16.45, 11.02",
    "G0557, 53.78, 54.04, 33.73",
    "G0558, 117.24, 117.82, 72.81",
    "G0568, 161.66, 162.47, 81.83",
    "G0569, 145.96, 146.69, 89.85",
    "G0570, 57.78, 58.07, 38.75",
    "G0181, 109.89, 110.44, 109.89",
    "G0182, 108.55, 109.09, 108.55",
    "99453, 21.71, 21.82, 21.71",
    "99454, 52.11, 52.37, 52.11",
    "99445, 52.11, 52.37, 52.11",
    "99470, 26.05, 26.18, 13.36",
    "99457, 51.77, 52.03, 26.39",
    "99458, 41.42, 41.62, 26.39"
  })
  void amounts2026_matchTheReference(String code, String nonQp, String qp, String facility) {
    BillingCode c = cy2026().find(code, Y2026).orElseThrow();
    assertThat(amount(c, CareSetting.NON_FACILITY, ConversionFactorType.NON_QP)).isEqualTo(nonQp);
    assertThat(amount(c, CareSetting.NON_FACILITY, ConversionFactorType.QP)).isEqualTo(qp);
    assertThat(amount(c, CareSetting.FACILITY, ConversionFactorType.NON_QP)).isEqualTo(facility);
    assertThat(c.amount(CareSetting.FACILITY, ConversionFactorType.QP))
        .as("facility QP is not in the reference")
        .isEmpty();
    assertThat(c.amounts()).allSatisfy(a -> assertThat(a.source()).contains("RVU26C"));
  }

  /** Every 2025 figure of §8.3; G-codes are UNCONFIRMED and absent. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "99490, 60.49",
    "99439, 45.93",
    "99491, 82.16",
    "99437, 57.58",
    "99487, 131.65",
    "99489, 70.52",
    "99424, 80.87",
    "99425, 58.87",
    "99426, 61.78",
    "99427, 50.46",
    "99484, 53.05",
    "99492, 145.24",
    "99493, 133.59",
    "99494, 55.96",
    "99495, 201.20",
    "99496, 272.68",
    "99453, 19.73",
    "99454, 43.02",
    "99457, 47.87",
    "99458, 38.49",
    "G0506, ",
    "G2214, ",
    "G0556, ",
    "G0557, ",
    "G0558, ",
    "G0181, ",
    "G0182, "
  })
  void amounts2025_matchTheReference(String code, String nonFacility) {
    BillingCode c = cy2025().find(code, Y2025).orElseThrow();
    Optional<FeeAmount> a = c.amount(CareSetting.NON_FACILITY, ConversionFactorType.NON_QP);
    if (nonFacility == null) {
      assertThat(a).isEmpty();
      assertThat(c.notes()).anyMatch(n -> n.contains("UNCONFIRMED"));
    } else {
      assertThat(a.map(FeeAmount::amount)).contains(new BigDecimal(nonFacility));
      assertThat(a.orElseThrow().conversionFactor()).isEqualTo(ConversionFactorType.SINGLE);
      assertThat(a.orElseThrow().source()).contains("RVU25A");
    }
  }

  /** The RPM codes (§8.3, §9.1), moved here from ccm-rpm's parameter files. */
  @Test
  void rpmCodes_99453_99454_99445_99470_99457_99458_withBasisAndAmount() {
    assertThat(cy2026().codesOf(CareProgram.RPM, Y2026))
        .extracting(
            c ->
                c.code()
                    + ":"
                    + c.basis()
                    + ":"
                    + amount(c, CareSetting.NON_FACILITY, ConversionFactorType.NON_QP))
        .containsExactly(
            "99445:DEVICE_DAYS:52.11",
            "99453:EPISODE:21.71",
            "99454:DEVICE_DAYS:52.11",
            "99457:TIME_MINUTES:51.77",
            "99458:TIME_MINUTES:41.42",
            "99470:TIME_MINUTES:26.05");
    assertThat(cy2025().codesOf(CareProgram.RPM, Y2025))
        .extracting(
            c -> c.code() + ":" + amount(c, CareSetting.NON_FACILITY, ConversionFactorType.QP))
        .as("99445 and 99470 are new in 2026; the 2025 single factor answers for QP too")
        .containsExactly("99453:19.73", "99454:43.02", "99457:47.87", "99458:38.49");
    for (CodeCatalog c : CodeCatalog.builtIn().all()) {
      assertThat(c.codesOf(CareProgram.RPM, c.effectiveFrom()))
          .allSatisfy(
              b -> {
                assertThat(b.group()).isEqualTo("RPM");
                assertThat(b.billedFrom()).isEqualTo(BilledFrom.EXTERNAL);
                assertThat(b.description()).startsWith("Remote monitoring");
                assertThat(b.sources()).anyMatch(s -> s.contains("§9.1"));
              });
    }
  }

  @Test
  void rpmThresholds_deviceDaysMinutesAndParent_99454_99445_99470_99457_99458_99453() {
    BillingCode c99454 = cy2026().find("99454", Y2026).orElseThrow();
    assertThat(c99454.minDeviceDays()).contains(16);
    assertThat(c99454.maxDeviceDays()).contains(30);
    assertThat(c99454.maxUnitsPerMonth())
        .as("one per 30-day period: a month may hold two period ends")
        .isEmpty();
    BillingCode c99445 = cy2026().find("99445", Y2026).orElseThrow();
    assertThat(c99445.minDeviceDays()).contains(2);
    assertThat(c99445.maxDeviceDays()).contains(15);
    BillingCode c99470 = cy2026().find("99470", Y2026).orElseThrow();
    assertThat(c99470.thresholdMinutes()).contains(10);
    assertThat(c99470.maxUnitsPerMonth()).contains(1);
    BillingCode c99457 = cy2026().find("99457", Y2026).orElseThrow();
    assertThat(c99457.thresholdMinutes()).contains(20);
    assertThat(c99457.maxUnitsPerMonth()).contains(1);
    BillingCode c99458 = cy2026().find("99458", Y2026).orElseThrow();
    assertThat(c99458.parents()).containsExactly("99457");
    assertThat(c99458.blockMinutes()).contains(20);
    assertThat(c99458.maxUnitsPerMonth()).as("cap UNCONFIRMED (Q5)").isEmpty();
    BillingCode setup2026 = cy2026().find("99453", Y2026).orElseThrow();
    assertThat(setup2026.minDeviceDays()).as("2026 threshold UNCONFIRMED (Q8)").isEmpty();
    assertThat(setup2026.notes()).anyMatch(n -> n.contains("UNCONFIRMED"));
    assertThat(cy2025().find("99453", Y2025).orElseThrow().minDeviceDays()).contains(16);
    assertThat(cy2025().find("99454", Y2025).orElseThrow().minDeviceDays()).contains(16);
    assertThat(cy2025().find("99445", Y2025)).isEmpty();
    assertThat(cy2025().find("99470", Y2025)).isEmpty();
  }

  @Test
  void capsAndParents_asTheReferenceConfirms() {
    BillingCode addOn = cy2026().find("99439", Y2026).orElseThrow();
    assertThat(addOn.maxUnitsPerMonth()).contains(2);
    assertThat(addOn.parents()).containsExactly("99490");
    assertThat(cy2026().find("99437", Y2026).orElseThrow().maxUnitsPerMonth()).isEmpty();
    assertThat(cy2026().find("99489", Y2026).orElseThrow().maxUnitsPerMonth()).isEmpty();
    assertThat(cy2026().find("99494", Y2026).orElseThrow().parents())
        .containsExactly("99492", "99493");
    assertThat(cy2026().find("99487", Y2026).orElseThrow().requirements())
        .contains(Requirement.COMPLEX_MDM);
  }

  @Test
  void descriptions_areOwnWordsAndEveryCodeNamesItsSource() {
    for (BillingCode c : cy2026().codes()) {
      assertThat(c.description())
          .as(c.code())
          .isNotBlank()
          .doesNotContainIgnoringCase("per calendar month, with the following required elements");
      assertThat(c.sources()).as(c.code()).isNotEmpty();
    }
    assertThat(cy2026().codesOf(CareProgram.CCM, Y2026))
        .extracting(BillingCode::code)
        .containsExactly("99437", "99439", "99487", "99489", "99490", "99491", "G0506");
  }

  @Test
  void parameters_amountsAndDefaults() {
    BillingParameters p25 = BillingParameters.builtIn().forDate(Y2025);
    BillingParameters p26 = BillingParameters.builtIn().forDate(Y2026);
    assertThat(p25.partBDeductible().amount()).isEqualByComparingTo("257");
    assertThat(p26.partBDeductible().amount()).isEqualByComparingTo("283");
    assertThat(p26.coinsuranceRate()).isEqualByComparingTo("0.20");
    assertThat(p26.conversionFactors().get(ConversionFactorType.NON_QP))
        .isEqualByComparingTo("33.4009");
    assertThat(p26.conversionFactors().get(ConversionFactorType.QP))
        .isEqualByComparingTo("33.5675");
    assertThat(p25.conversionFactors().get(ConversionFactorType.SINGLE))
        .isEqualByComparingTo("32.3465");
    assertThat(
            java.util.Objects.requireNonNull(p26.medigapPlans().get("K")).coinsurancePaidPercent())
        .isEqualByComparingTo("50");
    assertThat(
            java.util.Objects.requireNonNull(p26.medigapPlans().get("L")).coinsurancePaidPercent())
        .isEqualByComparingTo("75");
    assertThat(p26.selectionPolicy()).isEqualTo(SelectionPolicyName.HIGHEST_ALLOWED_AMOUNT);
    assertThat(p26.dateOfService()).isEqualTo(DateOfServicePolicy.THRESHOLD_MET);
    assertThat(p26.concurrencyRule("ccm-pcm").orElseThrow().differentPractitioners())
        .isEqualTo(ConcurrencyAction.WARN);
    assertThat(p26.concurrencyRule("ccm-cpo").orElseThrow().samePractitioner())
        .isEqualTo(ConcurrencyAction.BLOCK_FIRST);
    assertThat(p26.concurrencyRule("tcm-apcm").orElseThrow().openQuestion()).contains("Q3");
  }

  @Test
  void catalog_jsonRoundTrip() {
    CodeCatalog c = cy2026();
    assertThat(CodeCatalog.parse(CcmJson.write(c), "round-trip")).isEqualTo(c);
  }

  // ------------------------------------------------------------------ validation on load

  private static final String HEAD =
      "{\"version\":\"CY2027.1\",\"effectiveFrom\":\"2027-01-01\",\"effectiveTo\":\"2027-12-31\","
          + "\"rvuRelease\":\"RVU27A\",\"sources\":[\"test\"],\"codes\":[";

  private static String code(String code, String extra) {
    return "{\"code\":\""
        + code
        + "\",\"description\":\"test code\",\"program\":\"CCM\",\"group\":\"CCM\","
        + "\"basis\":\"TIME_MINUTES\",\"billedFrom\":\"TIME\",\"performer\":\"STAFF\""
        + extra
        + "}";
  }

  @Test
  void addOnWhoseParentIsMissing_clearError() {
    String json = HEAD + code("99439", ",\"blockMinutes\":20,\"parents\":[\"99490\"]") + "]}";
    assertThatThrownBy(() -> CodeCatalog.parse(json, "codes-CY2027.json"))
        .isInstanceOfSatisfying(
            CcmException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PARAMETERS))
        .hasMessageContaining("codes-CY2027.json")
        .hasMessageContaining("99439")
        .hasMessageContaining("99490");
  }

  @Test
  void overlappingEntriesOfOneCode_clearError() {
    String json =
        HEAD
            + code("99490", ",\"thresholdMinutes\":20")
            + ","
            + code("99490", ",\"thresholdMinutes\":25,\"effectiveFrom\":\"2027-06-01\"")
            + "]}";
    assertThatThrownBy(() -> CodeCatalog.parse(json, "codes-CY2027.json"))
        .isInstanceOf(CcmException.class)
        .hasMessageContaining(
            "codes-CY2027.json: code 99490 has two entries with overlapping effective dates");
  }

  @Test
  void entriesOfOneCodeWithoutOverlap_accepted() {
    String json =
        HEAD
            + code("99490", ",\"thresholdMinutes\":20,\"effectiveTo\":\"2027-05-31\"")
            + ","
            + code("99490", ",\"thresholdMinutes\":25,\"effectiveFrom\":\"2027-06-01\"")
            + "]}";
    CodeCatalog c = CodeCatalog.parse(json, "codes-CY2027.json");
    assertThat(c.find("99490", LocalDate.of(2027, 7, 1)).orElseThrow().thresholdMinutes())
        .contains(25);
  }

  @Test
  void timeCodeWithoutThreshold_clearError() {
    String json = HEAD + code("99490", "") + "]}";
    assertThatThrownBy(() -> CodeCatalog.parse(json, "codes-CY2027.json"))
        .hasMessageContaining("code 99490 is a time code without thresholdMinutes");
  }

  private static String rpm(String code, String basis, String extra) {
    return "{\"code\":\""
        + code
        + "\",\"description\":\"test code\",\"program\":\"RPM\",\"group\":\"RPM\","
        + "\"basis\":\""
        + basis
        + "\",\"billedFrom\":\"EXTERNAL\",\"performer\":\"STAFF\""
        + extra
        + "}";
  }

  @Test
  void deviceDaysCode_accepted() {
    String json =
        HEAD
            + rpm("99454", "DEVICE_DAYS", ",\"minDeviceDays\":16,\"maxDeviceDays\":30")
            + ","
            + rpm("99453", "EPISODE", ",\"minDeviceDays\":16")
            + "]}";
    CodeCatalog c = CodeCatalog.parse(json, "codes-CY2027.json");
    assertThat(c.find("99454", LocalDate.of(2027, 1, 1)).orElseThrow().maxDeviceDays())
        .contains(30);
  }

  @Test
  void deviceDaysCodeWithoutMinDeviceDays_clearError() {
    String json = HEAD + rpm("99454", "DEVICE_DAYS", "") + "]}";
    assertThatThrownBy(() -> CodeCatalog.parse(json, "codes-CY2027.json"))
        .isInstanceOf(CcmException.class)
        .hasMessageContaining(
            "codes-CY2027.json: code 99454 is a device-days code without minDeviceDays");
  }

  @Test
  void deviceDaysOnATimeCode_clearError() {
    String json = HEAD + code("99490", ",\"thresholdMinutes\":20,\"minDeviceDays\":16") + "]}";
    assertThatThrownBy(() -> CodeCatalog.parse(json, "codes-CY2027.json"))
        .hasMessageContaining("code 99490 has device days but its basis is TIME_MINUTES");
  }

  @Test
  void deviceDaysFromAnEnrollment_clearError() {
    String json =
        HEAD
            + rpm("99454", "DEVICE_DAYS", ",\"minDeviceDays\":16").replace("EXTERNAL", "ENROLLMENT")
            + "]}";
    assertThatThrownBy(() -> CodeCatalog.parse(json, "codes-CY2027.json"))
        .hasMessageContaining("code 99454 counts device days, which an enrollment cannot show");
  }

  @Test
  void deviceDayRangeUpsideDown_clearError() {
    String json =
        HEAD + rpm("99445", "DEVICE_DAYS", ",\"minDeviceDays\":15,\"maxDeviceDays\":2") + "]}";
    assertThatThrownBy(() -> CodeCatalog.parse(json, "codes-CY2027.json"))
        .isInstanceOf(CcmException.class)
        .hasMessageContaining("codes-CY2027.json")
        .hasMessageContaining("99445: maxDeviceDays needs minDeviceDays, not above it");
  }

  @Test
  void externalCodeWithoutProgram_clearError() {
    String json =
        HEAD
            + rpm("99454", "DEVICE_DAYS", ",\"minDeviceDays\":16")
                .replace("\"program\":\"RPM\",", "")
            + "]}";
    assertThatThrownBy(() -> CodeCatalog.parse(json, "codes-CY2027.json"))
        .hasMessageContaining("code 99454 is billed from EXTERNAL but names no program");
  }

  @Test
  void malformedCode_clearErrorNamingFileAndCode() {
    String json = HEAD + code("9949", ",\"thresholdMinutes\":20") + "]}";
    assertThatThrownBy(() -> CodeCatalog.parse(json, "codes-CY2027.json"))
        .isInstanceOf(CcmException.class)
        .hasMessageContaining("codes-CY2027.json")
        .hasMessageContaining("'9949'");
  }

  @Test
  void unknownField_clearError() {
    String json = HEAD + code("99490", ",\"thresholdMinutes\":20,\"midpoint\":true") + "]}";
    assertThatThrownBy(() -> CodeCatalog.parse(json, "codes-CY2027.json"))
        .isInstanceOf(CcmException.class)
        .hasMessageContaining("codes-CY2027.json")
        .hasMessageContaining("midpoint");
  }

  @Test
  void overlappingYears_clearError() {
    CodeCatalog again = ImmutableCodeCatalog.copyOf(cy2026()).withVersion("CY2026.2");
    assertThatThrownBy(() -> ParameterCatalog.of(List.of(cy2026(), again)))
        .isInstanceOf(CcmException.class)
        .hasMessageContaining("overlap");
  }

  @Test
  void indexNamingAMissingFile_clearError() {
    assertThatThrownBy(() -> CodeCatalog.load(CodeCatalogTest.class, "testdata/missing.index"))
        .isInstanceOf(CcmException.class)
        .hasMessageContaining("nope.json");
  }

  @Test
  void parametersNamingAGroupNoCodeHas_clearErrorAtBuild() {
    BillingParameters p26 = BillingParameters.builtIn().forDate(Y2026);
    ConcurrencyRule bad =
        ConcurrencyRule.builder()
            .id("ccm-xyz")
            .first("CCM")
            .second("XYZ")
            .samePractitioner(ConcurrencyAction.BLOCK_FIRST)
            .differentPractitioners(ConcurrencyAction.ALLOW)
            .source("test")
            .build();
    assertThatThrownBy(
            () ->
                CcmBillingRules.builder()
                    .parameters(BillingParameters.builtIn().with(p26.withConcurrencyRule(bad)))
                    .build())
        .isInstanceOf(CcmException.class)
        .hasMessageContaining("ccm-xyz")
        .hasMessageContaining("XYZ");
  }

  @Test
  void withCode_addOnOfMissingParent_rejected() {
    BillingCode orphan =
        ImmutableBillingCode.copyOf(cy2026().find("99439", Y2026).orElseThrow())
            .withCode("99999")
            .withParents("12345");
    assertThatThrownBy(() -> cy2026().withCode(orphan))
        .hasMessageContaining("code 99999 is an add-on of 12345, which is not in the catalog");
  }

  private static String amount(BillingCode c, CareSetting s, ConversionFactorType f) {
    return c.amount(s, f).orElseThrow().amount().toPlainString();
  }
}
