package org.ccmkit.rpm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccmkit.rpm.Fixtures.CUFF;
import static org.ccmkit.rpm.Fixtures.DR_A;
import static org.ccmkit.rpm.Fixtures.DR_B;
import static org.ccmkit.rpm.Fixtures.NEW_YORK;
import static org.ccmkit.rpm.Fixtures.RULES;
import static org.ccmkit.rpm.Fixtures.SCALE;
import static org.ccmkit.rpm.Fixtures.at;
import static org.ccmkit.rpm.Fixtures.bill;
import static org.ccmkit.rpm.Fixtures.daily;
import static org.ccmkit.rpm.Fixtures.enrolled;
import static org.ccmkit.rpm.Fixtures.enrollment;
import static org.ccmkit.rpm.Fixtures.rpmMinutes;

import java.time.LocalDate;
import java.time.YearMonth;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.Code;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.model.ImmutablePatientRecord;
import org.ccmkit.core.model.ImmutableTimeEntry;
import org.ccmkit.core.model.Patient;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.model.Reading;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.core.rule.Decision;
import org.ccmkit.core.rule.EvaluationContext;
import org.ccmkit.core.rule.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The RPM test cases of the rules reference (§9.3 RPM-T01..T10, open questions RPM-T11 and
 * MUE-T01), one named test each. The patient is in RPM with dr-a from 2026-03-01 (New York), so the
 * first 30-day period runs 2026-03-01..2026-03-30 and is reported in March.
 */
class RpmReferenceCasesTest {
  private static final LocalDate START = LocalDate.of(2026, 3, 1);

  private static RpmBilling march(ImmutablePatientRecord.Builder record) {
    return bill(record, 2026, 3, NEW_YORK);
  }

