package org.ccmkit.rpm.internal;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.model.Enrollment;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.rule.Decision;
import org.ccmkit.core.rule.EvaluationContext;
import org.ccmkit.core.rule.ImmutableDecision;
import org.ccmkit.core.rule.RuleId;

/** Helpers on RPM episodes (enrolments) and decisions shared by the RPM rules. */
final class Episodes {
  private Episodes() {}

  static final Comparator<Enrollment> BY_START =
      Comparator.comparing((Enrollment e) -> e.period().start()).thenComparing(Enrollment::source);

  /**
   * The patient's enrolments in {@code program} (of {@code practitioner}, when given), by start.
   */
  static ImmutableList<Enrollment> of(
      PatientRecord record, CareProgram program, Optional<PractitionerRef> practitioner) {
    return record.enrollments().stream()
        .filter(e -> e.program() == program)
        .filter(e -> practitioner.map(p -> p.equals(e.billingPractitioner())).orElse(true))
        .sorted(BY_START)
        .collect(ImmutableList.toImmutableList());
  }

  /** The last day a service in the episode can count: enrolment end or date of death. */
  static Optional<LocalDate> lastCountableDay(Enrollment e, PatientRecord record) {
    Optional<LocalDate> end = e.period().endInclusive();
    Optional<LocalDate> death = record.patient().deathDate();
    if (death.isPresent() && (end.isEmpty() || death.get().isBefore(end.get()))) {
      return death;
    }
    return end;
  }

  static boolean overlaps(DateRange a, DateRange b) {
    return a.intersect(b).isPresent();
  }

  static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  /** A decision builder for an RPM rule about one patient. */
  static ImmutableDecision.Builder decision(
      String rule, String version, PatientRecord record, EvaluationContext ctx) {
    return Decision.builder()
        .ruleId(RuleId.of(rule, version))
        .asOf(ctx.asOf())
        .patient(record.ref())
        .program(CareProgram.RPM);
  }
}
