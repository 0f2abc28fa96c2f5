package org.ccmkit.examples;

import static com.google.common.base.Preconditions.checkArgument;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;
import java.io.IOException;
import java.io.InterruptedIOException;
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
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;
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
import org.ccmkit.core.rule.Decision;
import org.ccmkit.core.rule.EvaluationContext;
import org.ccmkit.core.rule.Outcome;
import org.ccmkit.core.rule.Reason;
import org.ccmkit.core.rule.Severity;
import org.ccmkit.core.rules.CareQuery;
import org.ccmkit.core.rules.CoreRules;
import org.ccmkit.fhir.r4.MappingCounts;
import org.ccmkit.fhir.r4.MappingIssue;
import org.ccmkit.fhir.r4.MappingOptions;
import org.ccmkit.fhir.r4.MappingResult;
import org.ccmkit.fhir.r4.MappingSession;
import org.ccmkit.fhir.r4.R4DetectedIssues;
import org.ccmkit.fhir.r4.R4Mapper;
import org.ccmkit.fhir.r4.R4Ndjson;
import org.ccmkit.fhir.r4.R4Outcomes;
import org.ccmkit.fhir.r4.SourceLocation;
import org.ccmkit.fhir.r4.WrittenClaims;
import org.ccmkit.fhir.r4.internal.MappingEngine;
import org.ccmkit.rpm.Alert;
import org.ccmkit.rpm.AlertQuery;
import org.ccmkit.rpm.AlertResult;
import org.ccmkit.rpm.AlertSeverity;
import org.ccmkit.rpm.DevicePeriod;
import org.ccmkit.rpm.RpmBilling;
import org.ccmkit.rpm.RpmCodeLine;
import org.ccmkit.rpm.RpmQuery;
import org.ccmkit.rpm.RpmRules;
import org.hl7.fhir.r4.model.DetectedIssue;

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
      boolean fastReader,
      Partitioning partitioning) {
    /** Options with automatic partitioning. */
    Options(
        YearMonth month,
        ZoneId zone,
        LocalDate asOf,
        ImmutableList<Path> inputs,
        Path out,
        boolean quiet,
        boolean fastReader) {
      this(month, zone, asOf, inputs, out, quiet, fastReader, Partitioning.AUTO);
    }
  }

  /**
   * How a run over NDJSON input splits it by patient (docs/performance.md, "Memory"): {@code
   * partitions} forces the number (1 = one pass over everything), 0 derives it from the input size
   * and {@code partitionMb} (megabytes of NDJSON per partition); temporary files go under {@code
   * tempParent} (default: the JVM's temporary directory) and are deleted at the end.
   */
  record Partitioning(int partitions, int partitionMb, Optional<Path> tempParent) {
    /** The NDJSON megabytes per partition when the number is derived. */
    static final int DEFAULT_PARTITION_MB = 64;

    /** The most partitions a run uses. */
    static final int MAX_PARTITIONS = 4096;

    /** Derived from the input size. */
    static final Partitioning AUTO = new Partitioning(0, DEFAULT_PARTITION_MB, Optional.empty());

    Partitioning {
      checkArgument(
          partitions >= 0 && partitions <= MAX_PARTITIONS,
          "partitions must be 0 (automatic) to %s",
          MAX_PARTITIONS);
      checkArgument(partitionMb >= 1, "the partition size must be at least 1 MB");
    }

    /** The number of partitions for {@code bytes} of NDJSON. */
    int partitionsFor(long bytes) {
      if (partitions > 0) {
        return partitions;
      }
      long per = (long) partitionMb << 20;
      return (int) Math.max(1, Math.min(MAX_PARTITIONS, (bytes + per - 1) / per));
    }
  }

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

  /**
   * What the report and the summary need of one patient-month, and nothing else: the compact state
   * a run keeps per patient once the patient's outputs are written (docs/performance.md, "Memory").
   */
  record PatientRow(
      String id,
      ImmutableSortedSet<CareProgram> enrolled,
      ImmutableList<Minutes> minutes,
      boolean billable,
      ImmutableList<PeriodRow> periods,
      ImmutableList<AlertRow> alerts,
      ImmutableList<BlockedRow> blocked,
      ImmutableList<FindingRow> findings) {

    static PatientRow of(PatientMonth pm) {
      return new PatientRow(
          pm.id(),
          pm.enrolled(),
          pm.minutes(),
          !pm.billing().lines().isEmpty(),
          MonthEnd.periods(pm).stream().map(PeriodRow::of).collect(ImmutableList.toImmutableList()),
          pm.alerts().stream()
              .map(a -> new AlertRow(a.severity(), a.label(), a.breachCount()))
              .collect(ImmutableList.toImmutableList()),
          pm.blocked().stream().map(BlockedRow::of).collect(ImmutableList.toImmutableList()),
          Report.findings(pm.billing()));
    }
  }

  /** A device period of the report: dates, nominal length in days, days with data. */
  record PeriodRow(
      LocalDate start, LocalDate endInclusive, int length, boolean open, int dataDays) {
    static PeriodRow of(DevicePeriod p) {
      return new PeriodRow(
          p.start(),
          p.endInclusive(),
          (int) ChronoUnit.DAYS.between(p.start(), p.nominalEndInclusive()) + 1,
          p.open(),
          p.dataDays().size());
    }
  }

  /** An alert of the report. */
  record AlertRow(AlertSeverity severity, String label, int breachCount) {}

  /** A blocked billing decision of the report, with its reasons as the report shows them. */
  record BlockedRow(String program, String practitioner, Outcome outcome, String why) {
    static BlockedRow of(Decision d) {
      List<String> why = new ArrayList<>();
      for (Reason reason : d.reasons()) {
        if (reason.severity() != Severity.INFO) {
          why.add(reason.message());
        }
      }
      if (why.isEmpty()) {
        d.reasons().forEach(reason -> why.add(reason.message()));
      }
      return new BlockedRow(
          d.program().map(Enum::name).orElse(""),
          d.practitioner().map(p -> p.id()).orElse(""),
          d.outcome(),
          String.join("; ", why));
    }
  }

  /** A care-plan or consent-record finding of the documentation worklist. */
  record FindingRow(String program, String code, Severity severity, String message) {}

  /** The result of a run: the figures the CLI prints and the report shows. */
  record Result(
      Options options,
      String inputName,
      MappingResult mapping,
      ImmutableList<PatientMonth> patients,
      ImmutableList<PatientRow> rows,
      int partitions,
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
      return rows.stream().mapToInt(p -> p.blocked().size()).sum();
    }

    long billable() {
      return rows.stream().filter(PatientRow::billable).count();
    }

    long enrolled() {
      return rows.stream().filter(p -> !p.enrolled().isEmpty()).count();
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
   * <p>NDJSON input larger than one partition ({@link Partitioning}) is split by patient: each
   * partition is mapped, evaluated and written to temporary files on its own, two at a time (one
   * per core), and the files are merged into the outputs, which are the same bytes as a run in one
   * partition. Only {@link PatientRow}s are kept per patient; {@link Result#patients()} is then
   * empty and {@link Result#mapping()} holds the counts and issues only.
   *
   * @param o the options
   * @param err where progress goes (unless quiet)
   * @throws IOException if an output cannot be written
   */
  static Result run(Options o, PrintStream err) throws IOException {
    long started = System.nanoTime();
    Progress progress = new Progress(err, o.quiet(), started);
    // Time entries and readings after the as-of day have not happened yet: ignored with an outcome.
    MappingOptions mappingOptions =
        MappingOptions.builder()
            .zone(o.zone())
            .notAfter(o.asOf().plusDays(1).atStartOfDay(o.zone()).toInstant().minusNanos(1))
            .fastReader(o.fastReader())
            .build();
    Optional<PartitionRouter.Plan> plan = PartitionRouter.plan(o.inputs());
    int k = plan.map(p -> o.partitioning().partitionsFor(p.bytes())).orElse(1);
    Path temp =
        o.partitioning().tempParent().isPresent()
            ? Files.createTempDirectory(o.partitioning().tempParent().get(), "ccm-month-end-")
            : Files.createTempDirectory("ccm-month-end-");
    try {
      Shared shared = Shared.of(o);
      List<Part> parts = new ArrayList<>();
      MappingResult mapping;
      String inputName;
      if (k == 1 || plan.isEmpty()) {
        k = 1;
        R4Mapper mapper = R4Mapper.create(mappingOptions);
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
        parts.add(part(0, mapping, Set.of(), true, temp, shared, progress));
      } else {
        inputName = o.inputs().size() + " path(s)";
        parts = partitioned(plan.get(), k, mappingOptions, temp, shared, progress);
        mapping = merged(plan.get(), mappingOptions, temp, parts);
      }
      Result result = write(o, inputName, mapping, parts, k, started);
      progress.note("done in %d ms", (System.nanoTime() - started) / 1_000_000);
      return result;
    } finally {
      deleteRecursively(temp);
    }
  }

  /** The rules and the context, shared by the partitions of a run. */
  private record Shared(
      Options options,
      EvaluationContext ctx,
      CoreRules core,
      BillingEngine billing,
      RpmRules rpmRules) {
    static Shared of(Options o) {
      return new Shared(
          o,
          EvaluationContext.of(o.asOf(), o.zone()),
          CoreRules.standard(),
          CcmBillingRules.standard(),
          RpmRules.standard());
    }
  }

  /** What one partition leaves behind: compact rows, totals, its issues and temporary files. */
  private record Part(
      ImmutableList<PatientRow> rows,
      ImmutableList<PatientMonth> months,
      ImmutableList<MappingIssue> issues,
      ImmutableSortedMap<String, MappingCounts> countsByType,
      int claims,
      int lines,
      ImmutableMap<String, CodeTotal> byCode,
      BigDecimal allowed,
      BigDecimal low,
      BigDecimal high,
      ImmutableMap<AlertSeverity, Integer> alertsBySeverity,
      int alertLines,
      int notes,
      int blocked,
      Path claimsFile,
      Path decisionsFile,
      Path notesFile,
      Path blockedFile,
      Path alertsFile) {}

  /** Routes the input, then maps and evaluates the partitions, two at a time. */
  private static List<Part> partitioned(
      PartitionRouter.Plan plan,
      int k,
      MappingOptions mappingOptions,
      Path temp,
      Shared shared,
      Progress progress)
      throws IOException {
    PartitionRouter.Routed routed = new PartitionRouter().route(plan, k, temp);
    progress.note(
        "routed %d lines (%d shared) to %d partitions (%d read apart)",
        routed.lines(), routed.sharedLines(), k, routed.groups().size());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Part>> futures = new ArrayList<>();
      int groups = routed.groups().size();
      for (int i = 0; i < groups; i++) {
        int p = i;
        futures.add(
            pool.submit(
                () -> {
                  MappingEngine engine =
                      new MappingEngine(mappingOptions, R4Mapper.sharedContext());
                  Set<SourceLocation> sharedLines = new HashSet<>();
                  PartitionRouter.feed(
                      routed.groups().get(p), routed.sources(), engine, sharedLines::add);
                  for (Path f : routed.groups().get(p)) {
                    Files.delete(f);
                  }
                  MappingResult mapping = engine.finish();
                  Part part =
                      part(
                          p,
                          mapping,
                          p == 0 ? Set.of() : sharedLines,
                          false,
                          temp,
                          shared,
                          progress);
                  progress.note(
                      "partition %d of %d: %d patients", p + 1, groups, mapping.records().size());
                  return part;
                }));
      }
      List<Part> parts = new ArrayList<>(groups);
      for (Future<Part> f : futures) {
        parts.add(get(f));
      }
      return parts;
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T> T get(Future<T> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted");
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException io) {
        throw io;
      }
      if (c instanceof RuntimeException r) {
        throw r;
      }
      if (c instanceof Error r) {
        throw r;
      }
      throw new IllegalStateException(c);
    }
  }

  /**
   * The mapping accounts of the whole input: counts and counts by type summed over the partitions,
   * less the shared lines' counts of all partitions but the first (a run over the shared lines
   * alone gives them), and every issue in the mapper's order.
   */
  private static MappingResult merged(
      PartitionRouter.Plan plan, MappingOptions mappingOptions, Path temp, List<Part> parts)
      throws IOException {
    MappingEngine alone = new MappingEngine(mappingOptions, R4Mapper.sharedContext());
    PartitionRouter.feed(
        List.of(temp.resolve("shared.spill")), sources(plan), alone, location -> {});
    MappingResult sharedOnly = alone.finish();
    Map<String, int[]> byType = new TreeMap<>();
    for (Part part : parts) {
      part.countsByType().forEach((t, c) -> add(byType, t, c, 1));
    }
    // each partition read (joined ones together) read the shared lines once
    sharedOnly.countsByType().forEach((t, c) -> add(byType, t, c, -(parts.size() - 1)));
    ImmutableSortedMap.Builder<String, MappingCounts> counts = ImmutableSortedMap.naturalOrder();
    int[] total = new int[4];
    byType.forEach(
        (t, c) -> {
          counts.put(t, MappingCounts.of(c[0], c[1], c[2], c[3]));
          for (int i = 0; i < 4; i++) {
            total[i] += c[i];
          }
        });
    List<MappingIssue> issues = new ArrayList<>();
    parts.forEach(p -> issues.addAll(p.issues()));
    return MappingResult.builder()
        .counts(MappingCounts.of(total[0], total[1], total[2], total[3]))
        .countsByType(counts.build())
        .issues(ImmutableList.sortedCopyOf(MappingIssue.ORDER, issues))
        .skippedFiles(plan.skipped())
        .build();
  }

  private static ImmutableList<String> sources(PartitionRouter.Plan plan) {
    return plan.files().stream().map(Path::toString).collect(ImmutableList.toImmutableList());
  }

  private static void add(Map<String, int[]> byType, String type, MappingCounts c, int times) {
    int[] v = byType.computeIfAbsent(type, t -> new int[4]);
    v[0] += times * c.read();
    v[1] += times * c.used();
    v[2] += times * c.ignored();
    v[3] += times * c.rejected();
  }

  /**
   * Evaluates one partition's patients and writes their outputs to its temporary files, in patient
   * order; returns the compact rows and the totals.
   */
  private static Part part(
      int index,
      MappingResult mapping,
      Set<SourceLocation> dropIssuesAt,
      boolean keepMonths,
      Path temp,
      Shared shared,
      Progress progress)
      throws IOException {
    Options o = shared.options();
    List<PatientRecord> records = new ArrayList<>(mapping.records());
    records.sort((a, b) -> a.ref().compareTo(b.ref()));
    ImmutableList.Builder<PatientRow> rows = ImmutableList.builder();
    ImmutableList.Builder<PatientMonth> months = ImmutableList.builder();
    List<Alert> alerts = new ArrayList<>();
    int claims = 0;
    int lines = 0;
    int notes = 0;
    int blocked = 0;
    Map<String, CodeTotal> byCode = new TreeMap<>();
    BigDecimal allowed = BigDecimal.ZERO.setScale(2);
    BigDecimal low = BigDecimal.ZERO.setScale(2);
    BigDecimal high = BigDecimal.ZERO.setScale(2);
    Path claimsFile = temp.resolve("claims-" + index);
    Path decisionsFile = temp.resolve("decisions-" + index);
    Path notesFile = temp.resolve("notes-" + index);
    Path blockedFile = temp.resolve("blocked-" + index);
    Path alertsFile = temp.resolve("alerts-" + index);
    try (KeyedLines.Out cw = new KeyedLines.Out(claimsFile);
        KeyedLines.Out dw = new KeyedLines.Out(decisionsFile);
        KeyedLines.Out nw = new KeyedLines.Out(notesFile);
        KeyedLines.Out bw = new KeyedLines.Out(blockedFile)) {
      // Both cores: patients are evaluated (and their outputs rendered) in parallel, in chunks, and
      // written in the sorted order, so the output is the same bytes as a run on one thread.
      for (int from = 0; from < records.size(); from += CHUNK) {
        List<PatientRecord> chunk = records.subList(from, Math.min(records.size(), from + CHUNK));
        List<Rendered> rendered =
            chunk.parallelStream()
                .map(
                    r ->
                        render(
                            evaluate(
                                r,
                                mapping,
                                o,
                                shared.ctx(),
                                shared.core(),
                                shared.billing(),
                                shared.rpmRules()),
                            mapping,
                            o.month()))
                .toList();
        for (Rendered r : rendered) {
          PatientMonth pm = r.month();
          cw.block(pm.id(), r.claims());
          dw.block(pm.id(), r.decisions());
          nw.block(pm.id(), r.claimNotes());
          bw.block(pm.id(), r.blocked());
          claims += r.claims().size();
          notes += r.claimNotes().size();
          blocked += r.blocked().size();
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
          alerts.addAll(pm.alerts());
          rows.add(PatientRow.of(pm));
          if (keepMonths) {
            months.add(pm);
          }
        }
        progress.patients(index, from + chunk.size(), records.size());
      }
    }
    Map<AlertSeverity, Integer> bySeverity = new EnumMap<>(AlertSeverity.class);
    alerts.forEach(a -> bySeverity.merge(a.severity(), 1, Integer::sum));
    int alertLines = 0;
    try (KeyedLines.Out aw = new KeyedLines.Out(alertsFile)) {
      for (DetectedIssue d : R4DetectedIssues.toDetectedIssues(alerts)) {
        aw.block(d.getIdElement().getIdPart(), List.of(R4Ndjson.toLine(d)));
        alertLines++;
      }
    }
    ImmutableList<MappingIssue> issues =
        dropIssuesAt.isEmpty()
            ? mapping.issues()
            : mapping.issues().stream()
                .filter(i -> !dropIssuesAt.contains(i.location()))
                .collect(ImmutableList.toImmutableList());
    return new Part(
        rows.build(),
        months.build(),
        issues,
        mapping.countsByType(),
        claims,
        lines,
        ImmutableMap.copyOf(byCode),
        allowed,
        low,
        high,
        ImmutableMap.copyOf(bySeverity),
        alertLines,
        notes,
        blocked,
        claimsFile,
        decisionsFile,
        notesFile,
        blockedFile,
        alertsFile);
  }

  /** Merges the partitions' files into the six outputs. */
  private static Result write(
      Options o, String inputName, MappingResult mapping, List<Part> parts, int k, long started)
      throws IOException {
    Files.createDirectories(o.out());
    int claims = 0;
    int lines = 0;
    Map<String, CodeTotal> byCode = new TreeMap<>();
    BigDecimal allowed = BigDecimal.ZERO.setScale(2);
    BigDecimal low = BigDecimal.ZERO.setScale(2);
    BigDecimal high = BigDecimal.ZERO.setScale(2);
    Map<AlertSeverity, Integer> bySeverity = new EnumMap<>(AlertSeverity.class);
    for (AlertSeverity s : AlertSeverity.values()) {
      bySeverity.put(s, 0);
    }
    int alertLines = 0;
    List<PatientRow> rows = new ArrayList<>();
    ImmutableList.Builder<PatientMonth> months = ImmutableList.builder();
    for (Part part : parts) {
      claims += part.claims();
      lines += part.lines();
      part.byCode().forEach((c, t) -> byCode.merge(c, t, (x, y) -> x.plus(y.units(), y.allowed())));
      allowed = allowed.add(part.allowed());
      low = low.add(part.low());
      high = high.add(part.high());
      for (AlertSeverity s : AlertSeverity.values()) {
        bySeverity.merge(s, part.alertsBySeverity().getOrDefault(s, 0), Integer::sum);
      }
      alertLines += part.alertLines();
      rows.addAll(part.rows());
      months.addAll(part.months());
    }
    rows.sort(Comparator.comparing(PatientRow::id));
    try (Writer w = Files.newBufferedWriter(o.out().resolve("claims.ndjson"), UTF_8)) {
      KeyedLines.merge(files(parts, Part::claimsFile), w);
    }
    try (Writer w = Files.newBufferedWriter(o.out().resolve("decisions.ndjson"), UTF_8)) {
      KeyedLines.merge(files(parts, Part::decisionsFile), w);
    }
    try (Writer w = Files.newBufferedWriter(o.out().resolve("alerts.ndjson"), UTF_8)) {
      KeyedLines.merge(files(parts, Part::alertsFile), w);
    }
    int outcomes = 0;
    try (Writer w = Files.newBufferedWriter(o.out().resolve("outcomes.ndjson"), UTF_8)) {
      for (var oo : R4Outcomes.toOperationOutcomes(mapping)) {
        w.write(R4Ndjson.toLine(oo));
        w.write('\n');
        outcomes++;
      }
      outcomes += KeyedLines.merge(files(parts, Part::notesFile), w);
      outcomes += KeyedLines.merge(files(parts, Part::blockedFile), w);
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    Result result =
        new Result(
            o,
            inputName,
            mapping,
            months.build(),
            ImmutableList.copyOf(rows),
            k,
            claims,
            lines,
            ImmutableMap.copyOf(byCode),
            allowed,
            low,
            high,
            ImmutableMap.copyOf(bySeverity),
            alertLines,
            outcomes,
            Thresholds.from(CodeCatalog.builtIn(), TIMED, o.month().atEndOfMonth()),
            millis);
    Files.writeString(o.out().resolve("summary.json"), summaryJson(result), UTF_8);
    try (Writer w = Files.newBufferedWriter(o.out().resolve("report.html"), UTF_8)) {
      Report.write(result, w);
    }
    return result;
  }

  private static List<Path> files(List<Part> parts, Function<Part, Path> file) {
    return parts.stream().map(file).toList();
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    List<Path> all;
    try (Stream<Path> walk = Files.walk(dir)) {
      all = walk.sorted(Comparator.reverseOrder()).toList();
    }
    for (Path p : all) {
      Files.deleteIfExists(p);
    }
  }

  /** Patients evaluated (or rendered) together on the common fork-join pool. */
  private static final int CHUNK = 4096;

  /** A patient-month's output lines, rendered in parallel and written in order. */
  private record Rendered(
      PatientMonth month,
      ImmutableList<String> claims,
      ImmutableList<String> claimNotes,
      ImmutableList<String> decisions,
      ImmutableList<String> blocked) {}

  private static Rendered render(PatientMonth pm, MappingResult mapping, YearMonth month) {
    WrittenClaims written = ClaimsOutput.claims(pm.billing(), mapping, month);
    ImmutableList.Builder<String> claims = ImmutableList.builder();
    for (var claim : written.claims()) {
      claims.add(R4Ndjson.toLine(claim));
    }
    ImmutableList.Builder<String> notes = ImmutableList.builder();
    for (MappingIssue note : written.issues()) {
      notes.add(R4Ndjson.toLine(R4Outcomes.toOperationOutcome(note)));
    }
    ImmutableList.Builder<String> decisions = ImmutableList.builder();
    for (Decision d : pm.decisions()) {
      decisions.add(CcmJson.write(d));
    }
    ImmutableList.Builder<String> blocked = ImmutableList.builder();
    for (Decision d : pm.blocked()) {
      blocked.add(R4Ndjson.toLine(R4Outcomes.toOperationOutcome(d)));
    }
    return new Rendered(pm, claims.build(), notes.build(), decisions.build(), blocked.build());
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
    patients.put("evaluated", r.rows().size());
    patients.put("enrolled", r.enrolled());
    patients.put("billable", r.billable());
    ObjectNode byProgram = patients.putObject("enrolledByProgram");
    for (CareProgram p : CareProgram.values()) {
      long n = r.rows().stream().filter(pm -> pm.enrolled().contains(p)).count();
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

    synchronized void note(String format, Object... args) {
      long now = System.nanoTime();
      if (!quiet && now - started > 2_000_000_000L) {
        err.printf(Locale.ROOT, "ccm: " + format + "%n", args);
        last = now;
      }
    }

    synchronized void patients(int partition, int done, int total) {
      long now = System.nanoTime();
      if (!quiet && now - last > 2_000_000_000L) {
        err.printf(Locale.ROOT, "ccm: partition %d: %d/%d patients%n", partition + 1, done, total);
        last = now;
      }
    }
  }
}
