package org.ccmkit.fhir.r4;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the mapper over the full third-party data sets in {@code ../shared/data} (system property
 * {@code ccm.shared.dir}, set by Surefire; else {@code ../../shared} from the module), printing the
 * counts. Skipped with a message when the data is not there.
 */
class SharedDataSetsTest {
  static Path sharedData() {
    String prop = System.getProperty("ccm.shared.dir");
    Path base = prop != null ? Path.of(prop) : Path.of("../../shared");
    return base.resolve("data").normalize();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "synthea-r4-bundles",
        "synthea-bulk-ndjson-10",
        "mcc-careplan-bundles",
        "hl7-r4-examples",
        "us-core-8.0.0-examples"
      })
  void map_sharedDataSet_accountsForEveryResourceWithoutException(String name) {
    Path dir = sharedData().resolve(name);
    Assumptions.assumeTrue(
        Files.isDirectory(dir), "SKIPPED: shared data set not found at " + dir.toAbsolutePath());
    long t0 = System.nanoTime();
    MappingResult result = R4Mapper.create().map(dir);
    long ms = (System.nanoTime() - t0) / 1_000_000;

    MappingCounts c = result.counts();
    assertThat(c.read()).isEqualTo(c.used() + c.ignored() + c.rejected());
    assertThat(result.issues())
        .filteredOn(i -> i.code() == MappingIssueCode.MAPPER_FAILURE)
        .isEmpty();
    Map<MappingIssueCode, Long> byCode =
        result.issues().stream()
            .collect(
                Collectors.groupingBy(MappingIssue::code, TreeMap::new, Collectors.counting()));
    System.out.printf(
        "[shared-data] %-24s %s records=%d practitioners=%d readings=%d in %d ms%n",
        name,
        c,
        result.records().size(),
        result.practitioners().size(),
        result.readings().size(),
        ms);
    result
        .countsByType()
        .forEach((t, tc) -> System.out.printf("[shared-data]   %-28s %s%n", t, tc));
    System.out.printf("[shared-data]   issues %s%n", byCode);
    result.errors().stream()
        .limit(8)
        .forEach(i -> System.out.printf("[shared-data]   e.g. %s%n", i));
  }
}
