package org.ccmkit.core.rules;

import com.google.common.collect.ImmutableSortedSet;
import java.util.Optional;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.model.Enrollment;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.model.ServiceMonth;
import org.ccmkit.core.rule.Decision;
import org.ccmkit.core.rule.EvaluationContext;
import org.ccmkit.core.rule.ImmutableDecision;
import org.ccmkit.core.rule.Reason;
import org.ccmkit.core.rule.RuleId;

/** Helpers shared by the core rules. Package-private. */
final class Queries {
  private Queries() {}

  /** The service month of a query in the context's zone. */
  static ServiceMonth month(CareQuery q, EvaluationContext ctx) {
    return ServiceMonth.of(q.month(), ctx.zone());
  }

  /**
   * The practitioners enrolled as billing practitioner for the query's program in any part of its
   * month, in id order.
   */
  static ImmutableSortedSet<PractitionerRef> enrolledPractitioners(CareQuery q) {
    DateRange days = DateRange.ofClosed(q.month().atDay(1), q.month().atEndOfMonth());
    ImmutableSortedSet.Builder<PractitionerRef> b = ImmutableSortedSet.naturalOrder();
    for (Enrollment e : q.record().enrollments()) {
      if (e.program() == q.program() && e.period().intersect(days).isPresent()) {
        b.add(e.billingPractitioner());
      }
    }
    return b.build();
  }

  /**
   * The billing practitioner: the one the query names, else the only one enrolled for the month;
   * empty when none or several are enrolled.
   */
  static Optional<PractitionerRef> practitioner(CareQuery q) {
    if (q.billingPractitioner().isPresent()) {
      return q.billingPractitioner();
    }
    ImmutableSortedSet<PractitionerRef> enrolled = enrolledPractitioners(q);
    return enrolled.size() == 1 ? Optional.of(enrolled.first()) : Optional.empty();
  }

  /** The reason given when several practitioners are enrolled and the query names none. */
  static Reason ambiguousPractitioner() {
    return Reason.of(
        CoreReasonCode.BILLING_PRACTITIONER_AMBIGUOUS,
        "Several practitioners are enrolled; name the billing practitioner");
  }

  /** A decision builder with the query's subject filled in. */
  static ImmutableDecision.Builder decision(
      String ruleName, String version, CareQuery q, EvaluationContext ctx) {
    ImmutableDecision.Builder b =
        Decision.builder()
            .ruleId(RuleId.of(ruleName, version))
            .asOf(ctx.asOf())
            .patient(q.record().ref())
            .program(q.program())
            .month(q.month());
    practitioner(q).ifPresent(b::practitioner);
    return b;
  }
}
