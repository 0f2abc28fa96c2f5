package org.ccmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.ValidationResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ccmkit.fhir.r4.R4Mapper;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every FHIR line the month-end writes for the sample practice parses back with HAPI's strict
 * parser into the same JSON, and passes HAPI's base R4 structure check (the R4 XML schemas).
 */
class MonthEndOutputsValidateTest {
  private static final FhirContext CTX = R4Mapper.sharedContext();

  @TempDir static Path out;

  @BeforeAll
  static void runSample() {
    CcmCliTest.Run r = CcmCliTest.run("month-end", "--out", out.toString(), "--quiet");
    assertThat(r.status()).as(r.err()).isZero();
  }

  @Test
  void everyWrittenResource_roundTripsAndPassesTheR4Schema() throws Exception {
    IParser strict = CTX.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    FhirValidator validator =
        CTX.newValidator()
            .setValidateAgainstStandardSchema(true)
            .setValidateAgainstStandardSchematron(false);
    Map<String, Integer> byType = new TreeMap<>();
    for (String file : List.of("claims.ndjson", "alerts.ndjson", "outcomes.ndjson")) {
      for (String line : Files.readAllLines(out.resolve(file), StandardCharsets.UTF_8)) {
        IBaseResource resource = strict.parseResource(line);
        assertThat(CTX.newJsonParser().encodeResourceToString(resource))
            .as("%s round trip", file)
            .isEqualTo(line);
        ValidationResult result = validator.validateWithResult(resource);
        assertThat(
                result.getMessages().stream()
                    .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                    .map(m -> m.getLocationString() + " " + m.getMessage())
                    .toList())
            .as("%s %s", file, resource.getIdElement().getIdPart())
            .isEmpty();
        byType.merge(resource.fhirType(), 1, Integer::sum);
      }
    }
    assertThat(byType).containsKeys("Claim", "DetectedIssue", "OperationOutcome");
  }
}
