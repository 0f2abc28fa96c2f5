package org.ccmkit.core.rules;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.ccmkit.core.condition.ChronicConditionClassifier;
import org.ccmkit.core.condition.ConditionClass;
import org.ccmkit.core.model.Attestation;
import org.ccmkit.core.model.AttestationKind;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.Code;
import org.ccmkit.core.model.ConditionRecord;
import org.ccmkit.core.model.Patient;
import org.ccmkit.core.model.VerificationStatus;
import org.ccmkit.core.params.CoreParameters;
import org.ccmkit.core.params.EligibilityParameters;
import org.ccmkit.core.params.ParameterCatalog;
import org.ccmkit.core.rule.Decision;
import org.ccmkit.core.rule.EvaluationContext;
import org.ccmkit.core.rule.Evidence;
import org.ccmkit.core.rule.ImmutableDecision;
import org.ccmkit.core.rule.Outcome;
import org.ccmkit.core.rule.Reason;
import org.ccmkit.core.rule.Rule;

/**
 * CCM/PCM eligibility on the context's date (rules reference §4.1, §4.2): enough distinct active
 * chronic conditions (CCM two, PCM one), each disease counted once; MET only with a
 * significant-risk attestation, else INDETERMINATE. Not eligible after the date of death.
 */
final class EligibilityRule implements Rule<CareQuery> {
  static final String NAME = "core.eligibility";

  private final ParameterCatalog<CoreParameters> parameters;
  private final ChronicConditionClassifier classifier;

