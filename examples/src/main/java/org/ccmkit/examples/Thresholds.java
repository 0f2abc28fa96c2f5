package org.ccmkit.examples;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.ccmkit.billing.Basis;
import org.ccmkit.billing.BillingCode;
import org.ccmkit.billing.CodeCatalog;
import org.ccmkit.billing.Performer;
import org.ccmkit.core.model.CareProgram;

/**
 * The thresholds the report and worklist show, read from the code catalog in effect (never written
 * as constants here): per timed program, the cumulative minutes at which its staff-time codes bill
 * another unit (CCM: 99490 at 20, 99439 at 40 and 60), and the device days of the full RPM
 * device-supply code (99454: 16).
 */
record Thresholds(ImmutableMap<CareProgram, ImmutableList<Integer>> minutes, int deviceDays) {

  /** How many add-on steps to show for an add-on without a monthly cap. */
  private static final int UNCAPPED_STEPS = 2;

  /**
   * Reads the thresholds of the catalog in effect on {@code date}.
   *
   * @param catalog the code catalogs by rule year
   * @param programs the timed programs to show
   * @param date a day of the service month
   */
  static Thresholds from(
      org.ccmkit.core.params.ParameterCatalog<CodeCatalog> catalog,
      List<CareProgram> programs,
      LocalDate date) {
    CodeCatalog c = catalog.forDate(date);
    ImmutableMap.Builder<CareProgram, ImmutableList<Integer>> m = ImmutableMap.builder();
    for (CareProgram p : programs) {
      m.put(p, staffSteps(c, p, date));
    }
    int days =
        c.codesOf(CareProgram.RPM, date).stream()
            .filter(b -> b.basis() == Basis.DEVICE_DAYS)
            .flatMap(b -> b.minDeviceDays().stream())
            .max(Integer::compare)
            .orElse(0);
    return new Thresholds(m.buildOrThrow(), days);
  }

  /** The program's staff-time steps: the base code's threshold, then each add-on block. */
  private static ImmutableList<Integer> staffSteps(CodeCatalog c, CareProgram p, LocalDate date) {
    List<BillingCode> timed =
        c.codesOf(p, date).stream()
            .filter(b -> b.basis() == Basis.TIME_MINUTES && b.performer() == Performer.STAFF)
            .toList();
    Optional<BillingCode> base =
        timed.stream()
            .filter(b -> !b.isAddOn() && b.thresholdMinutes().isPresent())
            .min(
                Comparator.comparing((BillingCode b) -> b.thresholdMinutes().orElseThrow())
                    .thenComparing(BillingCode::code));
    if (base.isEmpty()) {
      return ImmutableList.of();
    }
    ImmutableList.Builder<Integer> steps = ImmutableList.builder();
    int at = base.get().thresholdMinutes().orElseThrow();
    steps.add(at);
    Optional<BillingCode> addOn =
        timed.stream()
            .filter(b -> b.isAddOn() && b.parents().contains(base.get().code()))
            .min(Comparator.comparing(BillingCode::code));
    if (addOn.isPresent()) {
      int block = addOn.get().blockMinutes().or(() -> addOn.get().thresholdMinutes()).orElse(0);
      int units = addOn.get().maxUnitsPerMonth().orElse(UNCAPPED_STEPS);
      for (int k = 0; k < units && block > 0; k++) {
        at += block;
        steps.add(at);
      }
    }
    return steps.build();
  }

  /** The steps of {@code program}, empty when it has none. */
  ImmutableList<Integer> of(CareProgram program) {
    return minutes.getOrDefault(program, ImmutableList.of());
  }
}
