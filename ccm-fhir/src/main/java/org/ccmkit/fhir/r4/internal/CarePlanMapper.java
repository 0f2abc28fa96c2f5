package org.ccmkit.fhir.r4.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.ccmkit.core.model.CarePlanElement;
import org.ccmkit.core.model.CarePlanRecord;
import org.ccmkit.core.model.CarePlanStatus;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.model.ElementState;
import org.ccmkit.core.model.ElementStatus;
import org.ccmkit.core.model.ImmutableCarePlanRecord;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.fhir.r4.MappingIssueCode;
import org.ccmkit.fhir.r4.R4CarePlanBuilder;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Timing;
import org.jspecify.annotations.Nullable;

/**
 * CarePlan → ccm-core CarePlanRecord (docs/fhir-mapping.md, "Care plans"): {@code subject}, {@code
 * status}, {@code intent} (one of the options' care-plan intents), {@code period} (start, else
 * {@code created}), {@code created}, the last-reviewed and shared-with-patient extensions, and the
 * nine elements: problem list = {@code addresses}; measurable goals = {@code goal} → Goals with a
 * target measure and due date; coordination = {@code careTeam} → a CareTeam with members; the
 * others (and any of these) = an {@code activity} whose {@code detail.code} carries the element's
 * code, present when filled (a description; for interventions also a performer; for the review
 * schedule a scheduled date) and not applicable when {@code detail.statusReason} carries the
 * not-applicable marker. An uncoded activity with a performer counts as a planned intervention, and
 * one of kind MedicationRequest (or referencing a MedicationRequest) as medication management.
 */
final class CarePlanMapper implements ResourceMapper<CarePlan> {
  @Override
  public Class<CarePlan> type() {
    return CarePlan.class;
  }

  /** One element's findings on the plan itself, before references are resolved. */
  private static final class Found {
    boolean present;
    boolean notApplicable;
  }

