package org.ccmkit.core.rules;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.ccmkit.core.model.Attestation;
import org.ccmkit.core.model.AttestationKind;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.ClinicalStatus;
import org.ccmkit.core.model.Code;
import org.ccmkit.core.model.ConditionRecord;
import org.ccmkit.core.model.Consent;
import org.ccmkit.core.model.ConsentDisclosure;
import org.ccmkit.core.model.ConsentStatus;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.model.Enrollment;
import org.ccmkit.core.model.ImmutableAttestation;
import org.ccmkit.core.model.ImmutableConditionRecord;
import org.ccmkit.core.model.ImmutableConsent;
import org.ccmkit.core.model.ImmutableEnrollment;
import org.ccmkit.core.model.ImmutablePatientRecord;
import org.ccmkit.core.model.ImmutableTimeEntry;
import org.ccmkit.core.model.ImmutableVisit;
import org.ccmkit.core.model.Patient;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.core.model.StaffRole;
import org.ccmkit.core.model.TimeEntry;
import org.ccmkit.core.model.VerificationStatus;
import org.ccmkit.core.model.Visit;
import org.ccmkit.core.rule.Decision;
import org.ccmkit.core.rule.EvaluationContext;
import org.ccmkit.core.rule.Evidence;
import org.ccmkit.core.rule.EvidenceRole;
import org.ccmkit.core.rule.Reason;

/**
 * Short, readable builders of synthetic patient records for the core-rule tests. Every factory
 * returns the generated immutable type, so a test changes one attribute with {@code with*(..)}:
 * {@code condition("c1", icd("E11.9")).withClinicalStatus(ClinicalStatus.RESOLVED)}. All data is
 * invented; nothing here is PHI.
 */
final class TestRecords {
  /** The practice zone most tests run in. */
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  static final PatientRef PATIENT = PatientRef.of("p1");

  /** The billing practitioner. */
  static final PractitionerRef DR_A = PractitionerRef.of("dr-a");

  /** Another practitioner. */
  static final PractitionerRef DR_B = PractitionerRef.of("dr-b");

  /** A clinical staff member (a nurse). */
  static final PractitionerRef NURSE = PractitionerRef.of("rn-1");

  /** A second clinical staff member. */
  static final PractitionerRef NURSE_2 = PractitionerRef.of("rn-2");

  /** A front-desk employee, whose time never counts. */
  static final PractitionerRef CLERK = PractitionerRef.of("clerk-1");

  private TestRecords() {}

  // --- records and queries ---

  /** A builder for a record of a living patient {@link #PATIENT}. */
  static ImmutablePatientRecord.Builder record() {
    return record(Patient.of(PATIENT.id()));
  }

  /** A builder for a record of {@code patient}. */
  static ImmutablePatientRecord.Builder record(Patient patient) {
    return ImmutablePatientRecord.builder().patient(patient);
  }

  /** A CCM query for {@code month} without a named billing practitioner. */
  static CareQuery ccm(ImmutablePatientRecord.Builder record, YearMonth month) {
    return CareQuery.of(record.build(), CareProgram.CCM, month);
  }

  /** A query for {@code program}, {@code month} and the billing practitioner {@code billing}. */
  static CareQuery query(
      ImmutablePatientRecord.Builder record,
      CareProgram program,
      YearMonth month,
      PractitionerRef billing) {
    return CareQuery.of(record.build(), program, month, billing);
  }

  /** A run at the end of {@code month} in New York. */
  static EvaluationContext endOf(YearMonth month) {
    return EvaluationContext.endOf(month, NEW_YORK);
  }

  /** A run on {@code asOf} in New York. */
  static EvaluationContext on(LocalDate asOf) {
    return EvaluationContext.of(asOf, NEW_YORK);
  }

  /** Shorthand for {@link LocalDate#parse}. */
  static LocalDate date(String isoDate) {
    return LocalDate.parse(isoDate);
  }

  // --- codes ---

  static Code icd(String code) {
    return Code.icd10cm(code);
  }

  static Code snomed(String conceptId) {
    return Code.snomed(conceptId);
  }

  // --- conditions and attestations ---

  /** An active, confirmed condition with {@code codes}, without onset or abatement. */
  static ImmutableConditionRecord condition(String id, Code... codes) {
    return ConditionRecord.builder()
        .source(SourceRef.of("Condition", id))
        .patient(PATIENT)
        .addCodes(codes)
        .clinicalStatus(ClinicalStatus.ACTIVE)
        .verificationStatus(VerificationStatus.CONFIRMED)
        .build();
  }

