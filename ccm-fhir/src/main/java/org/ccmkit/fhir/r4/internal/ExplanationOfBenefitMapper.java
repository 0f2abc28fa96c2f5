package org.ccmkit.fhir.r4.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ccmkit.billing.PriorClaim;
import org.ccmkit.core.model.Code;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.fhir.r4.MappingIssueCode;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ExplanationOfBenefit;
import org.hl7.fhir.r4.model.ExplanationOfBenefit.ItemComponent;

/**
 * ExplanationOfBenefit → one ccm-billing {@link PriorClaim} per {@code item} whose {@code
 * productOrService} is CPT or HCPCS: {@code patient}, {@code provider} (the billing practitioner),
 * the item's {@code servicedDate}/{@code servicedPeriod} (else {@code billablePeriod}), {@code
 * quantity} (units, default 1), and {@code outcome} (paid unless {@code queued} or {@code error}).
 * One without such a line is ignored.
 */
final class ExplanationOfBenefitMapper implements ResourceMapper<ExplanationOfBenefit> {
  /** The practitioner id of a claim whose provider is unknown (neither read nor an NPI). */
  static final String UNKNOWN_PROVIDER = "unknown-provider";

  /** One CPT or HCPCS line as read. */
  private static final class Line {
    final String code;
    final Optional<DateRange> served;
    final int units;

    Line(String code, Optional<DateRange> served, int units) {
      this.code = code;
      this.served = served;
      this.units = units;
    }
  }

  @Override
  public Class<ExplanationOfBenefit> type() {
    return ExplanationOfBenefit.class;
  }

  @Override
  public Optional<Pending> map(ExplanationOfBenefit r, Item item, MapContext c) {
    String status = MapContext.status(r.getStatusElement());
    if ("entered-in-error".equals(status)) {
      return c.ignore(
          item,
          MappingIssueCode.ENTERED_IN_ERROR,
          "ExplanationOfBenefit.status",
          "status is entered-in-error");
    }
    if (status == null || !c.options.priorClaimStatuses().contains(status)) {
      return c.ignore(
          item,
          MappingIssueCode.STATUS_NOT_COUNTED,
          "ExplanationOfBenefit.status",
          "only statuses " + c.options.priorClaimStatuses() + " are read");
    }
    List<Line> items = new ArrayList<>();
    for (ItemComponent it : r.getItem()) {
      Code code = null;
      for (Coding coding : it.getProductOrService().getCoding()) {
        Optional<Code> found = c.codes.toCode(coding, c.options.billingCodeSystems());
        if (found.isPresent()) {
          code = found.get();
          break;
        }
      }
      if (code == null) {
        continue;
      }
      Optional<DateRange> served = Optional.empty();
      if (it.hasServicedDateType()) {
        served =
            c.time(item, it.getServicedDateType(), "ExplanationOfBenefit.item.servicedDate")
                .map(t -> DateRange.ofClosed(t.date, t.date));
      } else if (it.hasServicedPeriod()) {
        MapContext.Days d =
            c.days(item, it.getServicedPeriod(), "ExplanationOfBenefit.item.servicedPeriod");
        served = d.invalid() ? Optional.empty() : d.range();
      }
      int units = 1;
      if (it.hasQuantity() && it.getQuantity().hasValue()) {
        java.math.BigDecimal q = it.getQuantity().getValue();
        if (q.signum() > 0
            && q.stripTrailingZeros().scale() <= 0
            && q.compareTo(java.math.BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
          units = q.intValueExact();
        }
      }
      items.add(new Line(code.code(), served, units));
    }
    if (items.isEmpty()) {
      return c.ignore(
          item,
          MappingIssueCode.UNSUPPORTED_CODE,
          "ExplanationOfBenefit.item.productOrService",
          "no line coded in " + String.join(" or ", c.options.billingCodeSystems()));
    }
    RawRef patient = RawRef.of(r.getPatient());
    if (patient == null) {
      return c.missing(item, "ExplanationOfBenefit.patient");
    }
    MapContext.Days billable =
        c.days(item, r.getBillablePeriod(), "ExplanationOfBenefit.billablePeriod");
    if (billable.invalid()) {
      return c.reject(
          item,
          MappingIssueCode.INVALID_VALUE,
          "ExplanationOfBenefit.billablePeriod",
          "the period ends before it starts");
    }
    RawRef provider = RawRef.of(r.getProvider());
    Optional<DateRange> period = billable.range();
    // an invalid outcome code leaves the element without a value (hasOutcome() is still true):
    // read it as absent, like any status (found by R4MapperFuzzTest: getOutcome() was null)
    String outcome = MapContext.status(r.getOutcomeElement());
    boolean paid = !"queued".equals(outcome) && !"error".equals(outcome);
    return Optional.of(
        new Pending(item) {
          @Override
          int stage() {
            return OTHERS;
          }

          @Override
          void link(Linker l) {
            Optional<PatientRef> p = l.patient(item, patient, "ExplanationOfBenefit.patient");
            if (p.isEmpty()) {
              return;
            }
            Optional<PractitionerRef> who = Optional.empty();
            Optional<String> npi = Optional.empty();
            if (provider != null) {
              Optional<SourceRef> t = l.resolve(provider);
              if (t.isPresent() && "PractitionerRole".equals(t.get().resourceType())) {
                Optional<Linker.Person> person =
                    l.person(item, List.of(provider), "ExplanationOfBenefit.provider", false);
                who = person.map(x -> x.ref);
                npi = person.flatMap(x -> x.npi);
              } else if (t.isPresent() && "Practitioner".equals(t.get().resourceType())) {
                who = Optional.of(PractitionerRef.of(t.get().id()));
              }
              if (provider.identifierValue != null
                  && l.options.npiSystem().equals(provider.identifierSystem)) {
                npi = Optional.of(provider.identifierValue.trim());
              }
              if (who.isEmpty() && npi.isPresent()) {
                who = l.practitionerByNpi(npi.get());
                if (who.isEmpty()) {
                  who = Optional.of(PractitionerRef.of("npi-" + npi.get()));
                }
              }
            }
            if (who.isEmpty()) {
              l.ledger.note(
                  item,
                  MappingIssueCode.REFERENCE_DROPPED,
                  "ExplanationOfBenefit.provider",
                  "the provider is neither a Practitioner read nor an NPI; the claim counts as an"
                      + " unknown practitioner's ("
                      + UNKNOWN_PROVIDER
                      + ")");
            }
            PractitionerRef practitioner = who.orElse(PractitionerRef.of(UNKNOWN_PROVIDER));
            int added = 0;
            for (Line line : items) {
              Optional<DateRange> served = line.served.isPresent() ? line.served : period;
              if (served.isEmpty()) {
                l.ledger.note(
                    item,
                    MappingIssueCode.VALUE_DROPPED,
                    "ExplanationOfBenefit.item.serviced[x]",
                    "line "
                        + line.code
                        + " has no date of service and the claim no billablePeriod; left out");
                continue;
              }
              l.priorClaims.add(
                  PriorClaim.builder()
                      .source(item.ref())
                      .patient(p.get())
                      .practitioner(practitioner)
                      .code(line.code)
                      .servicePeriod(served.get())
                      .units(line.units)
                      .paid(paid)
                      .build());
              added++;
            }
            if (added == 0) {
              l.ledger.ignore(
                  item,
                  MappingIssueCode.OUT_OF_SCOPE,
                  "ExplanationOfBenefit.item.serviced[x]",
                  "no CPT or HCPCS line has a date of service");
              return;
            }
            l.ledger.used(item);
          }
        });
  }
}
