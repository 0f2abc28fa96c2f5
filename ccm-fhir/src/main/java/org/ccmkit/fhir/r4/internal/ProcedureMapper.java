package org.ccmkit.fhir.r4.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.Code;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.model.TimeEntry;
import org.ccmkit.fhir.r4.MappingIssueCode;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Procedure.ProcedurePerformerComponent;

/**
 * Procedure with a care-program {@code category} → one TimeEntry: {@code subject}, {@code status}
 * (only the options' statuses, {@code completed}, count), {@code performedPeriod} (start and end
 * with times; minutes = whole minutes between them), {@code performer.actor} (Practitioner or
 * PractitionerRole: who spent the time and in which role), {@code code} (a care-activity code;
 * {@code interactive-communication} marks real-time interactive communication), {@code note}
 * (redacted). A Procedure without a care-program category is ordinary clinical data and ignored.
 */
final class ProcedureMapper implements ResourceMapper<Procedure> {
  @Override
  public Class<Procedure> type() {
    return Procedure.class;
  }

  @Override
  public Optional<Pending> map(Procedure r, Item item, MapContext c) {
    String status = MapContext.status(r.getStatusElement());
    if ("entered-in-error".equals(status)) {
      return c.ignore(
          item,
          MappingIssueCode.ENTERED_IN_ERROR,
          "Procedure.status",
          "status is entered-in-error");
    }
    MapContext.Programs programs = c.programs(List.of(r.getCategory()));
    if (programs.none()) {
      return c.ignore(
          item,
          MappingIssueCode.NO_CARE_PROGRAM,
          "Procedure.category",
          "no care-program category: not a care-management time entry");
    }
    if (status == null || !c.options.timeEntryStatuses().contains(status)) {
      return c.ignore(
          item,
          MappingIssueCode.STATUS_NOT_COUNTED,
          "Procedure.status",
          "status " + (status == null ? "(absent)" : status) + " does not count as time spent");
    }
    Optional<MapContext.Programs> checked =
        c.requirePrograms(item, List.of(r.getCategory()), "Procedure.category");
    if (checked.isEmpty()) {
      return Optional.empty();
    }
    if (checked.get().known.size() > 1) {
      return c.reject(
          item,
          MappingIssueCode.CONFLICTING_VALUES,
          "Procedure.category",
          "a time entry belongs to one program, found " + checked.get().known);
    }
    CareProgram program = checked.get().known.first();
    RawRef subject = RawRef.of(r.getSubject());
    if (subject == null) {
      return c.missing(item, "Procedure.subject");
    }
    if (!r.hasPerformedPeriod()) {
      return c.missing(item, "Procedure.performedPeriod");
    }
    Optional<Times.Value> start =
        c.time(item, r.getPerformedPeriod().getStartElement(), "Procedure.performedPeriod.start");
    Optional<Times.Value> end =
        c.time(item, r.getPerformedPeriod().getEndElement(), "Procedure.performedPeriod.end");
    if (start.isEmpty()) {
      return c.missing(item, "Procedure.performedPeriod.start");
    }
    if (end.isEmpty()) {
      return c.missing(item, "Procedure.performedPeriod.end");
    }
    if (!start.get().hasTime || !end.get().hasTime) {
      return c.reject(
          item,
          MappingIssueCode.INVALID_VALUE,
          "Procedure.performedPeriod",
          "start and end need a time of day to count minutes");
    }
    Instant from = start.get().instant;
    Instant to = end.get().instant;
    if (to.isBefore(from)) {
      return c.reject(
          item,
          MappingIssueCode.INVALID_VALUE,
          "Procedure.performedPeriod",
          "the period ends before it starts");
    }
    if (Duration.between(from, to).compareTo(c.options.maxTimeEntryDuration()) >= 0) {
      return c.reject(
          item,
          MappingIssueCode.INVALID_VALUE,
          "Procedure.performedPeriod",
          "a time entry lasting "
              + c.options.maxTimeEntryDuration()
              + " or longer is implausible (MappingOptions.maxTimeEntryDuration)");
    }
    if (c.options.notAfter().isPresent() && from.isAfter(c.options.notAfter().get())) {
      return c.ignore(
          item,
          MappingIssueCode.OUT_OF_SCOPE,
          "Procedure.performedPeriod.start",
          "the time entry starts after the run's as-of time (MappingOptions.notAfter)");
    }
    List<RawRef> performers = new ArrayList<>();
    for (ProcedurePerformerComponent p : r.getPerformer()) {
      RawRef actor = RawRef.of(p.getActor());
      if (actor != null) {
        performers.add(actor);
      }
    }
    if (performers.isEmpty()) {
      return c.missing(item, "Procedure.performer.actor");
    }
    if (performers.size() > 1) {
      c.note(
          item,
          MappingIssueCode.VALUE_DROPPED,
          "Procedure.performer",
          "a time entry has one performer: the first Practitioner or PractitionerRole counts");
    }
    Code careActivity = null;
    Code other = null;
    boolean interactive = false;
    for (Coding coding : r.getCode().getCoding()) {
      String code = Codes.code(coding);
      String system = c.codes.system(coding);
      if (code.isEmpty() || system.isEmpty()) {
        continue;
      }
      if (system.equals(c.options.careActivitySystem())) {
        interactive |= c.options.interactiveActivityCodes().contains(code);
        if (careActivity == null) {
          careActivity = Code.of(system, code);
        }
      } else if (other == null) {
        other = Code.of(system, code);
      }
    }
    Code activity = careActivity != null ? careActivity : other;
    Optional<Code> activityCode = Optional.ofNullable(activity);
    boolean isInteractive = interactive;
    Optional<String> note = MapContext.notes(r.getNote());
    return Optional.of(
        new Pending(item) {
          @Override
          int stage() {
            return OTHERS;
          }

          @Override
          void link(Linker l) {
            Optional<PatientRef> p = l.patient(item, subject, "Procedure.subject");
            if (p.isEmpty()) {
              return;
            }
            Optional<Linker.Person> who =
                l.person(item, performers, "Procedure.performer.actor", true);
            if (who.isEmpty()) {
              return;
            }
            TimeEntry entry =
                TimeEntry.builder()
                    .source(item.ref())
                    .patient(p.get())
                    .performer(who.get().ref)
                    .performerRole(who.get().role)
                    .program(program)
                    .start(from)
                    .end(to)
                    .interactive(isInteractive)
                    .activity(activityCode)
                    .note(note)
                    .build();
            l.bucket(p.get()).timeEntries.add(entry);
            l.ledger.used(item);
          }
        });
  }
}
