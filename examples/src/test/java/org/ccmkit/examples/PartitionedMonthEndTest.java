package org.ccmkit.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The partitioned month-end (docs/performance.md, "Memory") writes the same six outputs, byte for
 * byte (but for {@code summary.json}'s run time), as one pass over everything, for any number of
 * partitions.
 */
class PartitionedMonthEndTest {
  private static final YearMonth MONTH = SamplePractice.LAST_MONTH;
  private static final int[] KS = {2, 3, 7};

  @TempDir static Path tmp;
  private static Path sample;

  @BeforeAll
  static void writeSample() throws IOException {
    sample = tmp.resolve("sample");
    SamplePractice.main(new String[] {sample.toString()});
  }

  /** Runs the month end with {@code k} partitions; returns every output file's text. */
  private static Map<String, String> run(String name, List<Path> inputs, YearMonth month, int k)
      throws IOException {
    Path out = tmp.resolve("out-" + name + "-" + k);
    Path spill = Files.createDirectories(tmp.resolve("spill-" + name + "-" + k));
    MonthEnd.Result r =
        MonthEnd.run(
            new MonthEnd.Options(
                month,
                ZoneId.of("America/New_York"),
                month.atEndOfMonth(),
                ImmutableList.copyOf(inputs),
                out,
                true,
                true,
                new MonthEnd.Partitioning(k, 64, Optional.of(spill))),
            System.err);
    assertThat(r.partitions()).as("partitions used").isEqualTo(k);
    try (Stream<Path> left = Files.list(spill)) {
      assertThat(left.toList()).as("temporary files left behind").isEmpty();
    }
    MonthEndTest.checkSummary(out);
    Map<String, String> files = new TreeMap<>();
    for (String f : MonthEndTest.OUTPUTS) {
      String text = Files.readString(out.resolve(f));
      if (f.equals("summary.json")) {
        text = text.replaceAll("\"millis\" : \\d+", "\"millis\" : 0");
      }
      files.put(f, text);
    }
    return files;
  }

  /** Runs with one partition and with each of {@link #KS}; returns the one-partition outputs. */
  private static Map<String, String> sameForEveryK(String name, List<Path> inputs, YearMonth month)
      throws IOException {
    Map<String, String> one = run(name, inputs, month, 1);
    for (int k : KS) {
      Map<String, String> partitioned = run(name, inputs, month, k);
      for (String f : one.keySet()) {
        assertThat(firstDifference(one.get(f), partitioned.get(f)))
            .as("%s with %d partitions against one", f, k)
            .isEmpty();
      }
    }
    return one;
  }

  /** The first line where two texts differ (shortened), or empty when they are equal. */
  private static String firstDifference(@Nullable String expected, @Nullable String actual) {
    if (expected == null || actual == null) {
      return expected == null && actual == null ? "" : "a file is missing";
    }
    if (expected.equals(actual)) {
      return "";
    }
    String[] a = expected.split("\n", -1);
    String[] b = actual.split("\n", -1);
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      String x = i < a.length ? a[i] : "(none)";
      String y = i < b.length ? b[i] : "(none)";
      if (!x.equals(y)) {
        return "line " + (i + 1) + ": expected " + shorten(x) + " but found " + shorten(y);
      }
    }
    return "differ";
  }

  private static String shorten(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }

  @Test
  void samplePractice_sameOutputsForEveryK() throws IOException {
    Map<String, String> unused = sameForEveryK("sample", List.of(sample), MONTH);
  }

  @Test
  void generatedPractice_sameOutputsForEveryK() throws IOException {
    Path dir = tmp.resolve("generated");
    PracticeGenerator.Stats stats =
        PracticeGenerator.generate(
            new PracticeGenerator.Options(300, 3, 11, YearMonth.of(2026, 3)), dir);
    assertThat(stats.malformed()).as("malformed lines generated").isPositive();
    Map<String, String> unused = sameForEveryK("generated", List.of(dir), YearMonth.of(2026, 3));
  }

  @Test
  void badInputWithTheSample_sameOutputsForEveryK() throws IOException {
    List<Path> inputs = new ArrayList<>(List.of(sample));
    try (Stream<Path> files = Files.list(MonthEndReliabilityTest.CORPUS)) {
      files
          .filter(f -> f.getFileName().toString().endsWith(".ndjson"))
          .sorted()
          .forEach(inputs::add);
    }
    // a file that is not UTF-8 half way through: reading stops there, in every partitioning
    Path notUtf8 = tmp.resolve("not-utf8.ndjson");
    byte[] head = "{\"resourceType\":\"Patient\",\"id\":\"zz-1\"}\n".getBytes(UTF_8);
    byte[] bad = {(byte) 0xC3, (byte) 0x28, '\n'};
    byte[] all = new byte[head.length + bad.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(bad, 0, all, head.length, bad.length);
    Files.write(notUtf8, all);
    inputs.add(notUtf8);
    Map<String, String> one = sameForEveryK("bad", inputs, MONTH);
    assertThat(one.get("outcomes.ndjson"))
        .contains("MALFORMED_JSON", "DUPLICATE", "UNREADABLE_INPUT");
  }

  @Test
  void duplicateNamingAnotherPatient_decidedAsInOnePass() throws IOException {
    // Two patients in different partitions (of 7); a time entry of the first is read again,
    // changed to name the second, with the same id and other content (rejected as a conflict).
    List<String> patients;
    try (Stream<String> lines = Files.lines(sample.resolve("Patient.ndjson"))) {
      patients =
          lines
              .map(l -> l.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"))
              .filter(id -> !id.startsWith("{"))
              .toList();
    }
    String a = patients.get(0);
    String b =
        patients.stream()
            .filter(id -> PartitionRouter.of(id, 7) != PartitionRouter.of(a, 7))
            .findFirst()
            .orElseThrow();
    List<String> entries;
    try (Stream<String> lines = Files.lines(sample.resolve("Procedure.ndjson"))) {
      entries = lines.filter(l -> l.contains("\"Patient/" + a + "\"")).limit(2).toList();
    }
    assertThat(entries).hasSize(2);
    Path extra = tmp.resolve("extra");
    Files.createDirectories(extra);
    String conflict = entries.get(0).replace("\"Patient/" + a + "\"", "\"Patient/" + b + "\"");
    // a time entry read first for one patient and then, newer, for a patient of another partition:
    // the newer copy is kept and counts for the second patient, as in one pass
    String moved =
        entries
            .get(1)
            .replaceFirst("\"id\":\"[^\"]+\"", "\"id\":\"moved-1\"")
            .replaceFirst(
                "\"resourceType\":\"Procedure\",",
                "\"resourceType\":\"Procedure\",\"meta\":{\"lastUpdated\":\"2026-03-01T00:00:00Z\"},");
    String newer =
        moved
            .replace("\"Patient/" + a + "\"", "\"Patient/" + b + "\"")
            .replace("2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z");
    Files.writeString(
        extra.resolve("z-duplicates.ndjson"), conflict + "\n" + moved + "\n" + newer + "\n", UTF_8);
    List<Path> inputs = List.of(sample, extra);
    Map<String, String> one = sameForEveryK("dup", inputs, MONTH);
    assertThat(one.get("outcomes.ndjson")).contains("DUPLICATE_ID_CONFLICT", "SUPERSEDED");
  }

  @Test
  void patientSpreadOverFilesInSeveralFolders_sameOutputs() throws IOException {
    // every line of the sample goes to one of three folders, round robin: each patient's resources
    // (and the practitioners) are spread over files and folders
    List<Path> dirs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      dirs.add(Files.createDirectories(tmp.resolve("spread-" + i)));
    }
    int n = 0;
    try (Stream<Path> files = Files.list(sample)) {
      for (Path f : files.sorted().toList()) {
        List<List<String>> split = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (String line : Files.readAllLines(f, UTF_8)) {
          split.get(n++ % 3).add(line);
        }
        for (int i = 0; i < 3; i++) {
          Files.write(dirs.get(i).resolve(f.getFileName()), split.get(i), UTF_8);
        }
      }
    }
    Map<String, String> whole = run("whole", List.of(sample), MONTH, 1);
    Map<String, String> spread = sameForEveryK("spread", dirs, MONTH);
    for (String f : List.of("claims.ndjson", "decisions.ndjson", "alerts.ndjson")) {
      assertThat(firstDifference(whole.get(f), spread.get(f))).as(f).isEmpty();
    }
  }

  @Test
  void jsonInput_isReadInOnePartition() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("with-json"));
    Files.writeString(
        dir.resolve("one.json"), "{\"resourceType\":\"Patient\",\"id\":\"j1\"}", UTF_8);
    assertThat(PartitionRouter.plan(List.of(dir))).isEmpty();
    assertThat(PartitionRouter.plan(List.of(sample))).isPresent();
  }

  @Test
  void patientIds_areNormalizedAsTheLinkerResolvesThem() {
    assertThat(PartitionRouter.patientId("Patient/p1")).isEqualTo("p1");
    assertThat(PartitionRouter.patientId(" https://x.org/fhir/Patient/p1/_history/3 "))
        .isEqualTo("p1");
    assertThat(PartitionRouter.patientId("Group/g1")).isNull();
    assertThat(PartitionRouter.patientId("#p1")).isNull();
    assertThat(PartitionRouter.patientId("urn:uuid:1234")).isNull();
    assertThat(PartitionRouter.patientId("Patient/")).isNull();
  }

  @Test
  void index_remembersTheFirstPartitionOfEachKey() {
    PartitionRouter.Index index = new PartitionRouter.Index(5);
    for (long key = 0; key < 200_000; key++) {
      assertThat(index.putIfAbsent(key * 0x9E3779B97F4A7C15L, (int) (key % 5))).isEqualTo(key % 5);
    }
    for (long key = 0; key < 200_000; key++) {
      int expected = (int) (key % 5);
      assertThat(index.putIfAbsent(key * 0x9E3779B97F4A7C15L, (expected + 1) % 5))
          .isEqualTo(expected);
    }
    assertThat(index.putIfAbsent(-7, PartitionRouter.SHARED)).isEqualTo(PartitionRouter.SHARED);
    assertThat(index.putIfAbsent(-7, 3)).isEqualTo(PartitionRouter.SHARED);
    assertThat(index.size()).isEqualTo(200_001);
  }
}
