package org.ccmkit.examples;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.ccmkit.billing.BillingEngine;
import org.ccmkit.billing.BillingInput;
import org.ccmkit.billing.CcmBillingRules;
import org.ccmkit.billing.PatientShareEstimate;
import org.ccmkit.billing.ShareQuote;
import org.ccmkit.core.json.CcmJson;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.Coverage;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.rule.EvaluationContext;
import org.ccmkit.core.rule.Reason;
import org.ccmkit.core.sweep.CandidateShare;
import org.ccmkit.core.sweep.CandidateStatus;
import org.ccmkit.core.sweep.ConditionFinding;
import org.ccmkit.core.sweep.EligibilitySweep;
import org.ccmkit.core.sweep.Screening;
import org.ccmkit.core.sweep.SweepReasonCode;
import org.ccmkit.fhir.r4.MappingOptions;
import org.ccmkit.fhir.r4.MappingResult;
import org.ccmkit.fhir.r4.MappingSession;
import org.ccmkit.fhir.r4.R4Candidates;
import org.ccmkit.fhir.r4.R4Mapper;
import org.ccmkit.fhir.r4.R4Ndjson;
import org.ccmkit.fhir.r4.R4Outcomes;

/**
 * The eligibility sweep runner ({@code ccm.jar eligible}): reads FHIR R4 input like the month end,
 * screens every patient with {@link EligibilitySweep} and quotes the candidates' monthly patient
 * share for the sweep's quote code (99490) with the billing engine, then writes {@code
 * candidates.json} (a FHIR Group), {@code candidates.ndjson} (the SDK's JSON screening per
 * candidate, in rank order), {@code candidates.csv} (outreach staff), {@code outcomes.ndjson},
 * {@code summary.json} and {@code report.html}. See docs/eligibility-sweep.md.
 *
 * <p>Every output is byte-identical for identical input and options, except {@code summary.json}'s
 * {@code timing} field.
 */
final class Eligible {
  /** The id of the practitioner assumed when a candidate has no office visit on file. */
  static final PractitionerRef UNASSIGNED = PractitionerRef.of("unassigned");

  private Eligible() {}

  /** The options of one run. */
  record Options(
      LocalDate asOf, ZoneId zone, ImmutableList<Path> inputs, Path out, boolean quiet) {}

  /** The result of a run. */
  record Result(
      Options options,
      String inputName,
      MappingResult mapping,
      ImmutableList<Screening> screenings,
      ImmutableList<Screening> ranked,
      String parametersVersion,
      int outcomes,
      long millis) {
    /** Patients per status, every status listed. */
    ImmutableMap<CandidateStatus, Integer> byStatus() {
      Map<CandidateStatus, Integer> m = new EnumMap<>(CandidateStatus.class);
      for (CandidateStatus s : CandidateStatus.values()) {
        m.put(s, 0);
      }
      screenings.forEach(s -> m.merge(s.status(), 1, Integer::sum));
      return ImmutableMap.copyOf(m);
    }
  }

  /**
   * Screens one patient and quotes the share: the per-patient function a streaming reader can call.
   * Immutable and thread-safe.
   */
  static final class Screener {
    private final EligibilitySweep sweep;
    private final BillingEngine billing;
    private final EvaluationContext context;

    Screener(EligibilitySweep sweep, BillingEngine billing, EvaluationContext context) {
      this.sweep = sweep;
      this.billing = billing;
      this.context = context;
    }

    /**
     * Screens a patient; a candidate gets the share quote.
     *
     * @param in the patient's record, the as-of month and what the estimate needs (deductible
     *     remaining, when known)
     * @return the screening
     */
    Screening screen(BillingInput in) {
      Screening s = sweep.screen(in.record(), context);
      if (!s.isCandidate()) {
        return s;
      }
      String code = sweep.parameters().forDate(context.asOf()).quoteCode();
      ShareQuote q = billing.quote(in, code, s.practitioner().orElse(UNASSIGNED), context);
      PatientShareEstimate e = q.estimate();
      String note =
          q.decision().reasons().stream().map(Reason::message).collect(Collectors.joining("; "));
      return s.withShare(
          CandidateShare.builder()
              .code(q.code())
              .basis(e.basis().name())
              .estimated(e.estimated())
              .patientMayBeBilled(e.patientMayBeBilled())
              .allowed(e.totalAllowed())
              .low(e.low())
              .high(e.high())
              .note(note)
              .build());
    }
  }

