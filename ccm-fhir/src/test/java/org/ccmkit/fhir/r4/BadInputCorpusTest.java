package org.ccmkit.fhir.r4;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ccmkit.core.json.CcmJson;
import org.ccmkit.core.model.PatientRecord;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus ({@code src/test/resources/bad-input}, one file per case, expectations in
 * its {@code manifest.json}): each case is read after a clean baseline (the RPM-month NDJSON
 * scenario) and compared with the baseline read alone. For each case the run completes, the case's
 * inputs end with exactly the manifest's issues, every rejected or ignored input gets an
 * OperationOutcome naming the file and line (or bundle entry), the counts move by exactly the
 * manifest's numbers and read = used + ignored + rejected, and everything else — the baseline's
 * records, practitioners, devices, prior claims, deductibles and issues — is byte-identical to the
 * run without the case.
 */
class BadInputCorpusTest {
  static final Path CORPUS = Path.of("src/test/resources/bad-input");
  static final Path BASELINE = Fixtures.r4("ndjson-scenario-rpm-month.ndjson");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The size of each generated long line: 10 MB. */
  static final int TEN_MB = 10 * 1024 * 1024;

  @TempDir Path tmp;

  /** One manifest entry. */
  record Case(String name, JsonNode spec) {
    @Override
    public String toString() {
      return name + " (" + spec.get("about").asText() + ")";
    }
  }

