package org.ccmkit.rpm;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.Code;
import org.ccmkit.core.model.Consent;
import org.ccmkit.core.model.ConsentStatus;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.model.Enrollment;
import org.ccmkit.core.model.ImmutablePatientRecord;
import org.ccmkit.core.model.Measurement;
import org.ccmkit.core.model.Patient;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.model.Reading;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.core.model.StaffRole;
import org.ccmkit.core.model.TimeEntry;
import org.ccmkit.core.model.Visit;
import org.ccmkit.core.rule.EvaluationContext;

/** Synthetic RPM scenarios: no real patient data. */
final class Fixtures {
  private Fixtures() {}

  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final ZoneId LORD_HOWE = ZoneId.of("Australia/Lord_Howe");
  static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
  static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

  static final String PATIENT = "p1";
  static final PatientRef P = PatientRef.of(PATIENT);
  static final PractitionerRef DR_A = PractitionerRef.of("dr-a");
  static final PractitionerRef DR_B = PractitionerRef.of("dr-b");
  static final PractitionerRef NURSE = PractitionerRef.of("rn-1");
  static final SourceRef CUFF = SourceRef.of("Device", "cuff-1");
  static final SourceRef SCALE = SourceRef.of("Device", "scale-1");

  static final String BP = "85354-9";
  static final String SYS = "8480-6";
  static final String DIA = "8462-4";
  static final String WEIGHT = "29463-7";
  static final String GLUCOSE = "2339-0";
  static final String SPO2 = "59408-5";
  static final String HR = "8867-4";

  static final RpmRules RULES = RpmRules.standard();

  /**
   * A patient in RPM with {@link #DR_A} from {@code start}: enrolled, consented on the start, and
   * seen by the practitioner 60 days before (established).
   */
  static ImmutablePatientRecord.Builder enrolled(LocalDate start) {
    return ImmutablePatientRecord.builder()
        .patient(Patient.of(PATIENT))
        .addEnrollment(enrollment("rpm-1", CareProgram.RPM, DR_A, DateRange.startingOn(start)))
        .addConsent(consent("c-rpm", DR_A, start))
        .addVisit(visit("v1", DR_A, start.minusDays(60)));
  }

  static Enrollment enrollment(
      String id, CareProgram program, PractitionerRef practitioner, DateRange period) {
    return Enrollment.builder()
        .source(SourceRef.of("EpisodeOfCare", id))
        .patient(P)
        .program(program)
        .billingPractitioner(practitioner)
        .period(period)
        .build();
  }

  static Consent consent(String id, PractitionerRef practitioner, LocalDate given) {
    return Consent.builder()
        .source(SourceRef.of("Consent", id))
        .patient(P)
        .addProgram(CareProgram.RPM)
        .status(ConsentStatus.ACTIVE)
        .givenDate(given)
        .practitioner(practitioner)
        .build();
  }

  static Visit visit(String id, PractitionerRef practitioner, LocalDate date) {
    return Visit.builder()
        .source(SourceRef.of("Encounter", id))
        .patient(P)
        .addPractitioner(practitioner)
        .date(date)
        .addCode(Code.of(Code.CPT, "99214"))
        .build();
  }

  /** A device-transmitted weight reading at {@code instant}. */
  static Reading weightAt(String id, Instant instant, String kg, SourceRef device) {
    return Reading.builder()
        .source(SourceRef.of("Observation", id))
        .patient(P)
        .code(Code.of("http://loinc.org", WEIGHT))
        .effective(instant)
        .putValue(WEIGHT, Measurement.of(kg, "kg"))
        .device(device)
        .build();
  }

  /** A device-transmitted weight reading at 08:00 local time on {@code day}. */
  static Reading deviceReading(String id, LocalDate day, ZoneId zone, SourceRef device) {
    return weightAt(id, day.atTime(8, 0).atZone(zone).toInstant(), "80.0", device);
  }

  /**
   * One device reading a day at 08:00 local for {@code days} consecutive days from {@code from}.
   */
  static List<Reading> daily(
      String prefix, LocalDate from, int days, ZoneId zone, SourceRef device) {
    List<Reading> out = new ArrayList<>();
    for (int i = 0; i < days; i++) {
      out.add(deviceReading(prefix + "-" + i, from.plusDays(i), zone, device));
    }
    return out;
  }

  /** A blood-pressure reading at {@code instant}. */
  static Reading bp(String id, Instant instant, int systolic, int diastolic) {
    return Reading.builder()
        .source(SourceRef.of("Observation", id))
        .patient(P)
        .code(Code.of("http://loinc.org", BP))
        .effective(instant)
        .putValue(SYS, Measurement.of(Integer.toString(systolic), "mm[Hg]"))
        .putValue(DIA, Measurement.of(Integer.toString(diastolic), "mm[Hg]"))
        .device(CUFF)
        .build();
  }

  /** A single-valued reading of {@code code}. */
  static Reading single(String id, Instant instant, String code, String value, String unit) {
    return Reading.builder()
        .source(SourceRef.of("Observation", id))
        .patient(P)
        .code(Code.of("http://loinc.org", code))
        .effective(instant)
        .putValue(code, Measurement.of(value, unit))
        .device(SourceRef.of("Device", "meter-1"))
        .build();
  }

  /** RPM time by the nurse, starting at {@code start} local time. */
  static TimeEntry rpmMinutes(
      String id, LocalDateTime start, int minutes, ZoneId zone, boolean interactive) {
    return minutes(id, CareProgram.RPM, start, minutes, zone, interactive);
  }

  static TimeEntry minutes(
      String id,
      CareProgram program,
      LocalDateTime start,
      int minutes,
      ZoneId zone,
      boolean interactive) {
    Instant s = start.atZone(zone).toInstant();
    return TimeEntry.builder()
        .source(SourceRef.of("Procedure", id))
        .patient(P)
        .performer(NURSE)
        .performerRole(StaffRole.CLINICAL_STAFF)
        .program(program)
        .start(s)
        .end(s.plusSeconds(60L * minutes))
        .interactive(interactive)
        .build();
  }

  static LocalDateTime at(int year, int month, int day, int hour) {
    return LocalDateTime.of(LocalDate.of(year, month, day), LocalTime.of(hour, 0));
  }

  static EvaluationContext endOf(int year, int month, ZoneId zone) {
    return EvaluationContext.endOf(YearMonth.of(year, month), zone);
  }

  static RpmBilling bill(ImmutablePatientRecord.Builder record, int year, int month, ZoneId zone) {
    return RULES.computeBilling(
        RpmQuery.of(record.build(), YearMonth.of(year, month)), endOf(year, month, zone));
  }

  static ImmutableList<String> codes(RpmBilling b) {
    return b.codes();
  }
}
