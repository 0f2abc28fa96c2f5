package org.ccmkit.billing.internal;

import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.ccmkit.billing.BillingInput;
import org.ccmkit.billing.BillingParameters;
import org.ccmkit.billing.BillingReasonCode;
import org.ccmkit.billing.ClaimLine;
import org.ccmkit.billing.ImmutableLineShare;
import org.ccmkit.billing.ImmutablePatientShareEstimate;
import org.ccmkit.billing.LineShare;
import org.ccmkit.billing.MedigapPlan;
import org.ccmkit.billing.PatientShareEstimate;
import org.ccmkit.billing.PlanCostSharing;
import org.ccmkit.billing.ShareBasis;
import org.ccmkit.core.model.Coverage;
import org.ccmkit.core.model.CoverageKind;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.model.Money;
import org.ccmkit.core.rule.Decision;
import org.ccmkit.core.rule.Evidence;
import org.ccmkit.core.rule.ImmutableDecision;
import org.ccmkit.core.rule.Outcome;
import org.ccmkit.core.rule.Reason;
import org.ccmkit.core.rule.RuleId;

/**
 * The patient-share estimate (rules reference §7). Lines are taken in date, practitioner, code
 * order; the deductible is used up line by line; each line's share is computed exactly and rounded
 * once, half-up to cents; month totals are sums of the rounded line shares.
 *
 * <p>Original Medicare: {@code share = min(allowed, deductible left) + rate × (allowed − that)}
 * (COST-T01, T02). A Medigap plan pays its percentage of the coinsurance, and the deductible for C
 * and F; plan N's copay up to $20 is the top of the range (UNCONFIRMED for care management). A QMB
 * owes nothing and may not be billed (COST-T03). A full-benefit dual is configured. Medicare
 * Advantage is estimated only from configured plan cost sharing (COST-T06).
 */
final class PatientShares {
  static final String RULE = "billing.patient-share";
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private PatientShares() {}

  record Result(PatientShareEstimate estimate, Decision decision) {}