  @Override
  public Optional<Pending> map(CarePlan r, Item item, MapContext c) {
    String status = MapContext.status(r.getStatusElement());
    if ("entered-in-error".equals(status)) {
      return c.ignore(
          item, MappingIssueCode.ENTERED_IN_ERROR, "CarePlan.status", "status is entered-in-error");
    }
    if (status == null) {
      return c.missing(item, "CarePlan.status");
    }
    String intent = MapContext.status(r.getIntentElement());
    if (intent == null) {
      return c.missing(item, "CarePlan.intent");
    }
    if (!c.options.carePlanIntents().contains(intent)) {
      return c.ignore(
          item,
          MappingIssueCode.OUT_OF_SCOPE,
          "CarePlan.intent",
          "intent " + intent + " is not one of " + c.options.carePlanIntents());
    }
    CarePlanStatus planStatus =
        switch (status) {
          case "draft" -> CarePlanStatus.DRAFT;
          case "active" -> CarePlanStatus.ACTIVE;
          case "on-hold" -> CarePlanStatus.ON_HOLD;
          case "revoked" -> CarePlanStatus.REVOKED;
          case "completed" -> CarePlanStatus.COMPLETED;
          default -> CarePlanStatus.UNKNOWN;
        };
    RawRef subject = RawRef.of(r.getSubject());
    if (subject == null) {
      return c.missing(item, "CarePlan.subject");
    }
    MapContext.Days period = c.days(item, r.getPeriod(), "CarePlan.period");
    if (period.invalid()) {
      return c.reject(
          item,
          MappingIssueCode.INVALID_VALUE,
          "CarePlan.period",
          "the period ends before it starts");
    }
    LocalDate created =
        r.hasCreatedElement()
            ? c.time(item, r.getCreatedElement(), "CarePlan.created").map(t -> t.date).orElse(null)
            : null;
    LocalDate start = period.start != null ? period.start : created;
    if (start == null) {
      return c.missing(item, "CarePlan.period.start");
    }
    if (period.end != null && period.end.isBefore(start)) {
      return c.reject(
          item,
          MappingIssueCode.INVALID_VALUE,
          "CarePlan.period",
          "the plan ends before it starts");
    }
    DateRange range =
        period.end == null ? DateRange.startingOn(start) : DateRange.ofClosed(start, period.end);
    Optional<LocalDate> lastReviewed =
        extensionDate(c, item, r.getExtensionByUrl(R4CarePlanBuilder.LAST_REVIEWED_URL));
    Optional<LocalDate> shared =
        extensionDate(c, item, r.getExtensionByUrl(R4CarePlanBuilder.SHARED_WITH_PATIENT_URL));

    Map<CarePlanElement, Found> found = new EnumMap<>(CarePlanElement.class);
    for (CarePlanElement e : CarePlanElement.values()) {
      found.put(e, new Found());
    }
    LocalDate nextReview = null;
    for (CarePlan.CarePlanActivityComponent a : r.getActivity()) {
      CarePlan.CarePlanActivityDetailComponent d = a.getDetail();
      List<String> codes = c.codes.codesIn(d.getCode(), CarePlanElement.SYSTEM);
      boolean notApplicable =
          c.codes.has(
              d.getStatusReason(),
              R4CarePlanBuilder.ELEMENT_STATUS_SYSTEM,
              R4CarePlanBuilder.NOT_APPLICABLE);
      boolean described = d.hasDescription() && !d.getDescription().isBlank();
      boolean performer = !MapContext.refs(d.getPerformer()).isEmpty();
      boolean medication =
          d.getKind() == CarePlan.CarePlanActivityKind.MEDICATIONREQUEST
              || (a.hasReference()
                  && "MedicationRequest"
                      .equals(a.getReference().getReferenceElement().getResourceType()));
      if (codes.isEmpty()) {
        if (performer && !medication) {
          at(found, CarePlanElement.PLANNED_INTERVENTIONS).present = true;
        }
        if (medication && (described || a.hasReference() || d.hasProductCodeableConcept())) {
          at(found, CarePlanElement.MEDICATION_MANAGEMENT).present = true;
        }
        continue;
      }
      for (String code : codes) {
        Optional<CarePlanElement> e = CarePlanElement.tryParse(code);
        if (e.isEmpty()) {
          c.note(
              item,
              MappingIssueCode.VALUE_DROPPED,
              "CarePlan.activity.detail.code",
              "unknown care-plan element code " + code + " left out");
          continue;
        }
        Found f = at(found, e.get());
        if (notApplicable) {
          f.notApplicable = true;
          continue;
        }
        switch (e.get()) {
          case PLANNED_INTERVENTIONS -> f.present |= described && performer;
          case REVIEW_SCHEDULE -> {
            Optional<LocalDate> when = scheduled(c, item, d);
            if (when.isPresent()) {
              f.present = true;
              if (nextReview == null || when.get().isBefore(nextReview)) {
                nextReview = when.get();
              }
            }
          }
          default -> f.present |= described || a.hasReference() || a.hasOutcomeReference();
        }
      }
    }
    List<RawRef> addresses = MapContext.refs(r.getAddresses());
    List<RawRef> goals = MapContext.refs(r.getGoal());
    List<RawRef> teams = MapContext.refs(r.getCareTeam());
    CarePlanStatus st = planStatus;
    Optional<LocalDate> createdDate = Optional.ofNullable(created);
    Optional<LocalDate> next = Optional.ofNullable(nextReview);
    return Optional.of(
        new Pending(item) {
          @Override
          int stage() {
            return CARE_PLANS;
          }

          @Override
          void link(Linker l) {
            Optional<PatientRef> p = l.patient(item, subject, "CarePlan.subject");
            if (p.isEmpty()) {
              return;
            }
            SourceRef self = item.ref();
            Map<CarePlanElement, TreeSet<SourceRef>> sources = new EnumMap<>(CarePlanElement.class);
            for (CarePlanElement e : CarePlanElement.values()) {
              sources.put(e, new TreeSet<>());
              if (at(found, e).present) {
                at(sources, e).add(self);
              }
            }
            // 1. Problems.
            for (RawRef a : addresses) {
              Optional<SourceRef> t = l.resolve(a);
              at(sources, CarePlanElement.PROBLEM_LIST).add(t.orElse(self));
            }
            // 3. Goals with a measurable target.
            for (RawRef g : goals) {
              Optional<CarePlanParts.Part> part = l.part(g);
              if (part.isEmpty()
                  || !(part.get() instanceof CarePlanParts.GoalPart goal)
                  || !goal.belongsTo(l, p.get())) {
                l.ledger.note(
                    item,
                    MappingIssueCode.REFERENCE_DROPPED,
                    "CarePlan.goal",
                    "a goal reference does not resolve to a Goal of the patient");
                continue;
              }
              goal.referenced = true;
              if (goal.measurable) {
                at(sources, CarePlanElement.MEASURABLE_GOALS).add(goal.item.ref());
              }
            }
            // 8. The care team.
            TreeSet<PractitionerRef> members = new TreeSet<>();
            for (RawRef t : teams) {
              Optional<CarePlanParts.Part> part = l.part(t);
              if (part.isEmpty()
                  || !(part.get() instanceof CarePlanParts.CareTeamPart team)
                  || !team.belongsTo(l, p.get())) {
                l.ledger.note(
                    item,
                    MappingIssueCode.REFERENCE_DROPPED,
                    "CarePlan.careTeam",
                    "a care-team reference does not resolve to a CareTeam of the patient");
                continue;
              }
              team.referenced = true;
              if (!team.members.isEmpty()) {
                at(sources, CarePlanElement.CARE_COORDINATION).add(team.item.ref());
              }
              for (RawRef m : team.members) {
                l.resolve(m)
                    .filter(s -> "Practitioner".equals(s.resourceType()))
                    .ifPresent(s -> members.add(PractitionerRef.of(s.id())));
              }
            }
            ImmutableCarePlanRecord.Builder b =
                CarePlanRecord.builder()
                    .source(self)
                    .patient(p.get())
                    .status(st)
                    .period(range)
                    .created(createdDate)
                    .lastReviewed(lastReviewed)
                    .nextReview(next)
                    .sharedWithPatient(shared)
                    .careTeam(members);
            for (CarePlanElement e : CarePlanElement.values()) {
              if (!at(sources, e).isEmpty()) {
                b.putElement(e, ElementState.of(ElementStatus.PRESENT, at(sources, e)));
              } else if (at(found, e).notApplicable) {
                b.putElement(e, ElementState.of(ElementStatus.NOT_APPLICABLE, List.of(self)));
              }
            }
            l.bucket(p.get()).carePlans.add(b.build());
            l.ledger.used(item);
          }
        });
  }

