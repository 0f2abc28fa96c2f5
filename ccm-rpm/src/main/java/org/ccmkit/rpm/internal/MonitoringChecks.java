package org.ccmkit.rpm.internal;

import com.google.common.collect.ImmutableSortedSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.model.Enrollment;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.core.model.TimeEntry;
import org.ccmkit.core.model.Visit;
import org.ccmkit.rpm.PriorClaim;
import org.ccmkit.rpm.RpmParameters;

/**
 * The established-patient and RPM/RTM checks (rules reference §9.1, §9.2), shared by the
 * monitoring-start rule and the billing engine.
 */
final class MonitoringChecks {
  private MonitoringChecks() {}

  /**
   * The latest finished visit with {@code practitioner} on or before {@code start} and no more than
   * {@code lookbackDays} before it.
   */
  static Optional<Visit> establishingVisit(
      PatientRecord record, PractitionerRef practitioner, LocalDate start, int lookbackDays) {
    LocalDate from = start.minusDays(lookbackDays);
    return record.visits().stream()
        .filter(Visit::finished)
        .filter(v -> v.practitioners().contains(practitioner))
        .filter(v -> !v.date().isAfter(start) && !v.date().isBefore(from))
        .max(Comparator.comparing(Visit::date).thenComparing(Visit::source));
  }

  /**
   * The inputs that show {@code other} (RPM or RTM) activity on any of {@code days}: enrolments in
   * it, its time entries (by start date in {@code zone}), and claims of its codes.
   */
  static ImmutableSortedSet<SourceRef> activity(
      PatientRecord record,
      CareProgram other,
      Set<String> otherCodes,
      List<PriorClaim> claims,
      DateRange days,
      ZoneId zone) {
    ImmutableSortedSet.Builder<SourceRef> out = ImmutableSortedSet.naturalOrder();
    for (Enrollment e : record.enrollments()) {
      if (e.program() == other && Episodes.overlaps(e.period(), days)) {
        out.add(e.source());
      }
    }
    for (TimeEntry t : record.timeEntries()) {
      if (t.program() == other && days.contains(t.start().atZone(zone).toLocalDate())) {
        out.add(t.source());
      }
    }
    for (PriorClaim c : claims) {
      if (otherCodes.contains(c.code()) && Episodes.overlaps(c.servicePeriod(), days)) {
        out.add(c.source());
      }
    }
    return out.build();
  }

  /**
   * The RPM codes whose claims show RPM activity: every code the year's rules can bill (device
   * tiers, set-up, management tiers and add-on), sorted.
   */
  static ImmutableSortedSet<String> rpmCodes(RpmParameters p) {
    ImmutableSortedSet.Builder<String> codes = ImmutableSortedSet.naturalOrder();
    p.deviceSupply().tiers().forEach(t -> codes.add(t.code()));
    codes.add(p.setup().code());
    p.management().tiers().forEach(t -> codes.add(t.code()));
    codes.add(p.management().addOn().code());
    return codes.build();
  }
}
