package org.ccmkit.fhir.r4.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.ccmkit.core.model.Code;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.model.Visit;
import org.ccmkit.fhir.r4.MappingIssueCode;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Encounter.EncounterParticipantComponent;

/**
 * Encounter with a CPT or HCPCS {@code type}, or finished and dated of an acute {@code class}
 * ({@link org.ccmkit.fhir.r4.MappingOptions#acuteEncounterClasses()}) → Visit: {@code subject},
 * {@code status} ({@code finished} = took place; {@code cancelled} is ignored), the date of {@code
 * period.start}, {@code participant.individual} (Practitioners and PractitionerRoles), the billing
 * codes of {@code type}, and the acute class.
 */
final class EncounterMapper implements ResourceMapper<Encounter> {
  @Override
  public Class<Encounter> type() {
    return Encounter.class;
  }

  @Override
  public Optional<Pending> map(Encounter r, Item item, MapContext c) {
    String status = MapContext.status(r.getStatusElement());
    if ("entered-in-error".equals(status)) {
      return c.ignore(
          item,
          MappingIssueCode.ENTERED_IN_ERROR,
          "Encounter.status",
          "status is entered-in-error");
    }
    if (status == null) {
      return c.missing(item, "Encounter.status");
    }
    if (c.options.ignoredVisitStatuses().contains(status)) {
      return c.ignore(
          item,
          MappingIssueCode.STATUS_NOT_COUNTED,
          "Encounter.status",
          "status " + status + ": the visit did not take place");
    }
    TreeSet<Code> codes = new TreeSet<>();
    for (CodeableConcept type : r.getType()) {
      for (Coding coding : type.getCoding()) {
        c.codes.toCode(coding, c.options.billingCodeSystems()).ifPresent(codes::add);
      }
    }
    Optional<String> acuteClass = acuteClass(r, c);
    // Without a billing code only a finished, dated acute encounter is kept (recent acute care);
    // anything else is ignored exactly as before acute classes were kept.
    boolean datedAcute =
        acuteClass.isPresent()
            && c.options.finishedVisitStatuses().contains(status)
            && r.hasPeriod()
            && r.getPeriod().hasStart();
    if (codes.isEmpty() && !datedAcute) {
      return c.ignore(
          item,
          MappingIssueCode.UNSUPPORTED_CODE,
          "Encounter.type",
          "no type coding in " + String.join(" or ", c.options.billingCodeSystems()));
    }
    RawRef subject = RawRef.of(r.getSubject());
    if (subject == null) {
      return c.missing(item, "Encounter.subject");
    }
    LocalDate date = c.days(item, r.getPeriod(), "Encounter.period").start;
    if (date == null) {
      return c.missing(item, "Encounter.period.start");
    }
    List<RawRef> participants = new ArrayList<>();
    for (EncounterParticipantComponent p : r.getParticipant()) {
      RawRef individual = RawRef.of(p.getIndividual());
      if (individual != null) {
        participants.add(individual);
      }
    }
    boolean finished = c.options.finishedVisitStatuses().contains(status);
    LocalDate visitDate = date;
    return Optional.of(
        new Pending(item) {
          @Override
          int stage() {
            return OTHERS;
          }

          @Override
          void link(Linker l) {
            Optional<PatientRef> p = l.patient(item, subject, "Encounter.subject");
            if (p.isEmpty()) {
              return;
            }
            TreeSet<PractitionerRef> people = new TreeSet<>();
            for (RawRef participant : participants) {
              l.person(item, List.of(participant), "Encounter.participant.individual", false)
                  .ifPresent(person -> people.add(person.ref));
            }
            Visit visit =
                Visit.builder()
                    .source(item.ref())
                    .patient(p.get())
                    .practitioners(people)
                    .date(visitDate)
                    .codes(codes)
                    .finished(finished)
                    .encounterClass(acuteClass)
                    .build();
            l.bucket(p.get()).visits.add(visit);
            l.ledger.used(item);
          }
        });
  }

  /** The encounter's class when it is an acute class of the options (ActCode system or none). */
  private static Optional<String> acuteClass(Encounter r, MapContext c) {
    Coding cls = r.getClass_();
    if (cls == null || cls.getCode() == null) {
      return Optional.empty();
    }
    String system = cls.getSystem();
    if (system != null && !Visit.ENCOUNTER_CLASS_SYSTEM.equals(system)) {
      return Optional.empty();
    }
    return c.options.acuteEncounterClasses().contains(cls.getCode())
        ? Optional.of(cls.getCode())
        : Optional.empty();
  }
}