  @Test
  void rpmT01_oneDataDay_noDeviceSupplyCode() {
    RpmBilling b = march(enrolled(START).addAllReadings(daily("r", START, 1, NEW_YORK, CUFF)));

    assertThat(b.units("99454") + b.units("99445")).isZero();
    Decision supply = b.decision("rpm.device-supply").orElseThrow();
    assertThat(supply.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(supply.hasReason(RpmReasonCode.TOO_FEW_DEVICE_DAYS)).isTrue();
    assertThat(supply.details()).containsEntry("dataDays", "1");
  }

  @ParameterizedTest(name = "{0} data days -> {1}")
  @CsvSource({"2, 99445", "15, 99445", "16, 99454", "30, 99454"})
  void rpmT02_dataDays_selectOneDeviceSupplyCode_neverBoth(int days, String code) {
    RpmBilling b = march(enrolled(START).addAllReadings(daily("r", START, days, NEW_YORK, CUFF)));

    assertThat(b.units(code)).isEqualTo(1);
    assertThat(b.units("99454") + b.units("99445")).isEqualTo(1);
    RpmCodeLine line =
        b.lines().stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow();
    assertThat(line.servicePeriod())
        .isEqualTo(DateRange.ofClosed(START, LocalDate.of(2026, 3, 30)));
    assertThat(line.serviceDate()).isEqualTo(LocalDate.of(2026, 3, 30));
    assertThat(line.practitioner()).isEqualTo(DR_A);
    assertThat(line.basis()).isEqualTo(CodeBasis.DEVICE_DAYS);
    assertThat(line.sources()).hasSize(days);
  }

  @Test
  void rpmT03_twoDevicesOnTwentyDays_oneUnitOf99454() {
    RpmBilling b =
        march(
            enrolled(START)
                .addAllReadings(daily("cuff", START, 20, NEW_YORK, CUFF))
                .addAllReadings(daily("scale", START, 20, NEW_YORK, SCALE)));

    assertThat(b.units("99454")).isEqualTo(1);
    assertThat(b.units("99445")).isZero();
    assertThat(b.periods()).singleElement().satisfies(p -> assertThat(p.dayCount()).isEqualTo(20));
    assertThat(
            b.lines().stream()
                .filter(l -> l.code().equals("99454"))
                .findFirst()
                .orElseThrow()
                .sources())
        .hasSize(40);
  }

  @ParameterizedTest(name = "{0} min -> {1}")
  @CsvSource({
    "9, ''",
    "10, 99470",
    "19, 99470",
    "20, 99457",
    "39, 99457",
    "40, 99457 99458",
    "60, 99457 99458 99458"
  })
  void rpmT04_managementMinutes_selectCodes(int minutes, String expected) {
    RpmBilling b =
        march(
            enrolled(START)
                .addTimeEntry(rpmMinutes("call", at(2026, 3, 5, 10), 5, NEW_YORK, true))
                .addTimeEntry(
                    rpmMinutes("review", at(2026, 3, 12, 10), minutes - 5, NEW_YORK, false)));

    StringBuilder billed = new StringBuilder();
    for (String c : new String[] {"99470", "99457", "99458"}) {
      for (int i = 0; i < b.units(c); i++) {
        billed.append(billed.length() > 0 ? " " : "").append(c);
      }
    }
    assertThat(billed.toString()).isEqualTo(expected);
    assertThat(b.units("99470") * b.units("99457")).as("never 99470 with 99457").isZero();
    assertThat(b.managementMinutes()).isEqualTo(minutes);
  }

  @Test
  void rpmT04_cy2025_noTenMinuteCode() {
    RpmBilling b =
        bill(
            enrolled(LocalDate.of(2025, 3, 1))
                .addTimeEntry(rpmMinutes("call", at(2025, 3, 5, 10), 15, NEW_YORK, true)),
            2025,
            3,
            NEW_YORK);

    assertThat(b.lines()).isEmpty();
    assertThat(
            b.decision("rpm.management")
                .orElseThrow()
                .hasReason(RpmReasonCode.MANAGEMENT_BELOW_THRESHOLD))
        .isTrue();
  }

  @Test
  void rpmT05_noInteractiveCommunication_noManagementCode() {
    RpmBilling b =
        march(
            enrolled(START)
                .addTimeEntry(rpmMinutes("review", at(2026, 3, 12, 10), 25, NEW_YORK, false)));

    assertThat(b.units("99457") + b.units("99470")).isZero();
    Decision m = b.decision("rpm.management").orElseThrow();
    assertThat(m.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(m.hasReason(RpmReasonCode.NO_INTERACTIVE_COMMUNICATION)).isTrue();
    assertThat(b.managementMinutes()).isEqualTo(25);
  }

  @Test
  void rpmT06_manuallyEnteredReadings_doNotCount() {
    ImmutablePatientRecord.Builder r = enrolled(START);
    int i = 0;
    for (Reading d : daily("typed", START, 20, NEW_YORK, CUFF)) {
      // Half typed into an app without a device, half typed in although a device is named.
      Reading typed =
          i++ % 2 == 0
              ? Reading.builder().from(d).device(java.util.Optional.empty()).build()
              : Reading.builder().from(d).manual(true).build();
      r.addReading(typed);
    }
    RpmBilling b = march(r);

    assertThat(b.units("99454") + b.units("99445")).isZero();
    DeviceDays days = RULES.computeDeviceDays(r.build(), Fixtures.endOf(2026, 3, NEW_YORK));
    assertThat(days.totalDataDays()).isZero();
    assertThat(days.decision().evidence())
        .hasSize(20)
        .allSatisfy(
            e ->
                assertThat(e.reason())
                    .contains(RpmReasonCode.READING_NOT_DEVICE_TRANSMITTED.name()));
  }

  @Test
  void rpmT07_periodAlreadyBilledByAnotherPractitioner_flagged() {
    PriorClaim other =
        PriorClaim.builder()
            .source(SourceRef.of("ExplanationOfBenefit", "eob-b"))
            .practitioner(DR_B)
            .code("99454")
            .servicePeriod(DateRange.ofClosed(LocalDate.of(2026, 2, 20), LocalDate.of(2026, 3, 21)))
            .build();
    RpmQuery q =
        RpmQuery.builder()
            .record(enrolled(START).addAllReadings(daily("r", START, 20, NEW_YORK, CUFF)).build())
            .month(YearMonth.of(2026, 3))
            .addPriorClaim(other)
            .build();
    RpmBilling b = RULES.computeBilling(q, Fixtures.endOf(2026, 3, NEW_YORK));

    assertThat(b.units("99454")).isZero();
    Decision supply = b.decision("rpm.device-supply").orElseThrow();
    assertThat(supply.hasReason(RpmReasonCode.DEVICE_PERIOD_CLAIMED_BY_OTHER_PRACTITIONER))
        .isTrue();
    assertThat(supply.hasError()).isTrue();
    assertThat(supply.evidence()).anyMatch(e -> e.source().equals(other.source()));
  }

  @Test
  void rpmT08_rtmInThePeriod_blocksRpmEnrollment() {
    PatientRecord record =
        enrolled(START)
            .addEnrollment(
                enrollment(
                    "rtm-1",
                    CareProgram.RTM,
                    DR_A,
                    DateRange.ofClosed(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 10))))
            .build();
    Decision start =
        RULES
            .monitoringStart()
            .evaluate(
                MonitoringStart.builder()
                    .record(record)
                    .program(CareProgram.RPM)
                    .start(START)
                    .practitioner(DR_A)
                    .build(),
                EvaluationContext.of(START, NEW_YORK));

    assertThat(start.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(start.hasReason(RpmReasonCode.RPM_RTM_CONFLICT)).isTrue();
    assertThat(start.evidence()).anyMatch(e -> e.source().id().equals("rtm-1"));

    // The month's billing reports the conflict too, and bills nothing for the period.
    RpmBilling b =
        march(
            enrolled(START)
                .addEnrollment(record.enrollments().get(1))
                .addAllReadings(daily("r", START, 20, NEW_YORK, CUFF)));
    assertThat(b.lines()).isEmpty();
    assertThat(b.decision("rpm.enrollment").orElseThrow().hasReason(RpmReasonCode.RPM_RTM_CONFLICT))
        .isTrue();
  }

  @Test
  void rpmT08_rtmClaimInThePeriod_blocksRpmEnrollment() {
    PriorClaim rtm =
        PriorClaim.builder()
            .source(SourceRef.of("ExplanationOfBenefit", "eob-rtm"))
            .practitioner(DR_B)
            .code("98977")
            .servicePeriod(DateRange.ofClosed(LocalDate.of(2026, 3, 5), LocalDate.of(2026, 4, 3)))
            .build();
    Decision start =
        RULES
            .monitoringStart()
            .evaluate(
                MonitoringStart.builder()
                    .record(enrolled(START).build())
                    .program(CareProgram.RPM)
                    .start(START)
                    .practitioner(DR_A)
                    .addPriorClaim(rtm)
                    .build(),
                EvaluationContext.of(START, NEW_YORK));

    assertThat(start.hasReason(RpmReasonCode.RPM_RTM_CONFLICT)).isTrue();
    assertThat(start.isMet()).isFalse();
  }

  /** The reverse of RPM-T08: a claim of any RPM code of the year shows RPM activity. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"99445", "99453", "99454", "99457", "99458", "99470"})
  void rpmT08_rpmClaimInThePeriod_blocksRtmStart(String code) {
    PriorClaim rpm =
        PriorClaim.builder()
            .source(SourceRef.of("ExplanationOfBenefit", "eob-rpm"))
            .practitioner(DR_B)
            .code(code)
            .servicePeriod(DateRange.ofClosed(LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 31)))
            .build();
    Decision start =
        RULES
            .monitoringStart()
            .evaluate(
                MonitoringStart.builder()
                    .record(enrolled(START).build())
                    .program(CareProgram.RTM)
                    .start(START)
                    .practitioner(DR_A)
                    .addPriorClaim(rpm)
                    .build(),
                EvaluationContext.of(START, NEW_YORK));

    assertThat(start.hasReason(RpmReasonCode.RPM_RTM_CONFLICT)).isTrue();
    assertThat(start.isMet()).isFalse();
  }

  @Test
  void rpmT09_newPatient_rpmBlocked_rtmAllowedWithWarning() {
    PatientRecord newPatient =
        PatientRecord.builder().patient(Patient.of(Fixtures.PATIENT)).build();
    EvaluationContext ctx = EvaluationContext.of(START, NEW_YORK);
    ImmutableMonitoringStart.Builder rpm =
        MonitoringStart.builder()
            .record(newPatient)
            .program(CareProgram.RPM)
            .start(START)
            .practitioner(DR_A);

    Decision rpmStart = RULES.monitoringStart().evaluate(rpm.build(), ctx);
    Decision rtmStart = RULES.monitoringStart().evaluate(rpm.program(CareProgram.RTM).build(), ctx);

    assertThat(rpmStart.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(rpmStart.hasReason(RpmReasonCode.PATIENT_NOT_ESTABLISHED)).isTrue();
    assertThat(rtmStart.outcome()).isEqualTo(Outcome.MET);
    assertThat(rtmStart.hasReason(RpmReasonCode.RTM_TREATMENT_PLAN_EXPECTED)).isTrue();

    // Billing for a patient who was never established bills nothing.
    RpmBilling b =
        march(
            ImmutablePatientRecord.builder()
                .from(enrolled(START).build())
                .visits(java.util.List.of())
                .addAllReadings(daily("r", START, 20, NEW_YORK, CUFF))
                .addTimeEntry(rpmMinutes("call", at(2026, 3, 5, 10), 25, NEW_YORK, true)));
    assertThat(b.lines()).isEmpty();
    assertThat(
            b.decision("rpm.enrollment")
                .orElseThrow()
                .hasReason(RpmReasonCode.PATIENT_NOT_ESTABLISHED))
        .isTrue();
  }

  @Test
  void rpmT10_deviceWindowAndCalendarMonth_eachOnItsOwnClock() {
    LocalDate start = LocalDate.of(2026, 1, 15);
    ImmutablePatientRecord.Builder r =
        enrolled(start)
            .addAllReadings(daily("r", start, 20, NEW_YORK, CUFF)) // Jan 15 .. Feb 3
            .addTimeEntry(rpmMinutes("jan-call", at(2026, 1, 20, 10), 20, NEW_YORK, true))
            .addTimeEntry(rpmMinutes("feb-call", at(2026, 2, 10, 10), 12, NEW_YORK, true));

    RpmBilling jan = bill(r, 2026, 1, NEW_YORK);
    RpmBilling feb = bill(r, 2026, 2, NEW_YORK);

    // January: the period Jan 15..Feb 13 has not ended; the month's 20 min bill 99457.
    assertThat(jan.codes()).containsExactly("99457");
    assertThat(jan.periods()).isEmpty();
    // February: the period ends Feb 13 with 20 data days (16 of them in January): 99454 (and
    // 99453, first met in this period); February's own 12 min bill 99470.
    assertThat(feb.codes()).containsExactly("99453", "99454", "99470");
    RpmCodeLine supply = feb.lines().get(1);
    assertThat(supply.servicePeriod())
        .isEqualTo(DateRange.ofClosed(start, LocalDate.of(2026, 2, 13)));
    assertThat(feb.managementMinutes()).isEqualTo(12);
    assertThat(feb.lines().get(2).servicePeriod())
        .isEqualTo(DateRange.ofClosed(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)));
  }

  @Test
  void rpmT11_voicemailOnly_noManagementCode() {
    ImmutableTimeEntry voicemail =
        ImmutableTimeEntry.copyOf(rpmMinutes("vm", at(2026, 3, 5, 10), 25, NEW_YORK, false))
            .withActivity(Code.of("https://ccmkit.org/fhir/CodeSystem/care-activity", "voicemail"));
    RpmBilling b = march(enrolled(START).addTimeEntry(voicemail));

    assertThat(b.units("99457") + b.units("99470")).isZero();
    assertThat(b.interactiveCommunication()).isFalse();
    assertThat(
            b.decision("rpm.management")
                .orElseThrow()
                .hasReason(RpmReasonCode.NO_INTERACTIVE_COMMUNICATION))
        .isTrue();
  }

  @Test
  void mueT01_fourUnitsOf99458_warnNotBlock() {
    RpmBilling b =
        march(
            enrolled(START)
                .addTimeEntry(rpmMinutes("call", at(2026, 3, 5, 10), 20, NEW_YORK, true))
                .addTimeEntry(rpmMinutes("review", at(2026, 3, 12, 10), 80, NEW_YORK, false)));

    assertThat(b.units("99457")).isEqualTo(1);
    assertThat(b.units("99458")).isEqualTo(4);
    Decision m = b.decision("rpm.management").orElseThrow();
    assertThat(m.hasReason(RpmReasonCode.MUE_EXCEEDED)).isTrue();
    assertThat(m.isMet()).isTrue();
    assertThat(m.hasError()).isFalse();
  }
}
