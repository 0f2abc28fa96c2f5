package org.ccmkit.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccmkit.billing.Fixtures.DR_A;
import static org.ccmkit.billing.Fixtures.PATIENT;
import static org.ccmkit.billing.Fixtures.codes;
import static org.ccmkit.billing.Fixtures.reason;
import static org.ccmkit.core.model.CareProgram.CCM;
import static org.ccmkit.core.model.CareProgram.PCM;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.ccmkit.core.condition.ChronicConditionClassifiers;
import org.ccmkit.core.model.CarePlanElement;
import org.ccmkit.core.model.CarePlanRecord;
import org.ccmkit.core.model.CarePlanStatus;
import org.ccmkit.core.model.Consent;
import org.ccmkit.core.model.ConsentDisclosure;
import org.ccmkit.core.model.ConsentStatus;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.model.ElementState;
import org.ccmkit.core.model.ElementStatus;
import org.ccmkit.core.model.ImmutableCarePlanRecord;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.core.params.CoreParameters;
import org.ccmkit.core.params.ImmutableCarePlanParameters;
import org.ccmkit.core.params.ImmutableConsentParameters;
import org.ccmkit.core.params.ImmutableCoreParameters;
import org.ccmkit.core.rule.Decision;
import org.ccmkit.core.rule.Outcome;
import org.ccmkit.core.rule.Severity;
import org.ccmkit.core.rules.CoreReasonCode;
import org.ccmkit.core.rules.CoreRules;
import org.junit.jupiter.api.Test;

/**
 * The care-plan and consent-disclosure findings on the monthly CCM/PCM billing decision (rules
 * reference §5, §6; PLAN-T01, PLAN-T02, CONS-T05): warnings by default, with the month still
 * billed; with the blocking switch the month is not billed and the decision says why.
 */
class CarePlanBillingTest {
  private static final BillingEngine BLOCKING = engine(Severity.ERROR);

  private static BillingEngine engine(Severity severity) {
    CoreParameters cy2026 = CoreParameters.builtIn().forDate(LocalDate.of(2026, 1, 1));
    CoreParameters modified =
        ImmutableCoreParameters.copyOf(cy2026)
            .withCarePlan(
                ImmutableCarePlanParameters.copyOf(cy2026.carePlan()).withSeverity(severity))
            .withConsent(
                ImmutableConsentParameters.copyOf(cy2026.consent())
                    .withIncompleteSeverity(severity));
    CoreRules core =
        CoreRules.of(
            CoreParameters.builtIn().with(modified), ChronicConditionClassifiers.standard());
    return CcmBillingRules.builder().coreRules(core).build();
  }

  private static ImmutableCarePlanRecord plan(String id) {
    LocalDate start = LocalDate.of(2026, 1, 15);
    ImmutableCarePlanRecord.Builder b =
        CarePlanRecord.builder()
            .source(SourceRef.of("CarePlan", id))
            .patient(PATIENT)
            .status(CarePlanStatus.ACTIVE)
            .period(DateRange.startingOn(start))
            .created(start)
            .nextReview(start.plusMonths(6))
            .sharedWithPatient(start);
    for (CarePlanElement e : CarePlanElement.values()) {
      b.putElement(
          e, ElementState.of(ElementStatus.PRESENT, List.of(SourceRef.of("CarePlan", id))));
    }
    return b.build();
  }

  /** A CCM month of 25 staff minutes whose consent shows every disclosure. */
  private static Fixtures.Month ccmMonth() {
    Fixtures.Month m =
        Fixtures.march2026()
            .eligible()
            .enrolled(CCM, DR_A, Fixtures.PROGRAM_START)
            .visit(DR_A, Fixtures.PROGRAM_START.minusDays(30), "99214")
            .staff(CCM, 3, 25);
    m.record.addConsent(consent(EnumSet.allOf(ConsentDisclosure.class)));
    return m;
  }

  private static Consent consent(EnumSet<ConsentDisclosure> shown) {
    return Consent.builder()
        .source(SourceRef.of("Consent", "k-ccm"))
        .patient(PATIENT)
        .addProgram(CCM)
        .status(ConsentStatus.ACTIVE)
        .givenDate(Fixtures.PROGRAM_START)
        .practitioner(DR_A)
        .disclosures(shown)
        .build();
  }

  private static Decision ccm(BillingResult r) {
    return r.decision("billing.ccm", DR_A).orElseThrow();
  }

