package org.ccmkit.core.sweep;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.ConditionRecord;
import org.ccmkit.core.model.ConsentDisclosure;
import org.ccmkit.core.model.Coverage;
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
import org.ccmkit.core.rule.EvidenceRole;
import org.ccmkit.core.rule.Outcome;
import org.ccmkit.core.rules.CareQuery;
import org.ccmkit.core.rules.CoreReasonCode;
import org.ccmkit.core.rules.CoreRules;

/**
 * The eligibility sweep: screens one patient record at a time (so it can run over a stream of
 * records) for CCM or PCM, for patients not enrolled in either. It decides nothing itself: the
 * status comes from the core eligibility rule ({@code core.eligibility}, rules reference §4.1,
 * §4.2; ELIG-T01..T03) and the initiating visit from {@code core.initiating-visit} (§4.3) run on
 * the record with a proposed enrollment starting on the as-of date; the sweep adds the score
 * (weights from {@link SweepParameters}) and the consent disclosures (§5). Pure, immutable,
 * thread-safe and serializable.
 *
 * <pre>{@code
 * EligibilitySweep sweep = EligibilitySweep.standard();
 * EvaluationContext ctx = EvaluationContext.of(LocalDate.of(2026, 3, 31), ZoneId.of("America/New_York"));
 * ImmutableList<Screening> ranked = EligibilitySweep.rank(records.stream().map(r -> sweep.screen(r, ctx)).toList());
 * }</pre>
 *
 * @since 0.2.0
 */
