package org.ccmkit.examples;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedSet;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.ccmkit.billing.BillingEngine;
import org.ccmkit.billing.BillingResult;
import org.ccmkit.billing.CcmBillingRules;
import org.ccmkit.billing.ClaimLine;
import org.ccmkit.billing.CodeCatalog;
import org.ccmkit.billing.ExternalLine;
import org.ccmkit.billing.PractitionerClaim;
import org.ccmkit.core.json.CcmJson;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.model.Enrollment;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.model.Practitioner;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.rule.Decision;
import org.ccmkit.core.rule.EvaluationContext;
import org.ccmkit.core.rule.Outcome;
import org.ccmkit.core.rules.CareQuery;
import org.ccmkit.core.rules.CoreRules;
import org.ccmkit.fhir.r4.MappingIssue;
import org.ccmkit.fhir.r4.MappingOptions;
import org.ccmkit.fhir.r4.MappingResult;
import org.ccmkit.fhir.r4.MappingSession;
import org.ccmkit.fhir.r4.R4Mapper;
import org.ccmkit.fhir.r4.R4Ndjson;
import org.ccmkit.fhir.r4.R4Outcomes;
import org.ccmkit.fhir.r4.WrittenClaims;
import org.ccmkit.rpm.Alert;
import org.ccmkit.rpm.AlertQuery;
import org.ccmkit.rpm.AlertResult;
import org.ccmkit.rpm.AlertSeverity;
import org.ccmkit.rpm.DevicePeriod;
import org.ccmkit.rpm.RpmBilling;
import org.ccmkit.rpm.RpmCodeLine;
import org.ccmkit.rpm.RpmQuery;
import org.ccmkit.rpm.RpmRules;

/**
 * The month-end pipeline: reads FHIR R4 input, evaluates every patient for the month (core rules
 * through the billing engine, RPM device days, billing and alerts) and writes the six outputs of
 * the FHIR contract (§2) into the output folder.
 *
 * <p>Every output is byte-identical for identical input and options, except {@code summary.json}'s
 * {@code timing} field. Nothing here reads a clock for the rules: the run decides as of {@link
 * Options#asOf()}.
 */
final class MonthEnd {
  /** The programs whose minutes the report charts, in display order. */
  static final ImmutableList<CareProgram> TIMED =
      ImmutableList.of(CareProgram.CCM, CareProgram.PCM);

  private MonthEnd() {}

  /** The options of one run. */
  record Options(
      YearMonth month,
      ZoneId zone,
      LocalDate asOf,
      ImmutableList<Path> inputs,
      Path out,
      boolean quiet,
      boolean fastReader) {}

  /** Minutes of one timed program for one patient. */
  record Minutes(CareProgram program, int minutes) {}

  /** Everything the run computed for one patient-month, for the outputs and the report. */
  record PatientMonth(
      PatientRecord record,
      ImmutableSortedSet<CareProgram> enrolled,
      ImmutableList<Minutes> minutes,
      BillingResult billing,
      Optional<RpmBilling> rpm,
      ImmutableList<Alert> alerts,
      ImmutableList<Decision> decisions,
      ImmutableList<Decision> blocked) {
    String id() {
      return record.ref().id();
    }
  }

