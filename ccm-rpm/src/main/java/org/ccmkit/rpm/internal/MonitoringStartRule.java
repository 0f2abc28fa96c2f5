package org.ccmkit.rpm.internal;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedSet;
import java.util.Optional;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.core.model.Visit;
import org.ccmkit.core.params.ParameterCatalog;
import org.ccmkit.core.rule.Decision;
import org.ccmkit.core.rule.EvaluationContext;
import org.ccmkit.core.rule.Evidence;
import org.ccmkit.core.rule.ImmutableDecision;
import org.ccmkit.core.rule.Outcome;
import org.ccmkit.core.rule.Reason;
import org.ccmkit.core.rule.Rule;
import org.ccmkit.rpm.EnrollmentParameters;
import org.ccmkit.rpm.MonitoringStart;
import org.ccmkit.rpm.RpmParameters;
import org.ccmkit.rpm.RpmReasonCode;

/**
 * Whether remote monitoring may start ({@code rpm.enrollment}; rules reference §9.1, §9.2): RPM
 * needs an established patient, a finished visit with the billing practitioner within the look-back
 * (RPM-T09); RTM has no such rule but CMS expects a treatment plan first, so it is allowed with a
 * warning; and RPM and RTM may not overlap in the first 30-day period (RPM-T08). Parameters are
 * those in effect on the start date.
 */
public final class MonitoringStartRule implements Rule<MonitoringStart> {
  static final String NAME = "rpm.enrollment";

  private final ParameterCatalog<RpmParameters> parameters;

  /**
   * Creates the rule.
   *
   * @param parameters the RPM parameter catalog
   */
  public MonitoringStartRule(ParameterCatalog<RpmParameters> parameters) {
    this.parameters = parameters;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Decision evaluate(MonitoringStart q, EvaluationContext ctx) {
    RpmParameters p = parameters.forDate(q.start());
    EnrollmentParameters ep = p.enrollment();
    ImmutableDecision.Builder d =
        Episodes.decision(NAME, p.version(), q.record(), ctx)
            .program(q.program())
            .practitioner(q.practitioner())
            .putDetail("start", q.start().toString());
    boolean rpm = q.program() == CareProgram.RPM;

    Optional<Visit> visit =
        MonitoringChecks.establishingVisit(
            q.record(), q.practitioner(), q.start(), ep.establishedLookbackDays());
    if (visit.isPresent()) {
      d.addEvidence(
              Evidence.context(
                  visit.get().source(), "Encounter.period", visit.get().date().toString()))
          .addReason(
              Reason.of(
                  RpmReasonCode.PATIENT_ESTABLISHED,
                  "A visit with the billing practitioner lies within "
                      + ep.establishedLookbackDays()
                      + " days before the start"));
    } else if (rpm && ep.establishedPatientRequired()) {
      d.addReason(
          Reason.with(RpmReasonCode.PATIENT_NOT_ESTABLISHED)
              .message(
                  "RPM needs an established patient: no visit with the billing practitioner within "
                      + ep.establishedLookbackDays()
                      + " days before the start")
              .putDetail("lookbackDays", Integer.toString(ep.establishedLookbackDays()))
              .build());
    } else if (!rpm) {
      d.addReason(
          Reason.of(
              RpmReasonCode.RTM_TREATMENT_PLAN_EXPECTED,
              "RTM has no established-patient rule, but CMS expects a treatment plan before it"
                  + " starts"));
    }

    if (ep.rpmRtmConflict()) {
      DateRange firstPeriod =
          DateRange.ofClosed(q.start(), q.start().plusDays(p.deviceSupply().periodDays() - 1L));
      CareProgram other = rpm ? CareProgram.RTM : CareProgram.RPM;
      ImmutableSet<String> otherCodes = rpm ? ep.rtmCodes() : MonitoringChecks.rpmCodes(p);
      ImmutableSortedSet<SourceRef> conflicts =
          MonitoringChecks.activity(
              q.record(), other, otherCodes, q.priorClaims(), firstPeriod, ctx.zone());
      addConflict(d, conflicts, other, firstPeriod);
    }
    Decision built = d.outcome(Outcome.MET).build();
    return built.hasError()
        ? Decision.builder().from(built).outcome(Outcome.NOT_MET).build()
        : built;
  }

  /** Adds the RPM/RTM conflict reason (or its absence) for {@code days}. */
  static void addConflict(
      ImmutableDecision.Builder d,
      ImmutableSortedSet<SourceRef> conflicts,
      CareProgram other,
      DateRange days) {
    if (conflicts.isEmpty()) {
      d.addReason(
          Reason.of(RpmReasonCode.NO_MONITORING_CONFLICT, "No " + other + " activity in " + days));
      return;
    }
    for (SourceRef s : conflicts) {
      d.addEvidence(
          Evidence.builder()
              .from(Evidence.context(s, path(s), other.name()))
              .reason(RpmReasonCode.RPM_RTM_CONFLICT.name())
              .build());
    }
    d.addReason(
        Reason.with(RpmReasonCode.RPM_RTM_CONFLICT)
            .message(
                "RPM and RTM may not run for one patient in one period: "
                    + other
                    + " activity in "
                    + days)
            .putDetail("conflicts", Integer.toString(conflicts.size()))
            .build());
  }

  private static String path(SourceRef s) {
    return switch (s.resourceType()) {
      case "EpisodeOfCare" -> "EpisodeOfCare.period";
      case "Procedure" -> "Procedure.performedPeriod";
      case "ExplanationOfBenefit" -> "ExplanationOfBenefit.item.productOrService";
      default -> s.resourceType();
    };
  }
}
