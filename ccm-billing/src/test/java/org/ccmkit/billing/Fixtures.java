package org.ccmkit.billing;

import com.google.common.collect.ImmutableSortedSet;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.ccmkit.core.model.Attestation;
import org.ccmkit.core.model.AttestationKind;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.Code;
import org.ccmkit.core.model.ConditionRecord;
import org.ccmkit.core.model.Consent;
import org.ccmkit.core.model.ConsentStatus;
import org.ccmkit.core.model.Coverage;
import org.ccmkit.core.model.CoverageKind;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.model.Enrollment;
import org.ccmkit.core.model.ImmutablePatientRecord;
import org.ccmkit.core.model.Money;
import org.ccmkit.core.model.Patient;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.core.model.StaffRole;
import org.ccmkit.core.model.TimeEntry;
import org.ccmkit.core.model.Visit;
import org.ccmkit.core.rule.EvaluationContext;

/** Synthetic patient-months for billing tests (no real PHI). */
final class Fixtures {
  static final ZoneId ZONE = ZoneId.of("America/New_York");
  static final PractitionerRef DR_A = PractitionerRef.of("dr-a");
  static final PractitionerRef DR_B = PractitionerRef.of("dr-b");
  static final PractitionerRef RN = PractitionerRef.of("rn-1");
  static final PatientRef PATIENT = PatientRef.of("p1");
  static final YearMonth MARCH_2026 = YearMonth.of(2026, 3);
  static final LocalDate PROGRAM_START = LocalDate.of(2025, 6, 1);

  private static final BillingEngine STANDARD = CcmBillingRules.standard();

  private Fixtures() {}

  static BillingEngine engine() {
    return STANDARD;
  }

  static Month month(YearMonth month) {
    return new Month(month);
  }

  static Month march2026() {
    return new Month(MARCH_2026);
  }

  /** A patient-month under construction. */
  static final class Month {
    final YearMonth month;
    final ImmutablePatientRecord.Builder record =
        PatientRecord.builder().patient(Patient.of(PATIENT.id()));
    final ImmutableBillingInput.Builder input = BillingInput.builder();
    private final Map<LocalDate, LocalTime> cursor = new HashMap<>();
    private int seq;

    Month(YearMonth month) {
      this.month = month;
      input.month(month);
    }

    LocalDate day(int d) {
      return month.atDay(d);
    }

    private String id(String prefix) {
      return prefix + "-" + (++seq);
    }

    /** Two chronic conditions (diabetes, hypertension) and a significant-risk attestation. */
    @CanIgnoreReturnValue
    Month eligible() {
      return condition("E11.9").condition("I10").riskAttested();
    }

    @CanIgnoreReturnValue
    Month condition(String icd10) {
      record.addCondition(
          ConditionRecord.builder()
              .source(SourceRef.of("Condition", id("c")))
              .patient(PATIENT)
              .addCode(Code.icd10cm(icd10))
              .clinicalStatus(org.ccmkit.core.model.ClinicalStatus.ACTIVE)
              .build());
      return this;
    }

    @CanIgnoreReturnValue
    Month riskAttested() {
      record.addAttestation(
          Attestation.builder()
              .source(SourceRef.of("Observation", id("risk")))
              .patient(PATIENT)
              .kind(AttestationKind.SIGNIFICANT_RISK)
              .practitioner(DR_A)
              .date(PROGRAM_START)
              .build());
      return this;
    }

    @CanIgnoreReturnValue
    Month complexMdm(PractitionerRef pr, int dayOfMonth) {
      record.addAttestation(
          Attestation.builder()
              .source(SourceRef.of("Observation", id("mdm")))
              .patient(PATIENT)
              .kind(AttestationKind.COMPLEX_MDM)
              .practitioner(pr)
              .date(day(dayOfMonth))
              .build());
      return this;
    }

    @CanIgnoreReturnValue
    Month enrolled(CareProgram program, PractitionerRef pr, LocalDate start) {
      record.addEnrollment(
          Enrollment.builder()
              .source(SourceRef.of("EpisodeOfCare", id("eoc")))
              .patient(PATIENT)
              .program(program)
              .billingPractitioner(pr)
              .period(DateRange.startingOn(start))
              .build());
      return this;
    }

    @CanIgnoreReturnValue
    Month consent(CareProgram program, PractitionerRef pr, LocalDate given) {
      record.addConsent(
          Consent.builder()
              .source(SourceRef.of("Consent", id("consent")))
              .patient(PATIENT)
              .addProgram(program)
              .status(ConsentStatus.ACTIVE)
              .givenDate(given)
              .practitioner(pr)
              .build());
      return this;
    }

    @CanIgnoreReturnValue
    Month visit(PractitionerRef pr, LocalDate date, String cpt) {
      record.addVisit(
          Visit.builder()
              .source(SourceRef.of("Encounter", id("enc")))
              .patient(PATIENT)
              .addPractitioner(pr)
              .date(date)
              .addCode(Code.of(Code.CPT, cpt))
              .build());
      return this;
    }

    /** Enrolled since {@link #PROGRAM_START} with consent that day and a visit before it. */
    @CanIgnoreReturnValue
    Month ready(CareProgram program, PractitionerRef pr) {
      return enrolled(program, pr, PROGRAM_START)
          .consent(program, pr, PROGRAM_START)
          .visit(pr, PROGRAM_START.minusDays(30), "99214");
    }

