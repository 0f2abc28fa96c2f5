package org.ccmkit.core.rules;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.model.Enrollment;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.model.ServiceMonth;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.core.model.StaffRole;
import org.ccmkit.core.model.TimeEntry;
import org.ccmkit.core.params.CoreParameters;
import org.ccmkit.core.params.ParameterCatalog;
import org.ccmkit.core.params.TimeAccrualParameters;
import org.ccmkit.core.rule.Decision;
import org.ccmkit.core.rule.EvaluationContext;
import org.ccmkit.core.rule.Evidence;
import org.ccmkit.core.rule.ImmutableDecision;
import org.ccmkit.core.rule.Outcome;
import org.ccmkit.core.rule.Reason;
import org.ccmkit.core.rule.Rule;

/**
 * Time accrual for one patient, program and service month (rules reference §1.2, §13, CONC-T03):
 * whole minutes per role, where an entry belongs to the month and day in which it starts in the
 * practice's zone; overlapping entries by the same person count once; time by people whose role
 * never counts, before consent, outside the enrollment with the billing practitioner or after death
 * does not count; a minute one person tagged to two programs counts for neither. Every excluded
 * entry appears as EXCLUDED evidence with its reason.
 */
final class TimeAccrualRule implements Rule<CareQuery> {
  static final String NAME = "core.time-accrual";

  private final ParameterCatalog<CoreParameters> parameters;
  private final ConsentRule consent;

