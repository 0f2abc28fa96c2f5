package org.ccmkit.fhir.r4;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.ccmkit.core.json.CcmJson;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.jspecify.annotations.Nullable;

/**
 * Jazzer fuzz tests of the FHIR reader and mapper. In every build ({@code ./mvnw verify}) they run
 * in regression mode over the committed corpus in {@code
 * src/test/resources/org/ccmkit/fhir/r4/R4MapperFuzzTestInputs/<method>/}; with {@code
 * JAZZER_FUZZ=1} they fuzz (see docs/testing.md).
 *
 * <p>The contract under test: whatever the bytes, mapping returns a result (non-strict mode never
 * throws; strict mode throws only {@link MappingException}), every input read is counted once as
 * used, ignored or rejected with one issue saying why, every issue names the source it was read
 * from, no mapper fails ({@link MappingIssueCode#MAPPER_FAILURE} is a ccmkit bug), and the
 * OperationOutcomes and the JSON of the result can be written.
 */
class R4MapperFuzzTest {
  private static final String SOURCE = "fuzz.ndjson";

  /** Bytes as a Bulk NDJSON stream (decoded strictly, so invalid UTF-8 is part of the input). */
  @FuzzTest(maxDuration = "5m")
  void ndjson(byte[] data) {
    Reader reader =
        new InputStreamReader(
            new ByteArrayInputStream(data),
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    MappingResult r = R4Mapper.create().mapNdjson(SOURCE, reader);
    check(r, SOURCE);
  }

  /** Bytes as one JSON file: a Bundle (nested ones too) or a single resource. */
  @FuzzTest(maxDuration = "5m")
  void json(byte[] data) {
    MappingResult r =
        R4Mapper.create().mapJson("fuzz.json", new String(data, StandardCharsets.UTF_8));
    check(r, "fuzz.json");
  }

  /**
   * Bytes as one JSON file read together with a patient and practitioners, so that references
   * resolve and the per-type mappers and the linker see realistic resources; the same input in
   * strict mode throws nothing but a {@link MappingException}.
   */
  @FuzzTest(maxDuration = "5m")
  void jsonWithPeople(byte[] data) {
    String json = new String(data, StandardCharsets.UTF_8);
    MappingResult r = Fixtures.mapWithPeople(json);
    check(r, null);
    assertThat(r.record(org.ccmkit.core.model.PatientRef.of("pat-1"))).isPresent();
    MappingOptions strict = MappingOptions.builder().strict(true).build();
    try {
      MappingResult s = Fixtures.mapWithPeople(strict, json);
      assertThat(r.hasErrors()).as("strict mode returned despite errors").isFalse();
      check(s, null);
    } catch (MappingException e) {
      // strict mode rejects errors and parser complaints alike, and says which
      assertThat(e.errors()).isNotEmpty();
      assertThat(e.getMessage()).startsWith("INVALID_FHIR_INPUT");
    }
  }

  /**
   * The invariants every result keeps.
   *
   * @param source the only source issues may name, or null for any
   */
  static void check(MappingResult r, @Nullable String source) {
    MappingCounts c = r.counts();
    assertThat(c.read()).isEqualTo(c.used() + c.ignored() + c.rejected());
    assertThat(r.countsByType().values().stream().mapToInt(MappingCounts::read).sum())
        .isEqualTo(c.read());
    assertThat(r.issues().stream().filter(i -> i.effect() == IssueEffect.REJECTS))
        .hasSize(c.rejected());
    assertThat(r.issues().stream().filter(i -> i.effect() == IssueEffect.IGNORES))
        .hasSize(c.ignored());
    assertThat(r.issues()).noneMatch(i -> i.code() == MappingIssueCode.MAPPER_FAILURE);
    if (source != null) {
      assertThat(r.issues()).allMatch(i -> i.location().source().equals(source));
    }
    for (OperationOutcome oo : R4Outcomes.toOperationOutcomes(r)) {
      assertThat(R4Ndjson.toLine(oo)).contains(R4Outcomes.SOURCE_LOCATION_EXTENSION);
    }
    assertThat(CcmJson.write(r.records())).isNotEmpty();
    assertThat(r.toString()).isNotEmpty();
  }
}