  @Test
  void planT01_completeCarePlan_billsWithoutFinding() {
    Fixtures.Month m = ccmMonth();
    m.record.addCarePlan(plan("cp1"));

    BillingResult r = m.bill();

    assertThat(codes(r)).containsExactly("99490x1");
    Decision d = ccm(r);
    assertThat(d.reasons()).noneMatch(x -> x.code().startsWith("CARE_PLAN_"));
    assertThat(d.reasons()).noneMatch(x -> x.is(CoreReasonCode.CONSENT_INCOMPLETE));
    assertThat(d.evidence()).anyMatch(e -> e.source().equals(SourceRef.of("CarePlan", "cp1")));
  }

  @Test
  void planT01_noCarePlan_billsWithWarningByDefault() {
    BillingResult r = ccmMonth().bill();

    assertThat(codes(r)).containsExactly("99490x1");
    Decision d = ccm(r);
    assertThat(d.outcome()).isEqualTo(Outcome.MET);
    assertThat(d.reasons())
        .anyMatch(x -> x.is(CoreReasonCode.CARE_PLAN_MISSING) && x.severity() == Severity.WARNING);
  }

  @Test
  void planT01_noCarePlan_blockingSwitch_monthNotBilled() {
    BillingResult r = ccmMonth().bill(BLOCKING);

    assertThat(r.lines()).isEmpty();
    Decision d = ccm(r);
    assertThat(d.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(d.reasons())
        .anyMatch(x -> x.is(CoreReasonCode.CARE_PLAN_MISSING) && x.severity() == Severity.ERROR)
        .anyMatch(
            reason(
                BillingReasonCode.PREREQUISITE_NOT_MET,
                "rule",
                "core.care-plan",
                "outcome",
                "NOT_MET"));
  }

  @Test
  void planT01_incompletePlan_blockingSwitch_listsMissingElements() {
    Fixtures.Month m = ccmMonth();
    ImmutableCarePlanRecord full = plan("cp1");
    m.record.addCarePlan(
        full.withElements(
            java.util.Map.of(
                CarePlanElement.PROBLEM_LIST, full.element(CarePlanElement.PROBLEM_LIST))));

    Decision warned = ccm(m.bill());
    Decision blocked = ccm(m.bill(BLOCKING));

    assertThat(warned.outcome()).isEqualTo(Outcome.MET);
    assertThat(warned.reasons()).anyMatch(reason(CoreReasonCode.CARE_PLAN_INCOMPLETE));
    assertThat(blocked.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(blocked.reasons())
        .anyMatch(
            reason(
                CoreReasonCode.CARE_PLAN_INCOMPLETE,
                "missing",
                "expected-outcome,measurable-goals,symptom-management,planned-interventions,"
                    + "medication-management,community-services,care-coordination,"
                    + "review-schedule"));
  }

  @Test
  void planT02_noCopyToPatient_warningOnBilledMonth() {
    Fixtures.Month m = ccmMonth();
    m.record.addCarePlan(plan("cp1").withSharedWithPatient(Optional.empty()));

    BillingResult r = m.bill();

    assertThat(codes(r)).containsExactly("99490x1");
    assertThat(ccm(r).reasons())
        .anyMatch(
            x -> x.is(CoreReasonCode.CARE_PLAN_NOT_SHARED) && x.severity() == Severity.WARNING);
  }

  @Test
  void planT01_pcmMonth_alsoChecked() {
    Fixtures.Month m =
        Fixtures.march2026().condition("E11.9").riskAttested().ready(PCM, DR_A).staff(PCM, 3, 31);

    Decision d = m.bill().decision("billing.pcm", DR_A).orElseThrow();

    assertThat(d.reasons()).anyMatch(reason(CoreReasonCode.CARE_PLAN_MISSING));
  }

  @Test
  void consT05_consentLacksOnePractitionerDisclosure_warningThenBlocking() {
    Fixtures.Month m =
        Fixtures.march2026()
            .eligible()
            .enrolled(CCM, DR_A, Fixtures.PROGRAM_START)
            .visit(DR_A, Fixtures.PROGRAM_START.minusDays(30), "99214")
            .staff(CCM, 3, 25);
    EnumSet<ConsentDisclosure> shown = EnumSet.allOf(ConsentDisclosure.class);
    shown.remove(ConsentDisclosure.ONE_PRACTITIONER_PER_MONTH);
    m.record.addConsent(consent(shown)).addCarePlan(plan("cp1"));

    BillingResult warned = m.bill();
    BillingResult blocked = m.bill(BLOCKING);

    assertThat(codes(warned)).containsExactly("99490x1");
    assertThat(ccm(warned).reasons())
        .anyMatch(
            reason(CoreReasonCode.CONSENT_INCOMPLETE, "missing", "one-practitioner-per-month"));
    assertThat(blocked.lines()).isEmpty();
    assertThat(ccm(blocked).reasons())
        .anyMatch(x -> x.is(CoreReasonCode.CONSENT_INCOMPLETE) && x.severity() == Severity.ERROR);
  }
}
