package org.ccmkit.fhir.r4.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ccmkit.core.model.Coverage;
import org.ccmkit.core.model.CoverageKind;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.model.ImmutableCoverage;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.fhir.r4.MappingIssueCode;
import org.ccmkit.fhir.r4.MappingOptions;
import org.hl7.fhir.r4.model.Coverage.ClassComponent;
import org.jspecify.annotations.Nullable;

/**
 * Coverage → ccm-core Coverage: {@code beneficiary}, {@code status} (active when in the options'
 * active statuses), {@code period}, the kind from the Source of Payment Typology code of {@code
 * type}, the Medigap plan letter and the QMB marker from {@code class} of type {@code plan}.
 */
final class CoverageMapper implements ResourceMapper<org.hl7.fhir.r4.model.Coverage> {
  @Override
  public Class<org.hl7.fhir.r4.model.Coverage> type() {
    return org.hl7.fhir.r4.model.Coverage.class;
  }

  @Override
  public Optional<Pending> map(org.hl7.fhir.r4.model.Coverage r, Item item, MapContext c) {
    String status = MapContext.status(r.getStatusElement());
    if ("entered-in-error".equals(status)) {
      return c.ignore(
          item, MappingIssueCode.ENTERED_IN_ERROR, "Coverage.status", "status is entered-in-error");
    }
    if (status == null) {
      return c.missing(item, "Coverage.status");
    }
    RawRef beneficiary = RawRef.of(r.getBeneficiary());
    if (beneficiary == null) {
      return c.missing(item, "Coverage.beneficiary");
    }
    MapContext.Days days = c.days(item, r.getPeriod(), "Coverage.period");
    if (days.invalid()) {
      return c.reject(
          item,
          MappingIssueCode.INVALID_VALUE,
          "Coverage.period",
          "the period ends before it starts");
    }
    CoverageKind kind = CoverageKind.OTHER;
    for (String code : c.codes.codesIn(r.getType(), c.options.soptSystem())) {
      Optional<CoverageKind> k = kindOf(code, c.options);
      if (k.isPresent()) {
        kind = k.get();
        break;
      }
    }
    String plan = null;
    for (ClassComponent cl : r.getClass_()) {
      if (cl.hasValue() && isPlan(cl, c)) {
        plan = cl.getValue().trim();
        break;
      }
    }
    ImmutableCoverage.Builder b =
        Coverage.builder()
            .source(item.ref())
            .kind(kind)
            .active(c.options.activeCoverageStatuses().contains(status));
    Optional<DateRange> period = days.range();
    b.period(period);
    if (plan != null && kind == CoverageKind.MEDIGAP) {
      String letter = plan.toUpperCase(Locale.ROOT);
      if (letter.matches("[A-N]")) {
        b.medigapPlan(letter);
      } else {
        c.note(
            item,
            MappingIssueCode.VALUE_DROPPED,
            "Coverage.class.value",
            "the Medigap plan is not a letter A-N; left out");
      }
    }
    if (plan != null
        && kind == CoverageKind.MEDICAID
        && plan.equalsIgnoreCase(c.options.qmbPlanValue())) {
      b.qmb(true);
    }
    CoverageKind foundKind = kind;
    return Optional.of(
        new Pending(item) {
          @Override
          int stage() {
            return COVERAGES;
          }

          @Override
          void link(Linker l) {
            Optional<PatientRef> p = l.patient(item, beneficiary, "Coverage.beneficiary");
            if (p.isEmpty()) {
              return;
            }
            Coverage coverage = b.patient(p.get()).build();
            l.bucket(p.get()).coverages.add(coverage);
            l.coverageKind(item.ref(), foundKind);
            l.ledger.used(item);
          }
        });
  }

  private static boolean isPlan(ClassComponent cl, MapContext c) {
    for (org.hl7.fhir.r4.model.Coding coding : cl.getType().getCoding()) {
      String system = c.codes.system(coding);
      if (c.options.coveragePlanClass().equals(Codes.code(coding))
          && (system.isEmpty() || system.equals(c.options.coverageClassSystem()))) {
        return true;
      }
    }
    return false;
  }

  /** The exact pattern wins, else the longest prefix pattern ({@code 12*}). */
  static Optional<CoverageKind> kindOf(String code, MappingOptions options) {
    CoverageKind exact = options.coverageTypes().get(code);
    if (exact != null) {
      return Optional.of(exact);
    }
    @Nullable CoverageKind best = null;
    int bestLength = -1;
    for (Map.Entry<String, CoverageKind> e : options.coverageTypes().entrySet()) {
      String p = e.getKey();
      if (p.endsWith("*")) {
        String prefix = p.substring(0, p.length() - 1);
        if (code.startsWith(prefix) && prefix.length() > bestLength) {
          best = e.getValue();
          bestLength = prefix.length();
        }
      }
    }
    return Optional.ofNullable(best);
  }
}