  private static <V> V at(Map<CarePlanElement, V> map, CarePlanElement e) {
    return java.util.Objects.requireNonNull(map.get(e));
  }

  private static Optional<LocalDate> extensionDate(MapContext c, Item item, @Nullable Extension e) {
    if (e == null || !(e.getValue() instanceof BaseDateTimeType v)) {
      return Optional.empty();
    }
    return c.time(item, v, "CarePlan.extension").map(t -> t.date);
  }

  /**
   * The scheduled date: {@code scheduledPeriod.start}, else the first {@code
   * scheduledTiming.event}.
   */
  private static Optional<LocalDate> scheduled(
      MapContext c, Item item, CarePlan.CarePlanActivityDetailComponent d) {
    if (d.hasScheduledPeriod()) {
      Period p = d.getScheduledPeriod();
      return c.time(item, p.getStartElement(), "CarePlan.activity.detail.scheduledPeriod.start")
          .map(t -> t.date);
    }
    if (d.hasScheduledTiming()) {
      Timing t = d.getScheduledTiming();
      List<LocalDate> dates = new ArrayList<>();
      for (org.hl7.fhir.r4.model.DateTimeType ev : t.getEvent()) {
        c.time(item, ev, "CarePlan.activity.detail.scheduledTiming.event")
            .ifPresent(v -> dates.add(v.date));
      }
      return dates.stream().min(LocalDate::compareTo);
    }
    return Optional.empty();
  }
}
