package org.ccmkit.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ccmkit.fhir.r4.MappingException;
import org.ccmkit.fhir.r4.MappingIssue;
import org.ccmkit.fhir.r4.MappingOptions;
import org.ccmkit.fhir.r4.MappingResult;
import org.ccmkit.fhir.r4.R4Mapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No PHI in logs, exception messages, {@code toString()} or outputs. The month-end runs with every
 * logger at its most verbose ({@link LogCapture}: SLF4J, which HAPI logs through, at TRACE and
 * java.util.logging at ALL) and stdout and stderr captured; then the texts seen are searched for
 * every PHI value of the input's Patient resources (each name part, birth date, address line, city,
 * postal code, phone or e-mail, and identifier value, the MBI included) and every free-text note:
 *
 * <ul>
 *   <li>the captured log events (with their stack traces) and the run's stdout and stderr;
 *   <li>the message and stack trace of the {@link MappingException} a strict mapping throws on the
 *       same input, and of each of its errors;
 *   <li>{@code toString()} of the run's result and of every object in it: mapping result, records,
 *       practitioners, devices, prior claims, issues, billing results, decisions, alerts;
 *   <li>every file the run writes (claims, alerts, decisions, outcomes, summary, report).
 * </ul>
 *
 * <p>Source file names are the caller's: an OperationOutcome names the file and line an input was
 * read from, as the contract requires, exactly as the caller gave the path. Synthea names its
 * bundles after the patient, so with Synthea's own file names the patient's name reaches
 * outcomes.ndjson through the file name. The Synthea test therefore runs twice: on copies with
 * neutral names, where nothing may leak at all, and on the original names, where it checks that
 * every leak is an input file's path and nothing else (see docs/testing.md).
 */
class PhiLeakTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YearMonth MONTH = YearMonth.of(2026, 3);

  @TempDir Path tmp;

  @Test
  void plantedSample_noPhiAnywhere() throws Exception {
    Path in = tmp.resolve("in");
    SamplePractice.main(new String[] {in.toString()});
    plant(in);
    Set<String> phi = phiValues(in);
    assertThat(phi).as("planted PHI values").hasSizeGreaterThan(300);

    Seen seen = run(List.of(in), MONTH, true);

    assertThat(seen.logEvents).as("the capture saw HAPI's logging").isPositive();
    assertThat(leaks(seen.texts, phi, List.of())).isEmpty();
  }

  @Test
  void synthea_neutralFileNames_noPhiAnywhere() throws Exception {
    List<Path> bundles = syntheaBundles();
    Path in = tmp.resolve("synthea");
    Files.createDirectories(in);
    for (int i = 0; i < bundles.size(); i++) {
      Files.copy(bundles.get(i), in.resolve(String.format("bundle-%03d.json", i)));
    }
    Set<String> phi = phiValues(in);
    assertThat(phi).hasSizeGreaterThan(50);

    Seen seen = run(List.of(in), MONTH, false);

    assertThat(leaks(seen.texts, phi, List.of())).isEmpty();
  }

  @Test
  void synthea_ownFileNames_phiOnlyInTheFileNamesTheCallerGave() throws Exception {
    List<Path> bundles = syntheaBundles();
    Set<String> phi = new TreeSet<>();
    for (Path b : bundles) {
      phi.addAll(phiValues(b));
    }

    Seen seen = run(bundles, MONTH, false);

    List<String> paths = bundles.stream().map(Path::toString).toList();
    assertThat(leaks(seen.texts, phi, paths)).as("PHI outside the input paths").isEmpty();
    // the exemption is real: the names do reach the outcomes, through the file names only
    assertThat(leaks(seen.texts, phi, List.of()))
        .isNotEmpty()
        .anySatisfy(l -> assertThat(l).startsWith("run/outcomes.ndjson: "));
  }

  // ---------------------------------------------------------------- the run

  /** Everything a run let out, by where it was seen. */
  record Seen(Map<String, String> texts, int logEvents) {}

  /**
   * Runs the month end on {@code inputs} and collects what it let out; {@code everything} adds the
   * CLI (stdout, stderr and its files) and a mapping with a fresh HAPI context (its start-up
   * logging), which cost a few seconds.
   */
  private Seen run(List<Path> inputs, YearMonth month, boolean everything) throws Exception {
    Map<String, String> texts = new TreeMap<>();
    Path out = Files.createTempDirectory(tmp, "out");
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    ByteArrayOutputStream sysOut = new ByteArrayOutputStream();
    ByteArrayOutputStream sysErr = new ByteArrayOutputStream();
    int events;
    try (LogCapture logs = LogCapture.start()) {
      System.setOut(new PrintStream(sysOut, true, UTF_8));
      System.setErr(new PrintStream(sysErr, true, UTF_8));
      try {
        if (everything) {
          // the CLI, as a user runs it (not quiet: progress goes to stderr)
          List<String> args = new ArrayList<>(List.of("month-end", "--month", month.toString()));
          for (Path p : inputs) {
            args.add("--in");
            args.add(p.toString());
          }
          args.addAll(List.of("--out", out.resolve("cli").toString()));
          CcmCliTest.Run cli = CcmCliTest.run(args.toArray(String[]::new));
          assertThat(cli.status()).as(cli.err()).isZero();
          texts.put("cli stdout", cli.out());
          texts.put("cli stderr", cli.err());
        }
        // the pipeline, for the objects it produced
        MonthEnd.Result r =
            MonthEnd.run(
                new MonthEnd.Options(
                    month,
                    ZoneId.of("America/New_York"),
                    month.atEndOfMonth(),
                    ImmutableList.copyOf(inputs),
                    out.resolve("run"),
                    false,
                    true),
                new PrintStream(sysErr, true, UTF_8));
        texts.put("toString", toStrings(r));

        if (everything) {
          // a fresh HAPI context, so that its start-up logging is captured too
          MappingResult fresh =
              R4Mapper.create(MappingOptions.defaults(), FhirContext.forR4()).map(inputs);
          texts.put("toString fresh mapping", toStrings(fresh));
        }
        // strict mode: the exception and its errors
        try {
          MappingResult unused =
              R4Mapper.create(MappingOptions.builder().strict(true).build()).map(inputs);
        } catch (MappingException e) {
          StringWriter w = new StringWriter();
          e.printStackTrace(new PrintWriter(w));
          StringBuilder s = new StringBuilder(w.toString());
          e.errors().forEach(i -> s.append('\n').append(i));
          texts.put("exception", s.toString());
        }
      } finally {
        System.setOut(stdout);
        System.setErr(stderr);
      }
      events = logs.events().size();
      texts.put("logs", String.join("\n", logs.events()));
    }
    texts.put("System.out", sysOut.toString(UTF_8));
    texts.put("System.err", sysErr.toString(UTF_8));
    try (Stream<Path> files = Files.walk(out)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        texts.put(out.relativize(f).toString(), Files.readString(f));
      }
    }
    assertThat(texts).containsKeys("run/claims.ndjson", "run/outcomes.ndjson", "run/report.html");
    return new Seen(texts, events);
  }

  private static String toStrings(MonthEnd.Result r) {
    StringBuilder s = new StringBuilder(r.toString());
    s.append('\n').append(toStrings(r.mapping()));
    for (MonthEnd.PatientMonth pm : r.patients()) {
      s.append('\n').append(pm);
      s.append('\n').append(pm.billing());
      pm.decisions().forEach(d -> s.append('\n').append(d));
      pm.alerts().forEach(a -> s.append('\n').append(a));
    }
    return s.toString();
  }

  private static String toStrings(MappingResult m) {
    StringBuilder s = new StringBuilder(m.toString());
    m.records().forEach(x -> s.append('\n').append(x));
    m.records().forEach(x -> s.append('\n').append(x.patient()));
    m.practitioners().forEach(x -> s.append('\n').append(x));
    m.devices().forEach(x -> s.append('\n').append(x));
    m.priorClaims().forEach(x -> s.append('\n').append(x));
    m.deductibles().forEach(x -> s.append('\n').append(x));
    for (MappingIssue i : m.issues()) {
      s.append('\n').append(i);
    }
    return s.toString();
  }

  /**
   * Returns "where: value" for each PHI value found in a text as a whole word, after removing the
   * exempted strings (input paths) from the text.
   */
  static List<String> leaks(Map<String, String> texts, Set<String> phi, List<String> exempt) {
    List<String> found = new ArrayList<>();
    List<String> values = List.copyOf(phi);
    List<Pattern> patterns =
        values.stream()
            .map(
                v ->
                    Pattern.compile(
                        "(?<![\\p{L}\\p{N}])" + Pattern.quote(v) + "(?![\\p{L}\\p{N}])"))
            .toList();
    List<String> longestFirst =
        exempt.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    texts.forEach(
        (where, text) -> {
          String t = text;
          for (String e : longestFirst) {
            t = t.replace(e, "<input path>");
          }
          for (int i = 0; i < values.size(); i++) {
            if (!t.contains(values.get(i))) {
              continue; // the quick test; the pattern then checks word boundaries
            }
            Matcher m = patterns.get(i).matcher(t);
            if (m.find()) {
              int from = Math.max(0, m.start() - 60);
              String context = t.substring(from, Math.min(t.length(), m.end() + 60));
              found.add(where + ": " + values.get(i) + " in …" + context + "…");
            }
          }
        });
    return found;
  }

  // ---------------------------------------------------------------- PHI values

  /** The PHI values of every Patient and the notes of every resource in a file or folder. */
  static Set<String> phiValues(Path path) throws IOException {
    Set<String> out = new TreeSet<>();
    List<Path> files;
    if (Files.isDirectory(path)) {
      try (Stream<Path> s = Files.walk(path)) {
        files = s.filter(Files::isRegularFile).sorted().toList();
      }
    } else {
      files = List.of(path);
    }
    for (Path f : files) {
      String name = f.getFileName().toString();
      if (name.endsWith(".ndjson")) {
        for (String line : Files.readAllLines(f, UTF_8)) {
          try {
            collect(JSON.readTree(line), out);
          } catch (IOException malformed) {
            // a bad line holds no readable PHI to look for
          }
        }
      } else if (name.endsWith(".json")) {
        collect(JSON.readTree(f.toFile()), out);
      }
    }
    out.removeIf(v -> v.length() < 4);
    return out;
  }

  private static void collect(JsonNode node, Set<String> out) {
    if (node.isArray()) {
      node.forEach(n -> collect(n, out));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    if ("Patient".equals(node.path("resourceType").asText())) {
      for (JsonNode n : node.path("name")) {
        n.path("given").forEach(g -> out.add(g.asText()));
        n.path("family").forEach(x -> out.add(x.asText()));
        if (n.path("family").isTextual()) {
          out.add(n.path("family").asText());
        }
        if (n.path("text").isTextual()) {
          out.add(n.path("text").asText());
        }
      }
      if (node.path("birthDate").isTextual()) {
        out.add(node.path("birthDate").asText());
      }
      for (JsonNode a : node.path("address")) {
        a.path("line").forEach(l -> out.add(l.asText()));
        for (String f : List.of("city", "postalCode", "text")) {
          if (a.path(f).isTextual()) {
            out.add(a.path(f).asText());
          }
        }
      }
      for (JsonNode t : node.path("telecom")) {
        if (t.path("value").isTextual()) {
          out.add(t.path("value").asText());
        }
      }
      for (JsonNode id : node.path("identifier")) {
        if (id.path("value").isTextual()) {
          out.add(id.path("value").asText());
        }
      }
    }
    for (JsonNode note : node.path("note")) {
      if (note.path("text").isTextual()) {
        out.add(note.path("text").asText());
      }
    }
    node.fields()
        .forEachRemaining(
            e -> {
              if (!e.getKey().equals("note")) {
                collect(e.getValue(), out);
              }
            });
  }

  // ---------------------------------------------------------------- planting

  /**
   * Gives every sample patient a distinctive name, address, phone and e-mail (the MBI and birth
   * date are already there), adds a free-text note to every time entry and condition, and appends
   * two bad records that carry PHI: a Patient without id, and a truncated Patient line.
   */
  static void plant(Path in) throws IOException {
    Path patients = in.resolve("Patient.ndjson");
    List<String> out = new ArrayList<>();
    int i = 0;
    for (String line : Files.readAllLines(patients, UTF_8)) {
      ObjectNode p = (ObjectNode) JSON.readTree(line);
      String tag = letters(i++);
      ArrayNode name = p.putArray("name");
      ObjectNode n = name.addObject();
      n.put("family", "Featherstone" + tag);
      n.putArray("given").add("Marguerite" + tag).add("Osk" + tag + "ar");
      ObjectNode a = p.putArray("address").addObject();
      a.putArray("line").add((4000 + i) + " Juniper Hollow " + tag);
      a.put("city", "Wexbury" + tag);
      a.put("postalCode", String.format("%05d", 90000 + i));
      p.putArray("telecom")
          .add(
              JSON.createObjectNode()
                  .put("system", "phone")
                  .put("value", "(555) 013-" + (1000 + i)))
          .add(
              JSON.createObjectNode()
                  .put("system", "email")
                  .put("value", "marguerite." + tag + "@example.org"));
      out.add(JSON.writeValueAsString(p));
    }
    out.add(
        "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Noidfeatherstone\"}],"
            + "\"birthDate\":\"1931-07-04\"}");
    out.add(
        "{\"resourceType\":\"Patient\",\"id\":\"cut\",\"name\":[{\"family\":\"Truncatedhawthorne\"");
    Files.write(patients, out, UTF_8);
    for (String type : List.of("Procedure", "Condition")) {
      Path f = in.resolve(type + ".ndjson");
      List<String> lines = new ArrayList<>();
      int k = 0;
      for (String line : Files.readAllLines(f, UTF_8)) {
        ObjectNode r = (ObjectNode) JSON.readTree(line);
        r.putArray("note")
            .addObject()
            .put("text", "Spoke with daughter Henrietta about " + type + " note " + letters(k++));
        lines.add(JSON.writeValueAsString(r));
      }
      Files.write(f, lines, UTF_8);
    }
  }

  private static String letters(int i) {
    StringBuilder s = new StringBuilder();
    int v = i;
    do {
      s.append((char) ('a' + v % 26));
      v /= 26;
    } while (v > 0);
    return s.toString();
  }

  /**
   * The eight smallest Synthea patient bundles (by size, then name) and the practitioner bundle;
   * skipped when the shared data is absent.
   */
  private static List<Path> syntheaBundles() throws IOException {
    Path shared = Path.of(System.getProperty("ccm.shared.dir", "../shared"));
    Path dir = shared.resolve("data/synthea-r4-bundles/bundles");
    assumeTrue(Files.isDirectory(dir), "SKIPPED: Synthea bundles not found at " + dir);
    List<Path> all;
    try (Stream<Path> s = Files.list(dir)) {
      all = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    List<Path> patients = new ArrayList<>();
    List<Path> others = new ArrayList<>();
    for (Path p : all) {
      String n = p.getFileName().toString();
      (n.startsWith("hospitalInformation") || n.startsWith("practitionerInformation")
              ? others
              : patients)
          .add(p);
    }
    Map<Path, Long> sizes = new TreeMap<>();
    for (Path p : patients) {
      sizes.put(p, Files.size(p));
    }
    List<Path> chosen =
        patients.stream()
            .sorted(Comparator.comparing((Path p) -> sizes.get(p)).thenComparing(p -> p))
            .limit(8)
            .sorted()
            .toList();
    List<Path> out = new ArrayList<>(chosen);
    out.addAll(others);
    return out;
  }
}
