package org.ccmkit.examples;

import static java.nio.charset.StandardCharsets.UTF_8;

import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ccmkit.core.model.CarePlanElement;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.ConsentDisclosure;
import org.ccmkit.fhir.r4.MappingSession;
import org.ccmkit.fhir.r4.R4CarePlanBuilder;
import org.ccmkit.fhir.r4.R4Mapper;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Goal;
import org.jspecify.annotations.Nullable;

/**
 * The embedded sample practice: a deterministic generator (seeded, no clock) of about 50 synthetic
 * patients over three months as FHIR R4 Bulk NDJSON, one file per resource type plus one of bad
 * records, and the reader the month-end runner uses when no {@code --in} is given.
 *
 * <p>The generated files are committed under {@code
 * src/main/resources/org/ccmkit/examples/sample-practice/}; {@code SamplePracticeTest} regenerates
 * them and checks they are byte-identical, so generator and data cannot drift. Regenerate with
 * {@code java -cp examples/target/ccm.jar org.ccmkit.examples.SamplePractice
 * examples/src/main/resources/org/ccmkit/examples/sample-practice}.
 *
 * <p>The patients are made up; names are invented placeholders and no real person is described.
 */
public final class SamplePractice {
  /** The first month with data. */
  public static final YearMonth FIRST_MONTH = YearMonth.of(2026, 1);

  /** The last month with data: the default month of a run on the sample. */
  public static final YearMonth LAST_MONTH = YearMonth.of(2026, 3);

  /** The number of patients. */
  public static final int PATIENTS = 50;

  /** The class-path folder of the generated files. */
  static final String RESOURCE_DIR = "/org/ccmkit/examples/sample-practice/";