    @CanIgnoreReturnValue
    Month staff(CareProgram program, int dayOfMonth, int minutes) {
      return time(program, RN, StaffRole.CLINICAL_STAFF, day(dayOfMonth), minutes);
    }

    @CanIgnoreReturnValue
    Month practitionerTime(CareProgram program, PractitionerRef pr, int dayOfMonth, int minutes) {
      return time(program, pr, StaffRole.PRACTITIONER, day(dayOfMonth), minutes);
    }

    @CanIgnoreReturnValue
    Month time(
        CareProgram program, PractitionerRef who, StaffRole role, LocalDate date, int minutes) {
      LocalTime start = cursor.getOrDefault(date, LocalTime.of(6, 0));
      cursor.put(date, start.plusMinutes(minutes + 1L));
      Instant s = date.atTime(start).atZone(ZONE).toInstant();
      record.addTimeEntry(
          TimeEntry.builder()
              .source(SourceRef.of("Procedure", id("te")))
              .patient(PATIENT)
              .performer(who)
              .performerRole(role)
              .program(program)
              .start(s)
              .end(s.plusSeconds(minutes * 60L))
              .build());
      return this;
    }

    @CanIgnoreReturnValue
    Month timeAt(
        CareProgram program,
        PractitionerRef who,
        StaffRole role,
        java.time.LocalDateTime start,
        int minutes) {
      Instant s = start.atZone(ZONE).toInstant();
      record.addTimeEntry(
          TimeEntry.builder()
              .source(SourceRef.of("Procedure", id("te")))
              .patient(PATIENT)
              .performer(who)
              .performerRole(role)
              .program(program)
              .start(s)
              .end(s.plusSeconds(minutes * 60L))
              .build());
      return this;
    }

    @CanIgnoreReturnValue
    Month coverage(CoverageKind kind) {
      return coverage(kind, Optional.empty(), false);
    }

    @CanIgnoreReturnValue
    Month medigap(String letter) {
      return coverage(CoverageKind.ORIGINAL_MEDICARE)
          .coverage(CoverageKind.MEDIGAP, Optional.of(letter), false);
    }

    @CanIgnoreReturnValue
    Month coverage(CoverageKind kind, Optional<String> plan, boolean qmb) {
      record.addCoverage(
          Coverage.builder()
              .source(SourceRef.of("Coverage", id("cov")))
              .patient(PATIENT)
              .kind(kind)
              .medigapPlan(plan)
              .qmb(qmb)
              .build());
      return this;
    }

    @CanIgnoreReturnValue
    Month deductibleRemaining(String amount) {
      input.deductibleRemaining(Money.usd(amount));
      return this;
    }

    @CanIgnoreReturnValue
    Month claim(String type, PractitionerRef pr, String code, int dayOfMonth, boolean paid) {
      input.addPriorClaim(
          PriorClaim.builder()
              .source(SourceRef.of(type, id("claim")))
              .patient(PATIENT)
              .practitioner(pr)
              .code(code)
              .servicePeriod(DateRange.ofClosed(day(dayOfMonth), day(dayOfMonth)))
              .paid(paid)
              .build());
      return this;
    }

    @CanIgnoreReturnValue
    Month request(PractitionerRef pr, String code, int dayOfMonth) {
      input.addRequestedService(
          RequestedService.builder()
              .source(SourceRef.of("ChargeItem", id("req")))
              .practitioner(pr)
              .code(code)
              .serviceDate(day(dayOfMonth))
              .build());
      return this;
    }

    /**
     * Adds a line other rules decided (as ccm-rpm would), resting on readings {@code
     * Observation/<evidence>}.
     */
    @CanIgnoreReturnValue
    Month external(
        PractitionerRef pr,
        String code,
        int units,
        LocalDate serviceDate,
        Optional<DateRange> period,
        String... evidence) {
      ImmutableExternalLine.Builder b =
          ExternalLine.builder()
              .practitioner(pr)
              .code(code)
              .units(units)
              .serviceDate(serviceDate)
              .servicePeriod(period);
      for (String id : evidence) {
        b.addEvidence(SourceRef.of("Observation", id));
      }
      input.addExternalLine(b.build());
      return this;
    }

    BillingInput input() {
      return input.record(record.build()).build();
    }

    EvaluationContext context() {
      return EvaluationContext.endOf(month, ZONE);
    }

    BillingResult bill() {
      return bill(STANDARD);
    }

    BillingResult bill(BillingEngine engine) {
      return engine.evaluate(input(), context());
    }
  }

  /** Returns whether a reason has the code and every given detail (key, value, key, value…). */
  static java.util.function.Predicate<org.ccmkit.core.rule.Reason> reason(
      org.ccmkit.core.rule.ReasonCode code, String... details) {
    return r -> {
      if (!r.is(code)) {
        return false;
      }
      for (int i = 0; i + 1 < details.length; i += 2) {
        if (!details[i + 1].equals(r.details().get(details[i]))) {
          return false;
        }
      }
      return true;
    };
  }

  /** Returns {@code code xUnits} strings of all lines, e.g. {@code [99490x1, 99439x2]}. */
  static ImmutableSortedSet<String> codes(BillingResult r) {
    return r.lines().stream()
        .map(l -> l.code() + "x" + l.units())
        .collect(ImmutableSortedSet.toImmutableSortedSet(java.util.Comparator.naturalOrder()));
  }
}
