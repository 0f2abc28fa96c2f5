package org.ccmkit.rpm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccmkit.rpm.Fixtures.CUFF;
import static org.ccmkit.rpm.Fixtures.DR_A;
import static org.ccmkit.rpm.Fixtures.DR_B;
import static org.ccmkit.rpm.Fixtures.NEW_YORK;
import static org.ccmkit.rpm.Fixtures.RULES;
import static org.ccmkit.rpm.Fixtures.at;
import static org.ccmkit.rpm.Fixtures.bill;
import static org.ccmkit.rpm.Fixtures.daily;
import static org.ccmkit.rpm.Fixtures.enrolled;
import static org.ccmkit.rpm.Fixtures.enrollment;
import static org.ccmkit.rpm.Fixtures.minutes;
import static org.ccmkit.rpm.Fixtures.rpmMinutes;

import java.time.LocalDate;
import java.time.YearMonth;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.model.ImmutablePatientRecord;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.core.rule.Decision;
import org.ccmkit.core.rule.EvaluationContext;
import org.ccmkit.core.rule.Outcome;
import org.ccmkit.core.rule.Severity;
import org.ccmkit.core.rules.CoreRules;
import org.junit.jupiter.api.Test;

class RpmBillingTest {
  private static final LocalDate START = LocalDate.of(2026, 3, 1);

  @Test
  void setup_cy2025_needsSixteenDataDays() {
    LocalDate start = LocalDate.of(2025, 3, 1);
    RpmBilling ten =
        bill(
            enrolled(start).addAllReadings(daily("r", start, 10, NEW_YORK, CUFF)),
            2025,
            3,
            NEW_YORK);
    RpmBilling sixteen =
        bill(
            enrolled(start).addAllReadings(daily("r", start, 16, NEW_YORK, CUFF)),
            2025,
            3,
            NEW_YORK);

    assertThat(ten.lines()).as("no 99445 in CY2025, no 99453 under 16 days").isEmpty();
    assertThat(ten.decision("rpm.setup").orElseThrow().hasReason(RpmReasonCode.SETUP_NOT_DUE))
        .isTrue();
    assertThat(sixteen.codes()).containsExactly("99453", "99454");
    assertThat(
            sixteen
                .decision("rpm.setup")
                .orElseThrow()
                .hasReason(RpmReasonCode.SETUP_THRESHOLD_UNCONFIRMED))
        .isFalse();
  }

  @Test
  void setup_cy2026_twoDataDays_billedWithUnconfirmedWarning() {
    RpmBilling b =
        bill(
            enrolled(START).addAllReadings(daily("r", START, 2, NEW_YORK, CUFF)),
            2026,
            3,
            NEW_YORK);

    assertThat(b.codes()).containsExactly("99445", "99453");
    Decision setup = b.decision("rpm.setup").orElseThrow();
    assertThat(setup.isMet()).isTrue();
    assertThat(setup.reasons())
        .anySatisfy(
            r -> {
              assertThat(r.code()).isEqualTo(RpmReasonCode.SETUP_THRESHOLD_UNCONFIRMED.name());
              assertThat(r.severity()).isEqualTo(Severity.WARNING);
            });
  }

  @Test
  void setup_oncePerEpisode_withTheFirstPeriodThatMeetsTheThreshold() {
    ImmutablePatientRecord.Builder r =
        enrolled(START).addAllReadings(daily("r", START, 90, NEW_YORK, CUFF));

    RpmBilling march = bill(r, 2026, 3, NEW_YORK);
    RpmBilling april = bill(r, 2026, 4, NEW_YORK);
    RpmBilling may = bill(r, 2026, 5, NEW_YORK);

    assertThat(march.units("99453")).isEqualTo(1);
    assertThat(april.units("99453")).isZero();
    assertThat(may.units("99453")).isZero();
    assertThat(april.units("99454") + may.units("99454")).isEqualTo(2);
    assertThat(april.decision("rpm.setup").orElseThrow().hasReason(RpmReasonCode.SETUP_NOT_DUE))
        .isTrue();
  }

