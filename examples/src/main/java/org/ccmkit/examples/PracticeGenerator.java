package org.ccmkit.examples;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * A synthetic practice of any size as FHIR R4 Bulk NDJSON (one file per resource type), following
 * the FHIR contract, for scale tests and benchmarks ({@code java -jar ccm.jar generate}).
 *
 * <p>It streams: each patient is generated from its own {@link SplittableRandom} (seeded from the
 * run's seed and the patient's number) and written at once, so memory does not grow with the number
 * of patients, and the same seed and options give the same bytes. The distributions are documented
 * in {@code docs/performance.md} ("The synthetic practice"); they are realistic, not measured from
 * any real population. The patients are made up.
 */
final class PracticeGenerator {
  /** The files written, in order; every one is written even when it stays empty. */
  static final ImmutableList<String> FILES =
      ImmutableList.of(
          "Practitioner.ndjson",
          "PractitionerRole.ndjson",
          "Patient.ndjson",
          "Coverage.ndjson",
          "Condition.ndjson",
          "EpisodeOfCare.ndjson",
          "Consent.ndjson",
          "Encounter.ndjson",
          "Observation.ndjson",
          "Device.ndjson",
          "Procedure.ndjson");

  /** The last month with data unless another is given: a run's default month. */
  static final YearMonth DEFAULT_LAST_MONTH = YearMonth.of(2026, 3);

  /** Share of lines followed by a malformed copy (a truncated line), per mille. */
  static final int MALFORMED_PER_MILLE = 1;

  private static final ZoneId ZONE = ZoneId.of("America/New_York");
  private static final DateTimeFormatter OFFSET = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  /**
   * Chronic conditions the classifier knows: ICD-10-CM code, SNOMED CT concept. A few non-chronic
   * ones follow (acute bronchitis, sprain), which never count.
   */
  private static final String[][] CONDITIONS = {
    {"E11.9", "44054006"},
    {"I10", "38341003"},
    {"I50.9", "84114007"},
    {"J44.9", "13645005"},
    {"N18.3", "433144002"},
    {"F32.9", "35489007"},
    {"M17.0", "239873007"},
    {"E78.5", "55822004"},
    {"I48.91", "49436004"},
    {"G30.9", "26929004"},
    {"J20.9", "10509002"},
    {"S93.401A", "44465007"}
  };

  /** Receives the generated lines; the file-writing sink is {@link #toDirectory(Path)}. */
  interface Sink extends Closeable {
    /** One NDJSON line (without the line break) for a file of {@link #FILES}. */
    void line(String file, String json) throws IOException;
  }

  /** The options of one run. */
  record Options(int patients, int months, long seed, YearMonth lastMonth) {
    Options {
      if (patients < 1) {
        throw new IllegalArgumentException("patients must be at least 1");
      }
      if (months < 1 || months > 24) {
        throw new IllegalArgumentException("months must be from 1 to 24");
      }
    }

    YearMonth firstMonth() {
      return lastMonth.minusMonths(months - 1L);
    }
  }

