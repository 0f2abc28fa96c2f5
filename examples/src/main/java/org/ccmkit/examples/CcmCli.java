package org.ccmkit.examples;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ccmkit.core.rule.CcmException;
import org.ccmkit.core.rule.ErrorCode;
import org.ccmkit.rpm.AlertSeverity;

/**
 * The {@code ccm} command: {@code java -jar examples/target/ccm.jar <command> [options]}.
 *
 * <p>Commands: {@code month-end} (the month-end run, {@link MonthEnd}) and {@code quickstart} (the
 * {@link QuickStart} example). Exit status 0 when the run completed (rejected input is reported,
 * not fatal), 2 for unusable arguments or unreadable paths, with a one-line message on stderr.
 */
public final class CcmCli {
  /** Exit status of a completed run. */
  static final int OK = 0;

  /** Exit status for unusable arguments or unreadable paths. */
  static final int USAGE = 2;

  /** Exit status when the run failed for a reason other than the arguments. */
  static final int FAILED = 1;

  static final String HELP =
      """
      ccm: care-management rules on FHIR R4 data (ccmkit)

      Usage: java -jar ccm.jar <command> [options]

      Commands:
        month-end    Bill one service month: read FHIR R4 input, write claims, alerts, decisions,
                     outcomes, summary.json and report.html. Without --in it runs on an embedded
                     sample practice. See: java -jar ccm.jar month-end --help
        eligible     Find the patients not enrolled in CCM or PCM who qualify or nearly qualify,
                     ranked by an explainable score: candidates.json (FHIR Group), candidates.csv,
                     report.html. See: java -jar ccm.jar eligible --help
        generate     Write a synthetic practice of any size as Bulk NDJSON (for scale tests).
                     See: java -jar ccm.jar generate --help
        quickstart   Print the core decisions of four sample patients (the API tour)

      Options:
        -h, --help   Show this help
      """;

  static final String MONTH_END_HELP =
      """
      Usage: java -jar ccm.jar month-end [--month YYYY-MM] [--zone ZONE] [--as-of YYYY-MM-DD]
                                         [--in PATH ...] [--out DIR] [--quiet]
                                         [--hapi-reader] [--partitions K]
                                         [--partition-mb N]

      Bills one service month and writes six files into the output folder:
        claims.ndjson     FHIR Claim per patient x billing practitioner x month
        alerts.ndjson     FHIR DetectedIssue per RPM alert
        decisions.ndjson  the SDK's JSON Decision per patient x program x month, with reasons
        outcomes.ndjson   FHIR OperationOutcome per rejected or ignored input, and per blocked claim
        summary.json      counts (read = used + ignored + rejected), claims by code, alerts
        report.html       a self-contained page for the practice manager (no network)

      Options:
        --month YYYY-MM    The service month. Required with --in; without --in it defaults
                           to the sample practice's last month (%s).
        --zone ZONE        The practice's time zone (IANA id). Default: America/New_York.
        --as-of DATE       The date the run decides as of (YYYY-MM-DD, within or after the
                           month). Default: the month's last day. Earlier dates show the
                           worklist's days left.
        --in PATH          A file or directory of FHIR R4 JSON (Bundles, single resources,
                           Bulk NDJSON); repeat it, or list several paths after one --in.
                           Without --in: the embedded sample practice (%d patients, %s..%s).
        --out DIR          The output folder (created if needed). Default: ./ccm-out
        -q, --quiet        No progress on stderr.
        --hapi-reader      Parse every resource with HAPI (no fast reader); same outputs,
                           slower. For comparisons (docs/performance.md).
        --partitions K     Split NDJSON input by patient into K partitions, evaluated two
                           at a time (1 to 4096; 1 = one pass). Same outputs, less memory.
                           Default: from the input size and --partition-mb.
        --partition-mb N   NDJSON megabytes per partition when K is derived. Default: 64.
                           JSON files and Bundles are always read in one pass.
        -h, --help         Show this help.

      Exit status: 0 the run completed (rejected input is reported in outcomes.ndjson),
      2 unusable arguments or unreadable paths.
      """
          .formatted(
              SamplePractice.LAST_MONTH,
              SamplePractice.PATIENTS,
              SamplePractice.FIRST_MONTH,
              SamplePractice.LAST_MONTH);