  static List<Case> cases() throws IOException {
    List<Case> out = new ArrayList<>();
    for (JsonNode n : JSON.readTree(CORPUS.resolve("manifest.json").toFile())) {
      out.add(new Case(n.get("case").asText(), n));
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void badInput_isIsolatedCountedAndReportedWithFileAndLine(Case c) throws IOException {
    Path file =
        c.spec().path("generated").asBoolean() ? generate(c.name()) : CORPUS.resolve(c.name());
    ImmutableMappingOptions.Builder b = MappingOptions.builder();
    if (c.spec().has("notAfter")) {
      b.notAfter(OffsetDateTime.parse(c.spec().get("notAfter").asText()).toInstant());
    }
    R4Mapper mapper = R4Mapper.create(b.build());
    MappingResult without = mapper.map(BASELINE);
    MappingResult with = mapper.map(BASELINE, file);
    String src = file.toString();

    // the case's inputs end with exactly the manifest's issues
    Map<String, List<String>> actual =
        with.issues().stream()
            .filter(i -> i.location().source().equals(src))
            .collect(
                Collectors.groupingBy(
                    i -> i.location().toString().substring(src.length()),
                    TreeMap::new,
                    Collectors.mapping(i -> i.code().name(), Collectors.toList())));
    Map<String, List<String>> expected = new TreeMap<>();
    c.spec()
        .get("issues")
        .fields()
        .forEachRemaining(
            e -> {
              List<String> codes = new ArrayList<>();
              e.getValue().forEach(v -> codes.add(v.asText()));
              expected.put(e.getKey(), codes);
            });
    assertThat(actual).as("issues at %s", c.name()).isEqualTo(expected);

    // the counts move by exactly the case's inputs, and add up
    JsonNode n = c.spec().get("counts");
    MappingCounts w = with.counts();
    MappingCounts wo = without.counts();
    assertThat(w.read() - wo.read()).as("read").isEqualTo(n.get("read").asInt());
    assertThat(w.used() - wo.used()).as("used").isEqualTo(n.get("used").asInt());
    assertThat(w.ignored() - wo.ignored()).as("ignored").isEqualTo(n.get("ignored").asInt());
    assertThat(w.rejected() - wo.rejected()).as("rejected").isEqualTo(n.get("rejected").asInt());
    R4MapperFuzzTest.check(with, null);

    // one OperationOutcome per rejected or ignored input of the case, naming file and line/entry
    Set<String> reported = new TreeSet<>();
    with.issues().stream()
        .filter(i -> i.location().source().equals(src) && i.effect() != IssueEffect.NOTE)
        .forEach(i -> reported.add(i.location().toString()));
    List<String> named = new ArrayList<>();
    for (OperationOutcome oo : R4Outcomes.toOperationOutcomes(with)) {
      String location =
          oo.getIssueFirstRep()
              .getExtensionByUrl(R4Outcomes.SOURCE_LOCATION_EXTENSION)
              .getValue()
              .primitiveValue();
      if (location.startsWith(src)) {
        named.add(location);
        String rest = location.substring(src.length());
        if (src.endsWith(".ndjson")) {
          assertThat(rest).as("an NDJSON input is named by its line").matches(":\\d+");
        } else {
          assertThat(rest).as("a JSON input is the file or a bundle entry").matches("(:\\d+#.*)?");
        }
        assertThat(oo.getIssueFirstRep().getDiagnostics()).startsWith("source: " + location);
      }
    }
    assertThat(named).containsExactlyInAnyOrderElementsOf(reported);

    // everything else exactly as without the case
    assertThat(other(with.issues(), src)).isEqualTo(other(without.issues(), src));
    Set<String> newPatients = new TreeSet<>();
    c.spec().get("newPatients").forEach(p -> newPatients.add(p.asText()));
    List<PatientRecord> kept =
        with.records().stream().filter(r -> !newPatients.contains(r.ref().id())).toList();
    assertThat(CcmJson.write(kept)).isEqualTo(CcmJson.write(without.records()));
    assertThat(with.records().stream().map(r -> r.ref().id()).filter(newPatients::contains))
        .containsExactlyInAnyOrderElementsOf(newPatients);
    assertThat(CcmJson.write(with.practitioners()))
        .isEqualTo(CcmJson.write(without.practitioners()));
    if (c.spec().path("changesPriorClaims").asBoolean()) {
      // the case adds a claim on file: every earlier one is kept, each new one is the case's own
      assertThat(with.priorClaims()).containsAll(without.priorClaims());
      assertThat(with.priorClaims().stream().filter(p -> !without.priorClaims().contains(p)))
          .isNotEmpty()
          .allSatisfy(p -> assertThat(p.source().resourceType()).isEqualTo("ExplanationOfBenefit"));
    } else {
      assertThat(CcmJson.write(with.priorClaims())).isEqualTo(CcmJson.write(without.priorClaims()));
    }
    assertThat(CcmJson.write(with.deductibles())).isEqualTo(CcmJson.write(without.deductibles()));
    assertThat(with.devices()).isEqualTo(without.devices());
  }

  @Test
  void manifest_namesEveryCaseFileOnce() throws IOException {
    Set<String> named = new TreeSet<>();
    for (Case c : cases()) {
      assertThat(named.add(c.name())).as("named twice: %s", c.name()).isTrue();
      assertThat(Files.exists(CORPUS.resolve(c.name())))
          .as("%s exists or is generated", c.name())
          .isNotEqualTo(c.spec().path("generated").asBoolean());
    }
    try (Stream<Path> files = Files.list(CORPUS)) {
      Set<String> present =
          files
              .map(p -> p.getFileName().toString())
              .filter(f -> f.endsWith(".json") || f.endsWith(".ndjson"))
              .filter(f -> !f.equals("manifest.json"))
              .collect(Collectors.toCollection(TreeSet::new));
      assertThat(named).containsAll(present);
    }
  }

  private static List<String> other(List<MappingIssue> issues, String src) {
    return issues.stream()
        .filter(i -> !i.location().source().equals(src))
        .map(MappingIssue::toString)
        .toList();
  }

  /** Writes a generated case into the temporary folder. */
  private Path generate(String name) throws IOException {
    Path f = tmp.resolve(name);
    if (!name.equals("ten-mb-lines.ndjson")) {
      throw new IllegalArgumentException("no generator for " + name);
    }
    try (Writer out = Files.newBufferedWriter(f, UTF_8)) {
      out.write("{\"resourceType\":\"Binary\",\"id\":\"big\",\"contentType\":\"text/plain\",");
      out.write("\"data\":\"");
      out.write("QUJD".repeat(TEN_MB / 4));
      out.write("\"}\n");
      out.write("{\"resourceType\":\"Condition\",\"id\":\"big-2\",\"note\":[{\"text\":\"");
      out.write("x".repeat(TEN_MB));
      out.write("\n");
    }
    return f;
  }
}