  /** Dr A's significant-risk attestation on {@code date} with {@code value}. */
  static ImmutableAttestation riskAttestation(String id, LocalDate date, boolean value) {
    return Attestation.builder()
        .source(SourceRef.of("Observation", id))
        .patient(PATIENT)
        .kind(AttestationKind.SIGNIFICANT_RISK)
        .practitioner(DR_A)
        .date(date)
        .value(value)
        .build();
  }

  // --- consent and enrollment ---

  /**
   * An active consent to {@code programs} given to {@code practitioner} on {@code given}, showing
   * every disclosure (a complete record).
   */
  static ImmutableConsent consent(
      String id, PractitionerRef practitioner, LocalDate given, CareProgram... programs) {
    return Consent.builder()
        .source(SourceRef.of("Consent", id))
        .patient(PATIENT)
        .addPrograms(programs)
        .status(ConsentStatus.ACTIVE)
        .givenDate(given)
        .practitioner(practitioner)
        .addDisclosures(ConsentDisclosure.values())
        .build();
  }

  /** An open-ended CCM consent given to {@link #DR_A} on {@code given}. */
  static ImmutableConsent ccmConsent(String id, LocalDate given) {
    return consent(id, DR_A, given, CareProgram.CCM);
  }

  /** An open-ended enrollment in {@code program} with {@code billing} from {@code start}. */
  static ImmutableEnrollment enrollment(
      String id, CareProgram program, PractitionerRef billing, LocalDate start) {
    return Enrollment.builder()
        .source(SourceRef.of("EpisodeOfCare", id))
        .patient(PATIENT)
        .program(program)
        .billingPractitioner(billing)
        .period(DateRange.startingOn(start))
        .build();
  }

  /** An open-ended CCM enrollment with {@link #DR_A} from {@code start}. */
  static ImmutableEnrollment ccmEnrollment(String id, LocalDate start) {
    return enrollment(id, CareProgram.CCM, DR_A, start);
  }

  // --- visits ---

  /** A finished visit with {@code practitioner} on {@code date}, of CPT or HCPCS {@code code}. */
  static ImmutableVisit visit(
      String id, PractitionerRef practitioner, LocalDate date, String code) {
    String system = Character.isDigit(code.charAt(0)) ? Code.CPT : Code.HCPCS;
    return Visit.builder()
        .source(SourceRef.of("Encounter", id))
        .patient(PATIENT)
        .addPractitioners(practitioner)
        .date(date)
        .addCodes(Code.of(system, code))
        .build();
  }

  // --- time ---

  /** The instant of a local date-time (e.g. {@code 2026-03-02T09:00}) in New York. */
  static Instant at(String localDateTime) {
    return at(localDateTime, NEW_YORK);
  }

  /** The instant of a local date-time in {@code zone}. */
  static Instant at(String localDateTime, ZoneId zone) {
    return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
  }

  /** {@code minutes} of the nurse's clinical-staff CCM time starting at {@code start}. */
  static ImmutableTimeEntry staffTime(String id, Instant start, int minutes) {
    return time(id, NURSE, StaffRole.CLINICAL_STAFF, CareProgram.CCM, start, minutes);
  }

  /** {@code minutes} of {@code performer}'s time for {@code program} starting at {@code start}. */
  static ImmutableTimeEntry time(
      String id,
      PractitionerRef performer,
      StaffRole role,
      CareProgram program,
      Instant start,
      int minutes) {
    return TimeEntry.builder()
        .source(SourceRef.of("Procedure", id))
        .patient(PATIENT)
        .performer(performer)
        .performerRole(role)
        .program(program)
        .start(start)
        .end(start.plus(Duration.ofMinutes(minutes)))
        .build();
  }

  // --- reading decisions ---

  /** The codes of the decision's reasons, in the decision's order. */
  static List<String> reasonCodes(Decision d) {
    return d.reasons().stream().map(Reason::code).collect(ImmutableList.toImmutableList());
  }

  /** The decision's evidence with {@code role}. */
  static List<Evidence> evidence(Decision d, EvidenceRole role) {
    return d.evidence().stream()
        .filter(e -> e.role() == role)
        .collect(ImmutableList.toImmutableList());
  }

  /** The single piece of evidence about {@code source}, as {@code Type/id}. */
  static Evidence evidenceFor(Decision d, String source) {
    List<Evidence> found =
        d.evidence().stream()
            .filter(e -> e.source().toString().equals(source))
            .collect(ImmutableList.toImmutableList());
    if (found.size() != 1) {
      throw new AssertionError("expected one piece of evidence for " + source + ": " + found);
    }
    return found.get(0);
  }

  /** The reason of {@code d} with {@code code}. */
  static Reason reason(Decision d, CoreReasonCode code) {
    return d.reasons().stream()
        .filter(r -> r.is(code))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no reason " + code + " in " + d.reasons()));
  }
}
