package org.ccmkit.fhir.r4.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.model.Enrollment;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.fhir.r4.MappingIssueCode;
import org.hl7.fhir.r4.model.EpisodeOfCare;

/**
 * EpisodeOfCare → one Enrollment per care-program code of {@code type}: {@code patient}, {@code
 * status} (in the options' enrollment statuses), {@code period} (start = enrollment, end = last day
 * enrolled), {@code careManager} = the billing practitioner.
 */
final class EpisodeOfCareMapper implements ResourceMapper<EpisodeOfCare> {
  @Override
  public Class<EpisodeOfCare> type() {
    return EpisodeOfCare.class;
  }

  @Override
  public Optional<Pending> map(EpisodeOfCare r, Item item, MapContext c) {
    String status = MapContext.status(r.getStatusElement());
    if ("entered-in-error".equals(status)) {
      return c.ignore(
          item,
          MappingIssueCode.ENTERED_IN_ERROR,
          "EpisodeOfCare.status",
          "status is entered-in-error");
    }
    Optional<MapContext.Programs> programs =
        c.requirePrograms(item, r.getType(), "EpisodeOfCare.type");
    if (programs.isEmpty()) {
      return Optional.empty();
    }
    if (status == null) {
      return c.missing(item, "EpisodeOfCare.status");
    }
    if (!c.options.enrollmentStatuses().contains(status)) {
      return c.ignore(
          item,
          MappingIssueCode.STATUS_NOT_COUNTED,
          "EpisodeOfCare.status",
          "status " + status + " is not an enrollment status");
    }
    RawRef patient = RawRef.of(r.getPatient());
    if (patient == null) {
      return c.missing(item, "EpisodeOfCare.patient");
    }
    MapContext.Days days = c.days(item, r.getPeriod(), "EpisodeOfCare.period");
    if (days.start == null) {
      return c.missing(item, "EpisodeOfCare.period.start");
    }
    if (days.invalid()) {
      return c.reject(
          item,
          MappingIssueCode.INVALID_VALUE,
          "EpisodeOfCare.period",
          "the period ends before it starts");
    }
    DateRange period =
        days.end == null
            ? DateRange.startingOn(days.start)
            : DateRange.ofClosed(days.start, days.end);
    RawRef careManager = RawRef.of(r.getCareManager());
    List<CareProgram> found = new ArrayList<>(programs.get().known);
    return Optional.of(
        new Pending(item) {
          @Override
          int stage() {
            return OTHERS;
          }

          @Override
          void link(Linker l) {
            Optional<PatientRef> p = l.patient(item, patient, "EpisodeOfCare.patient");
            if (p.isEmpty()) {
              return;
            }
            List<RawRef> refs = careManager == null ? List.of() : List.of(careManager);
            Optional<Linker.Person> biller =
                l.person(item, refs, "EpisodeOfCare.careManager", true);
            if (biller.isEmpty()) {
              return;
            }
            List<Enrollment> out = new ArrayList<>();
            for (CareProgram program : found) {
              out.add(
                  Enrollment.builder()
                      .source(item.ref())
                      .patient(p.get())
                      .program(program)
                      .billingPractitioner(biller.get().ref)
                      .period(period)
                      .build());
            }
            l.bucket(p.get()).enrollments.addAll(out);
            l.ledger.used(item);
          }
        });
  }
}