  /** The generated files, in reading order. */
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
          "Procedure.ndjson",
          "ExplanationOfBenefit.ndjson",
          "bad-records.ndjson",
          "CarePlan.ndjson",
          "Goal.ndjson",
          "CareTeam.ndjson");

  private static final ZoneId ZONE = ZoneId.of("America/New_York");
  static final String PROGRAM = "https://ccmkit.org/fhir/CodeSystem/care-program";
  static final String ACTIVITY = "https://ccmkit.org/fhir/CodeSystem/care-activity";
  static final String ATTESTATION = "https://ccmkit.org/fhir/CodeSystem/care-attestation";
  static final String NPI = "http://hl7.org/fhir/sid/us-npi";
  static final String NUCC = "http://nucc.org/provider-taxonomy";
  static final String ICD = "http://hl7.org/fhir/sid/icd-10-cm";
  static final String SCT = "http://snomed.info/sct";
  static final String LOINC = "http://loinc.org";
  static final String CPT = "http://www.ama-assn.org/go/cpt";
  static final String HCPCS = "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";
  static final String SOPT = "https://nahdo.org/sopt";
  private static final DateTimeFormatter OFFSET = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  /** Chronic conditions: ICD-10-CM code, SNOMED CT concept. */
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
    {"G30.9", "26929004"}
  };

  private final ObjectMapper json = new ObjectMapper();
  private final SplittableRandom random = new SplittableRandom(20260331L);

  /** The care plans' own stream, so that adding them left every earlier resource byte-identical. */
  private final SplittableRandom planRandom = new SplittableRandom(20261127L);

  private final IParser fhirJson = R4Mapper.sharedContext().newJsonParser();

  /** Goals to choose from: LOINC measure, description, target. */
  private static final String[][] GOALS = {
    {"4548-4", "HbA1c below 7 %", "<7 %"},
    {"85354-9", "Blood pressure below 130/80 mmHg", "<130/80 mm[Hg]"},
    {"29463-7", "Lose 5 % of body weight", "-5 %"},
    {"8867-4", "Resting heart rate 60 to 80", "60-80 /min"}
  };

  private final Map<String, List<String>> out = new LinkedHashMap<>();

  private SamplePractice() {
    for (String f : FILES) {
      out.put(f, new ArrayList<>());
    }
  }

  /**
   * Writes the generated files into a folder.
   *
   * @param args the target folder
   * @throws IOException if a file cannot be written
   */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "sample-practice");
    Files.createDirectories(dir);
    for (Map.Entry<String, String> e : generate().entrySet()) {
      Files.writeString(dir.resolve(e.getKey()), e.getValue(), UTF_8);
    }
  }

  /** Returns the generated files by name, each the NDJSON text. */
  static Map<String, String> generate() {
    SamplePractice p = new SamplePractice();
    p.build();
    Map<String, String> files = new LinkedHashMap<>();
    p.out.forEach((name, lines) -> files.put(name, String.join("\n", lines) + "\n"));
    return files;
  }

  /** Adds the embedded files (from the class path) to a mapping session. */
  static void addTo(MappingSession session) {
    for (String f : FILES) {
      try (InputStream in = SamplePractice.class.getResourceAsStream(RESOURCE_DIR + f)) {
        if (in == null) {
          throw new IllegalStateException("sample file missing from the class path: " + f);
        }
        try (Reader r = new InputStreamReader(in, UTF_8)) {
          session.addNdjson("sample-practice/" + f, r);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------

  private enum Kind {
    CCM,
    CCM_ONE_CONDITION,
    CCM_NO_VISIT,
    CCM_LATE_CONSENT,
    CCM_WITHDRAWN,
    CCM_DECLINED,
    CCM_COMPETING,
    CCM_PAID_ELSEWHERE,
    COMPLEX_CCM,
    PCM,
    RPM_GOOD,
    RPM_POOR,
    QMB,
    MEDIGAP,
    ADVANTAGE,
    DECEASED,
    NOT_ENROLLED
  }

  private static Kind kind(int i) {
    if (i < 14) {
      return Kind.CCM;
    }
    return switch (i) {
      case 14, 15 -> Kind.CCM_ONE_CONDITION;
      case 16 -> Kind.CCM_NO_VISIT;
      case 17, 18 -> Kind.CCM_LATE_CONSENT;
      case 19 -> Kind.CCM_WITHDRAWN;
      case 20 -> Kind.CCM_DECLINED;
      case 21, 22 -> Kind.CCM_COMPETING;
      case 23 -> Kind.CCM_PAID_ELSEWHERE;
      case 24, 25, 26, 27 -> Kind.COMPLEX_CCM;
      case 28, 29, 30, 31 -> Kind.PCM;
      case 32, 33, 34 -> Kind.RPM_GOOD;
      case 35, 36 -> Kind.RPM_POOR;
      case 37, 38, 39 -> Kind.QMB;
      case 40, 41, 42 -> Kind.MEDIGAP;
      case 43, 44 -> Kind.ADVANTAGE;
      case 45 -> Kind.DECEASED;
      default -> Kind.NOT_ENROLLED;
    };
  }

  private void build() {
    practitioner("dr-adams", "1234567893", "207Q00000X");
    practitioner("dr-baker", "1245319599", "207R00000X");
    practitioner("np-chen", "1356789016", "363LF0000X");
    practitioner("rn-diaz", "1467890125", null);
    role("rn-diaz-role", "rn-diaz", "163W00000X");
    practitioner("rn-evans", "1578901230", "163W00000X");
    practitioner("desk-1", "1689012349", null);
    for (int i = 0; i < PATIENTS; i++) {
      patient(i);
    }
    badRecords();
  }

  private void patient(int i) {
    Kind k = kind(i);
    String id = String.format(java.util.Locale.ROOT, "p%03d", i + 1);
    String billing = i % 5 == 4 ? "np-chen" : "dr-adams";
    ObjectNode pat = res("Patient", id);
    pat.putArray("identifier")
        .addObject()
        .put("system", "http://hl7.org/fhir/sid/us-mbi")
        .put("value", String.format(java.util.Locale.ROOT, "1EG4TE5MK%02d", i + 1));
    pat.putArray("name").addObject().put("family", "Sample" + (i + 1)).putArray("given").add("Pat");
    LocalDate birth =
        LocalDate.of(1936 + random.nextInt(24), 1 + random.nextInt(12), 1 + random.nextInt(28));
    pat.put("birthDate", birth.toString());
    if (k == Kind.DECEASED) {
      pat.put("deceasedDateTime", "2026-02-14");
    }
    add("Patient.ndjson", pat);

    // Coverage
    switch (k) {
      case ADVANTAGE -> coverage(id + "-cov-ma", id, "111", null);
      default -> coverage(id + "-cov-b", id, "1", null);
    }
    if (k == Kind.QMB) {
      coverage(id + "-cov-qmb", id, "2", "QMB");
    }
    if (k == Kind.MEDIGAP) {
      coverage(id + "-cov-gap", id, "523", i % 2 == 0 ? "G" : "N");
    }

    // Conditions: two or three chronic ones; one for single-condition and PCM patients
    int n =
        switch (k) {
          case CCM_ONE_CONDITION, PCM -> 1;
          case COMPLEX_CCM -> 3;
          default -> 2 + random.nextInt(2);
        };
    int first = random.nextInt(CONDITIONS.length);
    for (int c = 0; c < n; c++) {
      String[] cond = CONDITIONS[(first + c * 3) % CONDITIONS.length];
      ObjectNode r = res("Condition", id + "-cond-" + (c + 1));
      r.putObject("clinicalStatus")
          .putArray("coding")
          .addObject()
          .put("system", "http://terminology.hl7.org/CodeSystem/condition-clinical")
          .put("code", "active");
      ArrayNode coding = r.putObject("code").putArray("coding");
      boolean snomedOnly = i % 7 == 3 && c == 1;
      if (!snomedOnly) {
        coding.addObject().put("system", ICD).put("code", cond[0]);
      }
      coding.addObject().put("system", SCT).put("code", cond[1]);
      ref(r, "subject", "Patient/" + id);
      r.put(
          "onsetDateTime",
          LocalDate.of(2012 + random.nextInt(12), 1 + random.nextInt(12), 1).toString());
      add("Condition.ndjson", r);
    }

    if (k == Kind.NOT_ENROLLED) {
      visit(id, "e1", "99213", LocalDate.of(2026, 2, 3 + i % 20), billing);
      return;
    }

    String program =
        switch (k) {
          case PCM -> "pcm";
          case RPM_GOOD, RPM_POOR -> "rpm";
          default -> "ccm";
        };
    LocalDate enrolled = LocalDate.of(2025, 9 + i % 4, 1 + i % 25);
    if (k == Kind.RPM_GOOD || k == Kind.RPM_POOR) {
      enrolled = LocalDate.of(2026, 1, 5 + i % 5);
    }
    episode(id + "-eoc-" + program, id, program, enrolled, billing);
    if (k == Kind.CCM_COMPETING) {
      episode(id + "-eoc-ccm-2", id, "ccm", enrolled.plusDays(20), "dr-baker");
    }
    if (k == Kind.RPM_GOOD && i == 32) {
      // an RPM patient also in CCM
      episode(id + "-eoc-ccm", id, "ccm", enrolled, billing);
      consent(id + "-consent-ccm", id, "ccm", enrolled, billing, "active", null);
    }

    // Consent
    switch (k) {
      case CCM_LATE_CONSENT ->
          consent(
              id + "-consent",
              id,
              program,
              LocalDate.of(2026, 3, 12 + i % 3),
              billing,
              "active",
              null);
      case CCM_WITHDRAWN ->
          consent(
              id + "-consent", id, program, enrolled, billing, "active", LocalDate.of(2026, 2, 10));
      case CCM_DECLINED ->
          consent(id + "-consent", id, program, enrolled, billing, "rejected", null);
      default -> consent(id + "-consent", id, program, enrolled, billing, "active", null);
    }
    if (k == Kind.CCM_COMPETING) {
      consent(id + "-consent-2", id, "ccm", enrolled.plusDays(20), "dr-baker", "active", null);
    }

    // Initiating visit (AWV within the last year), and a significant-risk attestation for CCM
    if (k != Kind.CCM_NO_VISIT) {
      visit(id, "awv", i % 2 == 0 ? "G0439" : "99214", enrolled.minusDays(10 + i % 30), billing);
    }
    if (!program.equals("rpm")) {
      attestation(id + "-att-risk", id, "significant-risk", enrolled.minusDays(5), billing);
    }

    // Time entries per month
    for (YearMonth m = FIRST_MONTH; !m.isAfter(LAST_MONTH); m = m.plusMonths(1)) {
      if (k == Kind.DECEASED && m.isAfter(YearMonth.of(2026, 2))) {
        // no further entries after death, bar one recorded in error
        timeEntry(id, m, 1, "ccm", 15, "rn-diaz-role", false);
        continue;
      }
      int minutes =
          switch (k) {
            case COMPLEX_CCM -> 55 + random.nextInt(50);
            case RPM_GOOD, RPM_POOR -> 18 + random.nextInt(30);
            case PCM -> 25 + random.nextInt(40);
            default -> 8 + random.nextInt(62);
          };
      if (k == Kind.COMPLEX_CCM) {
        attestation(id + "-att-mdm-" + m, id, "complex-mdm", m.atDay(12), billing);
      }
      int entries = 2 + random.nextInt(3);
      int left = minutes;
      for (int e = 1; e <= entries; e++) {
        int len =
            e == entries ? left : Math.max(3, left / (entries - e + 1) + random.nextInt(5) - 2);
        len = Math.min(len, left);
        if (len <= 0) {
          break;
        }
        left -= len;
        String performer;
        if (program.equals("pcm") || (k == Kind.COMPLEX_CCM && e == 1)) {
          performer = billing;
        } else if (e == 2 && i % 6 == 0) {
          performer = "desk-1"; // not clinical staff: never counts
        } else {
          performer = e % 2 == 0 ? "rn-evans" : "rn-diaz-role";
        }
        timeEntry(id, m, e, program, len, performer, program.equals("rpm") && e == 1);
      }
    }

    if (k == Kind.CCM_PAID_ELSEWHERE) {
      eob(id, LAST_MONTH);
    }
    if (k == Kind.RPM_GOOD || k == Kind.RPM_POOR) {
      rpm(id, i, k == Kind.RPM_GOOD, enrolled);
    }
    if (!program.equals("rpm")) {
      carePlan(i, id, program, n, enrolled, billing);
    }
  }

  /**
   * A care plan (with goals and a care team) for a CCM/PCM patient, built with ccm-fhir's {@code
   * R4CarePlanBuilder}. Most are complete; p003 has none, p006 lacks two elements, p009's review is
   * overdue, p013's was never shared with the patient, and p027's is still a draft, so the report's
   * documentation worklist has something to show.
   */
  private void carePlan(
      int i, String id, String program, int conditions, LocalDate enrolled, String billing) {
    if (i == 2) {
      return;
    }
    LocalDate start = i == 8 ? LocalDate.of(2024, 11, 4) : enrolled;
    R4CarePlanBuilder b =
        R4CarePlanBuilder.forPatient(id, id + "-careplan", start)
            .program(program.equals("pcm") ? CareProgram.PCM : CareProgram.CCM)
            .author(billing)
            .addCareTeamMember(billing, "billing practitioner")
            .addCareTeamMember(i % 2 == 0 ? "rn-diaz" : "rn-evans", "care manager");
    if (i != 26) {
      b.active();
    }
    for (int c = 1; c <= conditions; c++) {
      b.addProblem(id + "-cond-" + c);
    }
    String[] goal = GOALS[planRandom.nextInt(GOALS.length)];
    b.addGoal(
        R4CarePlanBuilder.goal(
            goal[1],
            new Coding(LOINC, goal[0], null),
            goal[2],
            start.plusMonths(6 + planRandom.nextInt(7))));
    b.fill(CarePlanElement.EXPECTED_OUTCOME, "Stable condition expected with support at home");
    if (i != 5) {
      b.fill(CarePlanElement.SYMPTOM_MANAGEMENT, "Knows the warning signs and whom to call");
      b.fill(
          CarePlanElement.MEDICATION_MANAGEMENT, "Medication list reconciled; adherence checked");
    }
    b.fill(
        CarePlanElement.PLANNED_INTERVENTIONS,
        "Monthly care-manager call",
        i % 2 == 0 ? "rn-diaz" : "rn-evans");
    if (planRandom.nextInt(3) == 0) {
      b.notApplicable(CarePlanElement.COMMUNITY_SERVICES);
    } else {
      b.fill(CarePlanElement.COMMUNITY_SERVICES, "Referred to the area agency on aging");
    }
    b.nextReview(start.plusMonths(12));
    if (i != 12) {
      b.sharedWithPatient(start.plusDays(1 + planRandom.nextInt(7)));
    }
    R4CarePlanBuilder.Result built = b.build();
    lines("CarePlan.ndjson").add(fhirJson.encodeResourceToString(built.carePlan()));
    for (Goal g : built.goals()) {
      lines("Goal.ndjson").add(fhirJson.encodeResourceToString(g));
    }
    lines("CareTeam.ndjson").add(fhirJson.encodeResourceToString(built.careTeam()));
  }

  /**
   * The disclosures a sample consent shows: all four, except p008's (no one-practitioner-per-month
   * disclosure, CONS-T05) and p011's (none recorded).
   */
  private static List<String> disclosures(String pid) {
    return switch (pid) {
      case "p008" -> List.of("service-available", "cost-sharing", "right-to-stop");
      case "p011" -> List.of();
      default ->
          List.of(
              "service-available", "cost-sharing", "one-practitioner-per-month", "right-to-stop");
    };
  }

  private void rpm(String id, int i, boolean good, LocalDate start) {
    String dev = id + "-cuff";
    ObjectNode d = res("Device", dev);
    d.put("status", "active");
    d.putObject("type").putArray("coding").addObject().put("system", SCT).put("code", "258057004");
    ref(d, "patient", "Patient/" + id);
    add("Device.ndjson", d);
    int seq = 0;
    for (LocalDate day = start; !day.isAfter(LAST_MONTH.atEndOfMonth()); day = day.plusDays(1)) {
      boolean reads = good ? random.nextInt(10) < 9 : random.nextInt(10) < 4;
      if (!reads) {
        continue;
      }
      seq++;
      int sys = 118 + random.nextInt(30) + (i % 3 == 0 ? 10 : 0);
      if (random.nextInt(40) == 0) {
        sys = 182 + random.nextInt(15); // a crisis-level reading now and then
      }
      int dia = 70 + random.nextInt(18);
      LocalDateTime at = day.atTime(LocalTime.of(7, random.nextInt(60)));
      bp(id + "-bp-" + seq, id, at, sys, dia, dev, "r-" + id + "-" + seq);
    }
    // two manual readings: never count toward device days
    bp(id + "-bp-manual-1", id, LocalDate.of(2026, 3, 3).atTime(18, 5), 150, 92, null, null);
    bp(id + "-bp-manual-2", id, LocalDate.of(2026, 3, 4).atTime(18, 10), 148, 90, null, null);
  }

  private void bp(
      String oid,
      String pid,
      LocalDateTime at,
      int sys,
      int dia,
      @Nullable String device,
      @Nullable String ident) {
    ObjectNode o = res("Observation", oid);
    o.put("status", "final");
    if (ident != null) {
      o.putArray("identifier")
          .addObject()
          .put("system", "https://devices.example.org/reading")
          .put("value", ident);
    }
    o.putArray("category")
        .addObject()
        .putArray("coding")
        .addObject()
        .put("system", "http://terminology.hl7.org/CodeSystem/observation-category")
        .put("code", "vital-signs");
    o.putObject("code").putArray("coding").addObject().put("system", LOINC).put("code", "85354-9");
    ref(o, "subject", "Patient/" + pid);
    o.put("effectiveDateTime", at.atZone(ZONE).format(OFFSET));
    if (device != null) {
      ref(o, "device", "Device/" + device);
    }
    ArrayNode comps = o.putArray("component");
    component(comps, "8480-6", sys);
    component(comps, "8462-4", dia);
    add("Observation.ndjson", o);
  }

  private static void component(ArrayNode comps, String code, int value) {
    ObjectNode c = comps.addObject();
    c.putObject("code").putArray("coding").addObject().put("system", LOINC).put("code", code);
    c.putObject("valueQuantity")
        .put("value", value)
        .put("unit", "mmHg")
        .put("system", "http://unitsofmeasure.org")
        .put("code", "mm[Hg]");
  }

  private void practitioner(String id, String npi, @Nullable String taxonomy) {
    ObjectNode p = res("Practitioner", id);
    p.putArray("identifier").addObject().put("system", NPI).put("value", npi);
    if (taxonomy != null) {
      p.putArray("qualification")
          .addObject()
          .putObject("code")
          .putArray("coding")
          .addObject()
          .put("system", NUCC)
          .put("code", taxonomy);
    }
    add("Practitioner.ndjson", p);
  }

  private void role(String id, String practitioner, String taxonomy) {
    ObjectNode r = res("PractitionerRole", id);
    ref(r, "practitioner", "Practitioner/" + practitioner);
    r.putArray("code")
        .addObject()
        .putArray("coding")
        .addObject()
        .put("system", NUCC)
        .put("code", taxonomy);
    add("PractitionerRole.ndjson", r);
  }

  private void coverage(String id, String pid, String sopt, @Nullable String plan) {
    ObjectNode c = res("Coverage", id);
    c.put("status", "active");
    c.putObject("type").putArray("coding").addObject().put("system", SOPT).put("code", sopt);
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

  private void episode(String id, String pid, String program, LocalDate start, String manager) {
    ObjectNode e = res("EpisodeOfCare", id);
    e.put("status", "active");
    e.putArray("type")
        .addObject()
        .putArray("coding")
        .addObject()
        .put("system", PROGRAM)
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
      @Nullable LocalDate withdrawn) {
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
        .put("system", PROGRAM)
        .put("code", program);
    ref(c, "patient", "Patient/" + pid);
    c.put("dateTime", given.toString());
    c.putArray("performer").addObject().put("reference", "Practitioner/" + grantee);
    ObjectNode provision = null;
    if (withdrawn != null) {
      provision = c.putObject("provision");
      provision.putObject("period").put("end", withdrawn.toString());
    }
    List<String> shown = disclosures(pid);
    if (!shown.isEmpty()) {
      if (provision == null) {
        provision = c.putObject("provision");
      }
      ArrayNode codings = provision.putArray("code").addObject().putArray("coding");
      for (String d : shown) {
        codings.addObject().put("system", ConsentDisclosure.SYSTEM).put("code", d);
      }
    }
    add("Consent.ndjson", c);
  }

  private void visit(String pid, String suffix, String code, LocalDate date, String who) {
    ObjectNode e = res("Encounter", pid + "-enc-" + suffix);
    e.put("status", "finished");
    e.putObject("class")
        .put("system", "http://terminology.hl7.org/CodeSystem/v3-ActCode")
        .put("code", "AMB");
    e.putArray("type")
        .addObject()
        .putArray("coding")
        .addObject()
        .put("system", Character.isLetter(code.charAt(0)) ? HCPCS : CPT)
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

  private void attestation(String id, String pid, String code, LocalDate date, String who) {
    ObjectNode o = res("Observation", id);
    o.put("status", "final");
    o.putObject("code").putArray("coding").addObject().put("system", ATTESTATION).put("code", code);
    ref(o, "subject", "Patient/" + pid);
    o.put("effectiveDateTime", date.atTime(11, 0).atZone(ZONE).format(OFFSET));
    o.putArray("performer").addObject().put("reference", "Practitioner/" + who);
    o.put("valueBoolean", true);
    add("Observation.ndjson", o);
  }

  private void timeEntry(
      String pid,
      YearMonth m,
      int e,
      String program,
      int minutes,
      String performer,
      boolean interactive) {
    ObjectNode p = res("Procedure", pid + "-t-" + m + "-" + e);
    p.put("status", "completed");
    p.putObject("category")
        .putArray("coding")
        .addObject()
        .put("system", PROGRAM)
        .put("code", program);
    if (interactive) {
      p.putObject("code")
          .putArray("coding")
          .addObject()
          .put("system", ACTIVITY)
          .put("code", "interactive-communication");
    }
    ref(p, "subject", "Patient/" + pid);
    LocalDateTime start =
        m.atDay(Math.min(m.lengthOfMonth(), 2 + e * 6 + random.nextInt(5)))
            .atTime(9 + random.nextInt(7), 5 * random.nextInt(12));
    p.putObject("performedPeriod")
        .put("start", start.atZone(ZONE).format(OFFSET))
        .put("end", start.plusMinutes(minutes).atZone(ZONE).format(OFFSET));
    String type = performer.endsWith("-role") ? "PractitionerRole/" : "Practitioner/";
    p.putArray("performer").addObject().putObject("actor").put("reference", type + performer);
    add("Procedure.ndjson", p);
  }

  private void eob(String pid, YearMonth m) {
    ObjectNode e = res("ExplanationOfBenefit", pid + "-eob-" + m);
    e.put("status", "active");
    e.putObject("type")
        .putArray("coding")
        .addObject()
        .put("system", "http://terminology.hl7.org/CodeSystem/claim-type")
        .put("code", "professional");
    e.put("use", "claim");
    ref(e, "patient", "Patient/" + pid);
    e.putObject("billablePeriod")
        .put("start", m.atDay(1).toString())
        .put("end", m.atEndOfMonth().toString());
    e.put("created", m.atEndOfMonth().toString());
    e.putObject("insurer").put("display", "CMS");
    e.putObject("provider").putObject("identifier").put("system", NPI).put("value", "1999999984");
    e.put("outcome", "complete");
    e.putArray("insurance")
        .addObject()
        .put("focal", true)
        .putObject("coverage")
        .put("reference", "Coverage/" + pid + "-cov-b");
    ObjectNode item = e.putArray("item").addObject();
    item.put("sequence", 1);
    item.putObject("productOrService")
        .putArray("coding")
        .addObject()
        .put("system", CPT)
        .put("code", "99490");
    item.put("servicedDate", m.atDay(20).toString());
    add("ExplanationOfBenefit.ndjson", e);
  }

  private void badRecords() {
    List<String> bad = lines("bad-records.ndjson");
    bad.add("{\"resourceType\":\"Procedure\",\"id\":\"bad-truncated\",\"status\":\"comp");
    ObjectNode noSubject = res("Procedure", "bad-no-subject");
    noSubject.put("status", "completed");
    noSubject
        .putObject("performedPeriod")
        .put("start", "2026-03-10T10:00:00-04:00")
        .put("end", "2026-03-10T10:20:00-04:00");
    bad.add(noSubject.toString());
    ObjectNode backwards = res("Procedure", "bad-end-before-start");
    backwards.put("status", "completed");
    backwards
        .putObject("category")
        .putArray("coding")
        .addObject()
        .put("system", PROGRAM)
        .put("code", "ccm");
    ref(backwards, "subject", "Patient/p001");
    backwards
        .putObject("performedPeriod")
        .put("start", "2026-03-10T10:20:00-04:00")
        .put("end", "2026-03-10T10:00:00-04:00");
    bad.add(backwards.toString());
    ObjectNode eie = res("Condition", "bad-entered-in-error");
    eie.putObject("verificationStatus")
        .putArray("coding")
        .addObject()
        .put("system", "http://terminology.hl7.org/CodeSystem/condition-ver-status")
        .put("code", "entered-in-error");
    eie.putObject("code").putArray("coding").addObject().put("system", ICD).put("code", "I10");
    ref(eie, "subject", "Patient/p002");
    bad.add(eie.toString());
    ObjectNode orphan = res("Condition", "bad-unknown-patient");
    orphan.putObject("code").putArray("coding").addObject().put("system", ICD).put("code", "E11.9");
    ref(orphan, "subject", "Patient/no-such-patient");
    bad.add(orphan.toString());
    bad.add("{\"resourceType\":\"Flag\",\"id\":\"bad-unsupported-type\",\"status\":\"active\"}");
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

  private void add(String file, ObjectNode resource) {
    lines(file).add(resource.toString());
  }

  private List<String> lines(String file) {
    List<String> lines = out.get(file);
    if (lines == null) {
      throw new IllegalArgumentException("unknown sample file " + file);
    }
    return lines;
  }
}