  /** The result of a run: the figures the CLI prints and the report shows. */
  record Result(
      Options options,
      String inputName,
      MappingResult mapping,
      ImmutableList<PatientMonth> patients,
      int claims,
      int lines,
      ImmutableMap<String, CodeTotal> byCode,
      BigDecimal allowed,
      BigDecimal shareLow,
      BigDecimal shareHigh,
      ImmutableMap<AlertSeverity, Integer> alertsBySeverity,
      int alertLinesWritten,
      int outcomes,
      Thresholds thresholds,
      long millis) {
    int blockedCount() {
      return patients.stream().mapToInt(p -> p.blocked().size()).sum();
    }

    long billable() {
      return patients.stream().filter(p -> !p.billing().lines().isEmpty()).count();
    }

    long enrolled() {
      return patients.stream().filter(p -> !p.enrolled().isEmpty()).count();
    }

    int totalAlerts() {
      return alertsBySeverity.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  /** Units and allowed amount of one code over the run. */
  record CodeTotal(int units, BigDecimal allowed) {
    CodeTotal plus(int u, BigDecimal a) {
      return new CodeTotal(units + u, allowed.add(a));
    }
  }

  /**
   * Runs the month end.
   *
   * @param o the options
   * @param err where progress goes (unless quiet)
   * @throws IOException if an output cannot be written
   */
  static Result run(Options o, PrintStream err) throws IOException {
    long started = System.nanoTime();
    Progress progress = new Progress(err, o.quiet(), started);
    // Time entries and readings after the as-of day have not happened yet: ignored with an outcome.
    R4Mapper mapper =
        R4Mapper.create(
            MappingOptions.builder()
                .zone(o.zone())
                .notAfter(o.asOf().plusDays(1).atStartOfDay(o.zone()).toInstant().minusNanos(1))
                .fastReader(o.fastReader())
                .build());
    MappingResult mapping;
    String inputName;
    if (o.inputs().isEmpty()) {
      MappingSession session = mapper.newSession();
      SamplePractice.addTo(session);
      mapping = session.finish();
      inputName = "embedded sample practice";
    } else {
      mapping = mapper.map(o.inputs());
      inputName = o.inputs().size() + " path(s)";
    }
    progress.note(
        "read %d resources, %d patients", mapping.counts().read(), mapping.records().size());

    CoreRules core = CoreRules.standard();
    BillingEngine billing = CcmBillingRules.standard();
    RpmRules rpmRules = RpmRules.standard();
    EvaluationContext ctx = EvaluationContext.of(o.asOf(), o.zone());
    Map<PractitionerRef, String> npis = new TreeMap<>();
    for (Practitioner p : mapping.practitioners()) {
      p.npi().ifPresent(n -> npis.put(p.ref(), n));
    }

    List<PatientRecord> records = new ArrayList<>(mapping.records());
    records.sort((a, b) -> a.ref().compareTo(b.ref()));
    // Both cores: patients are evaluated (and their outputs rendered) in parallel, in chunks, and
    // written in the sorted order, so the output is the same bytes as a run on one thread.
    List<PatientMonth> patients = new ArrayList<>(records.size());
    for (int from = 0; from < records.size(); from += CHUNK) {
      List<PatientRecord> chunk = records.subList(from, Math.min(records.size(), from + CHUNK));
      patients.addAll(
          chunk.parallelStream()
              .map(r -> evaluate(r, mapping, o, ctx, core, billing, rpmRules))
              .toList());
      progress.patients(patients.size(), records.size(), mapping.counts().read());
    }

    Files.createDirectories(o.out());
    int claims = 0;
    int lines = 0;
    Map<String, CodeTotal> byCode = new TreeMap<>();
    BigDecimal allowed = BigDecimal.ZERO.setScale(2);
    BigDecimal low = BigDecimal.ZERO.setScale(2);
    BigDecimal high = BigDecimal.ZERO.setScale(2);
    List<MappingIssue> claimNotes = new ArrayList<>();
    try (Writer w = Files.newBufferedWriter(o.out().resolve("claims.ndjson"), UTF_8);
        Writer dw = Files.newBufferedWriter(o.out().resolve("decisions.ndjson"), UTF_8)) {
      for (int from = 0; from < patients.size(); from += CHUNK) {
        List<PatientMonth> chunk = patients.subList(from, Math.min(patients.size(), from + CHUNK));
        List<Rendered> rendered =
            chunk.parallelStream().map(pm -> render(pm, mapping, o.month())).toList();
        for (int i = 0; i < chunk.size(); i++) {
          PatientMonth pm = chunk.get(i);
          Rendered r = rendered.get(i);
          claimNotes.addAll(r.claimNotes());
          for (String claim : r.claims()) {
            w.write(claim);
            w.write('\n');
            claims++;
          }
          for (String d : r.decisions()) {
            dw.write(d);
            dw.write('\n');
          }
          for (PractitionerClaim claim : pm.billing().claims()) {
            for (ClaimLine l : claim.lines()) {
              lines++;
              BigDecimal a = l.allowed().map(m -> m.amount()).orElse(BigDecimal.ZERO.setScale(2));
              byCode.merge(
                  l.code(), new CodeTotal(l.units(), a), (x, y) -> x.plus(y.units(), y.allowed()));
              allowed = allowed.add(a);
            }
          }
          low = low.add(pm.billing().estimate().low().amount());
          high = high.add(pm.billing().estimate().high().amount());
        }
      }
    }
    ImmutableList<Alert> allAlerts =
        patients.stream()
            .flatMap(p -> p.alerts().stream())
            .collect(ImmutableList.toImmutableList());
    ImmutableList<String> alertLines = AlertsOutput.toLines(allAlerts);
    writeLines(o.out().resolve("alerts.ndjson"), alertLines);
    Map<AlertSeverity, Integer> bySeverity = new EnumMap<>(AlertSeverity.class);
    for (AlertSeverity s : AlertSeverity.values()) {
      bySeverity.put(s, 0);
    }
    allAlerts.forEach(a -> bySeverity.merge(a.severity(), 1, Integer::sum));

    int outcomes = 0;
    try (Writer w = Files.newBufferedWriter(o.out().resolve("outcomes.ndjson"), UTF_8)) {
      for (var oo : R4Outcomes.toOperationOutcomes(mapping)) {
        w.write(R4Ndjson.toLine(oo));
        w.write('\n');
        outcomes++;
      }
      for (MappingIssue note : claimNotes) {
        w.write(R4Ndjson.toLine(R4Outcomes.toOperationOutcome(note)));
        w.write('\n');
        outcomes++;
      }
      for (int from = 0; from < patients.size(); from += CHUNK) {
        List<PatientMonth> chunk = patients.subList(from, Math.min(patients.size(), from + CHUNK));
        List<List<String>> blocked =
            chunk.parallelStream()
                .map(
                    pm ->
                        pm.blocked().stream()
                            .map(d -> R4Ndjson.toLine(R4Outcomes.toOperationOutcome(d)))
                            .toList())
                .toList();
        for (List<String> b : blocked) {
          for (String line : b) {
            w.write(line);
            w.write('\n');
            outcomes++;
          }
        }
      }
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    Result result =
        new Result(
            o,
            inputName,
            mapping,
            ImmutableList.copyOf(patients),
            claims,
            lines,
            ImmutableMap.copyOf(byCode),
            allowed,
            low,
            high,
            ImmutableMap.copyOf(bySeverity),
            alertLines.size(),
            outcomes,
            Thresholds.from(CodeCatalog.builtIn(), TIMED, o.month().atEndOfMonth()),
            millis);
    Files.writeString(o.out().resolve("summary.json"), summaryJson(result), UTF_8);
    Files.writeString(o.out().resolve("report.html"), Report.render(result), UTF_8);
    progress.note("done in %d ms", (System.nanoTime() - started) / 1_000_000);
    return result;
  }

  /** Patients evaluated (or rendered) together on the common fork-join pool. */
  private static final int CHUNK = 4096;

  /** A patient-month's output lines, rendered in parallel and written in order. */
  private record Rendered(
      ImmutableList<String> claims,
      ImmutableList<MappingIssue> claimNotes,
      ImmutableList<String> decisions) {}

  private static Rendered render(PatientMonth pm, MappingResult mapping, YearMonth month) {
    WrittenClaims written = ClaimsOutput.claims(pm.billing(), mapping, month);
    ImmutableList.Builder<String> claims = ImmutableList.builder();
    for (var claim : written.claims()) {
      claims.add(R4Ndjson.toLine(claim));
    }
    ImmutableList.Builder<String> decisions = ImmutableList.builder();
    for (Decision d : pm.decisions()) {
      decisions.add(CcmJson.write(d));
    }
    return new Rendered(claims.build(), ImmutableList.copyOf(written.issues()), decisions.build());
  }

  private static PatientMonth evaluate(
      PatientRecord record,
      MappingResult mapping,
      Options o,
      EvaluationContext ctx,
      CoreRules core,
      BillingEngine billing,
      RpmRules rpmRules) {
    YearMonth month = o.month();
    DateRange days = DateRange.ofClosed(month.atDay(1), month.atEndOfMonth());
    ImmutableSortedSet<CareProgram> enrolled =
        record.enrollments().stream()
            .filter(e -> e.period().intersect(days).isPresent())
            .map(Enrollment::program)
            .collect(ImmutableSortedSet.toImmutableSortedSet(Enum::compareTo));
    ImmutableList.Builder<Minutes> minutes = ImmutableList.builder();
    for (CareProgram p : TIMED) {
      if (enrolled.contains(p)) {
        minutes.add(
            new Minutes(p, core.accrue(CareQuery.of(record, p, month), ctx).totalMinutes()));
      }
    }
    ImmutableList.Builder<Decision> decisions = ImmutableList.builder();
    Optional<RpmBilling> rpm = Optional.empty();
    List<ExternalLine> external = new ArrayList<>();
    if (enrolled.contains(CareProgram.RPM)) {
      RpmBilling r = rpmRules.computeBilling(RpmQuery.of(record, month), ctx);
      rpm = Optional.of(r);
      for (RpmCodeLine l : r.lines()) {
        external.add(
            ExternalLine.builder()
                .code(l.code())
                .units(l.units())
                .serviceDate(l.serviceDate())
                .servicePeriod(l.servicePeriod())
                .practitioner(l.practitioner())
                .evidence(l.sources())
                .build());
      }
      decisions.addAll(r.decisions());
    }
    BillingResult result =
        billing.evaluate(
            mapping.billingInput(record.ref(), month).addAllExternalLines(external).build(), ctx);
    ImmutableList<Alert> alerts = ImmutableList.of();
    if (!record.readings().isEmpty()) {
      AlertResult ar = rpmRules.computeAlerts(AlertQuery.of(record), ctx);
      decisions.add(ar.decision());
      alerts =
          ar.alerts().stream()
              .filter(a -> YearMonth.from(a.lastBreachAt().atZone(o.zone())).equals(month))
              .collect(ImmutableList.toImmutableList());
    }
    ImmutableList<Decision> all =
        ImmutableList.<Decision>builder()
            .addAll(result.decisions())
            .addAll(decisions.build())
            .build();
    ImmutableList<Decision> blocked =
        result.decisions().stream()
            .filter(d -> d.outcome() != Outcome.MET)
            .filter(d -> d.program().map(enrolled::contains).orElse(false))
            .collect(ImmutableList.toImmutableList());
    return new PatientMonth(record, enrolled, minutes.build(), result, rpm, alerts, all, blocked);
  }

  /** Days from the as-of date to the end of the month (0 on the last day). */
  static long daysLeft(Options o) {
    return Math.max(0, ChronoUnit.DAYS.between(o.asOf(), o.month().atEndOfMonth()));
  }

  /** Device periods of the patient reported in (ending in) the run's month, or open in it. */
  static ImmutableList<DevicePeriod> periods(PatientMonth pm) {
    return pm.rpm().map(RpmBilling::periods).orElse(ImmutableList.of());
  }

  private static void writeLines(Path file, List<String> lines) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, UTF_8)) {
      for (String l : lines) {
        w.write(l);
        w.write('\n');
      }
    }
  }

