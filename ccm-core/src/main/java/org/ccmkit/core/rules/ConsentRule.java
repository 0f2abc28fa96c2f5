package org.ccmkit.core.rules;

import com.google.common.collect.ImmutableSortedSet;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.ccmkit.core.model.Consent;
import org.ccmkit.core.model.ConsentDisclosure;
import org.ccmkit.core.model.ConsentStatus;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.params.ConsentParameters;
import org.ccmkit.core.params.CoreParameters;
import org.ccmkit.core.params.ParameterCatalog;
import org.ccmkit.core.params.WithdrawalTiming;
import org.ccmkit.core.rule.Decision;
import org.ccmkit.core.rule.EvaluationContext;
import org.ccmkit.core.rule.Evidence;
import org.ccmkit.core.rule.ImmutableDecision;
import org.ccmkit.core.rule.Outcome;
import org.ccmkit.core.rule.Reason;
import org.ccmkit.core.rule.Rule;
import org.ccmkit.core.rule.Severity;

/**
 * Consent for one program and month (rules reference §5): given to the billing practitioner (a new
 * practitioner needs a new consent, CONS-T04), counting from the day given (CONS-T02), and in force
 * until the end of the month of a withdrawal (CONS-T03). A consent record that lacks a disclosure
 * the program requires (CONS-T05; a record showing none lacks them all) gives {@code
 * CONSENT_INCOMPLETE}: a WARNING by default, or with severity ERROR the consent does not count.
 */
final class ConsentRule implements Rule<CareQuery> {
  static final String NAME = "core.consent";

  private final ParameterCatalog<CoreParameters> parameters;

