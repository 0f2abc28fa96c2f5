package org.ccmkit.billing.internal;

import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import java.util.Optional;
import org.ccmkit.billing.BillingCode;
import org.ccmkit.billing.BillingInput;
import org.ccmkit.billing.BillingParameters;
import org.ccmkit.billing.BillingReasonCode;
import org.ccmkit.billing.CareSetting;
import org.ccmkit.billing.ConversionFactorType;
import org.ccmkit.billing.FeeAmount;
import org.ccmkit.billing.Locality;
import org.ccmkit.billing.Rvus;
import org.ccmkit.core.model.Money;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.rule.Reason;

/**
 * Prices a code for a practitioner: the locality-adjusted amount when the integrator gives GPCIs
 * and the catalog has component RVUs, else the national amount for the setting and conversion
 * factor (QP for Qualifying APM Participants), else unknown. Amounts are rounded once, half-up to
 * cents ({@link Money#ROUNDING}).
 */
final class Pricing {
  private Pricing() {}

  /** A unit price, where it came from, and the reasons to report about it. */
  record Priced(Optional<Money> unit, Optional<String> source, ImmutableList<Reason> reasons) {}

  static Priced price(
      BillingCode code, PractitionerRef practitioner, BillingInput in, BillingParameters p) {
    ConversionFactorType cf =
        in.qualifyingApmParticipants().contains(practitioner)
            ? ConversionFactorType.QP
            : ConversionFactorType.NON_QP;
    CareSetting setting = in.setting();
    ImmutableList.Builder<Reason> reasons = ImmutableList.builder();
    if (in.locality().isPresent()) {
      Locality loc = in.locality().get();
      Optional<BigDecimal> factor =
          Optional.ofNullable(p.conversionFactors().get(cf))
              .or(
                  () ->
                      Optional.ofNullable(p.conversionFactors().get(ConversionFactorType.SINGLE)));
      Optional<Rvus> rvus = code.rvus();
      Optional<BigDecimal> pe =
          rvus.flatMap(
              r ->
                  setting == CareSetting.FACILITY
                      ? r.practiceExpenseFacility()
                      : Optional.of(r.practiceExpenseNonFacility()));
      if (rvus.isPresent() && pe.isPresent() && factor.isPresent()) {
        Rvus r = rvus.get();
        BigDecimal total =
            r.work()
                .multiply(loc.workGpci())
                .add(pe.get().multiply(loc.practiceExpenseGpci()))
                .add(r.malpractice().multiply(loc.malpracticeGpci()));
        Money amount = Money.usd(total.multiply(factor.get()));
        return new Priced(
            Optional.of(amount),
            Optional.of(
                "locality "
                    + loc.id()
                    + " "
                    + setting
                    + ": RVUs ("
                    + r.source()
                    + ") x GPCIs x "
                    + cf
                    + " CF "
                    + factor.get().toPlainString()),
            reasons.build());
      }
      reasons.add(
          Reason.with(BillingReasonCode.LOCALITY_RVUS_UNAVAILABLE)
              .message(
                  code.code()
                      + ": no component RVUs in the catalog; the national amount is used, not"
                      + " locality "
                      + loc.id())
              .putDetail("code", code.code())
              .putDetail("locality", loc.id())
              .build());
    }
    Optional<FeeAmount> national = code.amount(setting, cf);
    if (national.isPresent()) {
      FeeAmount a = national.get();
      return new Priced(
          Optional.of(Money.usd(a.amount())),
          Optional.of("national " + setting + " " + a.conversionFactor() + ": " + a.source()),
          reasons.build());
    }
    reasons.add(
        Reason.with(BillingReasonCode.AMOUNT_UNKNOWN)
            .message(
                code.code()
                    + ": the catalog has no "
                    + setting
                    + " "
                    + cf
                    + " amount"
                    + (code.notes().isEmpty() ? "" : " (" + code.notes().get(0) + ")"))
            .putDetail("code", code.code())
            .putDetail("setting", setting.name())
            .putDetail("conversionFactor", cf.name())
            .build());
    return new Priced(Optional.empty(), Optional.empty(), reasons.build());
  }
}
