package org.ccmkit.core.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TimeZone;
import org.ccmkit.core.json.CcmJson;
import org.ccmkit.core.model.Attestation;
import org.ccmkit.core.model.AttestationKind;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.ClinicalStatus;
import org.ccmkit.core.model.Code;
import org.ccmkit.core.model.ConditionRecord;
import org.ccmkit.core.model.ConsentDisclosure;
import org.ccmkit.core.model.Coverage;
import org.ccmkit.core.model.CoverageKind;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.model.Enrollment;
import org.ccmkit.core.model.ImmutablePatientRecord;
import org.ccmkit.core.model.Patient;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.core.model.VerificationStatus;
import org.ccmkit.core.model.Visit;
import org.ccmkit.core.rule.EvaluationContext;
import org.ccmkit.core.rules.CoreReasonCode;
import org.junit.jupiter.api.Test;

/** The eligibility sweep over synthetic records (rules reference §4, ELIG-T01..T03). */
class EligibilitySweepTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);
  private static final EvaluationContext CTX =
      EvaluationContext.of(AS_OF, ZoneId.of("America/New_York"));
  private static final PractitionerRef DR_A = PractitionerRef.of("dr-a");
  private static final EligibilitySweep SWEEP = EligibilitySweep.standard();

  @Test
  void eligT01_oneChronicCondition_pcmCandidateNotCcm() {
    Screening s =
        SWEEP.screen(record("p1").addCondition(condition("p1", "c1", "E11.9")).build(), CTX);

    assertThat(s.status()).isEqualTo(CandidateStatus.PCM_PENDING_ATTESTATION);
    assertThat(s.status().program()).contains(CareProgram.PCM);
    assertThat(s.isCandidate()).isTrue();
    assertThat(s.decisions().get(0).hasReason(CoreReasonCode.PCM_MAY_APPLY)).isTrue();
    assertThat(s.decisions().get(1).program()).contains(CareProgram.PCM);
    assertThat(s.qualifyingConditions())
        .singleElement()
        .satisfies(c -> assertThat(c.group()).contains("DIABETES"));
  }

  @Test
  void eligT01_oneChronicConditionAttested_pcmEligible() {
    Screening s =
        SWEEP.screen(
            record("p1")
                .addCondition(condition("p1", "c1", "E11.9"))
                .addAttestation(risk("p1", true))
                .build(),
            CTX);

    assertThat(s.status()).isEqualTo(CandidateStatus.PCM_ELIGIBLE);
  }

  @Test
  void eligT02_twoChronicCodesWithoutAttestation_eligiblePendingAttestation() {
    Screening s =
        SWEEP.screen(
            record("p1")
                .addCondition(condition("p1", "c1", "E11.9"))
                .addCondition(condition("p1", "c2", "I10"))
                .build(),
            CTX);

    assertThat(s.status()).isEqualTo(CandidateStatus.CCM_PENDING_ATTESTATION);
    assertThat(s.decisions().get(0).hasReason(CoreReasonCode.SIGNIFICANT_RISK_ATTESTATION_PENDING))
        .isTrue();
    assertThat(s.qualifyingConditions()).hasSize(2);
  }

  @Test
  void eligT02_twoChronicCodesAttested_ccmEligible_andFalseAttestation_notACandidate() {
    ImmutablePatientRecord.Builder r =
        record("p1")
            .addCondition(condition("p1", "c1", "E11.9"))
            .addCondition(condition("p1", "c2", "I10"));

    assertThat(SWEEP.screen(r.addAttestation(risk("p1", true)).build(), CTX).status())
        .isEqualTo(CandidateStatus.CCM_ELIGIBLE);
    Screening notAtRisk =
        SWEEP.screen(
            record("p1")
                .addCondition(condition("p1", "c1", "E11.9"))
                .addCondition(condition("p1", "c2", "I10"))
                .addAttestation(risk("p1", false))
                .build(),
            CTX);
    assertThat(notAtRisk.status()).isEqualTo(CandidateStatus.NOT_AT_RISK);
    assertThat(notAtRisk.isCandidate()).isFalse();
  }

  @Test
  void eligT03_notChronicCondition_listedAsNotCountingWithWhy() {
    Screening s =
        SWEEP.screen(
            record("p1")
                .addCondition(condition("p1", "c1", "E11.9"))
                .addCondition(condition("p1", "c2", "J18.9"))
                .build(),
            CTX);

    assertThat(s.status()).isEqualTo(CandidateStatus.PCM_PENDING_ATTESTATION);
    assertThat(s.conditions())
        .filteredOn(c -> c.source().id().equals("c2"))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.counted()).isFalse();
              assertThat(c.reason()).contains(CoreReasonCode.CONDITION_NOT_CHRONIC.name());
              assertThat(c.codes()).containsExactly(Code.icd10cm("J18.9"));
            });
  }

  @Test
  void screen_resolvedSecondCondition_notCountingWithStatusReason() {
    Screening s =
        SWEEP.screen(
            record("p1")
                .addCondition(condition("p1", "c1", "E11.9"))
                .addCondition(
                    ConditionRecord.builder()
                        .from(condition("p1", "c2", "I10"))
                        .clinicalStatus(ClinicalStatus.RESOLVED)
                        .build())
                .build(),
            CTX);

    assertThat(s.conditions().get(1).reason()).contains(CoreReasonCode.CONDITION_NOT_ACTIVE.name());
    assertThat(s.status()).isEqualTo(CandidateStatus.PCM_PENDING_ATTESTATION);
  }

  @Test
  void screen_notCandidates_enrolledDeceasedOrNoChronicCondition() {
    PatientRecord enrolled =
        record("p1")
            .addCondition(condition("p1", "c1", "E11.9"))
            .addCondition(condition("p1", "c2", "I10"))
            .addEnrollment(
                Enrollment.builder()
                    .source(SourceRef.of("EpisodeOfCare", "e1"))
                    .patient(PatientRef.of("p1"))
                    .program(CareProgram.PCM)
                    .billingPractitioner(DR_A)
                    .period(DateRange.startingOn(AS_OF.minusMonths(2)))
                    .build())
            .build();
    PatientRecord dead =
        PatientRecord.builder()
            .patient(
                Patient.builder().ref(PatientRef.of("p2")).deathDate(AS_OF.minusDays(1)).build())
            .addCondition(condition("p2", "c1", "E11.9"))
            .addCondition(condition("p2", "c2", "I10"))
            .build();
    PatientRecord none = record("p3").addCondition(condition("p3", "c1", "J18.9")).build();

    assertThat(SWEEP.screen(enrolled, CTX).status()).isEqualTo(CandidateStatus.ENROLLED);
    assertThat(SWEEP.screen(dead, CTX).status()).isEqualTo(CandidateStatus.DECEASED);
    assertThat(SWEEP.screen(none, CTX).status()).isEqualTo(CandidateStatus.NO_CHRONIC_CONDITION);
    assertThat(
            EligibilitySweep.rank(
                List.of(
                    SWEEP.screen(enrolled, CTX), SWEEP.screen(dead, CTX), SWEEP.screen(none, CTX))))
        .isEmpty();
  }

  @Test
  void screen_endedEnrollment_isACandidateAgain() {
    PatientRecord r =
        record("p1")
            .addCondition(condition("p1", "c1", "E11.9"))
            .addCondition(condition("p1", "c2", "I10"))
            .addEnrollment(
                Enrollment.builder()
                    .source(SourceRef.of("EpisodeOfCare", "e1"))
                    .patient(PatientRef.of("p1"))
                    .program(CareProgram.CCM)
                    .billingPractitioner(DR_A)
                    .period(DateRange.ofClosed(AS_OF.minusYears(2), AS_OF.minusYears(1)))
                    .build())
            .build();

    assertThat(SWEEP.screen(r, CTX).status()).isEqualTo(CandidateStatus.CCM_PENDING_ATTESTATION);
  }

  @Test
  void score_listsEveryComponentWithEvidence() {
    SweepParameters p = SweepParameters.builtIn().forDate(AS_OF);
    Screening s =
        SWEEP.screen(
            record("p1")
                .addCondition(condition("p1", "c1", "E11.9"))
                .addCondition(condition("p1", "c2", "I50.9"))
                .addCondition(condition("p1", "c3", "E11.65")) // same group as c1: counts once
                .addVisit(acute("p1", "ed-1", "EMER", AS_OF.minusDays(10)))
                .addVisit(acute("p1", "ip-1", "IMP", AS_OF.minusDays(200)))
                .addVisit(acute("p1", "ed-old", "EMER", AS_OF.minusDays(400)))
                .build(),
            CTX);

    assertThat(s.components())
        .extracting(ScoreComponent::code, ScoreComponent::detail, ScoreComponent::points)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                SweepReasonCode.CHRONIC_CONDITION, "CHF", p.weightOf("CHF")),
            org.assertj.core.groups.Tuple.tuple(
                SweepReasonCode.CHRONIC_CONDITION, "DIABETES", p.weightOf("DIABETES")),
            org.assertj.core.groups.Tuple.tuple(
                SweepReasonCode.RECENT_ACUTE_ENCOUNTER,
                "EMER " + AS_OF.minusDays(10),
                p.acuteEncounterWeight()),
            org.assertj.core.groups.Tuple.tuple(
                SweepReasonCode.RECENT_ACUTE_ENCOUNTER,
                "IMP " + AS_OF.minusDays(200),
                p.acuteEncounterWeight()),
            org.assertj.core.groups.Tuple.tuple(
                SweepReasonCode.RPM_CANDIDATE, "CHF,DIABETES", p.rpmCandidateWeight()));
    assertThat(s.score())
        .isEqualTo(
            p.weightOf("CHF")
                + p.weightOf("DIABETES")
                + 2 * p.acuteEncounterWeight()
                + p.rpmCandidateWeight());
    assertThat(s.components().get(0).evidence()).containsExactly(SourceRef.of("Condition", "c2"));
    assertThat(s.components().get(2).evidence()).containsExactly(SourceRef.of("Encounter", "ed-1"));
  }

  @Test
  void score_alreadyInRpm_noRpmCandidatePoints() {
    Enrollment rpm =
        Enrollment.builder()
            .source(SourceRef.of("EpisodeOfCare", "rpm-1"))
            .patient(PatientRef.of("p1"))
            .program(CareProgram.RPM)
            .billingPractitioner(DR_A)
            .period(DateRange.startingOn(AS_OF.minusMonths(3)))
            .build();
    ImmutablePatientRecord.Builder r =
        record("p1")
            .addCondition(condition("p1", "c1", "E11.9"))
            .addCondition(condition("p1", "c2", "I10"));

    assertThat(SWEEP.screen(r.build(), CTX).components())
        .anyMatch(c -> c.code() == SweepReasonCode.RPM_CANDIDATE);
    assertThat(SWEEP.screen(r.addEnrollment(rpm).build(), CTX).components())
        .noneMatch(c -> c.code() == SweepReasonCode.RPM_CANDIDATE);
  }

  @Test
  void score_acuteEncountersCappedAtTheMostRecent() {
    SweepParameters p = SweepParameters.builtIn().forDate(AS_OF);
    ImmutablePatientRecord.Builder r =
        record("p1")
            .addCondition(condition("p1", "c1", "E11.9"))
            .addCondition(condition("p1", "c2", "I10"));
    for (int i = 1; i <= p.acuteEncounterMax() + 2; i++) {
      r.addVisit(acute("p1", "ed-" + i, "EMER", AS_OF.minusDays(i)));
    }

    Screening s = SWEEP.screen(r.build(), CTX);

    assertThat(s.components())
        .filteredOn(c -> c.code() == SweepReasonCode.RECENT_ACUTE_ENCOUNTER)
        .hasSize(p.acuteEncounterMax())
        .allSatisfy(c -> assertThat(c.evidence().first().id()).isIn("ed-1", "ed-2", "ed-3"));
  }

  @Test
  void initiatingVisit_recentOfficeVisit_notRequired_elseRequired() {
    ImmutablePatientRecord.Builder base =
        record("p1")
            .addCondition(condition("p1", "c1", "E11.9"))
            .addCondition(condition("p1", "c2", "I10"));
    Screening seen =
        SWEEP.screen(base.build().withVisits(office("p1", "v1", AS_OF.minusDays(90))), CTX);
    Screening longAgo =
        SWEEP.screen(base.build().withVisits(office("p1", "v1", AS_OF.minusDays(400))), CTX);
    Screening never = SWEEP.screen(base.build(), CTX);
    Screening onlyEd =
        SWEEP.screen(base.build().withVisits(acute("p1", "ed", "EMER", AS_OF.minusDays(3))), CTX);

    assertThat(seen.initiatingVisitRequired()).isFalse();
    assertThat(seen.practitioner()).contains(DR_A);
    assertThat(seen.decisions()).last().satisfies(d -> assertThat(d.isMet()).isTrue());
    assertThat(longAgo.initiatingVisitRequired()).isTrue();
    assertThat(
            longAgo
                .decisions()
                .get(longAgo.decisions().size() - 1)
                .hasReason(CoreReasonCode.INITIATING_VISIT_REQUIRED))
        .isTrue();
    assertThat(never.initiatingVisitRequired()).isTrue();
    assertThat(never.practitioner()).isEmpty();
    assertThat(onlyEd.practitioner()).isEmpty();
  }

  @Test
  void screen_disclosuresAndCoverage() {
    Coverage medicare =
        Coverage.builder()
            .source(SourceRef.of("Coverage", "cov-1"))
            .patient(PatientRef.of("p1"))
            .kind(CoverageKind.ORIGINAL_MEDICARE)
            .build();
    Coverage lapsed =
        Coverage.builder()
            .source(SourceRef.of("Coverage", "cov-2"))
            .patient(PatientRef.of("p1"))
            .kind(CoverageKind.MEDIGAP)
            .medigapPlan("G")
            .period(DateRange.ofClosed(AS_OF.minusYears(3), AS_OF.minusYears(2)))
            .build();
    Screening s =
        SWEEP.screen(
            record("p1")
                .addCondition(condition("p1", "c1", "E11.9"))
                .addCoverages(medicare, lapsed)
                .build(),
            CTX);

    assertThat(s.disclosures()).containsExactly(ConsentDisclosure.values());
    assertThat(s.coverages()).containsExactly(medicare);
  }

  @Test
  void rank_byScoreThenPatientId_whateverTheInputOrder() {
    List<Screening> screened = new ArrayList<>();
    for (String id : List.of("p5", "p3", "p1", "p4", "p2")) {
      ImmutablePatientRecord.Builder r =
          record(id)
              .addCondition(condition(id, "c1", "E11.9"))
              .addCondition(condition(id, "c2", "I10"));
      if (id.equals("p4")) {
        r.addVisit(acute(id, "ed", "EMER", AS_OF.minusDays(5)));
      }
      screened.add(SWEEP.screen(r.build(), CTX));
    }
    ImmutableList<Screening> ranked = EligibilitySweep.rank(screened);
    Collections.shuffle(screened, new Random(7));

    assertThat(ranked)
        .extracting(s -> s.patient().id())
        .containsExactly("p4", "p1", "p2", "p3", "p5");
    assertThat(EligibilitySweep.rank(screened)).isEqualTo(ranked);
  }

  @Test
  void screen_jsonIsDeterministicAndRoundTrips_inAnotherDefaultZone() {
    PatientRecord r =
        record("p1")
            .addCondition(condition("p1", "c1", "E11.9"))
            .addCondition(condition("p1", "c2", "I50.9"))
            .addVisit(office("p1", "v1", AS_OF.minusDays(30)))
            .addVisit(acute("p1", "ed-1", "EMER", AS_OF.minusDays(10)))
            .build();
    String json = CcmJson.write(SWEEP.screen(r, CTX));
    TimeZone before = TimeZone.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("Australia/Lord_Howe"));
      assertThat(CcmJson.write(SWEEP.screen(r, CTX))).isEqualTo(json);
    } finally {
      TimeZone.setDefault(before);
    }
    assertThat(CcmJson.read(json, Screening.class)).isEqualTo(SWEEP.screen(r, CTX));
    assertThat(SWEEP.screen(r, CTX).toString()).doesNotContain("birth");
  }

  @Test
  void parameters_shippedYearsLoad() {
    assertThat(SweepParameters.builtIn().all())
        .extracting(SweepParameters::version)
        .containsExactly("CY2025.1", "CY2026.1");
    SweepParameters p = SweepParameters.builtIn().forDate(AS_OF);
    assertThat(p.quoteCode()).isEqualTo("99490");
    assertThat(p.weightOf("NO_SUCH_GROUP")).isEqualTo(p.defaultConditionWeight());
    assertThat(SWEEP.screen(record("p1").build(), CTX).parametersVersion()).isEqualTo("CY2026.1");
  }

  // --- builders (synthetic data only) ---

  private static ImmutablePatientRecord.Builder record(String id) {
    return PatientRecord.builder().patient(Patient.of(id));
  }

  private static ConditionRecord condition(String patient, String id, String icd) {
    return ConditionRecord.builder()
        .source(SourceRef.of("Condition", id))
        .patient(PatientRef.of(patient))
        .addCodes(Code.icd10cm(icd))
        .clinicalStatus(ClinicalStatus.ACTIVE)
        .verificationStatus(VerificationStatus.CONFIRMED)
        .build();
  }

  private static Attestation risk(String patient, boolean value) {
    return Attestation.builder()
        .source(SourceRef.of("Observation", "risk-" + patient))
        .patient(PatientRef.of(patient))
        .kind(AttestationKind.SIGNIFICANT_RISK)
        .practitioner(DR_A)
        .date(AS_OF.minusDays(5))
        .value(value)
        .build();
  }

  private static Visit acute(String patient, String id, String cls, LocalDate date) {
    return Visit.builder()
        .source(SourceRef.of("Encounter", id))
        .patient(PatientRef.of(patient))
        .addPractitioners(PractitionerRef.of("dr-ed"))
        .date(date)
        .encounterClass(cls)
        .build();
  }

  private static Visit office(String patient, String id, LocalDate date) {
    return Visit.builder()
        .source(SourceRef.of("Encounter", id))
        .patient(PatientRef.of(patient))
        .addPractitioners(DR_A)
        .date(date)
        .addCodes(Code.of(Code.CPT, "99214"))
        .build();
  }
}
