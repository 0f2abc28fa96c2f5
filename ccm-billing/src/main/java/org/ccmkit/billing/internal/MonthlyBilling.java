package org.ccmkit.billing.internal;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.ccmkit.billing.Basis;
import org.ccmkit.billing.BilledFrom;
import org.ccmkit.billing.BillingCode;
import org.ccmkit.billing.BillingInput;
import org.ccmkit.billing.BillingOption;
import org.ccmkit.billing.BillingParameters;
import org.ccmkit.billing.BillingReasonCode;
import org.ccmkit.billing.BillingResult;
import org.ccmkit.billing.ClaimLine;
import org.ccmkit.billing.CodeCatalog;
import org.ccmkit.billing.ConcurrencyAction;
import org.ccmkit.billing.ConcurrencyRule;
import org.ccmkit.billing.DateOfServicePolicy;
import org.ccmkit.billing.ExternalLine;
import org.ccmkit.billing.ImmutableClaimLine;
import org.ccmkit.billing.MueEdit;
import org.ccmkit.billing.Performer;
import org.ccmkit.billing.PractitionerClaim;
import org.ccmkit.billing.PriorClaim;
import org.ccmkit.billing.RequestedService;
import org.ccmkit.billing.Requirement;
import org.ccmkit.billing.SelectionPolicy;
import org.ccmkit.core.model.Attestation;
import org.ccmkit.core.model.AttestationKind;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.Code;
import org.ccmkit.core.model.Consent;
import org.ccmkit.core.model.CoverageKind;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.model.Enrollment;
import org.ccmkit.core.model.Money;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.model.ServiceMonth;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.core.model.StaffRole;
import org.ccmkit.core.model.TimeEntry;
import org.ccmkit.core.model.Visit;
import org.ccmkit.core.rule.Decision;
import org.ccmkit.core.rule.EvaluationContext;
import org.ccmkit.core.rule.Evidence;
import org.ccmkit.core.rule.EvidenceRole;
import org.ccmkit.core.rule.ImmutableDecision;
import org.ccmkit.core.rule.Outcome;
import org.ccmkit.core.rule.Reason;
import org.ccmkit.core.rule.RuleId;
import org.ccmkit.core.rule.Severity;
import org.ccmkit.core.rules.AccruedTime;
import org.ccmkit.core.rules.CareQuery;
import org.ccmkit.core.rules.ConsentResult;
import org.ccmkit.core.rules.CoreReasonCode;
import org.ccmkit.core.rules.CoreRules;

/**
 * One run of the billing engine for one patient-month. Steps, in this fixed order:
 *
 * <ol>
 *   <li>for every program with derived codes and every practitioner enrolled in it for the month,
 *       ask ccm-core for eligibility (where required), consent, initiating visit and counted
 *       minutes;
 *   <li>apply the single-practitioner rule (earliest consent bills; a paid claim elsewhere blocks);
 *   <li>build the compliant options of each code family and choose one by the selection policy;
 *   <li>check requested services (catalog, prerequisites, requirements, caps), and take the lines
 *       other rules decided (external lines: catalog, month, caps);
 *   <li>resolve concurrency pairs (block-first, then claims on file, then keep-preferred, greedily
 *       in policy order), then add-on parents;
 *   <li>mark lines already on file, warn on MUEs, date and price lines, estimate the patient share.
 * </ol>
 */
final class MonthlyBilling {
  /** The core findings that appear on a billing decision even when their rule is MET. */
  private static final ImmutableSet<String> CARRIED_FINDINGS =
      Stream.of(
              CoreReasonCode.CONSENT_INCOMPLETE,
              CoreReasonCode.CARE_PLAN_MISSING,
              CoreReasonCode.CARE_PLAN_INCOMPLETE,
              CoreReasonCode.CARE_PLAN_REVIEW_OVERDUE,
              CoreReasonCode.CARE_PLAN_NOT_SHARED)
          .map(Enum::name)
          .collect(ImmutableSet.toImmutableSet());

  private final CoreRules core;
  private final CodeCatalog catalog;
  private final BillingParameters params;
  private final SelectionPolicy policy;
  private final BillingInput in;
  private final EvaluationContext ctx;
  private final PatientRecord record;
  private final YearMonth month;
  private final LocalDate firstDay;
  private final LocalDate lastDay;
  private final DateRange days;

  /** One decision in the making, per program (or group) and practitioner. */
  private final Map<Key, Draft> drafts = new TreeMap<>();

  private final Map<Key, Assessment> assessments = new TreeMap<>();
  private final Map<PractitionerRef, Optional<Integer>> chronicCounts = new HashMap<>();

  MonthlyBilling(
      CoreRules core,
      CodeCatalog catalog,
      BillingParameters params,
      SelectionPolicy policy,
      BillingInput in,
      EvaluationContext ctx) {
    this.core = core;
    this.catalog = catalog;
    this.params = params;
    this.policy = policy;
    this.in = in;
    this.ctx = ctx;
    this.record = in.record();
    this.month = in.month();
    this.firstDay = month.atDay(1);
    this.lastDay = month.atEndOfMonth();
    this.days = DateRange.ofClosed(firstDay, lastDay);
  }

  /** A decision key: the program (or code group) and the practitioner. */
  record Key(String program, Optional<PractitionerRef> practitioner) implements Comparable<Key> {
    static Key of(String program, PractitionerRef practitioner) {
      return new Key(program, Optional.of(practitioner));
    }

    @Override
    public int compareTo(Key o) {
      int c = program.compareTo(o.program);
      if (c != 0) {
        return c;
      }
      return practitioner
          .map(PractitionerRef::id)
          .orElse("")
          .compareTo(o.practitioner.map(PractitionerRef::id).orElse(""));
    }