  static Result estimate(
      List<ClaimLine> billed, BillingInput in, BillingParameters p, LocalDate asOf) {
    YearMonth month = in.month();
    ImmutableList<ClaimLine> lines =
        ImmutableList.sortedCopyOf(
            Comparator.comparing(ClaimLine::serviceDate)
                .thenComparing(ClaimLine::practitioner)
                .thenComparing(ClaimLine::code),
            billed);
    ImmutableDecision.Builder d =
        Decision.builder()
            .ruleId(RuleId.of(RULE, p.version()))
            .asOf(asOf)
            .patient(in.record().ref())
            .month(month);
    Money zero = Money.zero(Money.USD);
    Money totalAllowed = zero;
    for (ClaimLine l : lines) {
      totalAllowed = totalAllowed.plus(l.allowed().orElse(zero));
      if (l.allowed().isEmpty()) {
        d.addReason(
            Reason.with(BillingReasonCode.AMOUNT_UNKNOWN)
                .message(l.code() + " has no known amount and is left out of the estimate")
                .putDetail("code", l.code())
                .build());
      }
    }
    ImmutablePatientShareEstimate.Builder e =
        PatientShareEstimate.builder().totalAllowed(totalAllowed).patientMayBeBilled(true);
    if (lines.isEmpty()) {
      d.outcome(Outcome.NOT_MET)
          .addReason(Reason.of(BillingReasonCode.NOTHING_BILLED, "No line billed in " + month));
      return done(e.basis(ShareBasis.NOT_ESTIMATED).estimated(false), zero, zero, d, lines);
    }

    DateRange days = DateRange.ofClosed(month.atDay(1), month.atEndOfMonth());
    List<Coverage> active =
        in.record().coverages().stream()
            .filter(Coverage::active)
            .filter(c -> c.period().map(r -> r.intersect(days).isPresent()).orElse(true))
            .toList();
    for (Coverage c : active) {
      d.addEvidence(
          Evidence.context(
              c.source(),
              "Coverage.type",
              c.kind().name()
                  + c.medigapPlan().map(l -> " plan " + l).orElse("")
                  + (c.qmb() ? " QMB" : "")));
    }
    Optional<Coverage> qmb =
        active.stream().filter(c -> c.kind() == CoverageKind.MEDICAID && c.qmb()).findFirst();
    Optional<Coverage> ma =
        active.stream().filter(c -> c.kind() == CoverageKind.MEDICARE_ADVANTAGE).findFirst();
    Optional<Coverage> medigap =
        active.stream()
            .filter(c -> c.kind() == CoverageKind.MEDIGAP && c.medigapPlan().isPresent())
            .findFirst();
    Optional<Coverage> dual =
        active.stream().filter(c -> c.kind() == CoverageKind.MEDICAID && !c.qmb()).findFirst();
    boolean original = active.stream().anyMatch(c -> c.kind() == CoverageKind.ORIGINAL_MEDICARE);

    if (qmb.isPresent()) {
      d.outcome(Outcome.MET)
          .addReason(
              Reason.of(
                  BillingReasonCode.QMB_PATIENT_MAY_NOT_BE_BILLED,
                  "The patient is a Qualified Medicare Beneficiary: no Medicare cost sharing may"
                      + " be billed to the patient"));
      e.basis(ShareBasis.QMB).estimated(true).patientMayBeBilled(false);
      for (ClaimLine l : lines) {
        e.addLine(line(l, zero, zero));
      }
      return done(e, zero, zero, d, lines);
    }
    if (ma.isPresent()) {
      e.basis(ShareBasis.MEDICARE_ADVANTAGE);
      if (in.planCostSharing().isEmpty()) {
        d.outcome(Outcome.INDETERMINATE)
            .addReason(
                Reason.of(
                    BillingReasonCode.MEDICARE_ADVANTAGE_NOT_ESTIMATED,
                    "Medicare Advantage member: no fee-for-service estimate without the plan's"
                        + " configured cost sharing"));
        return done(e.estimated(false), zero, zero, d, lines);
      }
      PlanCostSharing plan = in.planCostSharing().get();
      d.outcome(Outcome.MET)
          .putDetail("plan", plan.planId())
          .addReason(
              Reason.of(
                  BillingReasonCode.MEDICARE_ADVANTAGE_PLAN_COST_SHARING,
                  "Estimated from the configured cost sharing of plan " + plan.planId()));
      Money low = zero;
      for (ClaimLine l : lines) {
        Money allowed = l.allowed().orElse(zero);
        Money share =
            plan.copayPerLine().isPresent()
                ? plan.copayPerLine().get().min(allowed)
                : allowed.times(plan.coinsuranceRate().orElse(BigDecimal.ZERO));
        e.addLine(line(l, share, share));
        low = low.plus(share);
      }
      return done(e.estimated(true), low, low, d, lines);
    }

    Optional<MedigapPlan> plan = Optional.empty();
    ShareBasis basis = ShareBasis.ORIGINAL_MEDICARE;
    boolean planUnknown = false;
    if (medigap.isPresent()) {
      String letter = medigap.get().medigapPlan().orElseThrow();
      plan = Optional.ofNullable(p.medigapPlans().get(letter));
      basis = ShareBasis.MEDIGAP;
      d.putDetail("medigapPlan", letter);
      if (plan.isEmpty()) {
        planUnknown = true;
        d.addReason(
            Reason.with(BillingReasonCode.MEDIGAP_PLAN_NOT_CONFIGURED)
                .message(
                    "Medigap plan "
                        + letter
                        + " has no configured benefits: the range runs from zero to no supplement")
                .putDetail("plan", letter)
                .build());
      } else {
        d.addReason(
            Reason.with(BillingReasonCode.MEDIGAP_APPLIED)
                .message(
                    "Medigap plan "
                        + letter
                        + " pays "
                        + plan.get().coinsurancePaidPercent().stripTrailingZeros().toPlainString()
                        + "% of the coinsurance"
                        + (plan.get().paysPartBDeductible() ? " and the Part B deductible" : ""))
                .putDetail("plan", letter)
                .build());
        if (plan.get().copayUpTo().isPresent()) {
          d.addReason(
              Reason.with(BillingReasonCode.MEDIGAP_COPAY_UNCONFIRMED)
                  .message(
                      "Plan "
                          + letter
                          + " may leave a copay of up to "
                          + plan.get().copayUpTo().get()
                          + " per service; whether it applies to care management is UNCONFIRMED")
                  .build());
        }
      }
    } else if (!original && dual.isEmpty()) {
      d.addReason(
          Reason.of(
              BillingReasonCode.COVERAGE_UNKNOWN,
              "No active coverage on file for the month: estimated as Original Medicare"));
    }
    boolean dualRange = false;
    boolean dualZero = false;
    if (dual.isPresent()) {
      basis = ShareBasis.DUAL_ELIGIBLE;
      switch (p.dualEligibleShare()) {
        case RANGE_ZERO_TO_ORIGINAL_MEDICARE -> dualRange = true;
        case ZERO -> dualZero = true;
        case ORIGINAL_MEDICARE -> {}
      }
      d.addReason(
          Reason.with(BillingReasonCode.DUAL_ELIGIBLE)
              .message(
                  "Full-benefit dual eligible (not QMB): estimated as "
                      + p.dualEligibleShare()
                      + "; what Medicaid pays depends on the state")
              .putDetail("handling", p.dualEligibleShare().name())
              .build());
    }
    Money annual = p.partBDeductible();
    Money lowDeductible;
    Money highDeductible;
    if (in.deductibleRemaining().isPresent()) {
      lowDeductible = in.deductibleRemaining().get().min(annual);
      highDeductible = lowDeductible;
      d.putDetail("deductibleRemaining", lowDeductible.amount().toPlainString());
    } else {
      lowDeductible = zero;
      highDeductible = annual;
      d.putDetail("deductibleRemaining", "unknown");
      d.addReason(
          Reason.with(BillingReasonCode.DEDUCTIBLE_UNKNOWN)
              .message(
                  "Deductible remaining unknown: the range runs from met (0) to not met ("
                      + annual
                      + ")")
              .build());
    }
    d.addReason(
            Reason.of(
                BillingReasonCode.ORIGINAL_MEDICARE_ESTIMATE,
                "Original Medicare: deductible, then "
                    + p.coinsuranceRate().multiply(HUNDRED).stripTrailingZeros().toPlainString()
                    + "% coinsurance of the allowed amount"))
        .putDetail("coinsuranceRate", p.coinsuranceRate().toPlainString())
        .putDetail("partBDeductible", annual.amount().toPlainString());

    BigDecimal leftLow = lowDeductible.amount();
    BigDecimal leftHigh = highDeductible.amount();
    Money totalLow = zero;
    Money totalHigh = zero;
    for (ClaimLine l : lines) {
      BigDecimal allowed = l.allowed().map(Money::amount).orElse(BigDecimal.ZERO);
      BigDecimal dedLow = allowed.min(leftLow);
      BigDecimal dedHigh = allowed.min(leftHigh);
      leftLow = leftLow.subtract(dedLow);
      leftHigh = leftHigh.subtract(dedHigh);
      Money low;
      Money high;
      if (planUnknown) {
        low = zero;
        high = Money.usd(share(allowed, dedHigh, p.coinsuranceRate(), Optional.empty(), true));
      } else {
        low = Money.usd(share(allowed, dedLow, p.coinsuranceRate(), plan, false));
        high = Money.usd(share(allowed, dedHigh, p.coinsuranceRate(), plan, true));
      }
      if (dualZero) {
        low = zero;
        high = zero;
      } else if (dualRange) {
        low = zero;
      }
      e.addLine(line(l, low, high));
      totalLow = totalLow.plus(low);
      totalHigh = totalHigh.plus(high);
    }
    d.outcome(Outcome.MET);
    return done(e.basis(basis).estimated(true), totalLow, totalHigh, d, lines);
  }

