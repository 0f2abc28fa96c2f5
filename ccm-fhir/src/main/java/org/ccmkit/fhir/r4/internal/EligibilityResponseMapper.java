package org.ccmkit.fhir.r4.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.fhir.r4.DeductibleStatus;
import org.ccmkit.fhir.r4.MappingIssueCode;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse.BenefitComponent;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse.InsuranceComponent;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse.ItemsComponent;
import org.hl7.fhir.r4.model.Money;
import org.jspecify.annotations.Nullable;

/**
 * CoverageEligibilityResponse → DeductibleStatus, one per {@code insurance} with a benefit of type
 * {@code deductible}: {@code allowedMoney}, {@code usedMoney}, the coverage and the benefit period
 * ({@code insurance.benefitPeriod}, else {@code serviced[x]}). Only {@code active} responses are
 * read; one without a deductible benefit is ignored.
 */
final class EligibilityResponseMapper implements ResourceMapper<CoverageEligibilityResponse> {
  private static final String ACTIVE = "active";

  @Override
  public Class<CoverageEligibilityResponse> type() {
    return CoverageEligibilityResponse.class;
  }

  private static final class Draft {
    final @Nullable RawRef coverage;
    final Optional<DateRange> period;
    final Optional<BigDecimal> allowed;
    final Optional<BigDecimal> used;
    final Optional<String> currency;

    Draft(
        @Nullable RawRef coverage,
        Optional<DateRange> period,
        Optional<BigDecimal> allowed,
        Optional<BigDecimal> used,
        Optional<String> currency) {
      this.coverage = coverage;
      this.period = period;
      this.allowed = allowed;
      this.used = used;
      this.currency = currency;
    }
  }

  @Override
  public Optional<Pending> map(CoverageEligibilityResponse r, Item item, MapContext c) {
    String status = MapContext.status(r.getStatusElement());
    if ("entered-in-error".equals(status)) {
      return c.ignore(
          item,
          MappingIssueCode.ENTERED_IN_ERROR,
          "CoverageEligibilityResponse.status",
          "status is entered-in-error");
    }
    if (!ACTIVE.equals(status)) {
      return c.ignore(
          item,
          MappingIssueCode.STATUS_NOT_COUNTED,
          "CoverageEligibilityResponse.status",
          "only active responses are read");
    }
    RawRef patient = RawRef.of(r.getPatient());
    if (patient == null) {
      return c.missing(item, "CoverageEligibilityResponse.patient");
    }
    Optional<DateRange> serviced = Optional.empty();
    if (r.hasServicedDateType()) {
      serviced =
          c.time(item, r.getServicedDateType(), "CoverageEligibilityResponse.servicedDate")
              .map(t -> DateRange.ofClosed(t.date, t.date));
    } else if (r.hasServicedPeriod()) {
      MapContext.Days d =
          c.days(item, r.getServicedPeriod(), "CoverageEligibilityResponse.servicedPeriod");
      serviced = d.invalid() ? Optional.empty() : d.range();
    }
    List<Draft> drafts = new ArrayList<>();
    for (InsuranceComponent ins : r.getInsurance()) {
      for (ItemsComponent it : ins.getItem()) {
        for (BenefitComponent benefit : it.getBenefit()) {
          if (!c.codes.has(
              benefit.getType(),
              c.options.benefitTypeSystem(),
              c.options.deductibleBenefitCode())) {
            continue;
          }
          Money allowed = benefit.hasAllowedMoney() ? benefit.getAllowedMoney() : null;
          Money used = benefit.hasUsedMoney() ? benefit.getUsedMoney() : null;
          String ca = allowed != null && allowed.hasCurrency() ? allowed.getCurrency() : null;
          String cu = used != null && used.hasCurrency() ? used.getCurrency() : null;
          if (ca != null && cu != null && !ca.equals(cu)) {
            return c.reject(
                item,
                MappingIssueCode.CONFLICTING_VALUES,
                "CoverageEligibilityResponse.insurance.item.benefit",
                "allowedMoney and usedMoney are in different currencies");
          }
          Optional<DateRange> period = serviced;
          if (ins.hasBenefitPeriod()) {
            MapContext.Days d =
                c.days(
                    item,
                    ins.getBenefitPeriod(),
                    "CoverageEligibilityResponse.insurance.benefitPeriod");
            if (!d.invalid() && d.range().isPresent()) {
              period = d.range();
            }
          }
          drafts.add(
              new Draft(
                  RawRef.of(ins.getCoverage()),
                  period,
                  amount(allowed),
                  amount(used),
                  Optional.ofNullable(ca != null ? ca : cu)));
        }
      }
    }
    if (drafts.isEmpty()) {
      return c.ignore(
          item,
          MappingIssueCode.OUT_OF_SCOPE,
          "CoverageEligibilityResponse.insurance.item.benefit",
          "no benefit of type " + c.options.deductibleBenefitCode());
    }
    return Optional.of(
        new Pending(item) {
          @Override
          int stage() {
            return OTHERS;
          }

          @Override
          void link(Linker l) {
            Optional<PatientRef> p =
                l.patient(item, patient, "CoverageEligibilityResponse.patient");
            if (p.isEmpty()) {
              return;
            }
            List<DeductibleStatus> out = new ArrayList<>();
            for (Draft d : drafts) {
              Optional<SourceRef> coverage = l.resolve(d.coverage);
              if (d.coverage != null && coverage.isEmpty()) {
                l.ledger.note(
                    item,
                    MappingIssueCode.REFERENCE_DROPPED,
                    "CoverageEligibilityResponse.insurance.coverage",
                    "the coverage reference does not resolve; left out");
              }
              out.add(
                  DeductibleStatus.builder()
                      .source(item.ref())
                      .patient(p.get())
                      .coverage(coverage)
                      .coverageKind(coverage.flatMap(l::coverageKind))
                      .benefitPeriod(d.period)
                      .allowed(d.allowed)
                      .used(d.used)
                      .currency(d.currency)
                      .build());
            }
            l.deductibles.addAll(out);
            l.ledger.used(item);
          }
        });
  }

  private static Optional<BigDecimal> amount(@Nullable Money m) {
    return m == null || !m.hasValue() ? Optional.empty() : Optional.of(m.getValue());
  }
}
