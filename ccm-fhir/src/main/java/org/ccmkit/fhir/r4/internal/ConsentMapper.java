package org.ccmkit.fhir.r4.internal;

import com.google.common.collect.ImmutableSortedSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.Consent;
import org.ccmkit.core.model.ConsentDisclosure;
import org.ccmkit.core.model.ConsentStatus;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.fhir.r4.MappingIssueCode;

/**
 * Consent → ccm-core Consent: {@code patient}, {@code scope} (must be the options' scope, {@code
 * treatment}), the care-program codes of {@code category}, {@code dateTime} (else {@code
 * provision.period.start}) = the date given, {@code provision.period.end} = the withdrawal date
 * whatever the status, {@code status}, and {@code performer} = the Practitioner the consent was
 * given to (Patient references there are skipped). The disclosures made (rules reference §5) are
 * the consent-disclosure codes in {@code provision.code} (or {@code policy.uri}s {@code
 * <system>#<code>}).
 */
final class ConsentMapper implements ResourceMapper<org.hl7.fhir.r4.model.Consent> {
  @Override
  public Class<org.hl7.fhir.r4.model.Consent> type() {
    return org.hl7.fhir.r4.model.Consent.class;
  }

  @Override
  public Optional<Pending> map(org.hl7.fhir.r4.model.Consent r, Item item, MapContext c) {
    String status = MapContext.status(r.getStatusElement());
    if ("entered-in-error".equals(status)) {
      return c.ignore(
          item, MappingIssueCode.ENTERED_IN_ERROR, "Consent.status", "status is entered-in-error");
    }
    Optional<MapContext.Programs> programs =
        c.requirePrograms(item, r.getCategory(), "Consent.category");
    if (programs.isEmpty()) {
      return Optional.empty();
    }
    if (!r.hasScope()) {
      return c.missing(item, "Consent.scope");
    }
    if (!c.codes.has(r.getScope(), c.options.consentScopeSystem(), c.options.consentScope())) {
      return c.ignore(
          item,
          MappingIssueCode.OUT_OF_SCOPE,
          "Consent.scope",
          "the scope is not " + c.options.consentScope());
    }
    if (status == null) {
      return c.missing(item, "Consent.status");
    }
    ConsentStatus consentStatus =
        switch (status) {
          case "active" -> ConsentStatus.ACTIVE;
          case "rejected" -> ConsentStatus.REJECTED;
          case "inactive" -> ConsentStatus.INACTIVE;
          default -> ConsentStatus.PROPOSED; // draft, proposed
        };
    RawRef patient = RawRef.of(r.getPatient());
    if (patient == null) {
      return c.missing(item, "Consent.patient");
    }
    MapContext.Days provision =
        r.getProvision().hasPeriod()
            ? c.days(item, r.getProvision().getPeriod(), "Consent.provision.period")
            : new MapContext.Days(null, null);
    LocalDate given =
        r.hasDateTimeElement()
            ? c.time(item, r.getDateTimeElement(), "Consent.dateTime").map(t -> t.date).orElse(null)
            : null;
    if (given == null) {
      given = provision.start;
    }
    if (given == null) {
      return c.missing(item, "Consent.dateTime");
    }
    LocalDate withdrawn = provision.end;
    if (withdrawn != null && withdrawn.isBefore(given)) {
      return c.reject(
          item,
          MappingIssueCode.INVALID_VALUE,
          "Consent.provision.period.end",
          "the consent is withdrawn before it was given");
    }
    ImmutableSortedSet<ConsentDisclosure> disclosures = disclosures(r, item, c);
    List<RawRef> performers = MapContext.refs(r.getPerformer());
    List<CareProgram> found = List.copyOf(programs.get().known);
    LocalDate givenDate = given;
    Optional<LocalDate> withdrawal = Optional.ofNullable(withdrawn);
    return Optional.of(
        new Pending(item) {
          @Override
          int stage() {
            return OTHERS;
          }

          @Override
          void link(Linker l) {
            Optional<PatientRef> p = l.patient(item, patient, "Consent.patient");
            if (p.isEmpty()) {
              return;
            }
            Optional<Linker.Person> grantee = l.person(item, performers, "Consent.performer", true);
            if (grantee.isEmpty()) {
              return;
            }
            Consent consent =
                Consent.builder()
                    .source(item.ref())
                    .patient(p.get())
                    .programs(found)
                    .status(consentStatus)
                    .givenDate(givenDate)
                    .withdrawalDate(withdrawal)
                    .practitioner(grantee.get().ref)
                    .disclosures(disclosures)
                    .build();
            l.bucket(p.get()).consents.add(consent);
            l.ledger.used(item);
          }
        });
  }

  /**
   * The disclosures the record shows: codes in {@link ConsentDisclosure#SYSTEM} in {@code
   * provision.code}, and {@code policy.uri}s of the form {@code <system>#<code>}. Unknown codes are
   * noted and left out.
   */
  private static ImmutableSortedSet<ConsentDisclosure> disclosures(
      org.hl7.fhir.r4.model.Consent r, Item item, MapContext c) {
    List<String> codes =
        new java.util.ArrayList<>(
            c.codes.codesIn(r.getProvision().getCode(), ConsentDisclosure.SYSTEM));
    String prefix = ConsentDisclosure.SYSTEM + "#";
    for (org.hl7.fhir.r4.model.Consent.ConsentPolicyComponent p : r.getPolicy()) {
      if (p.hasUri() && p.getUri().startsWith(prefix)) {
        codes.add(p.getUri().substring(prefix.length()));
      }
    }
    ImmutableSortedSet.Builder<ConsentDisclosure> out = ImmutableSortedSet.naturalOrder();
    for (String code : codes) {
      Optional<ConsentDisclosure> d = ConsentDisclosure.tryParse(code);
      if (d.isPresent()) {
        out.add(d.get());
      } else {
        c.note(
            item,
            MappingIssueCode.VALUE_DROPPED,
            "Consent.provision.code",
            "unknown consent-disclosure code " + code + " left out");
      }
    }
    return out.build();
  }
}
