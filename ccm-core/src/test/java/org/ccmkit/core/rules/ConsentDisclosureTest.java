package org.ccmkit.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccmkit.core.rules.TestRecords.DR_A;
import static org.ccmkit.core.rules.TestRecords.ccmConsent;
import static org.ccmkit.core.rules.TestRecords.ccmEnrollment;
import static org.ccmkit.core.rules.TestRecords.consent;
import static org.ccmkit.core.rules.TestRecords.date;
import static org.ccmkit.core.rules.TestRecords.endOf;
import static org.ccmkit.core.rules.TestRecords.evidenceFor;
import static org.ccmkit.core.rules.TestRecords.reason;
import static org.ccmkit.core.rules.TestRecords.reasonCodes;
import static org.ccmkit.core.rules.TestRecords.record;
import static org.ccmkit.core.rules.TestRecords.staffTime;

import java.time.YearMonth;
import java.util.EnumSet;
import java.util.function.UnaryOperator;
import org.ccmkit.core.condition.ChronicConditionClassifiers;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.Consent;
import org.ccmkit.core.model.ConsentDisclosure;
import org.ccmkit.core.model.ImmutableConsent;
import org.ccmkit.core.model.ImmutablePatientRecord;
import org.ccmkit.core.params.ConsentParameters;
import org.ccmkit.core.params.CoreParameters;
import org.ccmkit.core.params.ImmutableConsentParameters;
import org.ccmkit.core.params.ImmutableCoreParameters;
import org.ccmkit.core.rule.Decision;
import org.ccmkit.core.rule.EvidenceRole;
import org.ccmkit.core.rule.Outcome;
import org.ccmkit.core.rule.Severity;
import org.junit.jupiter.api.Test;

/** The disclosures a consent record must show (rules reference §5, CONS-T05). */
class ConsentDisclosureTest {
  private static final YearMonth APRIL = YearMonth.of(2026, 4);
  private static final CoreRules RULES = CoreRules.standard();
  private static final CoreRules BLOCKING =
      withConsent(c -> c.withIncompleteSeverity(Severity.ERROR));

  private static CoreRules withConsent(UnaryOperator<ImmutableConsentParameters> change) {
    CoreParameters cy2026 = CoreParameters.builtIn().forDate(date("2026-01-01"));
    ConsentParameters changed = change.apply(ImmutableConsentParameters.copyOf(cy2026.consent()));
    CoreParameters modified = ImmutableCoreParameters.copyOf(cy2026).withConsent(changed);
    return CoreRules.of(
        CoreParameters.builtIn().with(modified), ChronicConditionClassifiers.standard());
  }

  private static ImmutableConsent lacking(String id, ConsentDisclosure... missing) {
    EnumSet<ConsentDisclosure> shown = EnumSet.allOf(ConsentDisclosure.class);
    for (ConsentDisclosure m : missing) {
      shown.remove(m);
    }
    return ccmConsent(id, date("2026-01-05")).withDisclosures(shown);
  }

  private static ImmutablePatientRecord.Builder enrolledWith(Consent consent) {
    return record().addEnrollment(ccmEnrollment("e1", date("2026-01-01"))).addConsent(consent);
  }

  private static ConsentResult window(CoreRules rules, ImmutablePatientRecord.Builder record) {
    return rules.consentWindow(TestRecords.ccm(record, APRIL), endOf(APRIL));
  }

  @Test
  void consT05_lacksOnePractitionerPerMonth_incompleteWarningConsentStillCounts() {
    ConsentResult r =
        window(RULES, enrolledWith(lacking("k1", ConsentDisclosure.ONE_PRACTITIONER_PER_MONTH)));

    assertThat(r.decision().outcome()).isEqualTo(Outcome.MET);
    assertThat(r.covers(date("2026-04-01"))).isTrue();
    assertThat(reason(r.decision(), CoreReasonCode.CONSENT_INCOMPLETE).severity())
        .isEqualTo(Severity.WARNING);
    assertThat(reason(r.decision(), CoreReasonCode.CONSENT_INCOMPLETE).details())
        .containsEntry("missing", "one-practitioner-per-month")
        .containsEntry("consent", "Consent/k1");
  }

  @Test
  void consT05_lacksOnePractitionerPerMonth_blockingConsentDoesNotCount() {
    ImmutablePatientRecord.Builder record =
        enrolledWith(lacking("k1", ConsentDisclosure.ONE_PRACTITIONER_PER_MONTH))
            .addTimeEntry(staffTime("t1", TestRecords.at("2026-04-10T10:00"), 25));

    ConsentResult r = window(BLOCKING, record);

    assertThat(r.decision().outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(reasonCodes(r.decision())).containsExactly("CONSENT_INCOMPLETE");
    assertThat(reason(r.decision(), CoreReasonCode.CONSENT_INCOMPLETE).severity())
        .isEqualTo(Severity.ERROR);
    assertThat(evidenceFor(r.decision(), "Consent/k1").role()).isEqualTo(EvidenceRole.EXCLUDED);
    assertThat(r.coveredDays()).isEmpty();
    assertThat(BLOCKING.accrue(TestRecords.ccm(record, APRIL), endOf(APRIL)).totalMinutes())
        .isZero();
  }

  @Test
  void consT05_noDisclosuresRecorded_allFourMissing() {
    ConsentResult r =
        window(
            RULES,
            enrolledWith(
                ccmConsent("k1", date("2026-01-05"))
                    .withDisclosures(EnumSet.noneOf(ConsentDisclosure.class))));

    assertThat(reason(r.decision(), CoreReasonCode.CONSENT_INCOMPLETE).details())
        .containsEntry(
            "missing", "service-available,cost-sharing,one-practitioner-per-month,right-to-stop");
  }

  @Test
  void consT05_everyDisclosureShown_noIncompleteReason() {
    Decision d = window(RULES, enrolledWith(ccmConsent("k1", date("2026-01-05")))).decision();

    assertThat(reasonCodes(d)).containsExactly("CONSENT_IN_FORCE");
  }

  @Test
  void consT05_completeConsentNextToIncompleteOne_blockingStillMet() {
    ImmutablePatientRecord.Builder record =
        enrolledWith(lacking("k1", ConsentDisclosure.COST_SHARING))
            .addConsent(ccmConsent("k2", date("2026-02-01")));

    ConsentResult r = window(BLOCKING, record);

    assertThat(r.decision().outcome()).isEqualTo(Outcome.MET);
    assertThat(evidenceFor(r.decision(), "Consent/k1").reason()).contains("CONSENT_INCOMPLETE");
  }

  @Test
  void consT05_programWithoutRequiredDisclosures_noCheck() {
    ImmutablePatientRecord.Builder record =
        record()
            .addEnrollment(TestRecords.enrollment("e1", CareProgram.RPM, DR_A, date("2026-01-01")))
            .addConsent(
                consent("k1", DR_A, date("2026-01-05"), CareProgram.RPM)
                    .withDisclosures(EnumSet.noneOf(ConsentDisclosure.class)));

    Decision d =
        RULES
            .consent()
            .evaluate(TestRecords.query(record, CareProgram.RPM, APRIL, DR_A), endOf(APRIL));

    assertThat(reasonCodes(d)).containsExactly("CONSENT_IN_FORCE");
  }
}
