package org.ccmkit.rpm.internal;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedSet;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.model.Enrollment;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.model.PractitionerRef;
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
import org.ccmkit.core.rules.AccruedTime;
import org.ccmkit.core.rules.CareQuery;
import org.ccmkit.core.rules.CoreRules;
import org.ccmkit.core.rules.CountedBlock;
import org.ccmkit.rpm.AddOnParameters;
import org.ccmkit.rpm.CodeBasis;
import org.ccmkit.rpm.DevicePeriod;
import org.ccmkit.rpm.DeviceTier;
import org.ccmkit.rpm.EnrollmentParameters;
import org.ccmkit.rpm.ManagementParameters;
import org.ccmkit.rpm.MueLimit;
import org.ccmkit.rpm.PriorClaim;
import org.ccmkit.rpm.RpmBilling;
import org.ccmkit.rpm.RpmCodeLine;
import org.ccmkit.rpm.RpmParameters;
import org.ccmkit.rpm.RpmQuery;
import org.ccmkit.rpm.RpmReasonCode;
import org.ccmkit.rpm.SetupParameters;
import org.ccmkit.rpm.TimeTier;

/**
 * The RPM codes of one reporting month ({@code rpm.billing}; rules reference §9.1): device-supply
 * codes for the 30-day periods that end in the month, 99453 once per episode with the first period
 * that meets its threshold, and treatment management on the calendar month's minutes as accrued by
 * the foundation's time-accrual rule (so RPM minutes never count toward CCM and the reverse). The
 * two clocks are independent (RPM-T10). Parameters are those in effect on the month's first day.
 */
public final class RpmBillingEngine implements Rule<RpmQuery> {
  static final String NAME = "rpm.billing";
  static final String DEVICE_SUPPLY = "rpm.device-supply";
  static final String SETUP = "rpm.setup";
  static final String MANAGEMENT = "rpm.management";

  private final ParameterCatalog<RpmParameters> parameters;
  private final CoreRules core;
  private final DeviceDayCounter counter;