  ConsentRule(ParameterCatalog<CoreParameters> parameters) {
    this.parameters = parameters;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Decision evaluate(CareQuery q, EvaluationContext ctx) {
    return compute(q, ctx).decision();
  }

  ConsentResult compute(CareQuery q, EvaluationContext ctx) {
    CoreParameters p = parameters.forDate(ctx.asOf());
    ConsentParameters cp = p.consent();
    ImmutableDecision.Builder d = Queries.decision(NAME, p.version(), q, ctx);
    YearMonth month = q.month();
    DateRange days = DateRange.ofClosed(month.atDay(1), month.atEndOfMonth());
    ImmutableConsentResult.Builder result = ImmutableConsentResult.builder();

    if (!cp.required().contains(q.program())) {
      d.outcome(Outcome.MET)
          .addReason(
              Reason.of(
                  CoreReasonCode.CONSENT_NOT_REQUIRED,
                  q.program() + " needs no consent in the parameters"));
      return result.decision(d.build()).addCoveredDay(days).build();
    }
    Optional<PractitionerRef> practitioner = Queries.practitioner(q);
    if (cp.mustBeGivenToBillingPractitioner() && practitioner.isEmpty()) {
      return result.decision(unknownPractitioner(q, d)).build();
    }

    List<DateRange> inForce = new ArrayList<>();
    boolean declined = false;
    boolean withdrawnBefore = false;
    boolean givenAfter = false;
    boolean otherPractitioner = false;
    Optional<Reason> incomplete = Optional.empty();
    for (Consent c : q.record().consents()) {
      if (!c.programs().contains(q.program())) {
        continue;
      }
      if (cp.mustBeGivenToBillingPractitioner() && !c.practitioner().equals(practitioner.get())) {
        otherPractitioner = true;
        d.addEvidence(
            Evidence.excluded(
                c.source(),
                "Consent.performer",
                c.practitioner().toString(),
                CoreReasonCode.CONSENT_GIVEN_TO_OTHER_PRACTITIONER));
        continue;
      }
      if (c.status() == ConsentStatus.REJECTED) {
        declined |= !c.givenDate().isAfter(month.atEndOfMonth());
        d.addEvidence(
            Evidence.excluded(
                c.source(), "Consent.status", "rejected", CoreReasonCode.CONSENT_DECLINED));
        continue;
      }
      if (c.withdrawalDate().isEmpty() && c.status() != ConsentStatus.ACTIVE) {
        d.addEvidence(
            Evidence.excluded(
                c.source(),
                "Consent.status",
                c.status().name().toLowerCase(java.util.Locale.ROOT),
                CoreReasonCode.CONSENT_NOT_IN_FORCE));
        continue;
      }
      DateRange range =
          c.withdrawalDate()
              .map(w -> DateRange.ofClosed(c.givenDate(), effectiveEnd(w, cp)))
              .orElse(DateRange.startingOn(c.givenDate()));
      Optional<DateRange> inMonth = range.intersect(days);
      if (inMonth.isEmpty()) {
        if (c.givenDate().isAfter(month.atEndOfMonth())) {
          givenAfter = true;
          d.addEvidence(
              Evidence.excluded(
                  c.source(),
                  "Consent.dateTime",
                  "given " + c.givenDate(),
                  CoreReasonCode.CONSENT_NOT_YET_GIVEN));
        } else {
          withdrawnBefore = true;
          d.addEvidence(
              Evidence.excluded(
                  c.source(),
                  "Consent.provision.period.end",
                  "withdrawn " + c.withdrawalDate().map(LocalDate::toString).orElse(""),
                  CoreReasonCode.CONSENT_WITHDRAWN));
        }
        continue;
      }
      String missing = missingDisclosures(c, cp.disclosuresFor(q.program()));
      if (!missing.isEmpty()) {
        Reason r =
            Reason.with(CoreReasonCode.CONSENT_INCOMPLETE)
                .severity(cp.incompleteSeverity())
                .message("The consent record does not show the disclosures " + missing)
                .putDetail("missing", missing)
                .putDetail("consent", c.source().toString())
                .build();
        if (cp.incompleteSeverity() == Severity.ERROR) {
          incomplete = Optional.of(r);
          d.addEvidence(
              Evidence.excluded(
                  c.source(),
                  "Consent.provision.code",
                  "lacks " + missing,
                  CoreReasonCode.CONSENT_INCOMPLETE));
          continue;
        }
        d.addReason(r);
      }
      DateRange covered = inMonth.get();
      if (cp.countTimeBeforeConsentInSameMonth()) {
        covered =
            covered.endInclusive().isPresent()
                ? DateRange.ofClosed(days.start(), covered.endInclusive().get())
                : DateRange.startingOn(days.start());
      }
      inForce.add(covered);
      d.addEvidence(Evidence.counted(c.source(), "Consent.dateTime", "covers " + covered));
      if (c.givenDate().isAfter(days.start()) && !cp.countTimeBeforeConsentInSameMonth()) {
        d.addReason(
            Reason.with(CoreReasonCode.CONSENT_GIVEN_MID_MONTH)
                .message("Consent given on " + c.givenDate() + "; earlier time does not count")
                .putDetail("givenDate", c.givenDate().toString())
                .build());
      }
      c.withdrawalDate()
          .filter(w -> YearMonth.from(w).equals(month))
          .ifPresent(
              w ->
                  d.addReason(
                      Reason.with(CoreReasonCode.CONSENT_WITHDRAWN_THIS_MONTH)
                          .message(
                              "Consent withdrawn on "
                                  + w
                                  + "; this month stays billable, later months do not")
                          .putDetail("withdrawalDate", w.toString())
                          .build()));
    }

    List<DateRange> merged = merge(inForce, days);
    result.addAllCoveredDays(merged);
    if (!merged.isEmpty()) {
      d.outcome(Outcome.MET)
          .addReason(
              Reason.of(
                  CoreReasonCode.CONSENT_IN_FORCE,
                  "Consent covers " + merged.stream().map(DateRange::toString).toList()));
      return result.decision(d.build()).build();
    }
    if (!declined && incomplete.isPresent()) {
      return result
          .decision(d.outcome(Outcome.NOT_MET).addReason(incomplete.get()).build())
          .build();
    }
    CoreReasonCode why;
    String message;
    if (declined) {
      why = CoreReasonCode.CONSENT_DECLINED;
      message = "The patient declined " + q.program();
    } else if (withdrawnBefore) {
      why = CoreReasonCode.CONSENT_WITHDRAWN;
      message = "The patient withdrew from " + q.program() + " before " + month;
    } else if (givenAfter) {
      why = CoreReasonCode.CONSENT_NOT_YET_GIVEN;
      message = "Consent to " + q.program() + " was given after " + month;
    } else if (otherPractitioner) {
      why = CoreReasonCode.CONSENT_GIVEN_TO_OTHER_PRACTITIONER;
      message = "Consent on file was given to another practitioner; a new consent is required";
    } else {
      why = CoreReasonCode.CONSENT_MISSING;
      message = "No consent to " + q.program() + " is on file";
    }
    d.outcome(Outcome.NOT_MET).addReason(Reason.of(why, message));
    return result.decision(d.build()).build();
  }

  private static Decision unknownPractitioner(CareQuery q, ImmutableDecision.Builder d) {
    boolean several = Queries.enrolledPractitioners(q).size() > 1;
    return d.outcome(several ? Outcome.INDETERMINATE : Outcome.NOT_MET)
        .addReason(
            several
                ? Queries.ambiguousPractitioner()
                : Reason.of(
                    CoreReasonCode.NOT_ENROLLED,
                    "No enrollment in " + q.program() + " covers " + q.month()))
        .build();
  }

  /** The required disclosures the consent does not show, as comma-separated codes in order. */
  private static String missingDisclosures(
      Consent c, ImmutableSortedSet<ConsentDisclosure> required) {
    StringBuilder missing = new StringBuilder();
    for (ConsentDisclosure x : required) {
      if (!c.disclosures().contains(x)) {
        if (missing.length() > 0) {
          missing.append(',');
        }
        missing.append(x.code());
      }
    }
    return missing.toString();
  }

  private static LocalDate effectiveEnd(LocalDate withdrawal, ConsentParameters cp) {
    return cp.withdrawalTakesEffect() == WithdrawalTiming.END_OF_MONTH
        ? YearMonth.from(withdrawal).atEndOfMonth()
        : withdrawal;
  }

  /** Merges overlapping or adjacent ranges; open ends are closed at the month's end. */
  private static List<DateRange> merge(List<DateRange> ranges, DateRange month) {
    LocalDate monthEnd = month.endInclusive().orElseThrow();
    List<DateRange> closed = new ArrayList<>();
    for (DateRange r : ranges) {
      closed.add(DateRange.ofClosed(r.start(), r.endInclusive().orElse(monthEnd)));
    }
    closed.sort(Comparator.comparing(DateRange::start));
    List<DateRange> out = new ArrayList<>();
    for (DateRange r : closed) {
      if (!out.isEmpty()) {
        DateRange last = out.get(out.size() - 1);
        LocalDate lastEnd = last.endInclusive().orElseThrow();
        if (!r.start().isAfter(lastEnd.plusDays(1))) {
          LocalDate end = r.endInclusive().orElseThrow();
          out.set(
              out.size() - 1,
              DateRange.ofClosed(last.start(), end.isAfter(lastEnd) ? end : lastEnd));
          continue;
        }
      }
      out.add(r);
    }
    return out;
  }
}
