package org.ccmkit.benchmarks;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ccmkit.billing.BillingEngine;
import org.ccmkit.billing.BillingResult;
import org.ccmkit.billing.CcmBillingRules;
import org.ccmkit.billing.ExternalLine;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.rule.EvaluationContext;
import org.ccmkit.core.rules.CareQuery;
import org.ccmkit.core.rules.CoreRules;
import org.ccmkit.fhir.r4.MappingOptions;
import org.ccmkit.fhir.r4.MappingResult;
import org.ccmkit.fhir.r4.R4Mapper;
import org.ccmkit.rpm.AlertQuery;
import org.ccmkit.rpm.RpmBilling;
import org.ccmkit.rpm.RpmCodeLine;
import org.ccmkit.rpm.RpmQuery;
import org.ccmkit.rpm.RpmRules;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One patient-month evaluated from in-memory domain objects, as the month-end does for each
 * enrolled patient: minutes accrued per timed program (eligibility, consent, initiating visit and
 * time accrual), RPM device days and codes, the billing engine, and RPM alerts. The patients are
 * the enrolled ones of a generated practice, taken in turn; {@code rpm} picks the RPM patients only
 * (the heaviest: a month of readings each).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PatientMonthBenchmark {
  private static final YearMonth MONTH = YearMonth.of(2026, 3);
  private static final ZoneId ZONE = ZoneId.of("America/New_York");

  @Param(Practices.DEFAULT)
  public String practice = Practices.DEFAULT;

  @Param({"enrolled", "rpm"})
  public String patients = "enrolled";

  private final CoreRules core = CoreRules.standard();
  private final BillingEngine billing = CcmBillingRules.standard();
  private final RpmRules rpm = RpmRules.standard();
  private final EvaluationContext ctx = EvaluationContext.of(MONTH.atEndOfMonth(), ZONE);
  private MappingResult mapping = MappingResult.builder().counts(emptyCounts()).build();
  private List<PatientRecord> records = List.of();
  private int next;

  private static org.ccmkit.fhir.r4.MappingCounts emptyCounts() {
    return org.ccmkit.fhir.r4.MappingCounts.of(0, 0, 0, 0);
  }

  @Setup
  public void setUp() {
    mapping =
        R4Mapper.create(MappingOptions.builder().zone(ZONE).build())
            .map(Practices.require(practice));
    DateRange days = DateRange.ofClosed(MONTH.atDay(1), MONTH.atEndOfMonth());
    List<PatientRecord> picked = new ArrayList<>();
    for (PatientRecord r : mapping.records()) {
      boolean enrolled =
          r.enrollments().stream().anyMatch(e -> e.period().intersect(days).isPresent());
      boolean isRpm = r.enrollments().stream().anyMatch(e -> e.program() == CareProgram.RPM);
      if (enrolled && (patients.equals("enrolled") || isRpm)) {
        picked.add(r);
      }
      if (picked.size() == 1024) {
        break;
      }
    }
    if (picked.isEmpty()) {
      throw new IllegalStateException("no " + patients + " patients in " + practice);
    }
    records = picked;
  }

  @Benchmark
  public void patientMonth(Blackhole bh) {
    PatientRecord record = records.get(next++ % records.size());
    evaluate(record, bh);
  }

  /** The month-end's per-patient work (examples' MonthEnd.evaluate), without its bookkeeping. */
  private void evaluate(PatientRecord record, Blackhole bh) {
    LocalDate end = MONTH.atEndOfMonth();
    DateRange days = DateRange.ofClosed(MONTH.atDay(1), end);
    List<ExternalLine> external = new ArrayList<>();
    boolean isRpm = false;
    for (var e : record.enrollments()) {
      if (e.period().intersect(days).isEmpty()) {
        continue;
      }
      if (e.program() == CareProgram.CCM || e.program() == CareProgram.PCM) {
        bh.consume(core.accrue(CareQuery.of(record, e.program(), MONTH), ctx).totalMinutes());
      }
      isRpm |= e.program() == CareProgram.RPM;
    }
    if (isRpm) {
      RpmBilling r = rpm.computeBilling(RpmQuery.of(record, MONTH), ctx);
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
    }
    BillingResult result =
        billing.evaluate(
            mapping.billingInput(record.ref(), MONTH).addAllExternalLines(external).build(), ctx);
    bh.consume(result);
    if (!record.readings().isEmpty()) {
      bh.consume(rpm.computeAlerts(AlertQuery.of(record), ctx));
    }
  }
}
