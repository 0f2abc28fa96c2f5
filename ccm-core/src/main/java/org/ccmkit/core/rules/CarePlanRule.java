package org.ccmkit.core.rules;

import com.google.common.collect.ImmutableSortedSet;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.ccmkit.core.model.CarePlanElement;
import org.ccmkit.core.model.CarePlanRecord;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.model.ElementState;
import org.ccmkit.core.model.ElementStatus;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.core.params.CarePlanParameters;
import org.ccmkit.core.params.CoreParameters;
import org.ccmkit.core.params.ParameterCatalog;
import org.ccmkit.core.rule.Decision;
import org.ccmkit.core.rule.EvaluationContext;
import org.ccmkit.core.rule.Evidence;
import org.ccmkit.core.rule.ImmutableDecision;
import org.ccmkit.core.rule.ImmutableReason;
import org.ccmkit.core.rule.Outcome;
import org.ccmkit.core.rule.Reason;
import org.ccmkit.core.rule.Rule;
import org.ccmkit.core.rule.Severity;

/**
 * The comprehensive care plan for one program and month (rules reference §6; PLAN-T01, PLAN-T02): a
 * plan in effect in the month (a counted status and a period touching the month) that carries every
 * required element (present or explicitly not applicable), whose review is not overdue at the end
 * of the month (or on the context's date, if earlier), and of which a copy went to the patient or
 * caregiver. Each finding has the configured severity: with {@code WARNING} (the default) the
 * outcome is MET with warnings; with {@code ERROR} it is NOT_MET. When several plans are in effect,
 * the one starting latest (then by source) is checked.
 */
final class CarePlanRule implements Rule<CareQuery> {
  static final String NAME = "core.care-plan";

  private final ParameterCatalog<CoreParameters> parameters;