public final class EligibilitySweep implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The id prefix of the proposed enrollment the initiating-visit rule is asked about. */
  public static final String PROPOSED_ENROLLMENT_PREFIX = "proposed-";

  private final CoreRules core;
  private final ParameterCatalog<SweepParameters> parameters;

  private EligibilitySweep(CoreRules core, ParameterCatalog<SweepParameters> parameters) {
    this.core = core;
    this.parameters = parameters;
  }

  /**
   * Returns the sweep with the standard core rules and the shipped weights (CY2025, CY2026).
   *
   * @return the sweep
   */
  public static EligibilitySweep standard() {
    return new EligibilitySweep(CoreRules.standard(), SweepParameters.builtIn());
  }

  /**
   * Returns the sweep with the given core rules and weights.
   *
   * @param core the core rules
   * @param parameters the sweep parameters
   * @return the sweep
   */
  public static EligibilitySweep of(CoreRules core, ParameterCatalog<SweepParameters> parameters) {
    return new EligibilitySweep(checkNotNull(core, "core"), checkNotNull(parameters, "parameters"));
  }

  /** Returns the sweep parameters. */
  public ParameterCatalog<SweepParameters> parameters() {
    return parameters;
  }

  /**
   * Returns the disclosures a patient's consent to {@code program} must cover on {@code asOf}
   * (rules reference §5): the core consent parameters' {@code requiredDisclosures} in effect on
   * that date, the same list the consent rule checks (CONS-T05).
   *
   * @param program the program
   * @param asOf the date
   * @return the disclosures, in enum order; empty when the program requires none
   * @throws org.ccmkit.core.rule.CcmException with {@code NO_PARAMETERS_FOR_DATE} if no core
   *     parameters are in effect on {@code asOf}
   */
  public ImmutableList<ConsentDisclosure> requiredDisclosures(CareProgram program, LocalDate asOf) {
    checkNotNull(program, "program");
    checkNotNull(asOf, "asOf");
    return core.parameters().forDate(asOf).consent().disclosuresFor(program).asList();
  }

  /**
   * Ranks screenings: candidates only, by score (highest first), ties by patient id.
   *
   * @param screenings the screenings, in any order
   * @return the candidates, ranked
   */
  public static ImmutableList<Screening> rank(Collection<Screening> screenings) {
    return screenings.stream()
        .filter(Screening::isCandidate)
        .sorted(Screening.RANKING)
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * Screens one patient on the context's date.
   *
   * @param record the patient's record
   * @param context the as-of date and the practice's zone
   * @return the screening
   * @throws org.ccmkit.core.rule.CcmException with {@code NO_PARAMETERS_FOR_DATE} if no sweep or
   *     core parameters are in effect on the context's date
   */
  public Screening screen(PatientRecord record, EvaluationContext context) {
    checkNotNull(record, "record");
    checkNotNull(context, "context");
    SweepParameters p = parameters.forDate(context.asOf());
    LocalDate asOf = context.asOf();
    YearMonth month = YearMonth.from(asOf);
    var s =
        Screening.builder()
            .patient(record.ref())
            .asOf(asOf)
            .parametersVersion(p.version())
            .coverages(coverages(record, asOf))
            .initiatingVisitRequired(false)
            .score(0);
    if (!record.patient().isAliveOn(asOf)) {
      return s.status(CandidateStatus.DECEASED).build();
    }
    if (enrolled(record, asOf)) {
      return s.status(CandidateStatus.ENROLLED).build();
    }
    Decision ccm =
        core.eligibility().evaluate(CareQuery.of(record, CareProgram.CCM, month), context);
    s.addDecision(ccm).conditions(findings(record, ccm));
    CandidateStatus status;
    if (ccm.outcome() == Outcome.MET) {
      status = CandidateStatus.CCM_ELIGIBLE;
    } else if (ccm.hasReason(CoreReasonCode.SIGNIFICANT_RISK_ATTESTATION_PENDING)) {
      status = CandidateStatus.CCM_PENDING_ATTESTATION;
    } else if (ccm.hasReason(CoreReasonCode.SIGNIFICANT_RISK_NOT_ATTESTED)) {
      status = CandidateStatus.NOT_AT_RISK;
    } else if (ccm.hasReason(CoreReasonCode.PCM_MAY_APPLY)) {
      Decision pcm =
          core.eligibility().evaluate(CareQuery.of(record, CareProgram.PCM, month), context);
      s.addDecision(pcm);
      if (pcm.outcome() == Outcome.MET) {
        status = CandidateStatus.PCM_ELIGIBLE;
      } else if (pcm.hasReason(CoreReasonCode.SIGNIFICANT_RISK_ATTESTATION_PENDING)) {
        status = CandidateStatus.PCM_PENDING_ATTESTATION;
      } else if (pcm.hasReason(CoreReasonCode.SIGNIFICANT_RISK_NOT_ATTESTED)) {
        status = CandidateStatus.NOT_AT_RISK;
      } else {
        status = CandidateStatus.NO_CHRONIC_CONDITION;
      }
    } else {
      status = CandidateStatus.NO_CHRONIC_CONDITION;
    }
    s.status(status);
    Optional<CareProgram> program = status.program();
    if (program.isEmpty()) {
      return s.build();
    }
    s.disclosures(requiredDisclosures(program.get(), asOf));

    Optional<PractitionerRef> practitioner = latestPractitioner(record, asOf);
    practitioner.ifPresent(s::practitioner);
    if (practitioner.isPresent()) {
      Decision iv =
          core.initiatingVisit()
              .evaluate(
                  CareQuery.of(
                      withProposedEnrollment(record, program.get(), practitioner.get(), asOf),
                      program.get(),
                      month,
                      practitioner.get()),
                  context);
      s.addDecision(iv).initiatingVisitRequired(iv.outcome() != Outcome.MET);
    } else {
      s.initiatingVisitRequired(true);
    }

    ImmutableList<ScoreComponent> components = score(record, ccm, p, asOf);
    return s.components(components)
        .score(components.stream().mapToInt(ScoreComponent::points).sum())
        .build();
  }

  /** Score components: counted groups, recent acute encounters, RPM candidacy. */
  private static ImmutableList<ScoreComponent> score(
      PatientRecord record, Decision ccm, SweepParameters p, LocalDate asOf) {
    List<ScoreComponent> out = new ArrayList<>();
    List<SourceRef> rpmEvidence = new ArrayList<>();
    SortedSet<String> rpmGroups = new TreeSet<>();
    for (Evidence e : ccm.evidence()) {
      if (e.role() != EvidenceRole.COUNTED) {
        continue;
      }
      String group = groupOf(e);
      out.add(
          ScoreComponent.builder()
              .code(SweepReasonCode.CHRONIC_CONDITION)
              .points(p.weightOf(group))
              .detail(group)
              .addEvidence(e.source())
              .build());
      if (p.rpmConditionGroups().contains(group)) {
        rpmEvidence.add(e.source());
        rpmGroups.add(group);
      }
    }
    DateRange lookback = DateRange.ofClosed(asOf.minusDays(p.acuteEncounterLookbackDays()), asOf);
    List<Visit> acute =
        record.visits().stream()
            .filter(Visit::finished)
            .filter(v -> v.encounterClass().map(p.acuteEncounterClasses()::contains).orElse(false))
            .filter(v -> lookback.contains(v.date()))
            .sorted(Comparator.comparing(Visit::date).thenComparing(Visit::source).reversed())
            .limit(p.acuteEncounterMax())
            .toList();
    for (Visit v : acute) {
      out.add(
          ScoreComponent.builder()
              .code(SweepReasonCode.RECENT_ACUTE_ENCOUNTER)
              .points(p.acuteEncounterWeight())
              .detail(v.encounterClass().orElse("") + " " + v.date())
              .addEvidence(v.source())
              .build());
    }
    boolean inRpm =
        record.enrollments().stream()
            .anyMatch(
                e ->
                    e.program() == CareProgram.RPM
                        && (e.period().contains(asOf) || e.period().start().isAfter(asOf)));
    if (!rpmGroups.isEmpty() && !inRpm) {
      out.add(
          ScoreComponent.builder()
              .code(SweepReasonCode.RPM_CANDIDATE)
              .points(p.rpmCandidateWeight())
              .detail(String.join(",", rpmGroups))
              .addAllEvidence(rpmEvidence)
              .build());
    }
    return ImmutableList.sortedCopyOf(
        Comparator.comparing(ScoreComponent::code)
            .thenComparing(ScoreComponent::detail)
            .thenComparing(c -> c.evidence().toString()),
        out);
  }

  /** What the eligibility decision said about each condition, in the record's (source) order. */
  private static ImmutableList<ConditionFinding> findings(PatientRecord record, Decision d) {
    ImmutableList.Builder<ConditionFinding> out = ImmutableList.builder();
    for (ConditionRecord c : record.conditions()) {
      Optional<Evidence> e =
          d.evidence().stream().filter(x -> x.source().equals(c.source())).findFirst();
      if (e.isEmpty()) {
        continue;
      }
      Evidence ev = e.get();
      var f = ConditionFinding.builder().source(c.source()).codes(c.codes());
      switch (ev.role()) {
        case COUNTED -> f.counted(true).group(groupOf(ev));
        case CONTEXT -> f.counted(false).group(groupOf(ev)).reason(ev.reason());
        case EXCLUDED -> f.counted(false).reason(ev.reason());
      }
      out.add(f.build());
    }
    return out.build();
  }

  /** The group of a counted or same-group evidence: its value is "GROUP code" (EligibilityRule). */
  private static String groupOf(Evidence e) {
    String v = e.value();
    int space = v.indexOf(' ');
    return space < 0 ? v : v.substring(0, space);
  }

  /** Whether the patient has a CCM or PCM enrollment in force on the date or starting after it. */
  private static boolean enrolled(PatientRecord record, LocalDate asOf) {
    return record.enrollments().stream()
        .filter(e -> e.program() == CareProgram.CCM || e.program() == CareProgram.PCM)
        .anyMatch(e -> e.period().contains(asOf) || e.period().start().isAfter(asOf));
  }

  /** Coverages active on the date (status active, period unknown or containing it). */
  private static ImmutableList<Coverage> coverages(PatientRecord record, LocalDate asOf) {
    return record.coverages().stream()
        .filter(Coverage::active)
        .filter(c -> c.period().map(r -> r.contains(asOf)).orElse(true))
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * The first practitioner of the patient's latest visit with one, on or before the date (ties: the
   * later source): the practitioner assumed to bill the program.
   */
  private static Optional<PractitionerRef> latestPractitioner(
      PatientRecord record, LocalDate asOf) {
    return record.visits().stream()
        .filter(Visit::finished)
        .filter(v -> v.encounterClass().isEmpty() && !v.practitioners().isEmpty())
        .filter(v -> !v.date().isAfter(asOf))
        .max(Comparator.comparing(Visit::date).thenComparing(Visit::source))
        .map(v -> v.practitioners().first());
  }

  /** The record with a proposed enrollment in the program, starting on the date. */
  private static PatientRecord withProposedEnrollment(
      PatientRecord record, CareProgram program, PractitionerRef practitioner, LocalDate start) {
    return PatientRecord.builder()
        .from(record)
        .addEnrollment(
            Enrollment.builder()
                .source(SourceRef.of("EpisodeOfCare", PROPOSED_ENROLLMENT_PREFIX + program.code()))
                .patient(record.ref())
                .program(program)
                .billingPractitioner(practitioner)
                .period(DateRange.startingOn(start))
                .build())
        .build();
  }
}