  EligibilityRule(
      ParameterCatalog<CoreParameters> parameters, ChronicConditionClassifier classifier) {
    this.parameters = parameters;
    this.classifier = classifier;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Decision evaluate(CareQuery q, EvaluationContext ctx) {
    CoreParameters p = parameters.forDate(ctx.asOf());
    EligibilityParameters e = p.eligibility();
    ImmutableDecision.Builder d = Queries.decision(NAME, p.version(), q, ctx);
    d.putDetail("classifier", classifier.id());
    LocalDate asOf = ctx.asOf();
    Patient patient = q.record().patient();
    if (!patient.isAliveOn(asOf)) {
      return d.outcome(Outcome.NOT_MET)
          .addReason(Reason.of(CoreReasonCode.PATIENT_DECEASED, "The patient died before " + asOf))
          .addEvidence(Evidence.context(patient.source(), "Patient.deceased", "deceased"))
          .build();
    }
    Optional<Integer> min = e.minFor(q.program());
    if (min.isEmpty()) {
      return d.outcome(Outcome.INDETERMINATE)
          .addReason(
              Reason.of(
                  CoreReasonCode.NO_ELIGIBILITY_CRITERIA,
                  "No condition-count criterion is configured for " + q.program()))
          .build();
    }

    // Each condition either counts (first of its disease group), is grouped with one already
    // counted, or is excluded with a reason. Records are sorted by source, so the first is stable.
    Map<String, ConditionRecord> groups = new LinkedHashMap<>();
    for (ConditionRecord c : q.record().conditions()) {
      Optional<CoreReasonCode> excluded = exclusion(c, asOf);
      if (excluded.isPresent()) {
        d.addEvidence(
            Evidence.excluded(c.source(), path(excluded.get()), display(c), excluded.get()));
        continue;
      }
      Optional<ConditionClass> chronic = chronicClass(c);
      if (chronic.isEmpty()) {
        CoreReasonCode why =
            c.codes().stream().anyMatch(code -> classifier.classify(code).isPresent())
                ? CoreReasonCode.CONDITION_NOT_CHRONIC
                : CoreReasonCode.CONDITION_NOT_CLASSIFIED;
        d.addEvidence(Evidence.excluded(c.source(), "Condition.code", display(c), why));
        continue;
      }
      String group = chronic.get().group();
      ConditionRecord first = groups.putIfAbsent(group, c);
      if (first == null) {
        d.addEvidence(Evidence.counted(c.source(), "Condition.code", group + " " + display(c)));
      } else {
        d.addEvidence(
            Evidence.builder()
                .from(Evidence.context(c.source(), "Condition.code", group + " " + display(c)))
                .reason(CoreReasonCode.CONDITION_SAME_DISEASE_GROUP.name())
                .build());
      }
    }

    int count = groups.size();
    d.putDetail("chronicConditions", Integer.toString(count))
        .putDetail("required", Integer.toString(min.get()))
        .putDetail("groups", String.join(",", groups.keySet()));
    if (count < min.get()) {
      d.outcome(Outcome.NOT_MET)
          .addReason(
              Reason.with(CoreReasonCode.TOO_FEW_CHRONIC_CONDITIONS)
                  .message(
                      q.program()
                          + " needs "
                          + min.get()
                          + " distinct active chronic conditions; found "
                          + count)
                  .putDetail("found", Integer.toString(count))
                  .putDetail("required", Integer.toString(min.get()))
                  .build());
      Optional<Integer> pcm = e.minFor(CareProgram.PCM);
      if (q.program() != CareProgram.PCM && pcm.isPresent() && count >= pcm.get()) {
        d.addReason(
            Reason.of(
                CoreReasonCode.PCM_MAY_APPLY,
                "One qualifying condition: principal care management may apply"));
      }
      return d.build();
    }
    d.addReason(
        Reason.of(
            CoreReasonCode.CHRONIC_CONDITIONS_MET,
            count + " distinct active chronic conditions (" + min.get() + " required)"));
    if (!e.significantRiskAttestationRequired().contains(q.program())) {
      return d.outcome(Outcome.MET).build();
    }
    Optional<Attestation> attestation = latestRiskAttestation(q, asOf);
    if (attestation.isEmpty()) {
      return d.outcome(Outcome.INDETERMINATE)
          .addReason(
              Reason.of(
                  CoreReasonCode.SIGNIFICANT_RISK_ATTESTATION_PENDING,
                  "Eligible pending practitioner attestation of significant risk"))
          .build();
    }
    Attestation a = attestation.get();
    d.addEvidence(
        Evidence.context(
            a.source(), "Observation.value", a.value() ? "significant-risk" : "not-at-risk"));
    if (!a.value()) {
      return d.outcome(Outcome.NOT_MET)
          .addReason(
              Reason.of(
                  CoreReasonCode.SIGNIFICANT_RISK_NOT_ATTESTED,
                  "The latest attestation says the patient is not at significant risk"))
          .build();
    }
    return d.outcome(Outcome.MET)
        .addReason(
            Reason.of(
                CoreReasonCode.SIGNIFICANT_RISK_ATTESTED,
                "Significant risk attested on " + a.date()))
        .build();
  }

  private static Optional<CoreReasonCode> exclusion(ConditionRecord c, LocalDate asOf) {
    if (c.verificationStatus() == VerificationStatus.ENTERED_IN_ERROR) {
      return Optional.of(CoreReasonCode.CONDITION_ENTERED_IN_ERROR);
    }
    if (c.verificationStatus() == VerificationStatus.REFUTED) {
      return Optional.of(CoreReasonCode.CONDITION_REFUTED);
    }
    if (!c.clinicalStatus().isActive()) {
      return Optional.of(CoreReasonCode.CONDITION_NOT_ACTIVE);
    }
    if (c.abatedWithoutDate() || c.abatement().map(a -> !a.isAfter(asOf)).orElse(false)) {
      return Optional.of(CoreReasonCode.CONDITION_ABATED);
    }
    if (c.onset().map(o -> o.isAfter(asOf)).orElse(false)) {
      return Optional.of(CoreReasonCode.CONDITION_NOT_YET_ONSET);
    }
    return Optional.empty();
  }

  /**
   * The class a condition counts under: that of a chronic SNOMED CT coding if it has one, else of
   * its first chronic coding (docs/rules/chronic-conditions.md §1). Preferring SNOMED keeps a
   * disease coded in both systems in one group, since an ICD-10-CM code may only have its category
   * group.
   */
  private Optional<ConditionClass> chronicClass(ConditionRecord c) {
    Optional<ConditionClass> first = Optional.empty();
    for (Code code : c.codes()) {
      Optional<ConditionClass> cls = classifier.classify(code);
      if (cls.isPresent() && cls.get().isChronic()) {
        if (Code.SNOMED.equals(code.system())) {
          return cls;
        }
        if (first.isEmpty()) {
          first = cls;
        }
      }
    }
    return first;
  }

  /** The latest significant-risk attestation on or before the date (ties: the later source). */
  private static Optional<Attestation> latestRiskAttestation(CareQuery q, LocalDate asOf) {
    return q.record().attestations().stream()
        .filter(a -> a.kind() == AttestationKind.SIGNIFICANT_RISK)
        .filter(a -> !a.date().isAfter(asOf))
        .max(Comparator.comparing(Attestation::date).thenComparing(Attestation::source));
  }

  private static String path(CoreReasonCode why) {
    return switch (why) {
      case CONDITION_ENTERED_IN_ERROR, CONDITION_REFUTED -> "Condition.verificationStatus";
      case CONDITION_NOT_ACTIVE -> "Condition.clinicalStatus";
      case CONDITION_ABATED -> "Condition.abatement";
      case CONDITION_NOT_YET_ONSET -> "Condition.onset";
      default -> "Condition.code";
    };
  }

  private static String display(ConditionRecord c) {
    return c.codes().first().code();
  }
}