  /**
   * Writes the {@code resources} object of a summary: read, used, ignored and rejected (which add
   * up), overall and by resource type. Shared by the month-end and the eligibility sweep.
   */
  static void putResourceCounts(ObjectNode root, MappingResult mapping) {
    ObjectNode counts = root.putObject("resources");
    counts.put("read", mapping.counts().read());
    counts.put("used", mapping.counts().used());
    counts.put("ignored", mapping.counts().ignored());
    counts.put("rejected", mapping.counts().rejected());
    ObjectNode types = counts.putObject("byType");
    mapping
        .countsByType()
        .forEach(
            (t, c) -> {
              ObjectNode n = types.putObject(t);
              n.put("read", c.read());
              n.put("used", c.used());
              n.put("ignored", c.ignored());
              n.put("rejected", c.rejected());
            });
  }

  static String summaryJson(Result r) throws IOException {
    ObjectMapper m = CcmJson.newMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = m.createObjectNode();
    root.put("month", r.options().month().toString());
    root.put("zone", r.options().zone().getId());
    root.put("asOf", r.options().asOf().toString());
    root.put("input", r.inputName());
    putResourceCounts(root, r.mapping());
    ObjectNode patients = root.putObject("patients");
    patients.put("evaluated", r.patients().size());
    patients.put("enrolled", r.enrolled());
    patients.put("billable", r.billable());
    ObjectNode byProgram = patients.putObject("enrolledByProgram");
    for (CareProgram p : CareProgram.values()) {
      long n = r.patients().stream().filter(pm -> pm.enrolled().contains(p)).count();
      if (n > 0) {
        byProgram.put(p.name(), n);
      }
    }
    ObjectNode claims = root.putObject("claims");
    claims.put("claims", r.claims());
    claims.put("lines", r.lines());
    claims.put("allowed", r.allowed());
    claims.put("patientShareLow", r.shareLow());
    claims.put("patientShareHigh", r.shareHigh());
    claims.put("blocked", r.blockedCount());
    ObjectNode codes = claims.putObject("byCode");
    r.byCode()
        .forEach(
            (code, t) -> {
              ObjectNode n = codes.putObject(code);
              n.put("units", t.units());
              n.put("allowed", t.allowed());
            });
    ObjectNode alerts = root.putObject("alerts");
    alerts.put("total", r.totalAlerts());
    ObjectNode sev = alerts.putObject("bySeverity");
    r.alertsBySeverity().forEach((s, n) -> sev.put(s.fhirCode(), n));
    alerts.put("linesWritten", r.alertLinesWritten());
    root.put("outcomes", r.outcomes());
    ObjectNode timing = root.putObject("timing");
    timing.put("millis", r.millis());
    return m.writeValueAsString(root) + "\n";
  }

  /** Progress on stderr, at most every two seconds, and only after the first two seconds. */
  private static final class Progress {
    private final PrintStream err;
    private final boolean quiet;
    private final long started;
    private long last;

    Progress(PrintStream err, boolean quiet, long started) {
      this.err = err;
      this.quiet = quiet;
      this.started = started;
      this.last = started;
    }

    void note(String format, Object... args) {
      long now = System.nanoTime();
      if (!quiet && now - started > 2_000_000_000L) {
        err.printf(Locale.ROOT, "ccm: " + format + "%n", args);
        last = now;
      }
    }

    void patients(int done, int total, int resources) {
      long now = System.nanoTime();
      if (!quiet && now - last > 2_000_000_000L) {
        double secs = (now - started) / 1e9;
        err.printf(
            Locale.ROOT,
            "ccm: %d/%d patients, %d resources, %.0f resources/s%n",
            done,
            total,
            resources,
            resources / secs);
        last = now;
      }
    }
  }
}