  /** What a run wrote. */
  record Stats(Map<String, Long> linesByFile, long malformed) {
    long lines() {
      return linesByFile.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private final ObjectMapper json = new ObjectMapper();
  private final Options options;
  private final Sink sink;
  private final int physicians;
  private final int staff;
  private final Map<String, Long> counts = new LinkedHashMap<>();
  private long malformed;
  private SplittableRandom random = new SplittableRandom(0);

  private PracticeGenerator(Options options, Sink sink) {
    this.options = options;
    this.sink = sink;
    this.physicians = 2 + options.patients() / 400;
    this.staff = 2 + options.patients() / 200;
    FILES.forEach(f -> counts.put(f, 0L));
  }

  /**
   * Generates a practice into a sink (which the caller closes).
   *
   * @param options the options
   * @param sink where the lines go
   * @return what was written
   * @throws IOException if the sink fails
   */
  @CanIgnoreReturnValue
  static Stats generate(Options options, Sink sink) throws IOException {
    PracticeGenerator g = new PracticeGenerator(options, sink);
    g.run();
    return new Stats(Map.copyOf(g.counts), g.malformed);
  }

  /**
   * Generates a practice into a directory (created if needed), one NDJSON file per resource type.
   *
   * @param options the options
   * @param dir the directory
   * @return what was written
   * @throws IOException if a file cannot be written
   */
  @CanIgnoreReturnValue
  static Stats generate(Options options, Path dir) throws IOException {
    try (Sink sink = toDirectory(dir)) {
      return generate(options, sink);
    }
  }

  /** Returns a sink that writes one file per name into {@code dir} (created if needed). */
  static Sink toDirectory(Path dir) throws IOException {
    Files.createDirectories(dir);
    Map<String, Writer> writers = new LinkedHashMap<>();
    for (String f : FILES) {
      writers.put(f, new BufferedWriter(Files.newBufferedWriter(dir.resolve(f), UTF_8), 1 << 16));
    }
    return new Sink() {
      @Override
      public void line(String file, String line) throws IOException {
        Writer w = writers.get(file);
        if (w == null) {
          throw new IllegalArgumentException("unknown file " + file);
        }
        w.write(line);
        w.write('\n');
      }

      @Override
      public void close() throws IOException {
        IOException first = null;
        for (Writer w : writers.values()) {
          try {
            w.close();
          } catch (IOException e) {
            if (first == null) {
              first = e;
            }
          }
        }
        if (first != null) {
          throw first;
        }
      }
    };
  }

  /** A seed for patient {@code i}: the run's seed mixed with the number (SplitMix64). */
  static long patientSeed(long seed, long i) {
    long z = seed + (i + 1) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private void run() throws IOException {
    random = new SplittableRandom(patientSeed(options.seed(), -1));
    for (int p = 0; p < physicians; p++) {
      String taxonomy = p % 4 == 3 ? "363LF0000X" : p % 2 == 0 ? "207Q00000X" : "207R00000X";
      practitioner(physicianId(p), npi(p), taxonomy);
    }
    for (int s = 0; s < staff; s++) {
      String id = staffId(s);
      if (s % 3 == 0) {
        // a nurse known through a PractitionerRole only
        practitioner(id, npi(physicians + s), null);
        ObjectNode r = res("PractitionerRole", id + "-role");
        ref(r, "practitioner", "Practitioner/" + id);
        r.putArray("code")
            .addObject()
            .putArray("coding")
            .addObject()
            .put("system", SamplePractice.NUCC)
            .put("code", "163W00000X");
        add("PractitionerRole.ndjson", r);
      } else {
        practitioner(id, npi(physicians + s), s % 5 == 4 ? "164W00000X" : "163W00000X");
      }
    }
    for (int i = 0; i < options.patients(); i++) {
      random = new SplittableRandom(patientSeed(options.seed(), i));
      patient(i);
    }
  }

  private static String physicianId(int p) {
    return "gp-" + p;
  }

  private static String staffId(int s) {
    return "gs-" + s;
  }

  /** A 10-digit number with a valid NPI check digit (Luhn over the 80840 prefix). */
  static String npi(int n) {
    String base = String.valueOf(100_000_000 + n);
    String full = "80840" + base;
    int sum = 0;
    boolean dbl = true;
    for (int k = full.length() - 1; k >= 0; k--) {
      int d = full.charAt(k) - '0';
      if (dbl) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      dbl = !dbl;
    }
    return base + ((10 - sum % 10) % 10);
  }

  private boolean chance(int percent) {
    return random.nextInt(100) < percent;
  }

  private void patient(int i) throws IOException {
    String id = "pt" + i;
    String billing = physicianId(i % physicians);
    YearMonth first = options.firstMonth();
    YearMonth last = options.lastMonth();

    ObjectNode pat = res("Patient", id);
    pat.putArray("identifier")
        .addObject()
        .put("system", "http://hl7.org/fhir/sid/us-mbi")
        .put("value", mbi(i));
    pat.putArray("name").addObject().put("family", "Synthetic" + i).putArray("given").add("Pat");
    pat.put(
        "birthDate",
        LocalDate.of(1930 + random.nextInt(30), 1 + random.nextInt(12), 1 + random.nextInt(28))
            .toString());
    boolean deceased = random.nextInt(1000) < 5;
    if (deceased) {
      pat.put("deceasedDateTime", last.atDay(1 + random.nextInt(28)).toString());
    }
    add("Patient.ndjson", pat);

    // Coverage: 80 % Original Medicare, 15 % Medicare Advantage, 5 % Part B with QMB
    int cov = random.nextInt(100);
    coverage(id + "-cov", id, cov < 80 || cov >= 95 ? "1" : "111", null);
    if (cov >= 95) {
      coverage(id + "-cov-qmb", id, "2", "QMB");
    }

    // Chronic conditions: 0..4 (10/20/35/25/10 %), plus a non-chronic one for 20 %
    int r = random.nextInt(100);
    int n = r < 10 ? 0 : r < 30 ? 1 : r < 65 ? 2 : r < 90 ? 3 : 4;
    int start = random.nextInt(10);
    for (int c = 0; c < n; c++) {
      condition(id, c, CONDITIONS[(start + c * 3) % 10], chance(10));
    }
    if (chance(20)) {
      condition(id, n, CONDITIONS[10 + random.nextInt(2)], false);
    }

    // Programs: 40 % CCM (of which 1 in 8 also RPM), 8 % PCM, 7 % RPM only, 45 % none
    int e = random.nextInt(100);
    boolean ccm = e < 40;
    boolean pcm = e >= 40 && e < 48;
    boolean rpm = (ccm && random.nextInt(8) == 0) || (e >= 48 && e < 55);
    if (!ccm && !pcm && !rpm) {
      if (chance(60)) {
        visit(id, "e1", "99213", last.atDay(1 + random.nextInt(28)), billing);
      }
      return;
    }
    LocalDate enrolled = first.minusMonths(random.nextInt(12)).atDay(1 + random.nextInt(28));
    if (chance(95)) {
      visit(
          id,
          "awv",
          chance(50) ? "G0439" : "99214",
          enrolled.minusDays(random.nextInt(300)),
          billing);
    }
    if (ccm) {
      enroll(id, "ccm", enrolled, billing);
      attestation(id + "-att-risk", id, "significant-risk", enrolled.minusDays(3), billing);
    }
    if (pcm) {
      enroll(id, "pcm", enrolled, billing);
    }
    if (rpm) {
      LocalDate rpmStart = first.atDay(1 + random.nextInt(10));
      enroll(id, "rpm", rpmStart, billing);
      readings(id, rpmStart, last);
    }
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      if (ccm) {
        time(id, m, "ccm", billing);
      }
      if (pcm) {
        time(id, m, "pcm", billing);
      }
      if (rpm && !ccm) {
        time(id, m, "rpm", billing);
      }
    }
  }

  private static String mbi(int i) {
    String digits = String.format(java.util.Locale.ROOT, "%07d", i % 10_000_000);
    return "1EG4TE5" + digits.substring(0, 2) + "K" + digits.substring(2);
  }

  /** Enrollment and consent: 85 % at enrollment, 6 % late, 5 % withdrawn, 4 % declined. */
  private void enroll(String id, String program, LocalDate enrolled, String billing)
      throws IOException {
    episode(id + "-eoc-" + program, id, program, enrolled, billing);
    int c = random.nextInt(100);
    YearMonth last = options.lastMonth();
    if (c < 85) {
      consent(id + "-consent-" + program, id, program, enrolled, billing, "active", null);
    } else if (c < 91) {
      consent(
          id + "-consent-" + program,
          id,
          program,
          last.atDay(5 + random.nextInt(20)),
          billing,
          "active",
          null);
    } else if (c < 96) {
      LocalDate end = options.firstMonth().atDay(1).plusDays(random.nextInt(28 * options.months()));
      consent(id + "-consent-" + program, id, program, enrolled, billing, "active", end);
    } else {
      consent(id + "-consent-" + program, id, program, enrolled, billing, "rejected", null);
    }
  }

  /**
   * A month's time entries, spread around the thresholds: 20 % light (under 20 minutes), 45 %
   * around 20, 20 % around 40, 15 % around 60 (each ±8 minutes), in one to four entries.
   */
  private void time(String id, YearMonth m, String program, String billing) throws IOException {
    int t = random.nextInt(100);
    int target = t < 20 ? 12 : t < 65 ? 20 : t < 85 ? 40 : 60;
    int minutes = Math.max(2, target - 8 + random.nextInt(17));
    int entries = 1 + random.nextInt(4);
    int left = minutes;
    for (int k = 1; k <= entries && left > 0; k++) {
      int len =
          k == entries
              ? left
              : Math.max(1, Math.min(left, left / (entries - k + 1) + random.nextInt(5) - 2));
      left -= len;
      String performer;
      if (program.equals("pcm") && k == 1) {
        performer = "Practitioner/" + billing;
      } else {
        int s = random.nextInt(staff);
        performer =
            s % 3 == 0 ? "PractitionerRole/" + staffId(s) + "-role" : "Practitioner/" + staffId(s);
      }
      timeEntry(
          id + "-t-" + m + "-" + program + "-" + k,
          id,
          m,
          program,
          len,
          performer,
          program.equals("rpm") && k == 1);
    }
  }

  /**
   * RPM blood-pressure readings from a cuff: a daily adherence of 90 % (half the patients), 60 %
   * (30 %) or 30 % (20 %); one reading a day, a second on 10 % of the days; in each month a gap of
   * four to ten days for one patient in four; one reading in 40 at crisis level.
   */
  private void readings(String id, LocalDate from, YearMonth last) throws IOException {
    String dev = id + "-cuff";
    ObjectNode d = res("Device", dev);
    d.put("status", "active");
    d.putObject("type")
        .putArray("coding")
        .addObject()
        .put("system", SamplePractice.SCT)
        .put("code", "258057004");
    ref(d, "patient", "Patient/" + id);
    add("Device.ndjson", d);
    int a = random.nextInt(100);
    int adherence = a < 50 ? 90 : a < 80 ? 60 : 30;
    int high = random.nextInt(3) == 0 ? 12 : 0;
    int seq = 0;
    int gapLeft = 0;
    for (LocalDate day = from; !day.isAfter(last.atEndOfMonth()); day = day.plusDays(1)) {
      if (day.getDayOfMonth() == 1 && chance(25)) {
        gapLeft = 4 + random.nextInt(7);
      }
      if (gapLeft > 0) {
        gapLeft--;
        continue;
      }
      if (!chance(adherence)) {
        continue;
      }
      int perDay = chance(10) ? 2 : 1;
      for (int k = 0; k < perDay; k++) {
        seq++;
        int sys = 112 + random.nextInt(34) + high;
        if (random.nextInt(40) == 0) {
          sys = 182 + random.nextInt(15);
        }
        int dia = 68 + random.nextInt(20);
        LocalDateTime at = day.atTime(LocalTime.of(k == 0 ? 7 : 19, random.nextInt(60)));
        bp(id + "-bp-" + seq, id, at, sys, dia, dev, "r-" + id + "-" + seq);
      }
    }
  }

  // ---------------------------------------------------------------- resources

  private void practitioner(String id, String npi, @Nullable String taxonomy) throws IOException {
    ObjectNode p = res("Practitioner", id);
    p.putArray("identifier").addObject().put("system", SamplePractice.NPI).put("value", npi);
    if (taxonomy != null) {
      p.putArray("qualification")
          .addObject()
          .putObject("code")
          .putArray("coding")
          .addObject()
          .put("system", SamplePractice.NUCC)
          .put("code", taxonomy);
    }
    add("Practitioner.ndjson", p);
  }

  private void coverage(String id, String pid, String sopt, @Nullable String plan)
      throws IOException {
    ObjectNode c = res("Coverage", id);
    c.put("status", "active");
    c.putObject("type")
        .putArray("coding")
        .addObject()
        .put("system", SamplePractice.SOPT)
        .put("code", sopt);
    ref(c, "beneficiary", "Patient/" + pid);
    c.putObject("period").put("start", "2020-01-01");
    if (plan != null) {
      ObjectNode cls = c.putArray("class").addObject();
      cls.putObject("type")
          .putArray("coding")
          .addObject()
          .put("system", "http://terminology.hl7.org/CodeSystem/coverage-class")
          .put("code", "plan");
      cls.put("value", plan);
    }
    add("Coverage.ndjson", c);
  }

  private void condition(String pid, int c, String[] cond, boolean snomedOnly) throws IOException {
    ObjectNode r = res("Condition", pid + "-cond-" + (c + 1));
    r.putObject("clinicalStatus")
        .putArray("coding")
        .addObject()
        .put("system", "http://terminology.hl7.org/CodeSystem/condition-clinical")
        .put("code", "active");
    ArrayNode coding = r.putObject("code").putArray("coding");
    if (!snomedOnly) {
      coding.addObject().put("system", SamplePractice.ICD).put("code", cond[0]);
    }
    coding.addObject().put("system", SamplePractice.SCT).put("code", cond[1]);
    ref(r, "subject", "Patient/" + pid);
    r.put(
        "onsetDateTime",
        LocalDate.of(2010 + random.nextInt(14), 1 + random.nextInt(12), 1).toString());
    add("Condition.ndjson", r);
  }

  private void episode(String id, String pid, String program, LocalDate start, String manager)
      throws IOException {
    ObjectNode e = res("EpisodeOfCare", id);
    e.put("status", "active");
    e.putArray("type")
        .addObject()
        .putArray("coding")
        .addObject()
        .put("system", SamplePractice.PROGRAM)
        .put("code", program);
    ref(e, "patient", "Patient/" + pid);
    e.putObject("period").put("start", start.toString());
    ref(e, "careManager", "Practitioner/" + manager);
    add("EpisodeOfCare.ndjson", e);
  }

  private void consent(
      String id,
      String pid,
      String program,
      LocalDate given,
      String grantee,
      String status,
      @Nullable LocalDate withdrawn)
      throws IOException {
    ObjectNode c = res("Consent", id);
    c.put("status", status);
    c.putObject("scope")
        .putArray("coding")
        .addObject()
        .put("system", "http://terminology.hl7.org/CodeSystem/consentscope")
        .put("code", "treatment");
    c.putArray("category")
        .addObject()
        .putArray("coding")
        .addObject()
        .put("system", SamplePractice.PROGRAM)
        .put("code", program);
    ref(c, "patient", "Patient/" + pid);
    c.put("dateTime", given.toString());
    c.putArray("performer").addObject().put("reference", "Practitioner/" + grantee);
    if (withdrawn != null) {
      c.putObject("provision").putObject("period").put("end", withdrawn.toString());
    }
    add("Consent.ndjson", c);
  }

  private void visit(String pid, String suffix, String code, LocalDate date, String who)
      throws IOException {
    ObjectNode e = res("Encounter", pid + "-enc-" + suffix);
    e.put("status", "finished");
    e.putObject("class")
        .put("system", "http://terminology.hl7.org/CodeSystem/v3-ActCode")
        .put("code", "AMB");
    e.putArray("type")
        .addObject()
        .putArray("coding")
        .addObject()
        .put(
            "system",
            Character.isLetter(code.charAt(0)) ? SamplePractice.HCPCS : SamplePractice.CPT)
        .put("code", code);
    ref(e, "subject", "Patient/" + pid);
    e.putArray("participant")
        .addObject()
        .putObject("individual")
        .put("reference", "Practitioner/" + who);
    LocalDateTime at = date.atTime(10, 0);
    e.putObject("period")
        .put("start", at.atZone(ZONE).format(OFFSET))
        .put("end", at.plusMinutes(30).atZone(ZONE).format(OFFSET));
    add("Encounter.ndjson", e);
  }

  private void attestation(String id, String pid, String code, LocalDate date, String who)
      throws IOException {
    ObjectNode o = res("Observation", id);
    o.put("status", "final");
    o.putObject("code")
        .putArray("coding")
        .addObject()
        .put("system", SamplePractice.ATTESTATION)
        .put("code", code);
    ref(o, "subject", "Patient/" + pid);
    o.put("effectiveDateTime", date.atTime(11, 0).atZone(ZONE).format(OFFSET));
    o.putArray("performer").addObject().put("reference", "Practitioner/" + who);
    o.put("valueBoolean", true);
    add("Observation.ndjson", o);
  }

  private void bp(
      String oid, String pid, LocalDateTime at, int sys, int dia, String device, String ident)
      throws IOException {
    ObjectNode o = res("Observation", oid);
    o.put("status", "final");
    o.putArray("identifier")
        .addObject()
        .put("system", "https://devices.example.org/reading")
        .put("value", ident);
    o.putArray("category")
        .addObject()
        .putArray("coding")
        .addObject()
        .put("system", "http://terminology.hl7.org/CodeSystem/observation-category")
        .put("code", "vital-signs");
    o.putObject("code")
        .putArray("coding")
        .addObject()
        .put("system", SamplePractice.LOINC)
        .put("code", "85354-9");
    ref(o, "subject", "Patient/" + pid);
    o.put("effectiveDateTime", at.atZone(ZONE).format(OFFSET));
    ref(o, "device", "Device/" + device);
    ArrayNode comps = o.putArray("component");
    component(comps, "8480-6", sys);
    component(comps, "8462-4", dia);
    add("Observation.ndjson", o);
  }

  private static void component(ArrayNode comps, String code, int value) {
    ObjectNode c = comps.addObject();
    c.putObject("code")
        .putArray("coding")
        .addObject()
        .put("system", SamplePractice.LOINC)
        .put("code", code);
    c.putObject("valueQuantity")
        .put("value", value)
        .put("unit", "mmHg")
        .put("system", "http://unitsofmeasure.org")
        .put("code", "mm[Hg]");
  }

  private void timeEntry(
      String id,
      String pid,
      YearMonth m,
      String program,
      int minutes,
      String performer,
      boolean interactive)
      throws IOException {
    ObjectNode p = res("Procedure", id);
    p.put("status", "completed");
    p.putObject("category")
        .putArray("coding")
        .addObject()
        .put("system", SamplePractice.PROGRAM)
        .put("code", program);
    if (interactive) {
      p.putObject("code")
          .putArray("coding")
          .addObject()
          .put("system", SamplePractice.ACTIVITY)
          .put("code", "interactive-communication");
    }
    ref(p, "subject", "Patient/" + pid);
    LocalDateTime start =
        m.atDay(1 + random.nextInt(m.lengthOfMonth()))
            .atTime(8 + random.nextInt(9), 5 * random.nextInt(12));
    p.putObject("performedPeriod")
        .put("start", start.atZone(ZONE).format(OFFSET))
        .put("end", start.plusMinutes(minutes).atZone(ZONE).format(OFFSET));
    p.putArray("performer").addObject().putObject("actor").put("reference", performer);
    add("Procedure.ndjson", p);
  }

  private ObjectNode res(String type, String id) {
    ObjectNode n = json.createObjectNode();
    n.put("resourceType", type);
    n.put("id", id);
    return n;
  }

  private static void ref(ObjectNode node, String field, String reference) {
    node.putObject(field).put("reference", reference);
  }

  /**
   * Writes a resource; now and then (see {@link #MALFORMED_PER_MILLE}) a truncated copy after it.
   */
  private void add(String file, ObjectNode resource) throws IOException {
    String line = resource.toString();
    sink.line(file, line);
    counts.merge(file, 1L, Long::sum);
    if (random.nextInt(1000) < MALFORMED_PER_MILLE) {
      sink.line(file, line.substring(0, line.length() / 2));
      counts.merge(file, 1L, Long::sum);
      malformed++;
    }
  }
}
