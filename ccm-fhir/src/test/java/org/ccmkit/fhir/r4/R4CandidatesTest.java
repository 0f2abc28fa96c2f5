package org.ccmkit.fhir.r4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.validation.FhirValidator;
import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.ccmkit.core.model.ClinicalStatus;
import org.ccmkit.core.model.Code;
import org.ccmkit.core.model.ConditionRecord;
import org.ccmkit.core.model.ConsentDisclosure;
import org.ccmkit.core.model.Money;
import org.ccmkit.core.model.Patient;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.core.model.VerificationStatus;
import org.ccmkit.core.model.Visit;
import org.ccmkit.core.rule.EvaluationContext;
import org.ccmkit.core.sweep.CandidateShare;
import org.ccmkit.core.sweep.EligibilitySweep;
import org.ccmkit.core.sweep.Screening;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.IntegerType;
import org.junit.jupiter.api.Test;

/** The eligibility sweep's candidates as a FHIR R4 Group: content, round trip, R4 schema. */
class R4CandidatesTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);
  private static final EvaluationContext CTX =
      EvaluationContext.of(AS_OF, ZoneId.of("America/New_York"));

  private static ImmutableList<Screening> ranked() {
    EligibilitySweep sweep = EligibilitySweep.standard();
    PatientRecord two =
        PatientRecord.builder()
            .patient(Patient.of("p-two"))
            .addCondition(condition("p-two", "c1", "E11.9"))
            .addCondition(condition("p-two", "c2", "I50.9"))
            .addVisit(
                Visit.builder()
                    .source(SourceRef.of("Encounter", "ed-1"))
                    .patient(PatientRef.of("p-two"))
                    .date(AS_OF.minusDays(20))
                    .encounterClass("EMER")
                    .build())
            .build();
    PatientRecord one =
        PatientRecord.builder()
            .patient(Patient.of("p-one"))
            .addCondition(condition("p-one", "c3", "J45.909"))
            .build();
    CandidateShare share =
        CandidateShare.builder()
            .code("99490")
            .basis("ORIGINAL_MEDICARE")
            .estimated(true)
            .patientMayBeBilled(true)
            .allowed(Money.usd("66.13"))
            .low(Money.usd("13.23"))
            .high(Money.usd("66.13"))
            .note("no coverage on file")
            .build();
    return EligibilitySweep.rank(
        List.of(sweep.screen(one, CTX), sweep.screen(two, CTX).withShare(share)));
  }

  @Test
  void toGroup_membersInRankOrderWithTheirExplanation() {
    Group g = R4Candidates.toGroup(ranked(), AS_OF);

    assertThat(g.getIdElement().getIdPart()).isEqualTo("eligibility-sweep-2026-03-31");
    assertThat(g.getType()).isEqualTo(Group.GroupType.PERSON);
    assertThat(g.getActual()).isTrue();
    assertThat(g.getQuantity()).isEqualTo(2);
    assertThat(g.getMember())
        .extracting(m -> m.getEntity().getReference())
        .containsExactly("Patient/p-two", "Patient/p-one");
    Extension first = g.getMemberFirstRep().getExtensionByUrl(R4Candidates.CANDIDATE_EXTENSION);
    assertThat(((IntegerType) first.getExtensionByUrl("rank").getValue()).getValue()).isEqualTo(1);
    assertThat(((IntegerType) first.getExtensionByUrl("score").getValue()).getValue())
        .isEqualTo(ranked().get(0).score());
    assertThat(first.getExtensionsByUrl("component")).hasSize(ranked().get(0).components().size());
    assertThat(first.getExtensionsByUrl("condition")).hasSize(2);
    assertThat(first.getExtensionsByUrl("coverage")).isEmpty();
    assertThat(first.getExtensionsByUrl("disclosure")).hasSize(ConsentDisclosure.values().length);
    assertThat(first.getExtensionByUrl("shareHigh")).isNotNull();
    Extension second = g.getMember().get(1).getExtensionByUrl(R4Candidates.CANDIDATE_EXTENSION);
    assertThat(second.getExtensionByUrl("shareHigh")).isNull();
    assertThat(R4Ndjson.toLine(g)).doesNotContain("birth").doesNotContain("us-mbi");
  }

  @Test
  void toGroup_roundTripsAndPassesTheR4Schema() {
    Group g = R4Candidates.toGroup(ranked(), AS_OF);
    IParser parser =
        R4Mapper.sharedContext().newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    String line = R4Ndjson.toLine(g);

    assertThat(parser.parseResource(Group.class, line).equalsDeep(g)).isTrue();
    FhirValidator v =
        R4Mapper.sharedContext()
            .newValidator()
            .setValidateAgainstStandardSchema(true)
            .setValidateAgainstStandardSchematron(false);
    assertThat(v.validateWithResult(g).getMessages()).isEmpty();
    assertThat(R4Ndjson.toLine(R4Candidates.toGroup(ranked(), AS_OF))).isEqualTo(line);
  }

  @Test
  void toGroup_empty_isAValidGroupOfNone() {
    Group g = R4Candidates.toGroup(List.of(), AS_OF);
    assertThat(g.getQuantity()).isZero();
    assertThat(g.getMember()).isEmpty();
  }

  @Test
  void toGroup_notACandidate_rejected() {
    Screening none =
        EligibilitySweep.standard()
            .screen(PatientRecord.builder().patient(Patient.of("p")).build(), CTX);
    assertThatThrownBy(() -> R4Candidates.toGroup(List.of(none), AS_OF))
        .isInstanceOf(IllegalArgumentException.class);
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
}
