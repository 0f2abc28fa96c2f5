package org.ccmkit.examples;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.ccmkit.core.json.CcmJson;
import org.ccmkit.core.model.Attestation;
import org.ccmkit.core.model.AttestationKind;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.ClinicalStatus;
import org.ccmkit.core.model.Code;
import org.ccmkit.core.model.ConditionRecord;
import org.ccmkit.core.model.Consent;
import org.ccmkit.core.model.ConsentStatus;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.model.Enrollment;
import org.ccmkit.core.model.ImmutablePatientRecord;
import org.ccmkit.core.model.Patient;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.core.model.StaffRole;
import org.ccmkit.core.model.TimeEntry;
import org.ccmkit.core.model.Visit;
import org.ccmkit.core.rule.Decision;
import org.ccmkit.core.rule.EvaluationContext;
import org.ccmkit.core.rule.Reason;
import org.ccmkit.core.rules.AccruedTime;
import org.ccmkit.core.rules.CareQuery;
import org.ccmkit.core.rules.CoreRules;

/**
 * Evaluates four synthetic sample patients for CCM in March 2026 and prints each core decision:
 * eligibility, consent, initiating visit and time accrual. No real patient data is involved.
 *
 * <p>Run it with the README's first command, or {@code java -jar examples/target/ccm.jar}.
 */
public final class QuickStart {
  private static final ZoneId ZONE = ZoneId.of("America/New_York");
  private static final YearMonth MONTH = YearMonth.of(2026, 3);
  private static final PractitionerRef DR_A = PractitionerRef.of("dr-a");
  private static final PractitionerRef NURSE = PractitionerRef.of("rn-1");
  private static final PractitionerRef CLERK = PractitionerRef.of("front-desk-1");

  private QuickStart() {}

  /**
   * Prints the decisions for the sample patients.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    CoreRules rules = CoreRules.standard();
    EvaluationContext ctx = EvaluationContext.endOf(MONTH, ZONE);
    out.printf("ccmkit quick start: CCM decisions for %s (%s)%n%n", MONTH, ZONE);
    for (PatientRecord record : samplePatients()) {
      CareQuery q = CareQuery.of(record, CareProgram.CCM, MONTH);
      out.printf("%s%n", record.ref());
      for (Decision d : rules.evaluateAll(q, ctx)) {
        out.printf(
            "  %-22s %-13s %s%n",
            d.ruleId().name(), d.outcome(), d.reasons().stream().map(Reason::code).toList());
      }
      AccruedTime time = rules.accrue(q, ctx);
      out.printf("  counted minutes: %s (total %d)%n%n", time.minutesByRole(), time.totalMinutes());
    }
    Decision example =
        rules
            .timeAccrual()
            .evaluate(CareQuery.of(samplePatients().get(3), CareProgram.CCM, MONTH), ctx);
    out.printf("One decision as JSON (decisions.ndjson form):%n%s%n", CcmJson.write(example));
  }

  /** Four synthetic patients that show the main outcomes. */
  static List<PatientRecord> samplePatients() {
    return List.of(
        // Two chronic conditions, attested, consented, seen at an AWV, 45 staff minutes: all met.
        patient("p-eligible")
            .addCondition(condition("p-eligible", "c1", Code.icd10cm("E11.9")))
            .addCondition(condition("p-eligible", "c2", Code.icd10cm("I10")))
            .addAttestation(riskAttested("p-eligible", LocalDate.of(2026, 1, 10)))
            .addEnrollment(enrolled("p-eligible", LocalDate.of(2026, 1, 10)))
            .addConsent(consent("p-eligible", LocalDate.of(2026, 1, 10)))
            .addVisit(visit("p-eligible", LocalDate.of(2025, 12, 2), "G0439"))
            .addTimeEntry(minutes("p-eligible", "t1", NURSE, StaffRole.CLINICAL_STAFF, 3, 9, 25))
            .addTimeEntry(minutes("p-eligible", "t2", NURSE, StaffRole.CLINICAL_STAFF, 3, 18, 20))
            .build(),
        // One chronic condition (diabetes coded twice counts once): CCM not met, PCM may apply.
        patient("p-one-condition")
            .addCondition(condition("p-one-condition", "c1", Code.icd10cm("E11.9")))
            .addCondition(condition("p-one-condition", "c2", Code.snomed("44054006")))
            .addAttestation(riskAttested("p-one-condition", LocalDate.of(2026, 2, 1)))
            .build(),
        // Two chronic conditions without a significant-risk attestation: indeterminate.
        patient("p-pending")
            .addCondition(condition("p-pending", "c1", Code.icd10cm("J44.9")))
            .addCondition(condition("p-pending", "c2", Code.icd10cm("I50.9")))
            .build(),
        // Consent given mid-month; earlier minutes and front-desk minutes do not count.
        patient("p-late-consent")
            .addCondition(condition("p-late-consent", "c1", Code.icd10cm("N18.4")))
            .addCondition(condition("p-late-consent", "c2", Code.icd10cm("F32.9")))
            .addAttestation(riskAttested("p-late-consent", LocalDate.of(2026, 3, 1)))
            .addEnrollment(enrolled("p-late-consent", LocalDate.of(2026, 3, 1)))
            .addConsent(consent("p-late-consent", LocalDate.of(2026, 3, 15)))
            .addVisit(visit("p-late-consent", LocalDate.of(2026, 3, 2), "99214"))
            .addTimeEntry(
                minutes("p-late-consent", "t1", NURSE, StaffRole.CLINICAL_STAFF, 3, 10, 30))
            .addTimeEntry(
                minutes("p-late-consent", "t2", NURSE, StaffRole.CLINICAL_STAFF, 3, 16, 22))
            .addTimeEntry(minutes("p-late-consent", "t3", CLERK, StaffRole.OTHER, 3, 17, 15))
            .build());
  }

