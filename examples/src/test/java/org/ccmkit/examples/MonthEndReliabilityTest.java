package org.ccmkit.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.ccmkit.fhir.r4.R4Outcomes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The month-end on the sample practice: bad input added to it changes nothing but the outcomes and
 * the counts (the corpus in {@code src/test/resources/bad-input}, expectations in its {@code
 * manifest.json}); splitting the input into other files, orders and Bundles, changing the JVM's
 * default zone and locale, and running twice give byte-identical outputs.
 */
class MonthEndReliabilityTest {
  static final Path CORPUS = Path.of("src/test/resources/bad-input");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> COMPARED =
      List.of("claims.ndjson", "alerts.ndjson", "decisions.ndjson");

  @TempDir static Path tmp;
  private static Path sample;
  private static Map<String, String> baseline;

  @BeforeAll
  static void writeSampleAndRunIt() throws IOException {
    sample = tmp.resolve("sample");
    SamplePractice.main(new String[] {sample.toString()});
    baseline = run("baseline", List.of(sample));
  }

  /** Runs the month end for 2026-03 on {@code inputs}; returns every output file's text. */
  static Map<String, String> run(String name, List<Path> inputs) throws IOException {
    Path out = tmp.resolve("out-" + name);
    MonthEnd.Result unused =
        MonthEnd.run(
            new MonthEnd.Options(
                SamplePractice.LAST_MONTH,
                ZoneId.of("America/New_York"),
                SamplePractice.LAST_MONTH.atEndOfMonth(),
                ImmutableList.copyOf(inputs),
                out,
                true,
                true),
            System.err);
    MonthEndTest.checkSummary(out);
    MonthEndTest.checkAgreement(out);
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

  private static String text(Map<String, String> files, String name) {
    return java.util.Objects.requireNonNull(files.get(name), name);
  }

  // ---------------------------------------------------------------- bad input

  static List<JsonNode> cases() throws IOException {
    List<JsonNode> out = new ArrayList<>();
    JSON.readTree(CORPUS.resolve("manifest.json").toFile()).forEach(out::add);
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void badInputAddedToTheSample_changesOnlyOutcomesAndCounts(JsonNode c) throws IOException {
    String name = c.get("case").asText();
    Path file = c.path("generated").asBoolean() ? tenMbLines() : CORPUS.resolve(name);

    Map<String, String> with = run(name, List.of(sample, file));

    for (String f : COMPARED) {
      assertThat(text(with, f)).as(f).isEqualTo(text(baseline, f));
    }
    JsonNode s = JSON.readTree(text(with, "summary.json"));
    JsonNode b = JSON.readTree(text(baseline, "summary.json"));
    JsonNode expected = c.get("counts");
    for (String k : List.of("read", "used", "ignored", "rejected")) {
      assertThat(s.at("/resources/" + k).asInt() - b.at("/resources/" + k).asInt())
          .as(k)
          .isEqualTo(expected.get(k).asInt());
    }
    assertThat(s.get("claims")).isEqualTo(b.get("claims"));
    assertThat(s.get("patients")).isEqualTo(b.get("patients"));
    assertThat(s.get("alerts")).isEqualTo(b.get("alerts"));

    // the case's outcomes name its file and the line
    List<String> locations = new ArrayList<>();
    for (String line : text(with, "outcomes.ndjson").split("\n")) {
      JsonNode oo = JSON.readTree(line);
      for (JsonNode ext : oo.at("/issue/0/extension")) {
        if (ext.get("url").asText().equals(R4Outcomes.SOURCE_LOCATION_EXTENSION)
            && ext.get("valueString").asText().startsWith(file.toString())) {
          locations.add(ext.get("valueString").asText().substring(file.toString().length()));
        }
      }
    }
    List<String> lines = new ArrayList<>();
    c.get("outcomeLocations").forEach(l -> lines.add(l.asText()));
    assertThat(locations).containsExactlyInAnyOrderElementsOf(lines);
    assertThat(s.get("outcomes").asInt() - b.get("outcomes").asInt()).isEqualTo(lines.size());
  }

  private static Path tenMbLines() throws IOException {
    Path f = tmp.resolve("ten-mb-lines.ndjson");
    if (!Files.exists(f)) {
      try (Writer w = Files.newBufferedWriter(f, UTF_8)) {
        w.write("{\"resourceType\":\"Procedure\",\"id\":\"big-note\",\"note\":[{\"text\":\"");
        w.write("y".repeat(10 * 1024 * 1024));
        w.write("\"}],\"status\":\"completed\"}\n");
        w.write("{\"resourceType\":\"Observation\",\"id\":\"big-bad\",\"note\":[{\"text\":\"");
        w.write("z".repeat(10 * 1024 * 1024));
        w.write("\n");
      }
    }
    return f;
  }

  // ---------------------------------------------------------------- splits, zones, twice

  @Test
  void sampleSplitIntoOtherFilesOrdersAndBundles_givesTheSameOutputs() throws IOException {
    List<String> lines = new ArrayList<>();
    List<String> bad = new ArrayList<>();
    try (Stream<Path> files = Files.list(sample)) {
      for (Path f : files.sorted().toList()) {
        (f.getFileName().toString().startsWith("bad") ? bad : lines)
            .addAll(Files.readAllLines(f, UTF_8));
      }
    }
    assertThat(lines).hasSizeGreaterThan(1000);

    // one file, in the original order
    Path one = tmp.resolve("split-one");
    Files.createDirectories(one);
    List<String> all = new ArrayList<>(lines);
    all.addAll(bad);
    Files.write(one.resolve("everything.ndjson"), all, UTF_8);

    // shuffled and dealt into seven files in three folders
    Path seven = tmp.resolve("split-seven");
    List<String> shuffled = new ArrayList<>(all);
    Collections.shuffle(shuffled, new Random(8));
    for (int k = 0; k < 7; k++) {
      Path dir = seven.resolve("part-" + (k % 3));
      Files.createDirectories(dir);
      List<String> part = new ArrayList<>();
      for (int i = k; i < shuffled.size(); i += 7) {
        part.add(shuffled.get(i));
      }
      Files.write(dir.resolve("chunk-" + k + ".ndjson"), part, UTF_8);
    }

    // reversed, as five collection Bundles (the bad lines stay NDJSON: a Bundle cannot hold them)
    Path bundles = tmp.resolve("split-bundles");
    Files.createDirectories(bundles);
    List<String> reversed = new ArrayList<>(lines);
    Collections.reverse(reversed);
    for (int k = 0; k < 5; k++) {
      StringBuilder b =
          new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[");
      boolean first = true;
      for (int i = k; i < reversed.size(); i += 5) {
        b.append(first ? "" : ",\n").append("{\"resource\":").append(reversed.get(i)).append('}');
        first = false;
      }
      Files.writeString(bundles.resolve("bundle-" + k + ".json"), b.append("]}\n"), UTF_8);
    }
    Files.write(bundles.resolve("bad.ndjson"), bad, UTF_8);

    for (Path split : List.of(one, seven, bundles)) {
      Map<String, String> r = run(split.getFileName().toString(), List.of(split));
      for (String f : COMPARED) {
        assertThat(text(r, f)).as("%s of %s", f, split.getFileName()).isEqualTo(text(baseline, f));
      }
      assertThat(text(r, "summary.json"))
          .as("summary of %s", split.getFileName())
          .isEqualTo(text(baseline, "summary.json"));
      assertThat(text(r, "outcomes.ndjson").split("\n"))
          .hasSameSizeAs(text(baseline, "outcomes.ndjson").split("\n"));
    }
  }

  @Test
  void otherDefaultZonesAndLocales_andASecondRun_giveByteIdenticalOutputs() throws IOException {
    TimeZone zone = TimeZone.getDefault();
    Locale locale = Locale.getDefault();
    String[][] settings = {
      {"UTC", "en-US"}, {"Australia/Lord_Howe", "ar-SA"}, {"Asia/Kathmandu", "th-TH-u-nu-thai"}
    };
    try {
      for (String[] s : settings) {
        TimeZone.setDefault(TimeZone.getTimeZone(ZoneId.of(s[0])));
        Locale.setDefault(Locale.forLanguageTag(s[1]));
        Map<String, String> r = run("zone-" + s[0].replace('/', '-'), List.of(sample));
        for (String f : MonthEndTest.OUTPUTS) {
          assertThat(text(r, f)).as("%s under %s, %s", f, s[0], s[1]).isEqualTo(text(baseline, f));
        }
      }
    } finally {
      TimeZone.setDefault(zone);
      Locale.setDefault(locale);
    }
  }
}