  @Test
  void setup_alreadyClaimedInTheEpisode_notBilledAgain() {
    RpmQuery q =
        RpmQuery.builder()
            .record(enrolled(START).addAllReadings(daily("r", START, 20, NEW_YORK, CUFF)).build())
            .month(YearMonth.of(2026, 3))
            .addPriorClaim(
                PriorClaim.builder()
                    .source(SourceRef.of("ExplanationOfBenefit", "eob-setup"))
                    .practitioner(DR_A)
                    .code("99453")
                    .servicePeriod(DateRange.ofClosed(START.plusDays(2), START.plusDays(2)))
                    .build())
            .build();

    RpmBilling b = RULES.computeBilling(q, Fixtures.endOf(2026, 3, NEW_YORK));

    assertThat(b.codes()).containsExactly("99454");
    assertThat(b.decision("rpm.setup").orElseThrow().hasReason(RpmReasonCode.SETUP_ALREADY_CLAIMED))
        .isTrue();
  }

  @Test
  void yearBoundary_periodEndingInJanuary2026_usesCy2026Tiers() {
    LocalDate start = LocalDate.of(2025, 12, 10); // period 1: Dec 10 .. Jan 8
    ImmutablePatientRecord.Builder r =
        enrolled(start).addAllReadings(daily("r", start, 5, NEW_YORK, CUFF));

    RpmBilling december = bill(r, 2025, 12, NEW_YORK);
    RpmBilling january = bill(r, 2026, 1, NEW_YORK);

    assertThat(december.periods()).isEmpty();
    assertThat(january.codes()).containsExactly("99445", "99453");
    assertThat(january.lines().get(0).serviceDate()).isEqualTo(LocalDate.of(2026, 1, 8));
    assertThat(january.decisions())
        .allSatisfy(d -> assertThat(d.ruleId().version()).startsWith("CY2026"));
  }

  @Test
  void yearBoundary_periodEndingInDecember2025_no99445() {
    LocalDate start = LocalDate.of(2025, 11, 20); // period 1: Nov 20 .. Dec 19
    RpmBilling december =
        bill(
            enrolled(start).addAllReadings(daily("r", start, 5, NEW_YORK, CUFF)),
            2025,
            12,
            NEW_YORK);

    assertThat(december.lines()).isEmpty();
    assertThat(december.decision("rpm.device-supply").orElseThrow().reasons())
        .anySatisfy(r -> assertThat(r.details()).containsEntry("required", "16"));
  }

  @Test
  void thirtyOneDayMonth_twoPeriodsEnd_twoDeviceLines() {
    LocalDate start = LocalDate.of(2026, 1, 31); // Jan 31..Mar 1 and Mar 2..Mar 31
    RpmBilling march =
        bill(
            enrolled(start).addAllReadings(daily("r", start, 60, NEW_YORK, CUFF)),
            2026,
            3,
            NEW_YORK);

    assertThat(march.codes()).containsExactly("99453", "99454", "99454");
    assertThat(
            march.decisions().stream().filter(d -> d.ruleId().name().equals("rpm.device-supply")))
        .hasSize(2);
  }

  @Test
  void doubleCounting_minutesTaggedToCcmAndRpm_countForNeither() {
    ImmutablePatientRecord.Builder r =
        enrolled(START)
            .addTimeEntry(rpmMinutes("rpm-call", at(2026, 3, 5, 10), 25, NEW_YORK, true))
            .addTimeEntry(
                minutes("ccm-same", CareProgram.CCM, at(2026, 3, 5, 10), 25, NEW_YORK, false));

    RpmBilling b = bill(r, 2026, 3, NEW_YORK);

    assertThat(b.managementMinutes()).isZero();
    assertThat(b.lines()).isEmpty();
    assertThat(
            b.decision("core.time-accrual")
                .orElseThrow()
                .hasReason(org.ccmkit.core.rules.CoreReasonCode.MINUTES_TAGGED_TO_TWO_PROGRAMS))
        .isTrue();
  }

