package org.ccmkit.fhir.r4.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ccmkit.core.model.Code;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.fhir.r4.MappingIssueCode;
import org.ccmkit.fhir.r4.PriorClaim;
import org.ccmkit.fhir.r4.PriorClaimItem;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ExplanationOfBenefit;
import org.hl7.fhir.r4.model.ExplanationOfBenefit.ItemComponent;

/**
 * ExplanationOfBenefit → PriorClaim: {@code patient}, {@code provider}, {@code billablePeriod}, and
 * each {@code item} whose {@code productOrService} is CPT or HCPCS with its {@code
 * servicedDate}/{@code servicedPeriod}. One without such a line is ignored.
 */
final class ExplanationOfBenefitMapper implements ResourceMapper<ExplanationOfBenefit> {
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
    List<PriorClaimItem> items = new ArrayList<>();
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
      items.add(PriorClaimItem.of(code, served));
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
            Optional<SourceRef> who = Optional.empty();
            Optional<String> npi = Optional.empty();
            if (provider != null) {
              Optional<SourceRef> t = l.resolve(provider);
              if (t.isPresent() && "PractitionerRole".equals(t.get().resourceType())) {
                Optional<Linker.Person> person =
                    l.person(item, List.of(provider), "ExplanationOfBenefit.provider", false);
                who = person.map(x -> SourceRef.of("Practitioner", x.ref.id()));
                npi = person.flatMap(x -> x.npi);
              } else if (t.isPresent()) {
                who = t;
                npi = l.npiOf(t.get());
              }
              if (npi.isEmpty()
                  && provider.identifierValue != null
                  && l.options.npiSystem().equals(provider.identifierSystem)) {
                npi = Optional.of(provider.identifierValue.trim());
              }
              if (who.isEmpty() && npi.isEmpty()) {
                l.ledger.note(
                    item,
                    MappingIssueCode.REFERENCE_DROPPED,
                    "ExplanationOfBenefit.provider",
                    "the provider reference does not resolve and carries no NPI; left out");
              }
            }
            l.priorClaims.add(
                PriorClaim.builder()
                    .source(item.ref())
                    .patient(p.get())
                    .provider(who)
                    .providerNpi(npi)
                    .billablePeriod(period)
                    .items(items)
                    .build());
            l.ledger.used(item);
          }
        });
  }
}
