package org.ccmkit.core.rules;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;
import org.ccmkit.core.model.Code;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.model.Enrollment;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.model.Visit;
import org.ccmkit.core.params.CoreParameters;
import org.ccmkit.core.params.InitiatingVisitParameters;
import org.ccmkit.core.params.ParameterCatalog;
import org.ccmkit.core.rule.Decision;
import org.ccmkit.core.rule.EvaluationContext;
import org.ccmkit.core.rule.Evidence;
import org.ccmkit.core.rule.ImmutableDecision;
import org.ccmkit.core.rule.Outcome;
import org.ccmkit.core.rule.Reason;
import org.ccmkit.core.rule.Rule;

/**
 * The initiating visit (rules reference §4.3): a patient not seen by the billing practitioner in a
 * qualifying visit within the look-back (365 days) before the program starts needs an initiating
 * visit before the program can be billed. A qualifying visit after the start, up to the end of the
 * month, is that initiating visit.
 */
final class InitiatingVisitRule implements Rule<CareQuery> {
  static final String NAME = "core.initiating-visit";

  private final ParameterCatalog<CoreParameters> parameters;

  InitiatingVisitRule(ParameterCatalog<CoreParameters> parameters) {
    this.parameters = parameters;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Decision evaluate(CareQuery q, EvaluationContext ctx) {
    CoreParameters p = parameters.forDate(ctx.asOf());
    InitiatingVisitParameters iv = p.initiatingVisit();
    ImmutableDecision.Builder d = Queries.decision(NAME, p.version(), q, ctx);
    Optional<Integer> lookback = iv.lookbackFor(q.program());
    if (lookback.isEmpty()) {
      return d.outcome(Outcome.MET)
          .addReason(
              Reason.of(
                  CoreReasonCode.INITIATING_VISIT_NOT_APPLICABLE,
                  q.program() + " needs no initiating visit in the parameters"))
          .build();
    }
    Optional<PractitionerRef> practitioner = Queries.practitioner(q);
    LocalDate monthEnd = q.month().atEndOfMonth();
    Optional<Enrollment> enrollment =
        practitioner.flatMap(pr -> currentEnrollment(q, pr, monthEnd));
    if (practitioner.isEmpty() || enrollment.isEmpty()) {
      boolean several = Queries.enrolledPractitioners(q).size() > 1 && practitioner.isEmpty();
      return d.outcome(Outcome.INDETERMINATE)
          .addReason(
              several
                  ? Queries.ambiguousPractitioner()
                  : Reason.of(
                      CoreReasonCode.NOT_ENROLLED,
                      "No enrollment with the billing practitioner starts by " + monthEnd))
          .build();
    }
    PractitionerRef pr = practitioner.get();
    LocalDate start = enrollment.get().period().start();
    LocalDate lastDay = monthEnd.isBefore(ctx.asOf()) ? monthEnd : ctx.asOf();
    if (lastDay.isBefore(start)) {
      lastDay = start;
    }
    DateRange window = DateRange.ofClosed(start.minusDays(lookback.get()), lastDay);
    d.addEvidence(
        Evidence.context(
            enrollment.get().source(), "EpisodeOfCare.period.start", "start " + start));
    d.putDetail("programStart", start.toString())
        .putDetail("lookbackDays", lookback.get().toString());

    Optional<Visit> best = Optional.empty();
    for (Visit v : q.record().visits()) {
      String codes = v.codes().stream().map(Code::code).toList().toString();
      if (!v.finished()) {
        d.addEvidence(
            Evidence.excluded(
                v.source(), "Encounter.status", codes, CoreReasonCode.VISIT_NOT_FINISHED));
      } else if (!v.practitioners().contains(pr)) {
        d.addEvidence(
            Evidence.excluded(
                v.source(),
                "Encounter.participant",
                codes,
                CoreReasonCode.VISIT_WITH_OTHER_PRACTITIONER));
      } else if (v.codes().stream().noneMatch(c -> iv.qualifyingCodes().contains(c.code()))) {
        d.addEvidence(
            Evidence.excluded(
                v.source(), "Encounter.type", codes, CoreReasonCode.VISIT_NOT_QUALIFYING));
      } else if (!window.contains(v.date())) {
        d.addEvidence(
            Evidence.excluded(
                v.source(),
                "Encounter.period",
                codes + " on " + v.date(),
                CoreReasonCode.VISIT_OUTSIDE_LOOKBACK));
      } else if (best.isEmpty()
          || Comparator.comparing(Visit::date).thenComparing(Visit::source).compare(v, best.get())
              > 0) {
        best = Optional.of(v);
      }
    }
    if (best.isEmpty()) {
      return d.outcome(Outcome.NOT_MET)
          .addReason(
              Reason.of(
                  CoreReasonCode.INITIATING_VISIT_REQUIRED,
                  "Not seen by the billing practitioner in a qualifying visit within "
                      + lookback.get()
                      + " days before "
                      + start
                      + ": an initiating visit is required"))
          .build();
    }
    Visit v = best.get();
    d.addEvidence(
        Evidence.counted(
            v.source(),
            "Encounter.type",
            v.codes().stream().map(Code::code).toList() + " on " + v.date()));
    return d.outcome(Outcome.MET)
        .putDetail("visitDate", v.date().toString())
        .addReason(
            Reason.of(
                CoreReasonCode.INITIATING_VISIT_SATISFIED,
                "Qualifying visit with the billing practitioner on " + v.date()))
        .build();
  }

  /** The latest enrollment with the practitioner that starts by the month's end. */
  private static Optional<Enrollment> currentEnrollment(
      CareQuery q, PractitionerRef pr, LocalDate monthEnd) {
    return q.record().enrollments().stream()
        .filter(e -> e.program() == q.program() && e.billingPractitioner().equals(pr))
        .filter(e -> !e.period().start().isAfter(monthEnd))
        .max(
            Comparator.comparing((Enrollment e) -> e.period().start())
                .thenComparing(Enrollment::source));
  }
}