  /**
   * Runs the sweep.
   *
   * @param o the options
   * @param err where progress goes (unless quiet)
   * @return the result
   * @throws IOException if an output cannot be written
   */
  static Result run(Options o, PrintStream err) throws IOException {
    long started = System.nanoTime();
    R4Mapper mapper = R4Mapper.create(MappingOptions.builder().zone(o.zone()).build());
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
    if (!o.quiet()) {
      err.printf(
          Locale.ROOT,
          "ccm: read %d resources, %d patients%n",
          mapping.counts().read(),
          mapping.records().size());
    }
    EligibilitySweep sweep = EligibilitySweep.standard();
    String version = sweep.parameters().forDate(o.asOf()).version();
    EvaluationContext ctx = EvaluationContext.of(o.asOf(), o.zone());
    Screener screener = new Screener(sweep, CcmBillingRules.standard(), ctx);
    YearMonth month = YearMonth.from(o.asOf());
    List<PatientRecord> records = new ArrayList<>(mapping.records());
    records.sort((a, b) -> a.ref().compareTo(b.ref()));
    List<Screening> screenings = new ArrayList<>();
    for (PatientRecord r : records) {
      screenings.add(screener.screen(mapping.billingInput(r.ref(), month).build()));
    }
    ImmutableList<Screening> ranked = EligibilitySweep.rank(screenings);

    Files.createDirectories(o.out());
    Files.writeString(
        o.out().resolve("candidates.json"),
        R4Ndjson.toLine(R4Candidates.toGroup(ranked, o.asOf())) + "\n",
        UTF_8);
    try (Writer w = Files.newBufferedWriter(o.out().resolve("candidates.ndjson"), UTF_8)) {
      for (Screening s : ranked) {
        w.write(CcmJson.write(s));
        w.write('\n');
      }
    }
    Files.writeString(o.out().resolve("candidates.csv"), csv(ranked), UTF_8);
    int outcomes = 0;
    try (Writer w = Files.newBufferedWriter(o.out().resolve("outcomes.ndjson"), UTF_8)) {
      for (var oo : R4Outcomes.toOperationOutcomes(mapping)) {
        w.write(R4Ndjson.toLine(oo));
        w.write('\n');
        outcomes++;
      }
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    Result result =
        new Result(
            o,
            inputName,
            mapping,
            ImmutableList.copyOf(screenings),
            ranked,
            version,
            outcomes,
            millis);
    Files.writeString(o.out().resolve("summary.json"), summaryJson(result), UTF_8);
    Files.writeString(o.out().resolve("report.html"), EligibleReport.render(result), UTF_8);
    return result;
  }

  /** The CSV header: one row per candidate, in rank order (docs/eligibility-sweep.md). */
  static final ImmutableList<String> CSV_HEADER =
      ImmutableList.of(
          "rank",
          "patient_id",
          "status",
          "program",
          "score",
          "score_components",
          "qualifying_conditions",
          "not_counted",
          "medicare_coverage",
          "share_code",
          "share_low",
          "share_high",
          "share_basis",
          "patient_may_be_billed",
          "initiating_visit_required",
          "practitioner",
          "consent_must_cover");

  /** The outreach CSV (RFC 4180: CRLF line ends, fields quoted when needed). */
  static String csv(List<Screening> ranked) {
    StringBuilder b = new StringBuilder();
    row(b, CSV_HEADER);
    int rank = 0;
    for (Screening s : ranked) {
      rank++;
      List<String> f = new ArrayList<>();
      f.add(Integer.toString(rank));
      f.add(s.patient().id());
      f.add(s.status().label());
      f.add(s.status().program().map(CareProgram::name).orElse(""));
      f.add(Integer.toString(s.score()));
      f.add(components(s));
      f.add(conditions(s, true));
      f.add(conditions(s, false));
      f.add(coverage(s));
      f.add(s.share().map(CandidateShare::code).orElse(""));
      f.add(s.share().filter(CandidateShare::estimated).map(x -> plain(x.low())).orElse(""));
      f.add(s.share().filter(CandidateShare::estimated).map(x -> plain(x.high())).orElse(""));
      f.add(s.share().map(CandidateShare::basis).orElse(""));
      f.add(s.share().map(x -> x.patientMayBeBilled() ? "yes" : "no").orElse(""));
      f.add(s.initiatingVisitRequired() ? "yes" : "no");
      f.add(s.practitioner().map(PractitionerRef::id).orElse(""));
      f.add(s.disclosures().stream().map(d -> d.code()).collect(Collectors.joining("; ")));
      row(b, f);
    }
    return b.toString();
  }

  private static String plain(org.ccmkit.core.model.Money m) {
    return m.amount().toPlainString();
  }

  /** "CHF +20; EMER 2026-03-21 +10; RPM CHF,DIABETES +10". */
  static String components(Screening s) {
    return s.components().stream()
        .map(
            c ->
                (c.code() == SweepReasonCode.RPM_CANDIDATE ? "RPM " : "")
                    + c.detail()
                    + " +"
                    + c.points())
        .collect(Collectors.joining("; "));
  }

  /** Counted: "DIABETES E11.9"; not counted: "J18.9 CONDITION_NOT_CHRONIC". */
  static String conditions(Screening s, boolean counted) {
    return s.conditions().stream()
        .filter(c -> c.counted() == counted)
        .map(c -> counted ? c.group().orElse("") + " " + codes(c) : codes(c) + " " + why(c))
        .collect(Collectors.joining("; "));
  }

  private static String codes(ConditionFinding c) {
    return c.codes().stream().map(x -> x.code()).collect(Collectors.joining("/"));
  }

  private static String why(ConditionFinding c) {
    return c.reason().orElse("") + c.group().map(g -> " (" + g + ")").orElse("");
  }

  /** "none found", or the active coverages: "ORIGINAL_MEDICARE; MEDIGAP G; MEDICAID QMB". */
  static String coverage(Screening s) {
    if (s.coverages().isEmpty()) {
      return "none found";
    }
    return s.coverages().stream().map(Eligible::coverage).collect(Collectors.joining("; "));
  }

  private static String coverage(Coverage c) {
    return c.kind().name() + c.medigapPlan().map(p -> " " + p).orElse("") + (c.qmb() ? " QMB" : "");
  }

  private static void row(StringBuilder b, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append(csvField(fields.get(i)));
    }
    b.append("\r\n");
  }