  CarePlanRule(ParameterCatalog<CoreParameters> parameters) {
    this.parameters = parameters;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Decision evaluate(CareQuery q, EvaluationContext ctx) {
    CoreParameters p = parameters.forDate(ctx.asOf());
    CarePlanParameters cp = p.carePlan();
    ImmutableDecision.Builder d = Queries.decision(NAME, p.version(), q, ctx);
    ImmutableSortedSet<CarePlanElement> required = cp.requiredFor(q.program());
    if (required.isEmpty()) {
      return d.outcome(Outcome.MET)
          .addReason(
              Reason.of(
                  CoreReasonCode.CARE_PLAN_NOT_REQUIRED,
                  q.program() + " needs no care plan in the parameters"))
          .build();
    }
    YearMonth month = q.month();
    DateRange days = DateRange.ofClosed(month.atDay(1), month.atEndOfMonth());
    List<CarePlanRecord> inEffect = new ArrayList<>();
    for (CarePlanRecord plan : q.record().carePlans()) {
      if (cp.countedStatuses().contains(plan.status())
          && plan.period().intersect(days).isPresent()) {
        inEffect.add(plan);
      } else {
        d.addEvidence(
            Evidence.excluded(
                plan.source(),
                "CarePlan.status",
                plan.status().name().toLowerCase(Locale.ROOT) + " " + plan.period(),
                CoreReasonCode.CARE_PLAN_NOT_IN_EFFECT));
      }
    }
    List<Reason> findings = new ArrayList<>();
    if (inEffect.isEmpty()) {
      findings.add(
          finding(CoreReasonCode.CARE_PLAN_MISSING, cp)
              .message("No care plan is in effect in " + month)
              .build());
      return conclude(d, findings);
    }
    // Latest start first; ties by source (the record's order).
    CarePlanRecord plan =
        inEffect.stream()
            .max(
                Comparator.comparing((CarePlanRecord c) -> c.period().start())
                    .thenComparing(CarePlanRecord::source, Comparator.reverseOrder()))
            .orElseThrow();
    for (CarePlanRecord other : inEffect) {
      if (!other.equals(plan)) {
        d.addEvidence(
            Evidence.excluded(
                other.source(),
                "CarePlan.period",
                "superseded by " + plan.source(),
                CoreReasonCode.CARE_PLAN_SUPERSEDED));
      }
    }
    d.addEvidence(
        Evidence.counted(
            plan.source(),
            "CarePlan.period",
            plan.status().name().toLowerCase(Locale.ROOT) + " " + plan.period()));

    // Elements.
    List<CarePlanElement> missing = new ArrayList<>();
    for (CarePlanElement e : required) {
      ElementState s = plan.element(e);
      if (s.status() == ElementStatus.MISSING) {
        missing.add(e);
        continue;
      }
      String value = e.code() + (s.status() == ElementStatus.NOT_APPLICABLE ? " n/a" : "");
      if (s.sources().isEmpty()) {
        d.addEvidence(Evidence.counted(plan.source(), "CarePlan.element." + e.code(), value));
      }
      for (SourceRef src : s.sources()) {
        d.addEvidence(Evidence.counted(src, "CarePlan.element." + e.code(), value));
      }
    }
    if (!missing.isEmpty()) {
      String codes = missing.stream().map(CarePlanElement::code).collect(Collectors.joining(","));
      findings.add(
          finding(CoreReasonCode.CARE_PLAN_INCOMPLETE, cp)
              .message(
                  "The care plan lacks "
                      + missing.size()
                      + " of "
                      + required.size()
                      + " required elements: "
                      + codes)
              .putDetail("missing", codes)
              .putDetail("carePlan", plan.source().toString())
              .build());
    }

    // Review.
    LocalDate due = reviewDue(plan, cp);
    LocalDate checkedOn =
        ctx.asOf().isBefore(days.endInclusive().orElseThrow())
            ? ctx.asOf()
            : days.endInclusive().orElseThrow();
    d.putDetail("carePlan.reviewDue", due.toString());
    if (due.isBefore(checkedOn)) {
      findings.add(
          finding(CoreReasonCode.CARE_PLAN_REVIEW_OVERDUE, cp)
              .message("The care plan's review was due on " + due + " and is not recorded")
              .putDetail("reviewDue", due.toString())
              .putDetail("carePlan", plan.source().toString())
              .build());
    }

    // Copy to the patient or caregiver.
    if (cp.copyToPatientRequired() && plan.sharedWithPatient().isEmpty()) {
      findings.add(
          finding(CoreReasonCode.CARE_PLAN_NOT_SHARED, cp)
              .message("No record shows that a copy of the care plan went to the patient")
              .putDetail("carePlan", plan.source().toString())
              .build());
    }
    plan.sharedWithPatient()
        .ifPresent(
            s ->
                d.addEvidence(
                    Evidence.counted(plan.source(), "CarePlan.sharedWithPatient", s.toString())));
    if (findings.isEmpty()) {
      d.addReason(
          Reason.of(
              CoreReasonCode.CARE_PLAN_IN_PLACE,
              "The care plan carries every required element and is up to date"));
    }
    return conclude(d, findings);
  }

  /**
   * The date the next review falls due: the scheduled date if it is after the last review,
   * otherwise the interval after the last review (else creation, else start).
   */
  static LocalDate reviewDue(CarePlanRecord plan, CarePlanParameters cp) {
    LocalDate base = plan.lastReviewed().or(plan::created).orElse(plan.period().start());
    Optional<LocalDate> scheduled = plan.nextReview();
    if (scheduled.isPresent()
        && (plan.lastReviewed().isEmpty() || scheduled.get().isAfter(plan.lastReviewed().get()))) {
      return scheduled.get();
    }
    return base.plusMonths(cp.reviewIntervalMonths());
  }

  private static ImmutableReason.Builder finding(CoreReasonCode code, CarePlanParameters cp) {
    return Reason.with(code).severity(cp.severity());
  }

  private static Decision conclude(ImmutableDecision.Builder d, List<Reason> findings) {
    boolean blocking = findings.stream().anyMatch(r -> r.severity() == Severity.ERROR);
    return d.addAllReasons(findings).outcome(blocking ? Outcome.NOT_MET : Outcome.MET).build();
  }
}
