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
 * practice's zone and counts the whole minutes from its start (its partial last minute is dropped,
 * so the seconds of separate entries never add up to a minute); overlapping entries by the same
 * person count once, also when the person logged them in two roles (such a minute counts in the
 * role that comes first in {@link StaffRole} order); time by people whose role never counts, before
 * consent, outside the enrollment with the billing practitioner or after death does not count; a
 * minute one person tagged to two programs counts for neither. Every excluded entry appears as
 * EXCLUDED evidence with its reason.
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
    return compute(q, ctx, Optional.empty());
  }

  /**
   * Accrues; {@code known} is consent already evaluated for {@code q} and {@code ctx}, used instead
   * of evaluating it again.
   */
  AccruedTime compute(CareQuery q, EvaluationContext ctx, Optional<ConsentResult> known) {
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
              d.outcome(Outcome.INDETERMINATE).addReason(Queries.ambiguousPractitioner()).build())
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
            ? Optional.of(known.orElseGet(() -> consent.compute(q, ctx)))
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
      Instant countedEnd = e.start().plus(Duration.ofMinutes(e.wholeMinutes()));
      List<Piece> left = subtract(e, e.start(), countedEnd, spans(conflicts));
      if (conflicts.isEmpty() && countedEnd.equals(e.start())) {
        left.add(new Piece(e, e.start(), countedEnd)); // a zero-minute entry still shows as counted
      }
      long keptSeconds = left.stream().mapToLong(pc -> seconds(pc.start(), pc.end())).sum();
      int lostMinutes = (int) ((seconds(e.start(), countedEnd) - keptSeconds) / 60);
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

    // 3. Merge each person's pieces; overlapping time counts once. A minute the person logged in
    //    two roles counts once too, in the role that comes first in StaffRole order.
    Map<String, List<Piece>> byPerson = new TreeMap<>();
    for (Piece pc : pieces) {
      byPerson.computeIfAbsent(pc.entry().performer().id(), k -> new ArrayList<>()).add(pc);
    }
    List<CountedBlock> blocks = new ArrayList<>();
    ImmutableSortedSet.Builder<SourceRef> overlapping = ImmutableSortedSet.naturalOrder();
    for (List<Piece> personPieces : byPerson.values()) {
      List<Span> taken = new ArrayList<>();
      for (StaffRole role : StaffRole.values()) {
        List<Piece> list = new ArrayList<>();
        for (Piece pc : personPieces) {
          if (pc.entry().performerRole() == role) {
            List<Piece> left = cutOut(pc, taken);
            if (!left.equals(List.of(pc))) {
              overlapping.add(pc.entry().source());
            }
            list.addAll(left);
          }
        }
        for (CountedBlock b : merge(list, month, overlapping)) {
          blocks.add(b);
          taken.add(new Span(b.start(), b.end()));
        }
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

  /** A half-open stretch of time. */
  private record Span(Instant start, Instant end) {}

  private static List<Span> spans(List<TimeEntry> entries) {
    return entries.stream().map(o -> new Span(o.start(), o.end())).toList();
  }

  /** The parts of {@code [start, end)} of entry {@code e} not covered by any of {@code spans}. */
  private static List<Piece> subtract(TimeEntry e, Instant start, Instant end, List<Span> spans) {
    List<Span> sorted = new ArrayList<>(spans);
    sorted.sort(Comparator.comparing(Span::start));
    List<Piece> out = new ArrayList<>();
    Instant cursor = start;
    for (Span c : sorted) {
      if (!cursor.isBefore(end)) {
        break;
      }
      if (c.start().isAfter(cursor)) {
        Instant to = c.start().isBefore(end) ? c.start() : end;
        if (to.isAfter(cursor)) {
          out.add(new Piece(e, cursor, to));
        }
      }
      if (c.end().isAfter(cursor)) {
        cursor = c.end();
      }
    }
    if (cursor.isBefore(end)) {
      out.add(new Piece(e, cursor, end));
    }
    return out;
  }

  /**
   * The parts of {@code pc} not covered by {@code taken}; a zero-length piece stays if uncovered.
   */
  private static List<Piece> cutOut(Piece pc, List<Span> taken) {
    if (pc.start().equals(pc.end())) {
      boolean covered =
          taken.stream()
              .anyMatch(t -> !t.start().isAfter(pc.start()) && t.end().isAfter(pc.start()));
      return covered ? List.of() : List.of(pc);
    }
    return subtract(pc.entry(), pc.start(), pc.end(), taken);
  }

  /**
   * Merges one person's pieces in one role into blocks; overlapping time counts once. A block is
   * dated on the day its earliest entry started: a piece may start later than its entry (when the
   * entry's first minutes were tagged to another program too), even after midnight of the month's
   * last day, yet its minutes belong to the day and month the entry started in.
   */
  private static List<CountedBlock> merge(
      List<Piece> list, ServiceMonth month, ImmutableSortedSet.Builder<SourceRef> overlapping) {
    List<CountedBlock> blocks = new ArrayList<>();
    if (list.isEmpty()) {
      return blocks;
    }
    list.sort(
        Comparator.comparing(Piece::start)
            .thenComparing(Piece::end)
            .thenComparing(pc -> pc.entry().source()));
    Piece first = list.get(0);
    Instant s = first.start();
    Instant end = first.end();
    Instant entryStart = first.entry().start();
    ImmutableSortedSet.Builder<SourceRef> sources = ImmutableSortedSet.naturalOrder();
    sources.add(first.entry().source());
    for (int i = 1; i < list.size(); i++) {
      Piece pc = list.get(i);
      if (!pc.start().isAfter(end)) {
        if (pc.start().isBefore(end) && !pc.entry().equals(list.get(i - 1).entry())) {
          overlapping.add(pc.entry().source());
        }
        if (pc.end().isAfter(end)) {
          end = pc.end();
        }
        if (pc.entry().start().isBefore(entryStart)) {
          entryStart = pc.entry().start();
        }
        sources.add(pc.entry().source());
      } else {
        blocks.add(block(first.entry(), s, end, month.localDate(entryStart), sources.build()));
        s = pc.start();
        end = pc.end();
        entryStart = pc.entry().start();
        sources = ImmutableSortedSet.naturalOrder();
        sources.add(pc.entry().source());
      }
    }
    blocks.add(block(first.entry(), s, end, month.localDate(entryStart), sources.build()));
    return blocks;
  }

  private static CountedBlock block(
      TimeEntry first,
      Instant start,
      Instant end,
      LocalDate date,
      ImmutableSortedSet<SourceRef> sources) {
    return ImmutableCountedBlock.builder()
        .performer(first.performer())
        .role(first.performerRole())
        .start(start)
        .end(end)
        .date(date)
        .minutes((int) Duration.between(start, end).toMinutes())
        .sources(sources)
        .build();
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
