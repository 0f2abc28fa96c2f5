package org.ccmkit.billing;

import static org.ccmkit.billing.Fixtures.DR_A;
import static org.ccmkit.billing.Fixtures.DR_B;
import static org.ccmkit.core.model.CareProgram.APCM;
import static org.ccmkit.core.model.CareProgram.CCM;
import static org.ccmkit.core.model.CareProgram.PCM;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.ccmkit.core.model.CoverageKind;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.model.PractitionerRef;

/**
 * Seeded generators of synthetic patient-months for property tests (a shared {@code
 * Scenarios.random(seed)} may land in ccm-testing). The same seed always gives the same month.
 */
final class BillingScenarios {
  static final PractitionerRef DR_C = PractitionerRef.of("dr-c");

  private BillingScenarios() {}

  /** A random patient-month around CCM: minutes, families, a second practitioner, conflicts. */
  static Fixtures.Month random(long seed) {
    Random r = new Random(seed);
    YearMonth month = YearMonth.of(2025 + r.nextInt(2), 1 + r.nextInt(12));
    Fixtures.Month m = Fixtures.month(month);
    if (r.nextInt(10) < 8) {
      m.eligible();
    } else {
      m.condition("E11.9");
    }
    m.ready(CCM, DR_A);
    if (r.nextInt(10) < 3) {
      LocalDate given = LocalDate.of(2025, 1 + r.nextInt(12), 1 + r.nextInt(28));
      m.enrolled(CCM, DR_B, given)
          .consent(CCM, DR_B, given)
          .visit(DR_B, given.minusDays(10), "99213");
    }
    int staff = r.nextInt(6);
    for (int i = 0; i < staff; i++) {
      m.staff(CCM, 1 + r.nextInt(28), 1 + r.nextInt(45));
    }
    int own = r.nextInt(4);
    for (int i = 0; i < own; i++) {
      m.practitionerTime(CCM, DR_A, 1 + r.nextInt(28), 1 + r.nextInt(40));
    }
    if (r.nextInt(10) < 3) {
      m.complexMdm(DR_A, 1 + r.nextInt(28));
    }
    if (r.nextInt(10) < 2) {
      m.ready(PCM, DR_A).practitionerTime(PCM, DR_A, 1 + r.nextInt(28), 10 + r.nextInt(50));
    }
    if (r.nextInt(10) < 2) {
      m.ready(APCM, DR_A);
    }
    if (r.nextInt(10) < 2) {
      m.claim(
          r.nextBoolean() ? "Claim" : "ExplanationOfBenefit",
          DR_C,
          "99490",
          1 + r.nextInt(28),
          r.nextBoolean());
    }
    switch (r.nextInt(5)) {
      case 0 -> m.coverage(CoverageKind.ORIGINAL_MEDICARE);
      case 1 -> m.medigap(List.of("A", "G", "K", "L", "N", "F").get(r.nextInt(6)));
      case 2 -> m.coverage(CoverageKind.MEDICAID, Optional.empty(), true);
      case 3 -> m.coverage(CoverageKind.MEDICARE_ADVANTAGE);
      default -> {}
    }
    if (r.nextBoolean()) {
      m.deductibleRemaining(Integer.toString(r.nextInt(300)));
    }
    return m;
  }

  /** The same input with every list built in a shuffled order. */
  static BillingInput shuffled(BillingInput in, long seed) {
    Random r = new Random(seed);
    PatientRecord rec = in.record();
    PatientRecord shuffledRecord =
        PatientRecord.builder()
            .patient(rec.patient())
            .conditions(shuffle(rec.conditions(), r))
            .enrollments(shuffle(rec.enrollments(), r))
            .consents(shuffle(rec.consents(), r))
            .timeEntries(shuffle(rec.timeEntries(), r))
            .attestations(shuffle(rec.attestations(), r))
            .coverages(shuffle(rec.coverages(), r))
            .visits(shuffle(rec.visits(), r))
            .build();
    return ImmutableBillingInput.builder()
        .from(in)
        .record(shuffledRecord)
        .priorClaims(shuffle(in.priorClaims(), r))
        .requestedServices(shuffle(in.requestedServices(), r))
        .build();
  }

  private static <T> List<T> shuffle(List<T> items, Random r) {
    List<T> copy = new ArrayList<>(items);
    Collections.shuffle(copy, r);
    return copy;
  }
}