  static final String ELIGIBLE_HELP =
      """
      Usage: java -jar ccm.jar eligible [--as-of YYYY-MM-DD] [--zone ZONE] [--in PATH ...]
                                        [--out DIR] [--quiet]

      Screens every patient not enrolled in CCM or PCM and ranks those who qualify or nearly
      qualify (eligible, eligible pending practitioner attestation, PCM candidates) by a
      documented score (docs/eligibility-sweep.md). Writes into the output folder:
        candidates.json    one FHIR Group of the ranked candidates (an extension per member)
        candidates.ndjson  the SDK's JSON screening per candidate, in rank order, with decisions
        candidates.csv     for outreach staff: rank, patient id, status, score and why,
                           conditions, coverage, 99490 share estimate, initiating visit, consent
        outcomes.ndjson    FHIR OperationOutcome per rejected or ignored input
        summary.json       counts (read = used + ignored + rejected), patients by status
        report.html        a self-contained page with the candidates section (no network)

      Options:
        --as-of DATE       The date screened for (YYYY-MM-DD). Required with --in; without
                           --in it defaults to %s.
        --zone ZONE        The practice's time zone (IANA id). Default: America/New_York.
        --in PATH          A file or directory of FHIR R4 JSON (Bundles, single resources,
                           Bulk NDJSON); repeat it, or list several paths after one --in.
                           Without --in: the embedded sample practice (%d patients).
        --out DIR          The output folder (created if needed). Default: ./ccm-eligible
        -q, --quiet        No progress on stderr.
        -h, --help         Show this help.

      Exit status: 0 the run completed (rejected input is reported in outcomes.ndjson),
      2 unusable arguments, unreadable paths, or no rule parameters for the date.
      """
          .formatted(SamplePractice.LAST_MONTH.atEndOfMonth(), SamplePractice.PATIENTS);

  static final String GENERATE_HELP =
      """
      Usage: java -jar ccm.jar generate --patients N [--months M] [--seed S]
                                        [--last-month YYYY-MM] --out DIR

      Writes a synthetic practice as FHIR R4 Bulk NDJSON, one file per resource type, into DIR
      (created if needed). The same options give the same bytes. It streams: memory does not
      grow with N. The distributions are in docs/performance.md.

      Options:
        --patients N          Number of patients (at least 1). Required.
        --months M            Months of data, ending with --last-month (1..24). Default: 3.
        --seed S              Seed (a long). Default: 1.
        --last-month YYYY-MM  The last month with data. Default: %s.
        --out DIR             The output folder. Required.
        -h, --help            Show this help.
      """
          .formatted(PracticeGenerator.DEFAULT_LAST_MONTH);

  private CcmCli() {}

