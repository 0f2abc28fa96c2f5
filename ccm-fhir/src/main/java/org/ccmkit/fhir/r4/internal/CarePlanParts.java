package org.ccmkit.fhir.r4.internal;

import java.util.List;
import java.util.Optional;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.fhir.r4.MappingIssueCode;

/**
 * Goal and CareTeam: parts of a care plan. Each is read on its own (its facts kept in its pending
 * value) and settled after the CarePlans are linked: used when a mapped CarePlan of the same
 * patient references it, otherwise ignored with {@link MappingIssueCode#NOT_REFERENCED}.
 */
final class CarePlanParts {
  private CarePlanParts() {}

  /** A Goal or CareTeam waiting for the CarePlans. */
  abstract static class Part extends Pending {
    final RawRef subject;
    boolean referenced;

    Part(Item item, RawRef subject) {
      super(item);
      this.subject = subject;
    }

    @Override
    int stage() {
      return CARE_PLAN_PARTS;
    }

    /** Whether the part belongs to {@code patient}. */
    boolean belongsTo(Linker l, PatientRef patient) {
      return l.resolve(subject)
          .filter(s -> "Patient".equals(s.resourceType()) && s.id().equals(patient.id()))
          .isPresent();
    }

    @Override
    void link(Linker l) {
      if (referenced) {
        l.ledger.used(item);
      } else {
        l.ledger.ignore(
            item,
            MappingIssueCode.NOT_REFERENCED,
            null,
            item.type + " is not referenced by any mapped CarePlan of its subject");
      }
    }
  }

  /** A Goal: measurable when a target has a measure and a due date. */
  static final class GoalPart extends Part {
    final boolean measurable;

    GoalPart(Item item, RawRef subject, boolean measurable) {
      super(item, subject);
      this.measurable = measurable;
    }
  }

  /** A CareTeam: its participants' members. */
  static final class CareTeamPart extends Part {
    final List<RawRef> members;

    CareTeamPart(Item item, RawRef subject, List<RawRef> members) {
      super(item, subject);
      this.members = List.copyOf(members);
    }
  }

  /** Maps Goal: {@code subject}, {@code lifecycleStatus}, {@code target.measure}/{@code due[x]}. */
  static final class GoalMapper implements ResourceMapper<org.hl7.fhir.r4.model.Goal> {
    @Override
    public Class<org.hl7.fhir.r4.model.Goal> type() {
      return org.hl7.fhir.r4.model.Goal.class;
    }

    @Override
    public Optional<Pending> map(org.hl7.fhir.r4.model.Goal r, Item item, MapContext c) {
      String status = MapContext.status(r.getLifecycleStatusElement());
      if ("entered-in-error".equals(status)) {
        return c.ignore(
            item, MappingIssueCode.ENTERED_IN_ERROR, "Goal.lifecycleStatus", "entered-in-error");
      }
      RawRef subject = RawRef.of(r.getSubject());
      if (subject == null) {
        return c.missing(item, "Goal.subject");
      }
      boolean measurable =
          r.getTarget().stream().anyMatch(t -> t.hasMeasure() && t.hasDue())
              && !"cancelled".equals(status)
              && !"rejected".equals(status);
      return Optional.of(new GoalPart(item, subject, measurable));
    }
  }

  /** Maps CareTeam: {@code subject}, {@code status}, {@code participant.member}. */
  static final class CareTeamMapper implements ResourceMapper<org.hl7.fhir.r4.model.CareTeam> {
    @Override
    public Class<org.hl7.fhir.r4.model.CareTeam> type() {
      return org.hl7.fhir.r4.model.CareTeam.class;
    }

    @Override
    public Optional<Pending> map(org.hl7.fhir.r4.model.CareTeam r, Item item, MapContext c) {
      String status = MapContext.status(r.getStatusElement());
      if ("entered-in-error".equals(status)) {
        return c.ignore(
            item, MappingIssueCode.ENTERED_IN_ERROR, "CareTeam.status", "entered-in-error");
      }
      RawRef subject = RawRef.of(r.getSubject());
      if (subject == null) {
        return c.missing(item, "CareTeam.subject");
      }
      List<RawRef> members = new java.util.ArrayList<>();
      if (!"inactive".equals(status)) {
        for (org.hl7.fhir.r4.model.CareTeam.CareTeamParticipantComponent p : r.getParticipant()) {
          RawRef m = RawRef.of(p.getMember());
          if (m != null) {
            members.add(m);
          }
        }
      }
      return Optional.of(new CareTeamPart(item, subject, members));
    }
  }
}