  /**
   * Creates the engine.
   *
   * @param parameters the RPM parameter catalog
   * @param core the core rules (consent, time accrual)
   */
  public RpmBillingEngine(ParameterCatalog<RpmParameters> parameters, CoreRules core) {
    this.parameters = parameters;
    this.core = core;
    this.counter = new DeviceDayCounter(parameters, core);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Decision evaluate(RpmQuery q, EvaluationContext ctx) {
    RpmBilling b = compute(q, ctx);
    RpmParameters p = parameters.forDate(q.month().atDay(1));
    ImmutableDecision.Builder d = decision(NAME, p, q, ctx, b.practitioner());
    Set<Reason> reasons = new LinkedHashSet<>();
    Set<Evidence> evidence = new LinkedHashSet<>();
    boolean indeterminate = false;
    for (Decision part : b.decisions()) {
      reasons.addAll(part.reasons());
      evidence.addAll(part.evidence());
      indeterminate |= part.isIndeterminate();
    }
    for (RpmCodeLine l : b.lines()) {
      d.putDetail("line." + l.code() + "." + l.serviceDate(), Integer.toString(l.units()));
    }
    Outcome outcome =
        !b.lines().isEmpty()
            ? Outcome.MET
            : indeterminate ? Outcome.INDETERMINATE : Outcome.NOT_MET;
    return d.outcome(outcome).addAllReasons(reasons).addAllEvidence(evidence).build();
  }

  /**
   * Computes the month's code lines and the decisions behind them.
   *
   * @param q the patient, month, practitioner and prior claims
   * @param ctx the evaluation date and zone
   * @return the billing result
   * @throws org.ccmkit.core.rule.CcmException with {@code NO_PARAMETERS_FOR_DATE} if no parameters
   *     are in effect for the month or the evaluation date
   */
  public RpmBilling compute(RpmQuery q, EvaluationContext ctx) {
    YearMonth month = q.month();
    RpmParameters p = parameters.forDate(month.atDay(1));
    PatientRecord record = q.record();
    int periodDays = p.deviceSupply().periodDays();
    DateRange monthDays = DateRange.ofClosed(month.atDay(1), month.atEndOfMonth());
    DateRange scope =
        DateRange.ofClosed(month.atDay(1).minusDays(periodDays - 1L), month.atEndOfMonth());
    Parts result = new Parts(month);

    // 0. The billing practitioner.
    Optional<PractitionerRef> practitioner = q.billingPractitioner();
    if (practitioner.isEmpty()) {
      ImmutableSortedSet<PractitionerRef> enrolled =
          Episodes.of(record, CareProgram.RPM, Optional.empty()).stream()
              .filter(e -> Episodes.overlaps(e.period(), scope))
              .map(Enrollment::billingPractitioner)
              .collect(ImmutableSortedSet.toImmutableSortedSet(Comparator.naturalOrder()));
      if (enrolled.size() == 1) {
        practitioner = Optional.of(enrolled.first());
      } else {
        ImmutableDecision.Builder gate =
            decision(MonitoringStartRule.NAME, p, q, ctx, practitioner);
        if (enrolled.isEmpty()) {
          gate.outcome(Outcome.NOT_MET)
              .addReason(
                  Reason.of(RpmReasonCode.NOT_ENROLLED_IN_RPM, "No RPM enrolment around " + month));
        } else {
          gate.outcome(Outcome.INDETERMINATE)
              .addReason(
                  Reason.with(RpmReasonCode.BILLING_PRACTITIONER_AMBIGUOUS)
                      .message(
                          "Several practitioners are enrolled in RPM around "
                              + month
                              + "; name one")
                      .putDetail("practitioners", enrolled.toString())
                      .build());
        }
        return result.build(gate.build());
      }
    }
    PractitionerRef pr = practitioner.get();
    result.practitioner = Optional.of(pr);
    ImmutableList<Enrollment> episodes =
        Episodes.of(record, CareProgram.RPM, practitioner).stream()
            .filter(e -> Episodes.overlaps(e.period(), scope))
            .collect(ImmutableList.toImmutableList());

    // 1. Enrolment gate: established patient per episode, RPM/RTM conflict over the scope.
    EnrollmentParameters ep = p.enrollment();
    ImmutableDecision.Builder gate = decision(MonitoringStartRule.NAME, p, q, ctx, practitioner);
    Set<SourceRef> notEstablished = new LinkedHashSet<>();
    if (episodes.isEmpty()) {
      gate.addReason(
          Reason.of(
              RpmReasonCode.NOT_ENROLLED_IN_RPM,
              "No RPM enrolment with " + pr + " around " + month));
    }
    for (Enrollment e : episodes) {
      Optional<Visit> visit =
          MonitoringChecks.establishingVisit(
              record, pr, e.period().start(), ep.establishedLookbackDays());
      if (visit.isPresent()) {
        gate.addEvidence(
                Evidence.context(
                    visit.get().source(), "Encounter.period", visit.get().date().toString()))
            .addReason(
                Reason.of(
                    RpmReasonCode.PATIENT_ESTABLISHED, "Established patient at the RPM start"));
      } else if (ep.establishedPatientRequired()) {
        notEstablished.add(e.source());
        gate.addEvidence(
                Evidence.excluded(
                    e.source(),
                    "EpisodeOfCare.period",
                    e.period().toString(),
                    RpmReasonCode.PATIENT_NOT_ESTABLISHED))
            .addReason(
                Reason.with(RpmReasonCode.PATIENT_NOT_ESTABLISHED)
                    .message(
                        "RPM needs an established patient: no visit with the billing practitioner"
                            + " within "
                            + ep.establishedLookbackDays()
                            + " days before the RPM start")
                    .build());
      }
    }
    if (ep.rpmRtmConflict()) {
      MonitoringStartRule.addConflict(gate, rtmActivity(q, ep, scope, ctx), CareProgram.RTM, scope);
    }
    Decision gateDecision = gate.outcome(Outcome.MET).build();
    if (gateDecision.hasError()) {
      gateDecision = Decision.builder().from(gateDecision).outcome(Outcome.NOT_MET).build();
    }
    result.decisions.add(gateDecision);
    if (episodes.isEmpty()) {
      return result.build();
    }

    // 2. Device supply, per period reported in the month.
    ImmutableList<DevicePeriod> periods = counter.periods(record, practitioner, ctx);
    List<DevicePeriod> reported = new ArrayList<>(); // as DeviceDays.reportedIn
    for (DevicePeriod period : periods) {
      if (period.reportingMonth().equals(month)) {
        reported.add(period);
      }
    }
    result.periods.addAll(reported);
    Set<String> deviceCodes = new LinkedHashSet<>();
    for (RpmParameters any : parameters.all()) {
      any.deviceSupply().tiers().forEach(t -> deviceCodes.add(t.code()));
    }
    for (DevicePeriod period : reported) {
      result.decisions.add(
          deviceSupply(q, ctx, p, period, deviceCodes, notEstablished, result.lines));
    }

    // 3. Set-up, once per episode.
    result.decisions.add(setup(q, ctx, p, periods, episodes, notEstablished, result.lines));

    // 4. Treatment management on the calendar month's minutes.
    AccruedTime accrued = core.accrue(CareQuery.of(record, CareProgram.RPM, month, pr), ctx);
    result.decisions.add(accrued.decision());
    result.minutes = accrued.totalMinutes();
    result.interactive = !accrued.interactiveEntries().isEmpty();
    Optional<RpmReasonCode> monthBlock = Optional.empty();
    if (episodes.stream()
        .filter(e -> Episodes.overlaps(e.period(), monthDays))
        .anyMatch(e -> notEstablished.contains(e.source()))) {
      monthBlock = Optional.of(RpmReasonCode.PATIENT_NOT_ESTABLISHED);
    } else if (ep.rpmRtmConflict() && !rtmActivity(q, ep, monthDays, ctx).isEmpty()) {
      monthBlock = Optional.of(RpmReasonCode.RPM_RTM_CONFLICT);
    }
    result.decisions.add(management(q, ctx, p, accrued, monthBlock, pr, result.lines));
    return result.build();
  }

  private Decision deviceSupply(
      RpmQuery q,
      EvaluationContext ctx,
      RpmParameters p,
      DevicePeriod period,
      Set<String> deviceCodes,
      Set<SourceRef> notEstablished,
      List<RpmCodeLine> lines) {
    PractitionerRef pr = period.practitioner();
    ImmutableDecision.Builder d =
        decision(DEVICE_SUPPLY, p, q, ctx, Optional.of(pr))
            .putDetail("episode", period.episode().toString())
            .putDetail("period", Integer.toString(period.index()))
            .putDetail("periodStart", period.start().toString())
            .putDetail("periodEnd", period.endInclusive().toString())
            .putDetail("dataDays", Integer.toString(period.dayCount()));
    for (SourceRef r : period.readings()) {
      d.addEvidence(Evidence.counted(r, "Observation.effective", "data day"));
    }
    if (period.open()) {
      period
          .forecast()
          .ifPresent(
              f ->
                  d.putDetail("forecast.daysLeft", Integer.toString(f.daysLeft()))
                      .putDetail(
                          "forecast.maxReachableDays", Integer.toString(f.maxReachableDays())));
      return d.outcome(Outcome.INDETERMINATE)
          .addReason(
              Reason.of(
                  RpmReasonCode.PERIOD_OPEN,
                  "The period ends on " + period.endInclusive() + ", after the evaluation date"))
          .build();
    }
    boolean blocked = false;
    if (notEstablished.contains(period.episode())) {
      d.addReason(
          Reason.of(RpmReasonCode.PATIENT_NOT_ESTABLISHED, "RPM needs an established patient"));
      blocked = true;
    }
    EnrollmentParameters ep = p.enrollment();
    if (ep.rpmRtmConflict()) {
      ImmutableSortedSet<SourceRef> rtm = rtmActivity(q, ep, period.days(), ctx);
      if (!rtm.isEmpty()) {
        MonitoringStartRule.addConflict(d, rtm, CareProgram.RTM, period.days());
        blocked = true;
      }
    }
    for (PriorClaim c : q.priorClaims()) {
      if (!deviceCodes.contains(c.code()) || !Episodes.overlaps(c.servicePeriod(), period.days())) {
        continue;
      }
      if (!c.practitioner().equals(pr)) {
        d.addEvidence(
                Evidence.builder()
                    .from(Evidence.context(c.source(), "ExplanationOfBenefit.item", c.code()))
                    .reason(RpmReasonCode.DEVICE_PERIOD_CLAIMED_BY_OTHER_PRACTITIONER.name())
                    .build())
            .addReason(
                Reason.with(RpmReasonCode.DEVICE_PERIOD_CLAIMED_BY_OTHER_PRACTITIONER)
                    .message(
                        "Another practitioner already claimed "
                            + c.code()
                            + " for an overlapping period; one practitioner per 30-day period")
                    .putDetail("otherPractitioner", c.practitioner().toString())
                    .build());
      } else {
        d.addEvidence(Evidence.context(c.source(), "ExplanationOfBenefit.item", c.code()))
            .addReason(
                Reason.of(
                    RpmReasonCode.DEVICE_PERIOD_ALREADY_CLAIMED,
                    c.code() + " was already claimed for this period"));
      }
      blocked = true;
    }
    for (Enrollment other : q.record().enrollments()) {
      if (other.program() == CareProgram.RPM
          && !other.billingPractitioner().equals(pr)
          && Episodes.overlaps(other.period(), period.days())) {
        d.addEvidence(
                Evidence.context(other.source(), "EpisodeOfCare.careManager", "other practitioner"))
            .addReason(
                Reason.of(
                    RpmReasonCode.OTHER_PRACTITIONER_ENROLLED,
                    "Another practitioner is enrolled in RPM during the period; only one may bill it"));
      }
    }
    Optional<DeviceTier> tier = p.deviceSupply().tierFor(period.dayCount());
    if (tier.isEmpty()) {
      return d.outcome(Outcome.NOT_MET)
          .addReason(
              Reason.with(RpmReasonCode.TOO_FEW_DEVICE_DAYS)
                  .message(
                      period.dayCount()
                          + " data days; a device-supply code needs at least "
                          + p.deviceSupply().minimumDays())
                  .putDetail("dataDays", Integer.toString(period.dayCount()))
                  .putDetail("required", Integer.toString(p.deviceSupply().minimumDays()))
                  .build())
          .build();
    }
    d.putDetail("code", tier.get().code());
    if (blocked) {
      return d.outcome(Outcome.NOT_MET).build();
    }
    lines.add(
        RpmCodeLine.builder()
            .code(tier.get().code())
            .units(1)
            .basis(CodeBasis.DEVICE_DAYS)
            .practitioner(pr)
            .serviceDate(period.endInclusive())
            .servicePeriod(period.days())
            .sources(period.readings())
            .build());
    return d.outcome(Outcome.MET)
        .addReason(
            Reason.with(RpmReasonCode.DEVICE_SUPPLY_BILLABLE)
                .message(
                    period.dayCount()
                        + " data days in the period "
                        + period.days()
                        + ": "
                        + tier.get().code()
                        + " (one unit whatever the number of devices)")
                .putDetail("code", tier.get().code())
                .build())
        .build();
  }

  private Decision setup(
      RpmQuery q,
      EvaluationContext ctx,
      RpmParameters p,
      List<DevicePeriod> periods,
      List<Enrollment> episodes,
      Set<SourceRef> notEstablished,
      List<RpmCodeLine> lines) {
    ImmutableDecision.Builder d =
        decision(
            SETUP, p, q, ctx, episodes.stream().map(Enrollment::billingPractitioner).findFirst());
    SetupParameters sp = p.setup();
    boolean any = false;
    for (Enrollment e : episodes) {
      Optional<DevicePeriod> first = Optional.empty();
      for (DevicePeriod period : periods) {
        if (!period.episode().equals(e.source())) {
          continue;
        }
        SetupParameters yearSp =
            parameters.tryForDate(period.endInclusive()).map(RpmParameters::setup).orElse(sp);
        if (period.dayCount() >= yearSp.minDataDays()) {
          first = Optional.of(period);
          break;
        }
      }
      if (first.isEmpty() || !first.get().reportingMonth().equals(q.month())) {
        d.addReason(
            Reason.with(RpmReasonCode.SETUP_NOT_DUE)
                .message(
                    first
                        .map(
                            f ->
                                "The threshold was first met in the period ending "
                                    + f.endInclusive())
                        .orElse("No period has met the " + sp.minDataDays() + "-day threshold yet"))
                .putDetail("episode", e.source().toString())
                .build());
        continue;
      }
      DevicePeriod period = first.get();
      if (period.open()) {
        d.addReason(
            Reason.of(
                RpmReasonCode.PERIOD_OPEN,
                "The threshold is met in a period that ends on " + period.endInclusive()));
        continue;
      }
      boolean blocked = false;
      if (notEstablished.contains(e.source())) {
        d.addReason(
            Reason.of(RpmReasonCode.PATIENT_NOT_ESTABLISHED, "RPM needs an established patient"));
        blocked = true;
      }
      EnrollmentParameters ep = p.enrollment();
      if (ep.rpmRtmConflict()) {
        ImmutableSortedSet<SourceRef> rtm = rtmActivity(q, ep, period.days(), ctx);
        if (!rtm.isEmpty()) {
          MonitoringStartRule.addConflict(d, rtm, CareProgram.RTM, period.days());
          blocked = true;
        }
      }
      DateRange episodeSoFar = DateRange.ofClosed(e.period().start(), period.endInclusive());
      for (PriorClaim c : q.priorClaims()) {
        if (c.code().equals(sp.code()) && Episodes.overlaps(c.servicePeriod(), episodeSoFar)) {
          d.addEvidence(Evidence.context(c.source(), "ExplanationOfBenefit.item", c.code()))
              .addReason(
                  Reason.of(
                      RpmReasonCode.SETUP_ALREADY_CLAIMED,
                      sp.code() + " was already claimed in this episode"));
          blocked = true;
        }
      }
      if (blocked) {
        continue;
      }
      if (!sp.thresholdConfirmed()) {
        d.addReason(
            Reason.with(RpmReasonCode.SETUP_THRESHOLD_UNCONFIRMED)
                .message(
                    "The "
                        + p.version()
                        + " threshold of "
                        + sp.minDataDays()
                        + " data days for "
                        + sp.code()
                        + " is unconfirmed; the other reading: "
                        + sp.alternative())
                .putDetail("minDataDays", Integer.toString(sp.minDataDays()))
                .build());
      }
      for (SourceRef r : period.readings()) {
        d.addEvidence(Evidence.counted(r, "Observation.effective", "data day"));
      }
      d.addReason(
          Reason.with(RpmReasonCode.SETUP_BILLABLE)
              .message(
                  sp.code()
                      + ": the episode first reached "
                      + sp.minDataDays()
                      + " data days in the period "
                      + period.days())
              .putDetail("episode", e.source().toString())
              .build());
      lines.add(
          RpmCodeLine.builder()
              .code(sp.code())
              .units(1)
              .basis(CodeBasis.EPISODE)
              .practitioner(period.practitioner())
              .serviceDate(period.endInclusive())
              .servicePeriod(period.days())
              .sources(period.readings())
              .build());
      any = true;
    }
    if (episodes.isEmpty()) {
      d.addReason(Reason.of(RpmReasonCode.SETUP_NOT_DUE, "No RPM episode"));
    }
    return d.outcome(any ? Outcome.MET : Outcome.NOT_MET).build();
  }

  private Decision management(
      RpmQuery q,
      EvaluationContext ctx,
      RpmParameters p,
      AccruedTime accrued,
      Optional<RpmReasonCode> block,
      PractitionerRef pr,
      List<RpmCodeLine> lines) {
    ManagementParameters mp = p.management();
    ImmutableDecision.Builder d = decision(MANAGEMENT, p, q, ctx, Optional.of(pr));
    int minutes = accrued.totalMinutes();
    ImmutableSortedSet.Builder<SourceRef> sources = ImmutableSortedSet.naturalOrder();
    for (CountedBlock b : accrued.blocks()) {
      sources.addAll(b.sources());
    }
    ImmutableSortedSet<SourceRef> counted = sources.build();
    for (SourceRef s : counted) {
      d.addEvidence(
          Evidence.counted(
              s,
              "Procedure.performedPeriod",
              accrued.interactiveEntries().contains(s) ? "interactive-communication" : "minutes"));
    }
    d.putDetail("minutes", Integer.toString(minutes))
        .putDetail("interactiveEntries", Integer.toString(accrued.interactiveEntries().size()));
    if (block.isPresent()) {
      return d.outcome(Outcome.NOT_MET)
          .addReason(
              Reason.of(
                  block.get(),
                  "RPM treatment management is blocked for " + q.month() + " (see rpm.enrollment)"))
          .build();
    }
    if (minutes < mp.minimumMinutes()) {
      return d.outcome(Outcome.NOT_MET)
          .addReason(
              Reason.with(RpmReasonCode.MANAGEMENT_BELOW_THRESHOLD)
                  .message(
                      minutes + " min of treatment management; a code needs " + mp.minimumMinutes())
                  .putDetail("minutes", Integer.toString(minutes))
                  .putDetail("required", Integer.toString(mp.minimumMinutes()))
                  .build())
          .build();
    }
    if (mp.interactiveCommunicationRequired() && accrued.interactiveEntries().isEmpty()) {
      return d.outcome(Outcome.NOT_MET)
          .addReason(
              Reason.of(
                  RpmReasonCode.NO_INTERACTIVE_COMMUNICATION,
                  "No real-time interactive communication with the patient or caregiver in "
                      + q.month()
                      + "; no management code"))
          .build();
    }
    Optional<TimeTier> tierOpt = mp.tierFor(minutes);
    if (tierOpt.isEmpty()) {
      return d.outcome(Outcome.NOT_MET)
          .addReason(
              Reason.of(
                  RpmReasonCode.MANAGEMENT_BELOW_THRESHOLD, "No tier covers " + minutes + " min"))
          .build();
    }
    TimeTier tier = tierOpt.get();
    DateRange monthDays = DateRange.ofClosed(q.month().atDay(1), q.month().atEndOfMonth());
    LocalDate serviceDate = q.month().atEndOfMonth();
    lines.add(
        RpmCodeLine.builder()
            .code(tier.code())
            .units(1)
            .basis(CodeBasis.TIME_MINUTES)
            .practitioner(pr)
            .serviceDate(serviceDate)
            .servicePeriod(monthDays)
            .sources(counted)
            .build());
    int units = 0;
    AddOnParameters add = mp.addOn();
    if (tier.code().equals(add.baseCode())) {
      units = (minutes - tier.minMinutes()) / add.minutesPerUnit();
      if (add.policyCap().isPresent() && units > add.policyCap().get()) {
        d.addReason(
            Reason.with(RpmReasonCode.ADD_ON_CAPPED)
                .message(
                    units
                        + " units of "
                        + add.code()
                        + " cut to the policy cap of "
                        + add.policyCap().get())
                .putDetail("computed", Integer.toString(units))
                .build());
        units = add.policyCap().get();
      }
      if (add.mue().isPresent() && units > add.mue().get().units()) {
        MueLimit mue = add.mue().get();
        if (mue.isAppealable()) {
          d.addReason(
              Reason.with(RpmReasonCode.MUE_EXCEEDED)
                  .message(
                      units
                          + " units of "
                          + add.code()
                          + " exceed the MUE of "
                          + mue.units()
                          + " (MAI 3, appealable); billed, expect a review")
                  .putDetail("mue", Integer.toString(mue.units()))
                  .build());
        } else {
          d.addReason(
              Reason.with(RpmReasonCode.ADD_ON_LIMITED_BY_MUE)
                  .message(
                      units
                          + " units of "
                          + add.code()
                          + " cut to the MUE of "
                          + mue.units()
                          + " (MAI "
                          + mue.mai()
                          + ")")
                  .putDetail("computed", Integer.toString(units))
                  .build());
          units = mue.units();
        }
      }
      if (units > 0) {
        lines.add(
            RpmCodeLine.builder()
                .code(add.code())
                .units(units)
                .basis(CodeBasis.TIME_MINUTES)
                .practitioner(pr)
                .serviceDate(serviceDate)
                .servicePeriod(monthDays)
                .sources(counted)
                .build());
      }
    }
    for (SourceRef s : accrued.interactiveEntries()) {
      d.addEvidence(Evidence.context(s, "Procedure.code", "interactive-communication"));
    }
    return d.outcome(Outcome.MET)
        .addReason(
            Reason.with(RpmReasonCode.MANAGEMENT_BILLABLE)
                .message(
                    minutes
                        + " min with a real-time interactive communication: "
                        + tier.code()
                        + (units > 0 ? " + " + add.code() + " x" + units : ""))
                .putDetail("code", tier.code())
                .putDetail("addOnUnits", Integer.toString(units))
                .build())
        .build();
  }

  private static ImmutableSortedSet<SourceRef> rtmActivity(
      RpmQuery q, EnrollmentParameters ep, DateRange days, EvaluationContext ctx) {
    return MonitoringChecks.activity(
        q.record(),
        CareProgram.RTM,
        ImmutableSet.copyOf(ep.rtmCodes()),
        q.priorClaims(),
        days,
        ctx.zone());
  }

  private static ImmutableDecision.Builder decision(
      String rule,
      RpmParameters p,
      RpmQuery q,
      EvaluationContext ctx,
      Optional<PractitionerRef> practitioner) {
    ImmutableDecision.Builder b =
        Episodes.decision(rule, p.version(), q.record(), ctx).month(q.month());
    practitioner.ifPresent(b::practitioner);
    return b;
  }

  /** Collects the parts of the result; built once at the end. */
  private static final class Parts {
    final YearMonth month;
    Optional<PractitionerRef> practitioner = Optional.empty();
    final List<Decision> decisions = new ArrayList<>();
    final List<RpmCodeLine> lines = new ArrayList<>();
    final List<DevicePeriod> periods = new ArrayList<>();
    int minutes;
    boolean interactive;

    Parts(YearMonth month) {
      this.month = month;
    }

    RpmBilling build(Decision only) {
      decisions.add(only);
      return build();
    }

    RpmBilling build() {
      return RpmBilling.builder()
          .month(month)
          .practitioner(practitioner)
          .lines(
              ImmutableList.sortedCopyOf(
                  Comparator.comparing(RpmCodeLine::serviceDate)
                      .thenComparing(RpmCodeLine::code)
                      .thenComparing(l -> l.servicePeriod().start()),
                  lines))
          .decisions(decisions)
          .periods(periods)
          .managementMinutes(minutes)
          .interactiveCommunication(interactive)
          .build();
    }
  }
}
