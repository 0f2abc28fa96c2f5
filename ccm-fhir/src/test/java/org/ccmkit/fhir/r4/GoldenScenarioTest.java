package org.ccmkit.fhir.r4;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.ccmkit.core.json.CcmJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden files: the whole mapping result (records, practitioners, readings, devices, prior claims,
 * deductibles, counts and issues) of each patient scenario, and the OperationOutcomes written for
 * it, compared with {@code src/test/resources/golden/fhir-r4/<case>.*}. Together the scenarios
 * cover every resource of the contract.
 */
class GoldenScenarioTest {
  private static final ObjectWriter PRETTY = CcmJson.newMapper().writerWithDefaultPrettyPrinter();

  private static MappingResult map(String scenario) {
    return switch (scenario) {
      case "synthetic-fixtures" -> R4Mapper.create().map(Fixtures.syntheticFiles());
      case "bad-inputs" -> R4Mapper.create().map(Fixtures.BAD);
      default -> R4Mapper.create().map(Fixtures.r4(scenario.replace("--", ".")));
    };
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "bundle-scenario-ccm-month--json",
        "ndjson-scenario-rpm-month--ndjson",
        "synthetic-fixtures",
        "bad-inputs"
      })
  void scenario_matchesItsGoldenFiles(String scenario) throws JsonProcessingException {
    MappingResult result = map(scenario);
    String json = PRETTY.writeValueAsString(result) + "\n";
    GoldenFiles.assertMatches(json, Path.of("fhir-r4", scenario + ".result.json"));

    StringWriter outcomes = new StringWriter();
    R4Ndjson.writeResources(outcomes, R4Outcomes.toOperationOutcomes(result));
    GoldenFiles.assertMatches(
        outcomes.toString(), Path.of("fhir-r4", scenario + ".outcomes.ndjson"));

    // the result survives a JSON round trip unchanged, and mapping twice is deterministic
    assertThat(CcmJson.read(CcmJson.write(result), MappingResult.class)).isEqualTo(result);
    assertThat(map(scenario)).isEqualTo(result);
    assertThat(List.of(result.counts().read())).allMatch(n -> n > 0);
  }
}