  /** One RFC 4180 field: quoted when it holds a comma, quote, CR or LF; quotes doubled. */
  static String csvField(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\r') < 0 && s.indexOf('\n') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  static String summaryJson(Result r) throws IOException {
    ObjectMapper m = CcmJson.newMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = m.createObjectNode();
    root.put("asOf", r.options().asOf().toString());
    root.put("zone", r.options().zone().getId());
    root.put("input", r.inputName());
    root.put("sweepParameters", r.parametersVersion());
    MonthEnd.putResourceCounts(root, r.mapping());
    ObjectNode patients = root.putObject("patients");
    patients.put("screened", r.screenings().size());
    patients.put("candidates", r.ranked().size());
    ObjectNode byStatus = patients.putObject("byStatus");
    r.byStatus().forEach((s, n) -> byStatus.put(s.name(), n));
    ObjectNode candidates = root.putObject("candidates");
    candidates.put(
        "initiatingVisitRequired",
        r.ranked().stream().filter(Screening::initiatingVisitRequired).count());
    candidates.put(
        "withMedicareCoverageOnFile",
        r.ranked().stream().filter(s -> !s.coverages().isEmpty()).count());
    candidates.put(
        "rpmCandidates",
        r.ranked().stream()
            .filter(
                s ->
                    s.components().stream()
                        .anyMatch(c -> c.code() == SweepReasonCode.RPM_CANDIDATE))
            .count());
    candidates.put(
        "withRecentAcuteEncounter",
        r.ranked().stream()
            .filter(
                s ->
                    s.components().stream()
                        .anyMatch(c -> c.code() == SweepReasonCode.RECENT_ACUTE_ENCOUNTER))
            .count());
    root.put("outcomes", r.outcomes());
    ObjectNode timing = root.putObject("timing");
    timing.put("millis", r.millis());
    return m.writeValueAsString(root) + "\n";
  }
}
