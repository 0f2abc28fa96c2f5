package org.ccmkit.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import org.ccmkit.core.json.CcmJson;
import org.ccmkit.core.model.CareProgram;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The RPM thresholds live twice on purpose: ccm-rpm's parameter files drive its rules, and this
 * module's catalog describes the codes it prices. The modules may not depend on each other, so this
 * test reads ccm-rpm's shipped JSON from the source tree (as data, no ccm-rpm type) and checks that
 * the two agree: the same codes, device-day ranges, minute thresholds and add-on block.
 */
class RpmCatalogConsistencyTest {
  private static final Path RPM_DATA =
      Path.of("..", "ccm-rpm", "src", "main", "resources", "org", "ccmkit", "rpm");

  private static JsonNode rpm(int year) throws IOException {
    Path file = RPM_DATA.resolve("rpm-CY" + year + ".json");
    assertThat(file).as("ccm-rpm's data, read from the source tree").exists();
    return CcmJson.newMapper().readTree(Files.readString(file));
  }

  @ParameterizedTest(name = "CY{0}")
  @ValueSource(ints = {2025, 2026})
  void rpmParametersAndBillingCatalog_agreeOnCodesAndThresholds(int year) throws IOException {
    JsonNode p = rpm(year);
    LocalDate day = LocalDate.of(year, 1, 1);
    CodeCatalog catalog = CodeCatalog.builtIn().forDate(day);
    Set<String> rpmCodes = new TreeSet<>();

    for (JsonNode tier : p.get("deviceSupply").get("tiers")) {
      String code = tier.get("code").asText();
      rpmCodes.add(code);
      BillingCode c = catalog.find(code, day).orElseThrow();
      assertThat(c.basis()).as(code).isEqualTo(Basis.DEVICE_DAYS);
      assertThat(c.minDeviceDays()).as(code).contains(tier.get("minDays").asInt());
      assertThat(c.maxDeviceDays()).as(code).contains(tier.get("maxDays").asInt());
    }

    JsonNode setup = p.get("setup");
    String setupCode = setup.get("code").asText();
    rpmCodes.add(setupCode);
    BillingCode s = catalog.find(setupCode, day).orElseThrow();
    assertThat(s.basis()).isEqualTo(Basis.EPISODE);
    if (setup.get("thresholdConfirmed").asBoolean()) {
      assertThat(s.minDeviceDays()).contains(setup.get("minDataDays").asInt());
    } else {
      assertThat(s.minDeviceDays()).as("unconfirmed: not in the catalog").isEmpty();
    }

    JsonNode management = p.get("management");
    for (JsonNode tier : management.get("tiers")) {
      String code = tier.get("code").asText();
      rpmCodes.add(code);
      BillingCode c = catalog.find(code, day).orElseThrow();
      assertThat(c.basis()).as(code).isEqualTo(Basis.TIME_MINUTES);
      assertThat(c.thresholdMinutes()).as(code).contains(tier.get("minMinutes").asInt());
    }
    JsonNode addOn = management.get("addOn");
    String addOnCode = addOn.get("code").asText();
    rpmCodes.add(addOnCode);
    BillingCode a = catalog.find(addOnCode, day).orElseThrow();
    assertThat(a.parents()).containsExactly(addOn.get("baseCode").asText());
    assertThat(a.blockMinutes()).contains(addOn.get("minutesPerUnit").asInt());

    assertThat(catalog.codesOf(CareProgram.RPM, day))
        .extracting(BillingCode::code)
        .containsExactlyElementsOf(rpmCodes);
  }
}