  /**
   * Runs the command and exits with its status.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    // HAPI logs through SLF4J; the jar ships no SLF4J provider, so keep SLF4J's own
    // "no providers" notice off the console (the runner reports through its outputs).
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    int status = run(args, out, err);
    out.flush();
    err.flush();
    System.exit(status);
  }

  /**
   * Runs the command without exiting.
   *
   * @param args the command line
   * @param out where results go
   * @param err where progress and errors go
   * @return the exit status
   */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0) {
      out.print(HELP);
      return OK;
    }
    String command = args[0];
    List<String> rest = List.of(args).subList(1, args.length);
    switch (command) {
      case "-h", "--help", "help" -> {
        out.print(HELP);
        return OK;
      }
      case "quickstart" -> {
        if (rest.contains("-h") || rest.contains("--help")) {
          out.println("Usage: java -jar ccm.jar quickstart");
          out.println("Prints the core CCM decisions of four sample patients in March 2026.");
          return OK;
        }
        if (!rest.isEmpty()) {
          return usage(err, "quickstart takes no options; got '" + rest.get(0) + "'");
        }
        QuickStart.main(new String[0]);
        return OK;
      }
      case "month-end" -> {
        return monthEnd(rest, out, err);
      }
      case "eligible" -> {
        return eligible(rest, out, err);
      }
      case "generate" -> {
        return generate(rest, out, err);
      }
      default -> {
        return usage(
            err,
            "unknown command '"
                + command
                + "'; use month-end, eligible, generate or quickstart (java -jar ccm.jar --help)");
      }
    }
  }

  private static String firstLine(String text) {
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }

  private static int usage(PrintStream err, String message) {
    err.println("ccm: " + message);
    return USAGE;
  }

  /** Thrown for an unusable argument; its message is the one line the user sees. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  private static int monthEnd(List<String> args, PrintStream out, PrintStream err) {
    MonthEnd.Options options;
    try {
      Optional<MonthEnd.Options> parsed = parse(args);
      if (parsed.isEmpty()) {
        out.print(MONTH_END_HELP);
        return OK;
      }
      options = parsed.get();
    } catch (UsageException e) {
      return usage(err, e.getMessage() + " (java -jar ccm.jar month-end --help)");
    }
    MonthEnd.Result r;
    try {
      r = MonthEnd.run(options, err);
    } catch (IOException | UncheckedIOException | CcmException e) {
      return failed(e, options.out(), "--month " + options.month(), err);
    }
    printSummary(r, out);
    return OK;
  }

  /**
   * The exit code and the one line the user sees when a run fails: an output that cannot be
   * written, rule parameters missing for the date the user gave ({@code dateArgument}, e.g. {@code
   * --month 2026-03}), or another rule error. Messages carry no PHI (the rules' errors never do).
   */
  private static int failed(Exception e, Path out, String dateArgument, PrintStream err) {
    if (!(e instanceof CcmException c)) {
      return usage(err, "cannot write to " + out + ": " + e.getClass().getSimpleName());
    }
    String message = firstLine(String.valueOf(c.getMessage()));
    if (c.errorCode() == ErrorCode.NO_PARAMETERS_FOR_DATE) {
      return usage(err, "no rule parameters for " + dateArgument + ": " + message);
    }
    err.println("ccm: the run failed (" + c.errorCode() + "): " + message);
    return FAILED;
  }

  private static int generate(List<String> args, PrintStream out, PrintStream err) {
    Optional<GenerateArgs> parsed;
    try {
      parsed = parseGenerate(args);
    } catch (UsageException e) {
      return usage(err, e.getMessage() + " (java -jar ccm.jar generate --help)");
    }
    if (parsed.isEmpty()) {
      out.print(GENERATE_HELP);
      return OK;
    }
    GenerateArgs g = parsed.get();
    long started = System.nanoTime();
    PracticeGenerator.Stats stats;
    try {
      stats = PracticeGenerator.generate(g.options(), g.out());
    } catch (IOException | UncheckedIOException e) {
      return usage(err, "cannot write to " + g.out() + ": " + e.getClass().getSimpleName());
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    out.printf(
        Locale.ROOT,
        "ccm generate: %d patients, %d months to %s, seed %d: %d lines (%d malformed) in %s,"
            + " %d ms%n",
        g.options().patients(),
        g.options().months(),
        g.options().lastMonth(),
        g.options().seed(),
        stats.lines(),
        stats.malformed(),
        g.out(),
        millis);
    return OK;
  }

  /** The parsed options of {@code generate}. */
  record GenerateArgs(PracticeGenerator.Options options, Path out) {}

  /**
   * Parses generate's options.
   *
   * @return the options, or empty when help was asked for
   * @throws UsageException for an unusable argument
   */
  static Optional<GenerateArgs> parseGenerate(List<String> args) throws UsageException {
    Optional<String> patients = Optional.empty();
    String months = "3";
    String seed = "1";
    String lastMonth = PracticeGenerator.DEFAULT_LAST_MONTH.toString();
    Optional<String> outDir = Optional.empty();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      String name = a;
      Optional<String> inline = Optional.empty();
      if (a.startsWith("--") && a.contains("=")) {
        name = a.substring(0, a.indexOf('='));
        inline = Optional.of(a.substring(a.indexOf('=') + 1));
      }
      switch (name) {
        case "-h", "--help" -> {
          return Optional.empty();
        }
        case "--patients" -> patients = Optional.of(value(args, i, inline, name));
        case "--months" -> months = value(args, i, inline, name);
        case "--seed" -> seed = value(args, i, inline, name);
        case "--last-month" -> lastMonth = value(args, i, inline, name);
        case "--out" -> outDir = Optional.of(value(args, i, inline, name));
        default ->
            throw new UsageException(
                a.startsWith("-")
                    ? "unknown option '" + a + "'"
                    : "unexpected argument '" + a + "'");
      }
      i += inline.isPresent() ? 0 : 1;
    }
    if (patients.isEmpty()) {
      throw new UsageException("--patients N is required");
    }
    if (outDir.isEmpty()) {
      throw new UsageException("--out DIR is required");
    }
    int n = parseInt(patients.get(), "--patients");
    int m = parseInt(months, "--months");
    long s;
    try {
      s = Long.parseLong(seed);
    } catch (NumberFormatException e) {
      throw new UsageException("--seed '" + seed + "' is not a whole number");
    }
    YearMonth last;
    try {
      last = YearMonth.parse(lastMonth);
    } catch (DateTimeParseException e) {
      throw new UsageException("--last-month '" + lastMonth + "' is not a month such as 2026-03");
    }
    if (n < 1) {
      throw new UsageException("--patients must be at least 1");
    }
    if (m < 1 || m > 24) {
      throw new UsageException("--months must be from 1 to 24");
    }
    Path out;
    try {
      out = Path.of(outDir.get());
    } catch (InvalidPathException e) {
      throw new UsageException("--out '" + outDir.get() + "' is not a valid path");
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new UsageException("--out " + outDir.get() + " exists and is not a directory");
    }
    return Optional.of(new GenerateArgs(new PracticeGenerator.Options(n, m, s, last), out));
  }

  private static int parseInt(String text, String name) throws UsageException {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new UsageException(name + " '" + text + "' is not a whole number");
    }
  }

  /**
   * Parses month-end's options.
   *
   * @return the options, or empty when help was asked for
   * @throws UsageException for an unusable argument
   */
  static Optional<MonthEnd.Options> parse(List<String> args) throws UsageException {
    Optional<String> month = Optional.empty();
    String zone = "America/New_York";
    Optional<String> asOf = Optional.empty();
    String outDir = "ccm-out";
    boolean quiet = false;
    boolean fastReader = true;
    int partitions = 0;
    int partitionMb = MonthEnd.Partitioning.DEFAULT_PARTITION_MB;
    List<String> inputs = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      String name = a;
      Optional<String> inline = Optional.empty();
      if (a.startsWith("--") && a.contains("=")) {
        name = a.substring(0, a.indexOf('='));
        inline = Optional.of(a.substring(a.indexOf('=') + 1));
      }
      switch (name) {
        case "-h", "--help" -> {
          return Optional.empty();
        }
        case "-q", "--quiet" -> quiet = true;
        case "--hapi-reader" -> fastReader = false;
        case "--partitions" -> {
          partitions =
              number(value(args, i, inline, name), name, 1, MonthEnd.Partitioning.MAX_PARTITIONS);
          i += inline.isPresent() ? 0 : 1;
        }
        case "--partition-mb" -> {
          partitionMb = number(value(args, i, inline, name), name, 1, 1 << 20);
          i += inline.isPresent() ? 0 : 1;
        }
        case "--month" -> {
          month = Optional.of(value(args, i, inline, name));
          i += inline.isPresent() ? 0 : 1;
        }
        case "--zone" -> {
          zone = value(args, i, inline, name);
          i += inline.isPresent() ? 0 : 1;
        }
        case "--as-of" -> {
          asOf = Optional.of(value(args, i, inline, name));
          i += inline.isPresent() ? 0 : 1;
        }
        case "--out" -> {
          outDir = value(args, i, inline, name);
          i += inline.isPresent() ? 0 : 1;
        }
        case "--in" -> {
          if (inline.isPresent()) {
            inputs.add(inline.get());
          } else {
            int before = inputs.size();
            while (i + 1 < args.size() && !args.get(i + 1).startsWith("-")) {
              inputs.add(args.get(++i));
            }
            if (inputs.size() == before) {
              throw new UsageException("--in needs a file or directory");
            }
          }
        }
        default ->
            throw new UsageException(
                a.startsWith("-")
                    ? "unknown option '" + a + "'"
                    : "unexpected argument '" + a + "'");
      }
    }
    ZoneId z;
    try {
      z = ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new UsageException(
          "--zone '" + zone + "' is not a time-zone id such as America/Chicago");
    }
    YearMonth m;
    if (month.isPresent()) {
      try {
        m = YearMonth.parse(month.get());
      } catch (DateTimeParseException e) {
        throw new UsageException("--month '" + month.get() + "' is not a month such as 2026-03");
      }
    } else if (inputs.isEmpty()) {
      m = SamplePractice.LAST_MONTH;
    } else {
      throw new UsageException("--month YYYY-MM is required with --in");
    }
    LocalDate asOfDate = m.atEndOfMonth();
    if (asOf.isPresent()) {
      try {
        asOfDate = LocalDate.parse(asOf.get());
      } catch (DateTimeParseException e) {
        throw new UsageException("--as-of '" + asOf.get() + "' is not a date such as 2026-03-20");
      }
      if (asOfDate.isBefore(m.atDay(1))) {
        throw new UsageException("--as-of " + asOfDate + " is before the month " + m);
      }
    }
    ImmutableList.Builder<Path> paths = ImmutableList.builder();
    for (String in : inputs) {
      Path p;
      try {
        p = Path.of(in);
      } catch (InvalidPathException e) {
        throw new UsageException("--in '" + in + "' is not a valid path");
      }
      if (!Files.exists(p)) {
        throw new UsageException("--in " + in + ": no such file or directory");
      }
      if (!Files.isReadable(p)) {
        throw new UsageException("--in " + in + ": not readable");
      }
      paths.add(p);
    }
    Path out;
    try {
      out = Path.of(outDir);
    } catch (InvalidPathException e) {
      throw new UsageException("--out '" + outDir + "' is not a valid path");
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new UsageException("--out " + outDir + " exists and is not a directory");
    }
    return Optional.of(
        new MonthEnd.Options(
            m,
            z,
            asOfDate,
            paths.build(),
            out,
            quiet,
            fastReader,
            new MonthEnd.Partitioning(partitions, partitionMb, Optional.empty())));
  }

  private static int number(String text, String name, int min, int max) throws UsageException {
    int n;
    try {
      n = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new UsageException(name + " '" + text + "' is not a whole number");
    }
    if (n < min || n > max) {
      throw new UsageException(name + " must be from " + min + " to " + max);
    }
    return n;
  }

  private static String value(List<String> args, int i, Optional<String> inline, String name)
      throws UsageException {
    if (inline.isPresent()) {
      return inline.get();
    }
    if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
      throw new UsageException(name + " needs a value");
    }
    return args.get(i + 1);
  }

  private static void printSummary(MonthEnd.Result r, PrintStream out) {
    var c = r.mapping().counts();
    out.printf(
        Locale.ROOT,
        "ccm month-end %s (%s), as of %s, input: %s%n",
        r.options().month(),
        r.options().zone(),
        r.options().asOf(),
        r.inputName());
    out.printf(
        Locale.ROOT,
        "  resources  %d read = %d used + %d ignored + %d rejected%n",
        c.read(),
        c.used(),
        c.ignored(),
        c.rejected());
    out.printf(
        Locale.ROOT,
        "  patients   %d evaluated, %d enrolled, %d billable%n",
        r.rows().size(),
        r.enrolled(),
        r.billable());
    out.printf(
        Locale.ROOT,
        "  claims     %d claims, %d lines, %s allowed, patient share %s to %s; %d blocked%n",
        r.claims(),
        r.lines(),
        Report.money(r.allowed()),
        Report.money(r.shareLow()),
        Report.money(r.shareHigh()),
        r.blockedCount());
    StringBuilder sev = new StringBuilder();
    for (Map.Entry<AlertSeverity, Integer> e : r.alertsBySeverity().entrySet()) {
      sev.append(sev.length() == 0 ? "" : ", ")
          .append(e.getKey().fhirCode())
          .append(' ')
          .append(e.getValue());
    }
    out.printf(Locale.ROOT, "  alerts     %d (%s)%n", r.totalAlerts(), sev);
    out.printf(Locale.ROOT, "  outcomes   %d OperationOutcomes%n", r.outcomes());
    out.printf(
        Locale.ROOT,
        "  report     %s%n",
        r.options().out().resolve("report.html").toAbsolutePath());
  }

  private static int eligible(List<String> args, PrintStream out, PrintStream err) {
    Eligible.Options options;
    try {
      Optional<Eligible.Options> parsed = parseEligible(args);
      if (parsed.isEmpty()) {
        out.print(ELIGIBLE_HELP);
        return OK;
      }
      options = parsed.get();
    } catch (UsageException e) {
      return usage(err, e.getMessage() + " (java -jar ccm.jar eligible --help)");
    }
    Eligible.Result r;
    try {
      r = Eligible.run(options, err);
    } catch (IOException | UncheckedIOException | CcmException e) {
      return failed(e, options.out(), "--as-of " + options.asOf(), err);
    }
    var c = r.mapping().counts();
    out.printf(
        Locale.ROOT,
        "ccm eligible as of %s (%s), input: %s%n",
        options.asOf(),
        options.zone(),
        r.inputName());
    out.printf(
        Locale.ROOT,
        "  resources   %d read = %d used + %d ignored + %d rejected%n",
        c.read(),
        c.used(),
        c.ignored(),
        c.rejected());
    out.printf(
        Locale.ROOT,
        "  patients    %d screened, %d candidates%n",
        r.screenings().size(),
        r.ranked().size());
    StringBuilder by = new StringBuilder();
    r.byStatus()
        .forEach(
            (s, n) ->
                by.append(by.length() == 0 ? "" : ", ")
                    .append(s.name().toLowerCase(Locale.ROOT))
                    .append(' ')
                    .append(n));
    out.printf(Locale.ROOT, "  by status   %s%n", by);
    out.printf(Locale.ROOT, "  outcomes    %d OperationOutcomes%n", r.outcomes());
    out.printf(
        Locale.ROOT, "  report      %s%n", options.out().resolve("report.html").toAbsolutePath());
    return OK;
  }

  /**
   * Parses eligible's options.
   *
   * @return the options, or empty when help was asked for
   * @throws UsageException for an unusable argument
   */
  static Optional<Eligible.Options> parseEligible(List<String> args) throws UsageException {
    List<String> rest = new ArrayList<>();
    Optional<String> asOf = Optional.empty();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--as-of") || a.startsWith("--as-of=")) {
        Optional<String> inline =
            a.contains("=") ? Optional.of(a.substring(a.indexOf('=') + 1)) : Optional.empty();
        asOf = Optional.of(value(args, i, inline, "--as-of"));
        i += inline.isPresent() ? 0 : 1;
      } else if (a.equals("--month") || a.startsWith("--month=")) {
        throw new UsageException("unknown option '" + a + "'");
      } else {
        rest.add(a);
      }
    }
    // The shared options (--zone, --in, --out, --quiet, --help) parse as for month-end; the
    // month is a placeholder that keeps month-end's own checks out of the way.
    List<String> shared = new ArrayList<>(rest);
    shared.add("--month");
    shared.add("2000-01");
    Optional<MonthEnd.Options> common = parse(shared);
    if (common.isEmpty()) {
      return Optional.empty();
    }
    MonthEnd.Options m = common.get();
    LocalDate date;
    if (asOf.isPresent()) {
      try {
        date = LocalDate.parse(asOf.get());
      } catch (DateTimeParseException e) {
        throw new UsageException("--as-of '" + asOf.get() + "' is not a date such as 2026-03-31");
      }
    } else if (m.inputs().isEmpty()) {
      date = SamplePractice.LAST_MONTH.atEndOfMonth();
    } else {
      throw new UsageException("--as-of YYYY-MM-DD is required with --in");
    }
    Path out =
        rest.stream().anyMatch(a -> a.equals("--out") || a.startsWith("--out="))
            ? m.out()
            : Path.of("ccm-eligible");
    return Optional.of(new Eligible.Options(date, m.zone(), m.inputs(), out, m.quiet()));
  }
}
