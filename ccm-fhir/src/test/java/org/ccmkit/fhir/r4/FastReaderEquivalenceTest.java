package org.ccmkit.fhir.r4;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.ccmkit.core.json.CcmJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast reader (resources of the contract's types built from the JSON tree) and HAPI's parser
 * give the same mapping result, records, counts and issues alike, on every fixture: the synthetic
 * ones, the bad inputs and the third-party examples. The sample and generated practices are
 * compared in the examples module.
 */
class FastReaderEquivalenceTest {
  private static MappingResult map(boolean fast, List<Path> paths) {
    return R4Mapper.create(MappingOptions.builder().fastReader(fast).build()).map(paths);
  }

  private static void assertSame(List<Path> paths) {
    MappingResult fast = map(true, paths);
    MappingResult hapi = map(false, paths);
    assertThat(CcmJson.write(fast)).isEqualTo(CcmJson.write(hapi));
    assertThat(fast).isEqualTo(hapi);
  }

  @Test
  void syntheticFixtures_sameResult() {
    assertSame(Fixtures.syntheticFiles());
  }

  @ParameterizedTest
  @ValueSource(strings = {"bad", "thirdparty"})
  void folders_sameResult(String folder) {
    assertSame(List.of(Fixtures.R4.resolve(folder)));
  }

  /** Each synthetic fixture alone (so that no other file's resources hide a difference). */
  @Test
  void eachFixtureAlone_sameResult() {
    for (Path p : Fixtures.syntheticFiles()) {
      assertSame(List.of(p));
    }
  }

  /**
   * The third-party data sets under {@code ccm.shared.dir} (Synthea's Bulk export and bundles, the
   * HL7 and US Core examples, the MCC care plans), when present: every type the fast reader takes,
   * in the shapes real exporters write (most lines fall back; those that do not must agree).
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "synthea-bulk-ndjson-10",
        "hl7-r4-examples",
        "us-core-8.0.0-examples",
        "mcc-careplan-bundles"
      })
  void sharedDataSets_sameResult(String name) {
    Path dir = SharedDataSetsTest.sharedData().resolve(name);
    org.junit.jupiter.api.Assumptions.assumeTrue(
        java.nio.file.Files.isDirectory(dir),
        "SKIPPED: shared data set not found at " + dir.toAbsolutePath());
    assertSame(List.of(dir));
  }

  @Test
  void defaultIsOn_andStrictModeAgrees() {
    assertThat(MappingOptions.defaults().fastReader()).isTrue();
    MappingOptions strict = MappingOptions.builder().strict(true).build();
    List<Path> paths = List.of(Fixtures.r4("ndjson-scenario-rpm-month.ndjson"));
    MappingResult fast = R4Mapper.create(strict).map(paths);
    MappingResult hapi =
        R4Mapper.create(MappingOptions.builder().from(strict).fastReader(false).build()).map(paths);
    assertThat(fast).isEqualTo(hapi);
  }

  /** Strict mode on each synthetic fixture: the same result, or the same errors thrown. */
  @Test
  void strictMode_eachFixture_sameResultOrSameErrors() {
    MappingOptions strict = MappingOptions.builder().strict(true).build();
    for (Path p : Fixtures.syntheticFiles()) {
      assertThat(strictOutcome(strict, p))
          .as(p.toString())
          .isEqualTo(
              strictOutcome(MappingOptions.builder().from(strict).fastReader(false).build(), p));
    }
  }

  private static String strictOutcome(MappingOptions options, Path p) {
    try {
      return CcmJson.write(R4Mapper.create(options).map(List.of(p)));
    } catch (MappingException e) {
      return "errors: " + CcmJson.write(e.errors());
    }
  }
}