  /** The exact patient share of one line, before rounding. */
  private static BigDecimal share(
      BigDecimal allowed,
      BigDecimal deductible,
      BigDecimal rate,
      Optional<MedigapPlan> plan,
      boolean includeCopay) {
    BigDecimal coinsurance = allowed.subtract(deductible).multiply(rate);
    if (plan.isEmpty()) {
      return deductible.add(coinsurance);
    }
    MedigapPlan m = plan.get();
    BigDecimal patientDeductible = m.paysPartBDeductible() ? BigDecimal.ZERO : deductible;
    BigDecimal patientPart =
        HUNDRED.subtract(m.coinsurancePaidPercent()).divide(HUNDRED, 10, RoundingMode.UNNECESSARY);
    BigDecimal patientCoinsurance = coinsurance.multiply(patientPart);
    BigDecimal copay = BigDecimal.ZERO;
    if (includeCopay && m.copayUpTo().isPresent()) {
      copay = m.copayUpTo().get().amount().min(coinsurance.subtract(patientCoinsurance));
    }
    return patientDeductible.add(patientCoinsurance).add(copay);
  }

  private static LineShare line(ClaimLine l, Money low, Money high) {
    ImmutableLineShare.Builder b =
        LineShare.builder()
            .practitioner(l.practitioner())
            .code(l.code())
            .serviceDate(l.serviceDate())
            .low(low)
            .high(high);
    l.allowed().ifPresent(b::allowed);
    return b.build();
  }

  private static Result done(
      ImmutablePatientShareEstimate.Builder e,
      Money low,
      Money high,
      ImmutableDecision.Builder d,
      List<ClaimLine> lines) {
    PatientShareEstimate estimate = e.low(low).high(high).build();
    d.putDetail("basis", estimate.basis().name())
        .putDetail("low", low.amount().toPlainString())
        .putDetail("high", high.amount().toPlainString())
        .putDetail("lines", Integer.toString(lines.size()))
        .putDetail("patientMayBeBilled", Boolean.toString(estimate.patientMayBeBilled()));
    return new Result(estimate, d.build());
  }
}