  private static ImmutablePatientRecord.Builder patient(String id) {
    return PatientRecord.builder().patient(Patient.of(id));
  }

  private static ConditionRecord condition(String patient, String id, Code code) {
    return ConditionRecord.builder()
        .source(SourceRef.of("Condition", patient + "-" + id))
        .patient(PatientRef.of(patient))
        .addCode(code)
        .clinicalStatus(ClinicalStatus.ACTIVE)
        .build();
  }

  private static Attestation riskAttested(String patient, LocalDate date) {
    return Attestation.builder()
        .source(SourceRef.of("Observation", patient + "-risk"))
        .patient(PatientRef.of(patient))
        .kind(AttestationKind.SIGNIFICANT_RISK)
        .practitioner(DR_A)
        .date(date)
        .build();
  }

  private static Enrollment enrolled(String patient, LocalDate start) {
    return Enrollment.builder()
        .source(SourceRef.of("EpisodeOfCare", patient + "-ccm"))
        .patient(PatientRef.of(patient))
        .program(CareProgram.CCM)
        .billingPractitioner(DR_A)
        .period(DateRange.startingOn(start))
        .build();
  }

  private static Consent consent(String patient, LocalDate given) {
    return Consent.builder()
        .source(SourceRef.of("Consent", patient + "-ccm"))
        .patient(PatientRef.of(patient))
        .addProgram(CareProgram.CCM)
        .status(ConsentStatus.ACTIVE)
        .givenDate(given)
        .practitioner(DR_A)
        .build();
  }

  private static Visit visit(String patient, LocalDate date, String code) {
    return Visit.builder()
        .source(SourceRef.of("Encounter", patient + "-" + code))
        .patient(PatientRef.of(patient))
        .addPractitioner(DR_A)
        .date(date)
        .addCode(Code.of(code.startsWith("G") ? Code.HCPCS : Code.CPT, code))
        .build();
  }

  private static TimeEntry minutes(
      String patient,
      String id,
      PractitionerRef who,
      StaffRole role,
      int month,
      int day,
      int minutes) {
    LocalDateTime start = LocalDateTime.of(2026, month, day, 10, 0);
    return TimeEntry.builder()
        .source(SourceRef.of("Procedure", patient + "-" + id))
        .patient(PatientRef.of(patient))
        .performer(who)
        .performerRole(role)
        .program(CareProgram.CCM)
        .start(start.atZone(ZONE).toInstant())
        .end(start.plusMinutes(minutes).atZone(ZONE).toInstant())
        .build();
  }
}