    String ruleName() {
      return "billing." + program.toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** A decision being built. */
  private final class Draft {
    final ImmutableDecision.Builder d;
    final Set<Evidence> evidence = new LinkedHashSet<>();
    final List<Reason> reasons = new ArrayList<>();
    boolean indeterminate;
    final List<Planned> billed = new ArrayList<>();

    Draft(Key key) {
      d =
          Decision.builder()
              .ruleId(RuleId.of(key.ruleName(), params.version()))
              .asOf(ctx.asOf())
              .patient(record.ref())
              .month(month)
              .putDetail("catalog", catalog.version());
      CareProgram.tryParse(key.program()).ifPresent(d::program);
      key.practitioner().ifPresent(d::practitioner);
    }

    void reason(Reason r) {
      reasons.add(r);
    }

    void evidence(Evidence e) {
      evidence.add(e);
    }

    Decision build() {
      Outcome outcome;
      if (!billed.isEmpty()) {
        outcome = Outcome.MET;
        d.putDetail(
            "billed",
            String.join(
                ",",
                new TreeSet<>(
                    billed.stream().map(p -> p.code().code() + "x" + p.units()).toList())));
      } else if (indeterminate) {
        outcome = Outcome.INDETERMINATE;
      } else {
        outcome = Outcome.NOT_MET;
      }
      return d.outcome(outcome).addAllReasons(dedupe(reasons)).addAllEvidence(evidence).build();
    }
  }

  /** The core results for one program and practitioner. */
  private record Assessment(
      CareProgram program,
      PractitionerRef practitioner,
      Optional<Decision> eligibility,
      ConsentResult consent,
      Decision carePlan,
      Optional<Decision> initiatingVisit,
      Optional<AccruedTime> accrued,
      Optional<LocalDate> consentGiven,
      boolean prerequisitesMet) {}

  /** A line decided on, before it is priced into a {@link ClaimLine}. */
  private record Planned(
      BillingCode code,
      PractitionerRef practitioner,
      int units,
      LocalDate serviceDate,
      Optional<DateRange> servicePeriod,
      BilledFrom from,
      ImmutableSortedSet<SourceRef> evidence,
      Pricing.Priced price) {
    Money total() {
      return price
          .unit()
          .map(u -> u.times(BigDecimal.valueOf(units)))
          .orElse(Money.zero(Money.USD));
    }
  }

  /** What one program's chosen lines (or a request's lines) offer, for conflict resolution. */
  private record Bundle(Key key, List<Planned> lines, BillingOption option, Set<String> groups) {}

  BillingResult run() {
    // 1. Core decisions per program and enrolled practitioner.
    Set<CareProgram> derived = EnumSet.noneOf(CareProgram.class);
    for (BillingCode c : catalog.codes()) {
      if (c.appliesOn(firstDay) && c.billedFrom().isDerived()) {
        c.program().ifPresent(derived::add);
      }
    }
    for (CareProgram program : derived) {
      ImmutableSortedSet<PractitionerRef> enrolled = enrolled(program);
      if (enrolled.isEmpty()) {
        reportUnenrolledTime(program);
      }
      for (PractitionerRef pr : enrolled) {
        Assessment a = assess(program, pr, true);
        assessments.put(Key.of(program.name(), pr), a);
      }
    }

    // 2. One practitioner per program and month.
    Set<Key> blocked = new TreeSet<>();
    for (CareProgram program : params.singlePractitionerPrograms()) {
      applySinglePractitioner(program, blocked);
    }

    // 3. Options per family; the policy chooses.
    List<Bundle> candidates = new ArrayList<>();
    for (Map.Entry<Key, Assessment> e : assessments.entrySet()) {
      if (blocked.contains(e.getKey()) || !e.getValue().prerequisitesMet()) {
        continue;
      }
      choose(e.getKey(), e.getValue()).ifPresent(candidates::add);
    }

    // 4. Requested services, and lines other rules decided.
    candidates.addAll(requested(blocked));
    candidates.addAll(external());

    // 5. Concurrency, then add-on parents.
    List<Bundle> accepted = resolveConflicts(candidates);
    accepted = checkParents(accepted);

    // 6. Lines, on-file marks, MUEs.
    List<ClaimLine> lines = new ArrayList<>();
    for (Bundle b : accepted) {
      Draft draft = draft(b.key());
      for (Planned p : b.lines()) {
        draft.billed.add(p);
        ClaimLine line = toLine(p, draft);
        lines.add(line);
      }
      draft.reason(
          Reason.with(BillingReasonCode.BILLED)
              .message("Billed " + b.option().describe() + " (" + b.option().totalAllowed() + ")")
              .putDetail("codes", b.option().describe())
              .putDetail("totalAllowed", b.option().totalAllowed().amount().toPlainString())
              .build());
    }
    warnMue(lines);

    ImmutableList<ClaimLine> sorted = ImmutableList.sortedCopyOf(ClaimLine.ORDER, lines);
    Map<PractitionerRef, List<ClaimLine>> byPractitioner = new TreeMap<>();
    for (ClaimLine l : sorted) {
      byPractitioner.computeIfAbsent(l.practitioner(), k -> new ArrayList<>()).add(l);
    }
    ImmutableList.Builder<PractitionerClaim> claims = ImmutableList.builder();
    byPractitioner.forEach(
        (pr, ls) -> {
          Money total = Money.zero(Money.USD);
          for (ClaimLine l : ls) {
            total = total.plus(l.allowed().orElse(Money.zero(Money.USD)));
          }
          claims.add(
              PractitionerClaim.builder().practitioner(pr).lines(ls).totalAllowed(total).build());
        });

    PatientShares.Result share = PatientShares.estimate(sorted, in, params, ctx.asOf());
    List<Decision> decisions = new ArrayList<>();
    drafts.values().forEach(dr -> decisions.add(dr.build()));
    decisions.add(share.decision());
    decisions.sort(
        Comparator.comparing((Decision x) -> x.ruleId().name())
            .thenComparing(x -> x.practitioner().map(PractitionerRef::id).orElse("")));
    return BillingResult.builder()
        .patient(record.ref())
        .month(month)
        .catalogVersion(catalog.version())
        .parametersVersion(params.version())
        .claims(claims.build())
        .decisions(decisions)
        .estimate(share.estimate())
        .build();
  }

  // ---------------------------------------------------------------- step 1: core decisions

  private ImmutableSortedSet<PractitionerRef> enrolled(CareProgram program) {
    ImmutableSortedSet.Builder<PractitionerRef> b = ImmutableSortedSet.naturalOrder();
    for (Enrollment e : record.enrollments()) {
      if (e.program() == program && e.period().intersect(days).isPresent()) {
        b.add(e.billingPractitioner());
      }
    }
    return b.build();
  }

  private void reportUnenrolledTime(CareProgram program) {
    ServiceMonth sm = ServiceMonth.of(month, ctx.zone());
    List<TimeEntry> entries =
        record.timeEntries().stream()
            .filter(t -> t.program() == program && sm.contains(t.start()))
            .toList();
    if (entries.isEmpty()) {
      return;
    }
    Draft d = draft(new Key(program.name(), Optional.empty()));
    d.reason(
        Reason.of(
            CoreReasonCode.NOT_ENROLLED,
            "Time was logged for " + program + " in " + month + " but no enrollment covers it"));
    for (TimeEntry t : entries) {
      d.evidence(
          Evidence.excluded(
              t.source(),
              "Procedure.performedPeriod",
              t.wholeMinutes() + " min " + t.performerRole(),
              CoreReasonCode.NOT_ENROLLED));
    }
  }

  private Assessment assess(CareProgram program, PractitionerRef pr, boolean withVisitAndTime) {
    Key key = Key.of(program.name(), pr);
    Draft draft = draft(key);
    CareQuery q = CareQuery.of(record, program, month, pr);
    boolean met = true;
    Optional<Decision> eligibility = Optional.empty();
    if (params.eligibilityRequired().contains(program)) {
      Decision e = core.eligibility().evaluate(q, ctx);
      eligibility = Optional.of(e);
      met &= prerequisite(draft, e);
    }
    ConsentResult consent = core.consentWindow(q, ctx);
    met &= prerequisite(draft, consent.decision());
    carryFindings(draft, consent.decision());
    Decision carePlan = core.carePlan().evaluate(q, ctx);
    met &= prerequisite(draft, carePlan);
    carryFindings(draft, carePlan);
    Optional<Decision> visit = Optional.empty();
    Optional<AccruedTime> accrued = Optional.empty();
    if (withVisitAndTime) {
      Decision v = core.initiatingVisit().evaluate(q, ctx);
      visit = Optional.of(v);
      met &= prerequisite(draft, v);
      boolean timeBased =
          catalog.codesOf(program, firstDay).stream()
              .anyMatch(c -> c.billedFrom() == BilledFrom.TIME);
      if (timeBased) {
        AccruedTime t = core.accrue(q, ctx, consent); // consent evaluated once
        accrued = Optional.of(t);
        for (Evidence ev : t.decision().evidence()) {
          draft.evidence(ev);
        }
        for (Reason r : t.decision().reasons()) {
          if (r.severity() != Severity.INFO) {
            draft.reason(r);
          }
        }
        t.minutesByRole()
            .forEach((role, min) -> draft.d.putDetail("minutes." + role.name(), min.toString()));
        draft.d.putDetail("minutes.total", Integer.toString(t.totalMinutes()));
      }
    }
    return new Assessment(
        program, pr, eligibility, consent, carePlan, visit, accrued, consentGiven(consent), met);
  }

  /**
   * Carries the documentation findings of a MET core decision (an incomplete consent record, a
   * missing or incomplete care plan, an overdue review, no copy to the patient) onto the billing
   * decision, so that a month that bills still says what its documentation lacks. A decision that
   * is not MET already gave its reasons through {@link #prerequisite}.
   */
  private static void carryFindings(Draft draft, Decision core) {
    if (!core.isMet()) {
      return;
    }
    for (Reason r : core.reasons()) {
      if (r.severity() != Severity.INFO && CARRIED_FINDINGS.contains(r.code())) {
        draft.reason(r);
      }
    }
  }

  /** Records a core decision as a prerequisite; returns whether it is MET. */
  private boolean prerequisite(Draft draft, Decision core) {
    String rule = core.ruleId().name();
    if (core.isMet()) {
      for (Evidence ev : core.evidence()) {
        if (ev.role() != EvidenceRole.EXCLUDED) {
          draft.evidence(ev);
        }
      }
      return true;
    }
    draft.evidence.addAll(core.evidence());
    for (Reason r : core.reasons()) {
      if (r.severity() != Severity.INFO) {
        draft.reason(r);
      }
    }
    BillingReasonCode code =
        core.isIndeterminate()
            ? BillingReasonCode.PREREQUISITE_INDETERMINATE
            : BillingReasonCode.PREREQUISITE_NOT_MET;
    draft.indeterminate |= core.isIndeterminate();
    draft.reason(
        Reason.with(code)
            .message(rule + " is " + core.outcome() + ": no line without it")
            .putDetail("rule", rule)
            .putDetail("outcome", core.outcome().name())
            .build());
    return false;
  }

  /** The earliest date a consent in force this month was given, from the consent's evidence. */
  private Optional<LocalDate> consentGiven(ConsentResult consent) {
    if (!consent.decision().isMet()) {
      return Optional.empty();
    }
    Set<SourceRef> counted = new TreeSet<>();
    for (Evidence ev : consent.decision().evidence()) {
      if (ev.role() == EvidenceRole.COUNTED) {
        counted.add(ev.source());
      }
    }
    return record.consents().stream()
        .filter(c -> counted.contains(c.source()))
        .map(Consent::givenDate)
        .min(Comparator.naturalOrder());
  }

  // ---------------------------------------------------------------- step 2: one practitioner

  private void applySinglePractitioner(CareProgram program, Set<Key> blocked) {
    List<Assessment> valid = new ArrayList<>();
    for (Assessment a : assessments.values()) {
      if (a.program() == program && a.consent().decision().isMet()) {
        valid.add(a);
      }
    }
    valid.sort(
        Comparator.comparing((Assessment a) -> a.consentGiven().orElse(LocalDate.MAX))
            .thenComparing(Assessment::practitioner));
    if (valid.size() > 1) {
      Assessment winner = valid.get(0);
      Draft w = draft(Key.of(program.name(), winner.practitioner()));
      List<String> others = new ArrayList<>();
      for (Assessment loser : valid.subList(1, valid.size())) {
        Key key = Key.of(program.name(), loser.practitioner());
        blocked.add(key);
        others.add(loser.practitioner().id());
        Draft d = draft(key);
        d.reason(
            Reason.with(BillingReasonCode.OTHER_PRACTITIONER_BILLING)
                .message(
                    "Only one practitioner may bill "
                        + program
                        + " this month; "
                        + winner.practitioner()
                        + " holds the earliest consent ("
                        + winner.consentGiven().map(LocalDate::toString).orElse("?")
                        + ")")
                .putDetail("billingPractitioner", winner.practitioner().id())
                .putDetail("rule", "earliest-consent")
                .build());
        for (Evidence ev : winner.consent().decision().evidence()) {
          if (ev.role() == EvidenceRole.COUNTED) {
            d.evidence(
                Evidence.context(
                    ev.source(),
                    "Consent.performer",
                    "consent given "
                        + winner.consentGiven().map(LocalDate::toString).orElse("?")
                        + " to "
                        + winner.practitioner()));
          }
        }
      }
      w.reason(
          Reason.with(BillingReasonCode.SELECTED_AS_BILLING_PRACTITIONER)
              .message(
                  "Earliest consent among "
                      + valid.size()
                      + " practitioners with enrollment and consent; the others do not bill "
                      + program)
              .putDetail("others", String.join(",", others))
              .build());
    }
    // Claims on file from other practitioners.
    for (Assessment a : assessments.values()) {
      if (a.program() != program) {
        continue;
      }
      Key key = Key.of(program.name(), a.practitioner());
      for (PriorClaim c : in.priorClaims()) {
        if (c.practitioner().equals(a.practitioner()) || !c.touches(month)) {
          continue;
        }
        Optional<BillingCode> code = catalogEntry(c.code());
        if (code.isEmpty() || !code.get().program().equals(Optional.of(program))) {
          continue;
        }
        Draft d = draft(key);
        d.evidence(
            Evidence.context(
                c.source(),
                "ExplanationOfBenefit.item.productOrService",
                c.code() + " by " + c.practitioner() + (c.paid() ? " (paid)" : " (not paid)")));
        if (c.paid()) {
          blocked.add(key);
          d.reason(
              Reason.with(BillingReasonCode.OTHER_PRACTITIONER_BILLING)
                  .message(
                      "A paid claim for "
                          + c.code()
                          + " by "
                          + c.practitioner()
                          + " is on file for "
                          + month
                          + "; only one practitioner may bill "
                          + program)
                  .putDetail("billingPractitioner", c.practitioner().id())
                  .putDetail("claim", c.source().toString())
                  .build());
        } else {
          d.reason(
              Reason.with(BillingReasonCode.OTHER_PRACTITIONER_MAY_BE_BILLING)
                  .message(
                      "Another practitioner may already be billing "
                          + program
                          + " this month ("
                          + c.code()
                          + " by "
                          + c.practitioner()
                          + ", not yet paid)")
                  .putDetail("otherPractitioner", c.practitioner().id())
                  .putDetail("claim", c.source().toString())
                  .build());
        }
      }
    }
  }

  // ---------------------------------------------------------------- step 3: families

  private Optional<Bundle> choose(Key key, Assessment a) {
    Draft draft = draft(key);
    List<BillingCode> bases = new ArrayList<>();
    for (BillingCode c : catalog.codesOf(a.program(), firstDay)) {
      if (c.billedFrom().isDerived() && !c.isAddOn()) {
        bases.add(c);
      }
    }
    List<Bundle> options = new ArrayList<>();
    for (BillingCode base : bases) {
      family(base, a, draft).ifPresent(options::add);
    }
    draft.d.putDetail("selectionPolicy", policy.name());
    draft.d.putDetail("dateOfService", params.dateOfService().name());
    if (options.isEmpty()) {
      draft.reason(
          Reason.with(BillingReasonCode.NO_BILLABLE_CODE)
              .message("No " + a.program() + " code reaches its full threshold and requirements")
              .build());
      return Optional.empty();
    }
    options.sort(this::compareBundles);
    Bundle chosen = options.get(0);
    for (Bundle other : options.subList(1, options.size())) {
      draft.reason(
          Reason.with(BillingReasonCode.OPTION_NOT_TAKEN)
              .message(
                  "Not taken: "
                      + other.option().describe()
                      + " ("
                      + other.option().totalAllowed()
                      + "); "
                      + policy.name()
                      + " chose "
                      + chosen.option().describe())
              .putDetail("option", other.option().describe())
              .putDetail("totalAllowed", other.option().totalAllowed().amount().toPlainString())
              .putDetail("chosen", chosen.option().describe())
              .build());
    }
    return Optional.of(chosen);
  }

  /** The option of one code family (a base code and its add-ons), if it is compliant. */
  private Optional<Bundle> family(BillingCode base, Assessment a, Draft draft) {
    PractitionerRef pr = a.practitioner();
    List<String> unmet = unmetRequirements(base, a.program(), pr, draft);
    if (base.minChronicConditions().isPresent() || base.maxChronicConditions().isPresent()) {
      Optional<Integer> n = chronicCount(pr);
      boolean ok =
          n.isPresent()
              && base.minChronicConditions().map(min -> n.get() >= min).orElse(true)
              && base.maxChronicConditions().map(max -> n.get() <= max).orElse(true);
      if (!ok) {
        unmet.add(
            "chronic conditions "
                + n.map(Object::toString).orElse("unknown")
                + " not in "
                + base.minChronicConditions().map(Object::toString).orElse("0")
                + ".."
                + base.maxChronicConditions().map(Object::toString).orElse("n"));
      }
    }
    if (!unmet.isEmpty()) {
      notAvailable(draft, base, String.join("; ", unmet));
      return Optional.empty();
    }
    List<Planned> lines = new ArrayList<>();
    if (base.billedFrom() == BilledFrom.ENROLLMENT) {
      LocalDate dos = monthlyServiceDate(a);
      lines.add(planned(base, pr, 1, dos, BilledFrom.ENROLLMENT, ImmutableSortedSet.of()));
      return Optional.of(bundle(Key.of(a.program().name(), pr), lines));
    }
    AccruedTime t = a.accrued().orElseThrow();
    Set<StaffRole> roles = roles(base);
    int pool = roles.stream().mapToInt(t::minutes).sum();
    int threshold = base.thresholdMinutes().orElseThrow();
    if (pool < threshold) {
      notAvailable(
          draft,
          base,
          pool
              + " min "
              + roleNames(roles)
              + " counted; "
              + threshold
              + " needed (full threshold)");
      return Optional.empty();
    }
    int remaining = pool - threshold;
    Map<BillingCode, Integer> addOnUnits = new TreeMap<>(Comparator.comparing(BillingCode::code));
    for (BillingCode add : catalog.codes()) {
      if (!add.appliesOn(firstDay)
          || !add.parents().contains(base.code())
          || add.billedFrom() != BilledFrom.TIME) {
        continue;
      }
      List<String> addUnmet = unmetRequirements(add, a.program(), pr, draft);
      if (!addUnmet.isEmpty()) {
        continue;
      }
      int block = add.blockMinutes().orElseThrow();
      int units = remaining / block;
      if (add.maxUnitsPerMonth().isPresent() && units >= add.maxUnitsPerMonth().get()) {
        int cap = add.maxUnitsPerMonth().get();
        units = cap;
        int beyond = remaining - cap * block;
        if (beyond > 0) {
          draft.reason(
              Reason.with(BillingReasonCode.CAP_REACHED)
                  .message(
                      add.code()
                          + " is capped at "
                          + cap
                          + " per month; "
                          + beyond
                          + " min beyond it are not billable under "
                          + base.code())
                  .putDetail("code", add.code())
                  .putDetail("cap", Integer.toString(cap))
                  .putDetail("unbilledMinutes", Integer.toString(beyond))
                  .build());
        }
      }
      if (units > 0) {
        addOnUnits.put(add, units);
        remaining -= units * block;
      }
    }
    int used = pool - remaining;
    LocalDate dos =
        params.dateOfService() == DateOfServicePolicy.MONTH_END
            ? lastDay
            : t.dateReached(roles, used).orElse(lastDay);
    ImmutableSortedSet<SourceRef> evidence = evidenceOf(t, roles);
    lines.add(planned(base, pr, 1, dos, BilledFrom.TIME, evidence));
    addOnUnits.forEach((add, n) -> lines.add(planned(add, pr, n, dos, BilledFrom.TIME, evidence)));
    return Optional.of(bundle(Key.of(a.program().name(), pr), lines));
  }

  private Set<StaffRole> roles(BillingCode base) {
    if (base.performer() == Performer.PRACTITIONER) {
      return EnumSet.of(StaffRole.PRACTITIONER);
    }
    return params.practitionerTimeCountsAsStaff()
        ? EnumSet.of(StaffRole.CLINICAL_STAFF, StaffRole.PRACTITIONER)
        : EnumSet.of(StaffRole.CLINICAL_STAFF);
  }

  private static String roleNames(Set<StaffRole> roles) {
    return String.join("+", roles.stream().map(StaffRole::name).toList());
  }

  private static ImmutableSortedSet<SourceRef> evidenceOf(AccruedTime t, Set<StaffRole> roles) {
    ImmutableSortedSet.Builder<SourceRef> b = ImmutableSortedSet.naturalOrder();
    t.blocks().stream()
        .filter(bl -> roles.contains(bl.role()))
        .forEach(bl -> b.addAll(bl.sources()));
    return b.build();
  }

  private void notAvailable(Draft draft, BillingCode base, String why) {
    draft.reason(
        Reason.with(BillingReasonCode.FAMILY_NOT_AVAILABLE)
            .message(base.code() + " not available: " + why)
            .putDetail("code", base.code())
            .putDetail("why", why)
            .build());
  }

  /** The date of a monthly (enrollment-based) service. */
  private LocalDate monthlyServiceDate(Assessment a) {
    if (params.dateOfService() == DateOfServicePolicy.MONTH_END) {
      return lastDay;
    }
    LocalDate start = firstDay;
    for (Enrollment e : record.enrollments()) {
      if (e.program() == a.program()
          && e.billingPractitioner().equals(a.practitioner())
          && e.period().intersect(days).isPresent()
          && e.period().start().isAfter(start)) {
        start = e.period().start();
      }
    }
    if (!a.consent().coveredDays().isEmpty()) {
      LocalDate consented = a.consent().coveredDays().get(0).start();
      if (consented.isAfter(start)) {
        start = consented;
      }
    }
    return start.isAfter(lastDay) ? lastDay : start;
  }

  /** The requirements of {@code code} not met; records evidence of those met. */
  private List<String> unmetRequirements(
      BillingCode code, CareProgram program, PractitionerRef pr, Draft draft) {
    List<String> unmet = new ArrayList<>();
    for (Requirement r : code.requirements()) {
      switch (r) {
        case COMPLEX_MDM -> {
          Optional<Attestation> at =
              record.attestations().stream()
                  .filter(x -> x.kind() == AttestationKind.COMPLEX_MDM)
                  .filter(x -> x.practitioner().equals(pr))
                  .filter(x -> days.contains(x.date()))
                  .max(Comparator.comparing(Attestation::date).thenComparing(Attestation::source));
          if (at.isPresent() && at.get().value()) {
            draft.evidence(
                Evidence.context(
                    at.get().source(), "Observation.value", "complex-mdm " + at.get().date()));
          } else {
            unmet.add("no complex-mdm attestation by " + pr + " in " + month);
          }
        }
        case INITIATING_VISIT_IN_MONTH -> {
          Set<String> qualifying =
              core.parameters().forDate(ctx.asOf()).initiatingVisit().qualifyingCodes();
          Optional<Visit> v =
              record.visits().stream()
                  .filter(Visit::finished)
                  .filter(x -> x.practitioners().contains(pr) && days.contains(x.date()))
                  .filter(x -> x.codes().stream().map(Code::code).anyMatch(qualifying::contains))
                  .findFirst();
          if (v.isPresent()) {
            draft.evidence(
                Evidence.context(
                    v.get().source(), "Encounter.type", "initiating visit " + v.get().date()));
          } else {
            unmet.add("no qualifying initiating visit by " + pr + " in " + month);
          }
        }
        case COLLABORATIVE_CARE -> {
          if (!in.collaborativeCarePractitioners().contains(pr)) {
            unmet.add(pr + " does not run the collaborative care model for the patient");
          }
        }
        case EPISODE_FIRST_MONTH, EPISODE_LATER_MONTH -> {
          Optional<LocalDate> start = enrollmentStart(program, pr);
          boolean first = start.map(s -> YearMonth.from(s).equals(month)).orElse(false);
          boolean wantFirst = r == Requirement.EPISODE_FIRST_MONTH;
          if (start.isEmpty() || first != wantFirst) {
            unmet.add(
                wantFirst
                    ? "not the first month of the " + program + " enrollment"
                    : "the first month of the " + program + " enrollment");
          }
        }
        case QMB -> {
          if (!isQmb()) {
            unmet.add("the patient is not a QMB in " + month);
          }
        }
      }
    }
    return unmet;
  }

  private Optional<LocalDate> enrollmentStart(CareProgram program, PractitionerRef pr) {
    return record.enrollments().stream()
        .filter(e -> e.program() == program && e.billingPractitioner().equals(pr))
        .filter(e -> !e.period().start().isAfter(lastDay))
        .filter(e -> e.period().intersect(days).isPresent())
        .map(e -> e.period().start())
        .max(Comparator.naturalOrder());
  }

  private boolean isQmb() {
    return record.coverages().stream()
        .filter(c -> c.active() && c.kind() == CoverageKind.MEDICAID && c.qmb())
        .anyMatch(c -> c.period().map(r -> r.intersect(days).isPresent()).orElse(true));
  }

  /** The distinct active chronic conditions ccm-core counts for the practitioner, if it can. */
  private Optional<Integer> chronicCount(PractitionerRef pr) {
    return chronicCounts.computeIfAbsent(
        pr,
        p -> {
          Decision e =
              core.eligibility().evaluate(CareQuery.of(record, CareProgram.CCM, month, p), ctx);
          return Optional.ofNullable(e.details().get("chronicConditions")).map(Integer::valueOf);
        });
  }

  // ---------------------------------------------------------------- step 4: requests

  private List<Bundle> requested(Set<Key> blocked) {
    Map<Key, List<Planned>> byKey = new TreeMap<>();
    for (RequestedService r : in.requestedServices()) {
      Optional<BillingCode> entry = catalog.find(r.code(), r.serviceDate());
      PractitionerRef pr = r.practitioner();
      if (!days.contains(r.serviceDate())) {
        Key key = Key.of(entry.map(this::keyOf).orElse("OTHER"), pr);
        draft(key)
            .reason(
                Reason.with(BillingReasonCode.SERVICE_DATE_OUTSIDE_MONTH)
                    .message(r.code() + " on " + r.serviceDate() + " is outside " + month)
                    .putDetail("request", r.source().toString())
                    .build());
        continue;
      }
      if (entry.isEmpty()) {
        draft(Key.of("OTHER", pr))
            .reason(
                Reason.with(BillingReasonCode.UNKNOWN_CODE)
                    .message(r.code() + " is not in catalog " + catalog.version())
                    .putDetail("code", r.code())
                    .putDetail("request", r.source().toString())
                    .build());
        continue;
      }
      BillingCode code = entry.get();
      Key key = Key.of(keyOf(code), pr);
      Draft draft = draft(key);
      draft.evidence(Evidence.counted(r.source(), "ChargeItem.code", r.code() + " x" + r.units()));
      if (code.billedFrom() == BilledFrom.EXTERNAL) {
        draft.reason(
            Reason.with(BillingReasonCode.CODE_FROM_EXTERNAL_RULES)
                .message(
                    r.code()
                        + " is decided by other rules (e.g. ccm-rpm); pass their line as an external"
                        + " line; the request is ignored")
                .putDetail("request", r.source().toString())
                .build());
        continue;
      }
      if (code.billedFrom() != BilledFrom.REQUEST) {
        draft.reason(
            Reason.with(BillingReasonCode.CODE_DERIVED_BY_ENGINE)
                .message(
                    r.code()
                        + " is derived from "
                        + code.billedFrom().name().toLowerCase(Locale.ROOT)
                        + "; the request is ignored")
                .putDetail("request", r.source().toString())
                .build());
        continue;
      }
      if (blocked.contains(key)) {
        continue;
      }
      if (code.program().isPresent()) {
        CareProgram program = code.program().get();
        Assessment a =
            assessments.computeIfAbsent(
                Key.of(program.name(), pr), k -> assess(program, pr, false));
        boolean ok =
            a.consent().decision().isMet()
                && a.carePlan().isMet()
                && a.eligibility().map(Decision::isMet).orElse(true);
        if (!ok) {
          continue; // the prerequisite's reasons are already in this key's decision
        }
      }
      List<String> unmet =
          unmetRequirements(code, code.program().orElse(CareProgram.CCM), pr, draft);
      if (!unmet.isEmpty()) {
        draft.reason(
            Reason.with(BillingReasonCode.REQUIREMENT_NOT_MET)
                .message(r.code() + " not billable: " + String.join("; ", unmet))
                .putDetail("code", r.code())
                .putDetail("request", r.source().toString())
                .build());
        continue;
      }
      int units = r.units();
      if (code.maxUnitsPerMonth().isPresent() && units > code.maxUnitsPerMonth().get()) {
        units = code.maxUnitsPerMonth().get();
        draft.reason(
            Reason.with(BillingReasonCode.UNITS_CAPPED)
                .message(r.code() + ": " + r.units() + " units requested, cap " + units)
                .putDetail("code", r.code())
                .build());
      }
      LocalDate dos =
          params.dateOfService() == DateOfServicePolicy.MONTH_END && code.basis() == Basis.MONTHLY
              ? lastDay
              : r.serviceDate();
      byKey
          .computeIfAbsent(key, k -> new ArrayList<>())
          .add(
              planned(code, pr, units, dos, BilledFrom.REQUEST, ImmutableSortedSet.of(r.source())));
    }
    List<Bundle> out = new ArrayList<>();
    byKey.forEach((k, v) -> out.add(bundle(k, mergeSameCode(v))));
    return out;
  }

  /** Requests of one code by one practitioner become one line (first date, units added up). */
  private List<Planned> mergeSameCode(List<Planned> lines) {
    Map<String, Planned> merged = new TreeMap<>();
    for (Planned p : lines) {
      merged.merge(
          p.code().code(),
          p,
          (a, b) -> {
            int units = a.units() + b.units();
            if (a.code().maxUnitsPerMonth().isPresent()) {
              units = Math.min(units, a.code().maxUnitsPerMonth().get());
            }
            return planned(
                a.code(),
                a.practitioner(),
                units,
                a.serviceDate().isBefore(b.serviceDate()) ? a.serviceDate() : b.serviceDate(),
                a.from(),
                ImmutableSortedSet.<SourceRef>naturalOrder()
                    .addAll(a.evidence())
                    .addAll(b.evidence())
                    .build());
          });
    }
    return new ArrayList<>(merged.values());
  }

  // ---------------------------------------------------------------- step 4b: external lines

  /**
   * The lines other rules decided (RPM): each must name an EXTERNAL code of the month's catalog and
   * be dated in the month; the code's monthly cap applies across the practitioner's lines. Lines
   * are kept apart (two 99454 periods can end in one month).
   */
  private List<Bundle> external() {
    Map<Key, List<Planned>> byKey = new TreeMap<>();
    Map<String, Integer> unitsSoFar = new HashMap<>();
    for (ExternalLine l : in.externalLines()) {
      Optional<BillingCode> entry = catalog.find(l.code(), l.serviceDate());
      PractitionerRef pr = l.practitioner();
      String what = l.code() + " x" + l.units() + " on " + l.serviceDate();
      if (!days.contains(l.serviceDate())) {
        draft(Key.of(entry.map(this::keyOf).orElse("OTHER"), pr))
            .reason(
                Reason.with(BillingReasonCode.SERVICE_DATE_OUTSIDE_MONTH)
                    .message("External line " + what + " is outside " + month)
                    .putDetail("code", l.code())
                    .build());
        continue;
      }
      if (entry.isEmpty()) {
        draft(Key.of("OTHER", pr))
            .reason(
                Reason.with(BillingReasonCode.UNKNOWN_CODE)
                    .message(
                        "External line "
                            + what
                            + ": "
                            + l.code()
                            + " is not in catalog "
                            + catalog.version())
                    .putDetail("code", l.code())
                    .build());
        continue;
      }
      BillingCode code = entry.get();
      Key key = Key.of(keyOf(code), pr);
      Draft draft = draft(key);
      for (SourceRef src : l.evidence()) {
        draft.evidence(Evidence.counted(src, src.resourceType(), l.code() + " x" + l.units()));
      }
      if (code.billedFrom() != BilledFrom.EXTERNAL) {
        draft.reason(
            Reason.with(BillingReasonCode.NOT_AN_EXTERNAL_CODE)
                .message(
                    "External line "
                        + what
                        + ": "
                        + l.code()
                        + " is billed from "
                        + code.billedFrom().name().toLowerCase(Locale.ROOT)
                        + ", not by other rules; the line is dropped")
                .putDetail("code", l.code())
                .build());
        continue;
      }
      int units = l.units();
      if (code.maxUnitsPerMonth().isPresent()) {
        int cap = code.maxUnitsPerMonth().get();
        String capKey = pr.id() + "|" + code.code();
        int before = unitsSoFar.getOrDefault(capKey, 0);
        int room = Math.max(0, cap - before);
        if (units > room) {
          draft.reason(
              Reason.with(BillingReasonCode.UNITS_CAPPED)
                  .message(
                      l.code() + ": " + (before + units) + " units in external lines, cap " + cap)
                  .putDetail("code", l.code())
                  .build());
          units = room;
        }
        unitsSoFar.put(capKey, before + units);
        if (units == 0) {
          continue;
        }
      }
      byKey
          .computeIfAbsent(key, k -> new ArrayList<>())
          .add(
              new Planned(
                  code,
                  pr,
                  units,
                  l.serviceDate(),
                  l.servicePeriod(),
                  BilledFrom.EXTERNAL,
                  l.evidence(),
                  Pricing.price(code, pr, in, params)));
    }
    List<Bundle> out = new ArrayList<>();
    byKey.forEach((k, v) -> out.add(bundle(k, v)));
    return out;
  }

  private String keyOf(BillingCode code) {
    return code.program().map(CareProgram::name).orElse(code.group());
  }

  // ---------------------------------------------------------------- step 5: concurrency

  private List<Bundle> resolveConflicts(List<Bundle> candidates) {
    List<Bundle> order = new ArrayList<>(candidates);
    order.sort(this::compareBundles);
    List<Bundle> alive = new ArrayList<>();
    // a. block-first pairs and claims on file.
    for (Bundle x : order) {
      Optional<String> why = Optional.empty();
      for (Bundle y : order) {
        if (y == x) {
          continue;
        }
        for (ConcurrencyRule r : rules(x.groups(), y.groups())) {
          ConcurrencyAction act = action(r, samePractitioner(x, y));
          if (act == ConcurrencyAction.BLOCK_FIRST && x.groups().contains(r.first())) {
            block(x, r, y.option().describe() + " by " + practitioner(y));
            why = Optional.of(r.id());
          }
        }
      }
      for (PriorClaim c : in.priorClaims()) {
        Optional<BillingCode> code = onFileCode(c);
        if (code.isEmpty()) {
          continue;
        }
        for (ConcurrencyRule r : rules(x.groups(), Set.of(code.get().group()))) {
          boolean same = practitioner(x).equals(c.practitioner());
          ConcurrencyAction act = action(r, same);
          String other = c.code() + " on file (" + c.source() + ") by " + c.practitioner();
          if (act == ConcurrencyAction.BLOCK_FIRST && x.groups().contains(r.first())) {
            block(x, r, other);
            why = Optional.of(r.id());
          } else if (act == ConcurrencyAction.KEEP_PREFERRED) {
            draft(x.key())
                .reason(
                    Reason.with(BillingReasonCode.CONCURRENCY_CONFLICT)
                        .message(
                            x.option().describe()
                                + " conflicts with "
                                + other
                                + " ("
                                + r.id()
                                + "); a claim on file stays, so this is not billed")
                        .putDetail("pair", r.id())
                        .putDetail("claim", c.source().toString())
                        .build());
            draft(x.key())
                .evidence(
                    Evidence.context(
                        c.source(), "ExplanationOfBenefit.item.productOrService", c.code()));
            why = Optional.of(r.id());
          } else if (act == ConcurrencyAction.WARN) {
            warn(x, r, other);
          }
        }
      }
      if (why.isEmpty()) {
        alive.add(x);
      }
    }
    // b. keep-preferred pairs, greedily in policy order.
    List<Bundle> accepted = new ArrayList<>();
    for (Bundle x : alive) {
      Optional<Bundle> winner = Optional.empty();
      Optional<ConcurrencyRule> rule = Optional.empty();
      for (Bundle y : accepted) {
        for (ConcurrencyRule r : rules(x.groups(), y.groups())) {
          if (action(r, samePractitioner(x, y)) == ConcurrencyAction.KEEP_PREFERRED) {
            winner = Optional.of(y);
            rule = Optional.of(r);
          }
        }
        if (winner.isPresent()) {
          break;
        }
      }
      if (winner.isPresent()) {
        Bundle y = winner.get();
        ConcurrencyRule r = rule.orElseThrow();
        draft(x.key())
            .reason(
                Reason.with(BillingReasonCode.CONCURRENCY_CONFLICT)
                    .message(
                        x.option().describe()
                            + " ("
                            + x.option().totalAllowed()
                            + ") and "
                            + y.option().describe()
                            + " ("
                            + y.option().totalAllowed()
                            + ") may not both be billed ("
                            + r.id()
                            + "); "
                            + policy.name()
                            + " keeps "
                            + y.option().describe())
                    .putDetail("pair", r.id())
                    .putDetail("kept", y.key().program() + ":" + y.option().describe())
                    .putDetail("keptPractitioner", practitioner(y).id())
                    .build());
        draft(y.key())
            .reason(
                Reason.with(BillingReasonCode.CONCURRENCY_KEPT)
                    .message(
                        y.option().describe()
                            + " kept over "
                            + x.option().describe()
                            + " ("
                            + x.option().totalAllowed()
                            + "), which may not be billed with it ("
                            + r.id()
                            + ")")
                    .putDetail("pair", r.id())
                    .putDetail("notBilled", x.key().program() + ":" + x.option().describe())
                    .build());
      } else {
        accepted.add(x);
      }
    }
    // c. warnings between what is billed.
    for (Bundle x : accepted) {
      for (Bundle y : accepted) {
        if (x == y) {
          continue;
        }
        for (ConcurrencyRule r : rules(x.groups(), y.groups())) {
          if (action(r, samePractitioner(x, y)) == ConcurrencyAction.WARN) {
            warn(x, r, y.option().describe() + " by " + practitioner(y));
          }
        }
      }
    }
    return accepted;
  }

  private void block(Bundle x, ConcurrencyRule r, String other) {
    draft(x.key())
        .reason(
            Reason.with(BillingReasonCode.CONCURRENCY_BLOCKED)
                .message(
                    x.option().describe()
                        + " is not billed while "
                        + other
                        + " is present ("
                        + r.id()
                        + r.openQuestion().map(q -> ", default for open question " + q).orElse("")
                        + ")")
                .putDetail("pair", r.id())
                .putDetail("other", other)
                .build());
  }

  private void warn(Bundle x, ConcurrencyRule r, String other) {
    draft(x.key())
        .reason(
            Reason.with(BillingReasonCode.CONCURRENCY_WARNING)
                .message(
                    x.option().describe()
                        + " with "
                        + other
                        + ": allowed with a warning ("
                        + r.id()
                        + r.openQuestion().map(q -> ", open question " + q).orElse("")
                        + ")")
                .putDetail("pair", r.id())
                .putDetail("other", other)
                .build());
  }

  /** The rules pairing a group of {@code a} with a group of {@code b}, in file order. */
  private List<ConcurrencyRule> rules(Set<String> a, Set<String> b) {
    List<ConcurrencyRule> out = new ArrayList<>();
    for (ConcurrencyRule r : params.concurrency()) {
      if ((a.contains(r.first()) && b.contains(r.second()))
          || (a.contains(r.second()) && b.contains(r.first()))) {
        out.add(r);
      }
    }
    return out;
  }

  private static ConcurrencyAction action(ConcurrencyRule r, boolean same) {
    return same ? r.samePractitioner() : r.differentPractitioners();
  }

  private static boolean samePractitioner(Bundle x, Bundle y) {
    return practitioner(x).equals(practitioner(y));
  }

  private static PractitionerRef practitioner(Bundle b) {
    return b.option().practitioner();
  }

  private Optional<BillingCode> onFileCode(PriorClaim c) {
    if (!c.touches(month)) {
      return Optional.empty();
    }
    return catalogEntry(c.code());
  }

  private Optional<BillingCode> catalogEntry(String code) {
    return catalog.find(code, firstDay).or(() -> catalog.find(code, lastDay));
  }

  /** Drops requested add-ons whose parent is not billed (or on file) by the same practitioner. */
  private List<Bundle> checkParents(List<Bundle> accepted) {
    Set<String> billed = new TreeSet<>();
    for (Bundle b : accepted) {
      for (Planned p : b.lines()) {
        billed.add(p.practitioner().id() + "|" + p.code().code());
      }
    }
    for (PriorClaim c : in.priorClaims()) {
      if (c.touches(month)) {
        billed.add(c.practitioner().id() + "|" + c.code());
      }
    }
    List<Bundle> out = new ArrayList<>();
    for (Bundle b : accepted) {
      List<Planned> kept = new ArrayList<>();
      for (Planned p : b.lines()) {
        boolean parentOk =
            !p.code().isAddOn()
                || p.code().parents().stream()
                    .anyMatch(parent -> billed.contains(p.practitioner().id() + "|" + parent));
        if (parentOk) {
          kept.add(p);
        } else {
          draft(b.key())
              .reason(
                  Reason.with(BillingReasonCode.ADD_ON_WITHOUT_PARENT)
                      .message(
                          p.code().code()
                              + " is an add-on of "
                              + String.join("/", p.code().parents())
                              + ", which "
                              + p.practitioner()
                              + " does not bill in "
                              + month)
                      .putDetail("code", p.code().code())
                      .build());
        }
      }
      if (kept.size() == b.lines().size()) {
        out.add(b);
      } else if (!kept.isEmpty()) {
        out.add(bundle(b.key(), kept));
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- step 6: lines

  private Planned planned(
      BillingCode code,
      PractitionerRef pr,
      int units,
      LocalDate dos,
      BilledFrom from,
      ImmutableSortedSet<SourceRef> evidence) {
    return new Planned(
        code,
        pr,
        units,
        dos,
        Optional.empty(),
        from,
        evidence,
        Pricing.price(code, pr, in, params));
  }

  private Bundle bundle(Key key, List<Planned> lines) {
    Money total = Money.zero(Money.USD);
    boolean known = true;
    Map<String, Integer> units = new TreeMap<>();
    Set<String> groups = new TreeSet<>();
    for (Planned p : lines) {
      total = total.plus(p.total());
      known &= p.price().unit().isPresent();
      units.merge(p.code().code(), p.units(), Integer::sum);
      groups.add(p.code().group());
    }
    BillingOption option =
        BillingOption.builder()
            .program(key.program())
            .practitioner(lines.get(0).practitioner())
            .baseCode(lines.get(0).code().code())
            .units(ImmutableSortedMap.copyOf(units))
            .totalAllowed(total)
            .amountsKnown(known)
            .build();
    return new Bundle(key, ImmutableList.copyOf(lines), option, ImmutableSet.copyOf(groups));
  }

  private int compareBundles(Bundle a, Bundle b) {
    int c = policy.prefer(a.option(), b.option());
    if (c != 0) {
      return c;
    }
    c = a.key().compareTo(b.key());
    return c != 0 ? c : a.option().baseCode().compareTo(b.option().baseCode());
  }

  private ClaimLine toLine(Planned p, Draft draft) {
    ImmutableClaimLine.Builder b =
        ClaimLine.builder()
            .practitioner(p.practitioner())
            .code(p.code().code())
            .group(p.code().group())
            .units(p.units())
            .serviceDate(p.serviceDate())
            .servicePeriod(p.servicePeriod())
            .billedFrom(p.from())
            .evidence(p.evidence());
    p.code().program().ifPresent(b::program);
    p.price().unit().ifPresent(u -> b.unitAmount(u).allowed(p.total()));
    p.price().source().ifPresent(b::amountSource);
    p.price().reasons().forEach(draft::reason);
    for (PriorClaim c : in.priorClaims()) {
      if (c.practitioner().equals(p.practitioner())
          && c.code().equals(p.code().code())
          && c.touches(month)) {
        b.onFile(c.source());
        draft.reason(
            Reason.with(BillingReasonCode.ALREADY_ON_FILE)
                .message(p.code().code() + " is already on file as " + c.source())
                .putDetail("code", p.code().code())
                .putDetail("claim", c.source().toString())
                .build());
        break;
      }
    }
    return b.build();
  }

  private void warnMue(List<ClaimLine> lines) {
    for (ClaimLine l : lines) {
      for (MueEdit m : params.mue()) {
        if (m.code().equals(l.code()) && l.units() > m.units()) {
          Key key = Key.of(l.program().map(CareProgram::name).orElse(l.group()), l.practitioner());
          draft(key)
              .reason(
                  Reason.with(BillingReasonCode.MUE_EXCEEDED)
                      .message(
                          l.code()
                              + " x"
                              + l.units()
                              + " exceeds its MUE of "
                              + m.units()
                              + " (MAI "
                              + m.mai()
                              + "): a per-claim edit, warned, not capped")
                      .putDetail("code", l.code())
                      .putDetail("mue", Integer.toString(m.units()))
                      .putDetail("mai", Integer.toString(m.mai()))
                      .build());
        }
      }
    }
  }

  private Draft draft(Key key) {
    return drafts.computeIfAbsent(key, Draft::new);
  }

  private static List<Reason> dedupe(List<Reason> reasons) {
    return ImmutableList.copyOf(new LinkedHashSet<>(reasons));
  }
}