  TimeAccrualRule(ParameterCatalog<CoreParameters> parameters, ConsentRule consent) {
    this.parameters = parameters;
    this.consent = consent;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Decision evaluate(CareQuery q, EvaluationContext ctx) {
    return compute(q, ctx).decision();
  }

  /** One candidate stretch of an entry: part of it, after conflicting minutes are cut out. */
  private record Piece(TimeEntry entry, Instant start, Instant end) {}

  AccruedTime compute(CareQuery q, EvaluationContext ctx) {
    CoreParameters p = parameters.forDate(ctx.asOf());
    TimeAccrualParameters tp = p.timeAccrual();
    ImmutableDecision.Builder d = Queries.decision(NAME, p.version(), q, ctx);
    ImmutableAccruedTime.Builder result = ImmutableAccruedTime.builder();
    ServiceMonth month = Queries.month(q, ctx);
    PatientRecord record = q.record();

    List<TimeEntry> inMonth = new ArrayList<>();
    for (TimeEntry e : record.timeEntries()) {
      if (e.program() == q.program() && month.contains(e.start())) {
        inMonth.add(e);
      }
    }
    Optional<PractitionerRef> practitioner = Queries.practitioner(q);
    if (practitioner.isEmpty() && Queries.enrolledPractitioners(q).size() > 1) {
      return result
          .decision(
              d.outcome(Outcome.INDETERMINATE)
                  .addReason(
                      Reason.of(
                          CoreReasonCode.BILLING_PRACTITIONER_AMBIGUOUS,
                          "Several practitioners are enrolled; name the billing practitioner"))
                  .build())
          .build();
    }
    List<DateRange> enrolled = new ArrayList<>();
    for (Enrollment en : record.enrollments()) {
      if (en.program() == q.program()
          && practitioner.map(pr -> pr.equals(en.billingPractitioner())).orElse(false)) {
        enrolled.add(en.period());
      }
    }
    Optional<ConsentResult> consented =
        p.consent().required().contains(q.program())
            ? Optional.of(consent.compute(q, ctx))
            : Optional.empty();

    // 1. Entry-level exclusions.
    List<TimeEntry> candidates = new ArrayList<>();
    for (TimeEntry e : inMonth) {
      LocalDate day = month.localDate(e.start());
      Optional<CoreReasonCode> why = exclusion(e, day, tp, record, enrolled, consented);
      if (why.isPresent()) {
        d.addEvidence(Evidence.excluded(e.source(), path(why.get()), describe(e), why.get()));
      } else {
        candidates.add(e);
      }
    }

    // 2. Minutes one person tagged to another program as well count for neither.
    List<Piece> pieces = new ArrayList<>();
    int conflictMinutesTotal = 0;
    for (TimeEntry e : candidates) {
      List<TimeEntry> conflicts =
          tp.rejectMinutesTaggedToTwoPrograms() ? conflictsOf(e, record, tp) : ImmutableList.of();
      List<Piece> left = subtract(e, conflicts);
      long keptSeconds = left.stream().mapToLong(pc -> seconds(pc.start(), pc.end())).sum();
      int lostMinutes = (int) ((seconds(e.start(), e.end()) - keptSeconds) / 60);
      if (!conflicts.isEmpty()) {
        conflictMinutesTotal += lostMinutes;
        for (TimeEntry other : conflicts) {
          d.addEvidence(
              Evidence.builder()
                  .from(
                      Evidence.context(
                          other.source(), "Procedure.category", other.program().name()))
                  .reason(CoreReasonCode.MINUTES_TAGGED_TO_TWO_PROGRAMS.name())
                  .build());
        }
      }
      if (left.isEmpty()) {
        d.addEvidence(
            Evidence.excluded(
                e.source(),
                "Procedure.performedPeriod",
                describe(e),
                CoreReasonCode.MINUTES_TAGGED_TO_TWO_PROGRAMS));
        continue;
      }
      d.addEvidence(
          Evidence.counted(
              e.source(),
              "Procedure.performedPeriod",
              conflicts.isEmpty()
                  ? describe(e)
                  : describe(e) + ", " + lostMinutes + " min also tagged to another program"));
      pieces.addAll(left);
    }
    if (conflictMinutesTotal > 0 || candidates.stream().anyMatch(e -> hasConflict(e, record, tp))) {
      d.addReason(
          Reason.with(CoreReasonCode.MINUTES_TAGGED_TO_TWO_PROGRAMS)
              .message(
                  "Minutes tagged to two programs by the same person count for neither ("
                      + conflictMinutesTotal
                      + " min)")
              .putDetail("minutes", Integer.toString(conflictMinutesTotal))
              .build());
    }

    // 3. Merge each person's pieces; overlapping time counts once. Where one person's overlapping
    // entries carry different roles, the overlap counts in the role of the entry that started first
    // (ties: the role declared first, PRACTITIONER before CLINICAL_STAFF).
    Map<PractitionerRef, List<Piece>> byPerson = new TreeMap<>();
    for (Piece pc : pieces) {
      byPerson.computeIfAbsent(pc.entry().performer(), k -> new ArrayList<>()).add(pc);
    }
    List<CountedBlock> blocks = new ArrayList<>();
    ImmutableSortedSet.Builder<SourceRef> overlapping = ImmutableSortedSet.naturalOrder();
    for (List<Piece> list : byPerson.values()) {
      list.sort(
          Comparator.comparing(Piece::start)
              .thenComparing(pc -> pc.entry().performerRole())
              .thenComparing(Piece::end)
              .thenComparing(pc -> pc.entry().source()));
      BlockBuilder current = null;
      Instant coveredUntil = Instant.MIN;
      for (Piece pc : list) {
        if (pc.start().isBefore(coveredUntil) && current != null && !current.has(pc.entry())) {
          overlapping.add(pc.entry().source());
        }
        Instant from = pc.start().isAfter(coveredUntil) ? pc.start() : coveredUntil;
        if (!from.isBefore(pc.end())) {
          if (current != null && !pc.end().isAfter(current.end)) {
            current.sources.add(pc.entry().source()); // wholly inside time already counted
          }
          continue;
        }
        StaffRole role = pc.entry().performerRole();
        if (current != null && current.role == role && !from.isAfter(current.end)) {
          current.end = pc.end();
          current.add(pc.entry());
        } else {
          if (current != null) {
            blocks.add(current.build(month));
          }
          current = new BlockBuilder(pc.entry(), from, pc.end());
        }
        coveredUntil = pc.end();
      }
      if (current != null) {
        blocks.add(current.build(month));
      }
    }
    ImmutableSortedSet<SourceRef> overlaps = overlapping.build();
    if (!overlaps.isEmpty()) {
      d.addReason(
          Reason.with(CoreReasonCode.ENTRY_OVERLAPS_SAME_PERFORMER)
              .message("Overlapping time by the same person counts once")
              .putDetail("entries", Integer.toString(overlaps.size()))
              .build());
    }
    blocks.sort(
        Comparator.comparing(CountedBlock::start)
            .thenComparing(b -> b.performer().id())
            .thenComparing(CountedBlock::role));

    Map<StaffRole, Integer> perRole = new EnumMap<>(StaffRole.class);
    for (CountedBlock b : blocks) {
      perRole.merge(b.role(), b.minutes(), Integer::sum);
    }
    int total = perRole.values().stream().mapToInt(Integer::intValue).sum();
    perRole.forEach((role, min) -> d.putDetail("minutes." + role.name(), min.toString()));
    d.putDetail("minutes.total", Integer.toString(total));
    ImmutableSortedSet.Builder<SourceRef> interactive = ImmutableSortedSet.naturalOrder();
    for (Piece pc : pieces) {
      if (pc.entry().interactive()) {
        interactive.add(pc.entry().source());
      }
    }
    ImmutableSortedSet<SourceRef> interactiveEntries = interactive.build();
    d.putDetail("interactiveEntries", Integer.toString(interactiveEntries.size()));
    consented.ifPresent(
        c ->
            d.putDetail(
                "consentedDays",
                c.coveredDays().stream().map(DateRange::toString).toList().toString()));
    if (total > 0) {
      d.outcome(Outcome.MET)
          .addReason(
              Reason.with(CoreReasonCode.TIME_COUNTED)
                  .message(total + " min counted in " + q.month() + " for " + q.program())
                  .putDetail("minutes", Integer.toString(total))
                  .build());
    } else {
      d.outcome(Outcome.NOT_MET)
          .addReason(
              Reason.of(
                  CoreReasonCode.NO_TIME_COUNTED,
                  "No minutes counted in " + q.month() + " for " + q.program()));
    }
    return result.decision(d.build()).blocks(blocks).interactiveEntries(interactiveEntries).build();
  }

  private static Optional<CoreReasonCode> exclusion(
      TimeEntry e,
      LocalDate day,
      TimeAccrualParameters tp,
      PatientRecord record,
      List<DateRange> enrolled,
      Optional<ConsentResult> consented) {
    if (!tp.countedRoles().contains(e.performerRole())) {
      return Optional.of(CoreReasonCode.ENTRY_ROLE_NOT_COUNTED);
    }
    if (!record.patient().isAliveOn(day)) {
      return Optional.of(CoreReasonCode.ENTRY_AFTER_DEATH);
    }
    if (enrolled.stream().noneMatch(r -> r.contains(day))) {
      return Optional.of(CoreReasonCode.ENTRY_OUTSIDE_ENROLLMENT);
    }
    if (consented.isPresent()) {
      ConsentResult c = consented.get();
      if (c.coveredDays().isEmpty()) {
        return Optional.of(CoreReasonCode.ENTRY_WITHOUT_CONSENT);
      }
      if (!c.covers(day)) {
        return Optional.of(
            day.isBefore(c.coveredDays().get(0).start())
                ? CoreReasonCode.ENTRY_BEFORE_CONSENT
                : CoreReasonCode.ENTRY_AFTER_CONSENT_ENDED);
      }
    }
    return Optional.empty();
  }

  /** Entries by the same person for another program that overlap {@code e} in time. */
  private static List<TimeEntry> conflictsOf(
      TimeEntry e, PatientRecord record, TimeAccrualParameters tp) {
    List<TimeEntry> out = new ArrayList<>();
    for (TimeEntry o : record.timeEntries()) {
      if (o.program() != e.program()
          && o.performer().equals(e.performer())
          && tp.countedRoles().contains(o.performerRole())
          && o.start().isBefore(e.end())
          && e.start().isBefore(o.end())) {
        out.add(o);
      }
    }
    return out;
  }

  private static boolean hasConflict(TimeEntry e, PatientRecord record, TimeAccrualParameters tp) {
    return tp.rejectMinutesTaggedToTwoPrograms() && !conflictsOf(e, record, tp).isEmpty();
  }

  /** The parts of {@code e} not covered by any of {@code conflicts}. */
  private static List<Piece> subtract(TimeEntry e, List<TimeEntry> conflicts) {
    List<TimeEntry> sorted = new ArrayList<>(conflicts);
    sorted.sort(Comparator.comparing(TimeEntry::start));
    List<Piece> out = new ArrayList<>();
    Instant cursor = e.start();
    for (TimeEntry c : sorted) {
      if (c.start().isAfter(cursor)) {
        Instant to = c.start().isBefore(e.end()) ? c.start() : e.end();
        if (to.isAfter(cursor)) {
          out.add(new Piece(e, cursor, to));
        }
      }
      if (c.end().isAfter(cursor)) {
        cursor = c.end();
      }
      if (!cursor.isBefore(e.end())) {
        break;
      }
    }
    if (cursor.isBefore(e.end())) {
      out.add(new Piece(e, cursor, e.end()));
    }
    if (conflicts.isEmpty() && e.end().equals(e.start())) {
      out.add(new Piece(e, e.start(), e.end())); // a zero-length entry still appears as counted
    }
    return out;
  }

  /** A counted block being assembled for one person and role. */
  private static final class BlockBuilder {
    final PractitionerRef performer;
    final StaffRole role;
    final Instant start;
    Instant end;
    final java.util.Set<TimeEntry> entries = new java.util.HashSet<>();
    final ImmutableSortedSet.Builder<SourceRef> sources = ImmutableSortedSet.naturalOrder();

    BlockBuilder(TimeEntry first, Instant start, Instant end) {
      this.performer = first.performer();
      this.role = first.performerRole();
      this.start = start;
      this.end = end;
      add(first);
    }

    void add(TimeEntry e) {
      entries.add(e);
      sources.add(e.source());
    }

    boolean has(TimeEntry e) {
      return entries.contains(e);
    }

    CountedBlock build(ServiceMonth month) {
      return ImmutableCountedBlock.builder()
          .performer(performer)
          .role(role)
          .start(start)
          .end(end)
          .date(month.localDate(start))
          .minutes((int) Duration.between(start, end).toMinutes())
          .sources(sources.build())
          .build();
    }
  }

  private static long seconds(Instant a, Instant b) {
    return Duration.between(a, b).toSeconds();
  }

  private static String path(CoreReasonCode why) {
    return why == CoreReasonCode.ENTRY_ROLE_NOT_COUNTED
        ? "Procedure.performer"
        : "Procedure.performedPeriod";
  }

  private static String describe(TimeEntry e) {
    return e.wholeMinutes() + " min " + e.performerRole().name();
  }
}