  @Test
  void doubleCounting_ccmMinutesNeverCountTowardRpm() {
    ImmutablePatientRecord.Builder r =
        enrolled(START)
            .addTimeEntry(rpmMinutes("rpm-call", at(2026, 3, 5, 10), 5, NEW_YORK, true))
            .addTimeEntry(minutes("ccm", CareProgram.CCM, at(2026, 3, 6, 10), 40, NEW_YORK, true));

    RpmBilling b = bill(r, 2026, 3, NEW_YORK);

    assertThat(b.managementMinutes()).isEqualTo(5);
    assertThat(b.lines()).isEmpty();
  }

  @Test
  void practitioner_ambiguous_indeterminate_namedOneBillsWithWarning() {
    ImmutablePatientRecord.Builder r =
        enrolled(START)
            .addEnrollment(
                enrollment("rpm-b", CareProgram.RPM, DR_B, DateRange.startingOn(START.plusDays(5))))
            .addConsent(Fixtures.consent("c-b", DR_B, START.plusDays(5)))
            .addAllReadings(daily("r", START, 20, NEW_YORK, CUFF));

    RpmBilling unnamed = bill(r, 2026, 3, NEW_YORK);
    RpmBilling named =
        RULES.computeBilling(
            RpmQuery.builder()
                .record(r.build())
                .month(YearMonth.of(2026, 3))
                .billingPractitioner(DR_A)
                .build(),
            Fixtures.endOf(2026, 3, NEW_YORK));

    assertThat(unnamed.lines()).isEmpty();
    assertThat(unnamed.decisions())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.outcome()).isEqualTo(Outcome.INDETERMINATE);
              assertThat(d.hasReason(RpmReasonCode.BILLING_PRACTITIONER_AMBIGUOUS)).isTrue();
            });
    assertThat(named.codes()).contains("99454");
    assertThat(
            named
                .decision("rpm.device-supply")
                .orElseThrow()
                .hasReason(RpmReasonCode.OTHER_PRACTITIONER_ENROLLED))
        .isTrue();
  }

  @Test
  void devicePeriod_alreadyClaimedBySamePractitioner_notBilledAgain() {
    RpmQuery q =
        RpmQuery.builder()
            .record(enrolled(START).addAllReadings(daily("r", START, 20, NEW_YORK, CUFF)).build())
            .month(YearMonth.of(2026, 3))
            .addPriorClaim(
                PriorClaim.builder()
                    .source(SourceRef.of("ExplanationOfBenefit", "eob-a"))
                    .practitioner(DR_A)
                    .code("99454")
                    .servicePeriod(DateRange.ofClosed(START, START.plusDays(29)))
                    .build())
            .build();

    RpmBilling b = RULES.computeBilling(q, Fixtures.endOf(2026, 3, NEW_YORK));

    assertThat(b.units("99454")).isZero();
    Decision supply = b.decision("rpm.device-supply").orElseThrow();
    assertThat(supply.hasReason(RpmReasonCode.DEVICE_PERIOD_ALREADY_CLAIMED)).isTrue();
    assertThat(supply.hasError()).isFalse();
  }

  @Test
  void openPeriod_midMonthRun_indeterminateWithForecast() {
    RpmBilling b =
        RULES.computeBilling(
            RpmQuery.of(
                enrolled(START).addAllReadings(daily("r", START, 10, NEW_YORK, CUFF)).build(),
                YearMonth.of(2026, 3)),
            EvaluationContext.of(LocalDate.of(2026, 3, 15), NEW_YORK));

    Decision supply = b.decision("rpm.device-supply").orElseThrow();
    assertThat(supply.outcome()).isEqualTo(Outcome.INDETERMINATE);
    assertThat(supply.hasReason(RpmReasonCode.PERIOD_OPEN)).isTrue();
    assertThat(supply.details())
        .containsEntry("forecast.daysLeft", "16")
        .containsEntry("forecast.maxReachableDays", "26");
    assertThat(b.units("99454") + b.units("99445")).isZero();
  }

  @Test
  void notEnrolled_noLines() {
    RpmBilling b =
        bill(
            ImmutablePatientRecord.builder()
                .patient(org.ccmkit.core.model.Patient.of(Fixtures.PATIENT)),
            2026,
            3,
            NEW_YORK);

    assertThat(b.lines()).isEmpty();
    assertThat(b.decisions())
        .singleElement()
        .satisfies(d -> assertThat(d.hasReason(RpmReasonCode.NOT_ENROLLED_IN_RPM)).isTrue());
  }

  @Test
  void addOn_policyCapAndHardMue_cutUnits() {
    RpmParameters cy2026 = RpmParameters.builtIn().forDate(START);
    AddOnParameters add = cy2026.management().addOn();
    RpmParameters capped =
        ImmutableRpmParameters.copyOf(cy2026)
            .withManagement(
                ImmutableManagementParameters.copyOf(cy2026.management())
                    .withAddOn(ImmutableAddOnParameters.copyOf(add).withPolicyCap(2)));
    RpmParameters hardMue =
        ImmutableRpmParameters.copyOf(cy2026)
            .withManagement(
                ImmutableManagementParameters.copyOf(cy2026.management())
                    .withAddOn(
                        ImmutableAddOnParameters.copyOf(add)
                            .withMue(
                                ImmutableMueLimit.copyOf(add.mue().orElseThrow()).withMai(2))));
    ImmutablePatientRecord.Builder r =
        enrolled(START)
            .addTimeEntry(rpmMinutes("call", at(2026, 3, 5, 10), 20, NEW_YORK, true))
            .addTimeEntry(rpmMinutes("review", at(2026, 3, 12, 10), 80, NEW_YORK, false));

    RpmBilling withCap =
        RpmRules.of(RpmParameters.builtIn().with(capped), CoreRules.standard())
            .computeBilling(
                RpmQuery.of(r.build(), YearMonth.of(2026, 3)), Fixtures.endOf(2026, 3, NEW_YORK));
    RpmBilling withHardMue =
        RpmRules.of(RpmParameters.builtIn().with(hardMue), CoreRules.standard())
            .computeBilling(
                RpmQuery.of(r.build(), YearMonth.of(2026, 3)), Fixtures.endOf(2026, 3, NEW_YORK));

    assertThat(withCap.units("99458")).isEqualTo(2);
    assertThat(
            withCap.decision("rpm.management").orElseThrow().hasReason(RpmReasonCode.ADD_ON_CAPPED))
        .isTrue();
    assertThat(withHardMue.units("99458")).isEqualTo(3);
    assertThat(
            withHardMue
                .decision("rpm.management")
                .orElseThrow()
                .hasReason(RpmReasonCode.ADD_ON_LIMITED_BY_MUE))
        .isTrue();
  }

  @Test
  void billingRule_mergesParts_metWithLineDetails() {
    ImmutablePatientRecord.Builder r =
        enrolled(START)
            .addAllReadings(daily("r", START, 20, NEW_YORK, CUFF))
            .addTimeEntry(rpmMinutes("call", at(2026, 3, 5, 10), 22, NEW_YORK, true));

    Decision d =
        RULES
            .billing()
            .evaluate(
                RpmQuery.of(r.build(), YearMonth.of(2026, 3)), Fixtures.endOf(2026, 3, NEW_YORK));

    assertThat(d.ruleId().name()).isEqualTo("rpm.billing");
    assertThat(d.isMet()).isTrue();
    assertThat(d.details())
        .containsEntry("line.99453.2026-03-30", "1")
        .containsEntry("line.99454.2026-03-30", "1")
        .containsEntry("line.99457.2026-03-31", "1");
    assertThat(d.hasReason(RpmReasonCode.DEVICE_SUPPLY_BILLABLE)).isTrue();
    assertThat(d.hasReason(RpmReasonCode.MANAGEMENT_BILLABLE)).isTrue();
    assertThat(d.month()).contains(YearMonth.of(2026, 3));
    assertThat(d.practitioner()).contains(DR_A);
  }
}
