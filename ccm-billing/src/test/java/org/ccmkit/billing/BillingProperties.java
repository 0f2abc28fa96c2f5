package org.ccmkit.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccmkit.core.model.CareProgram.CCM;

import com.google.common.collect.ImmutableSet;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.ccmkit.core.json.CcmJson;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.Money;
import org.ccmkit.core.model.PractitionerRef;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the billing engine over seeded random patient-months ({@link
 * BillingScenarios#random(long)}); the seed is in each test's name, so a failure can be replayed.
 */
class BillingProperties {
  private static final Set<String> CCM_BASES = ImmutableSet.of("99490", "99491", "99487");

  static LongStream seeds() {
    return LongStream.range(0, 150).map(i -> 0x5EEDL * 31 + i);
  }

  private static BillingResult bill(Fixtures.Month m) {
    return m.bill();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void deterministic_equalInputsGiveEqualResultsAndByteIdenticalJson(long seed) {
    Fixtures.Month m = BillingScenarios.random(seed);
    BillingResult a = Fixtures.engine().evaluate(m.input(), m.context());
    BillingResult b = Fixtures.engine().evaluate(m.input(), m.context());
    assertThat(b).isEqualTo(a);
    assertThat(CcmJson.write(b)).isEqualTo(CcmJson.write(a));
    assertThat(CcmJson.read(CcmJson.write(a), BillingResult.class)).isEqualTo(a);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void independentOfInputOrder(long seed) {
    Fixtures.Month m = BillingScenarios.random(seed);
    BillingInput in = m.input();
    BillingResult expected = Fixtures.engine().evaluate(in, m.context());
    for (long shuffle = 1; shuffle <= 3; shuffle++) {
      BillingResult actual =
          Fixtures.engine()
              .evaluate(BillingScenarios.shuffled(in, seed * 7 + shuffle), m.context());
      assertThat(CcmJson.write(actual)).isEqualTo(CcmJson.write(expected));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void moreCountedMinutes_neverBillLess(long seed) {
    Fixtures.Month m = BillingScenarios.random(seed);
    BigDecimal before = total(bill(m));
    java.util.Random r = new java.util.Random(seed ^ 0xABCDL);
    for (int step = 0; step < 4; step++) {
      if (r.nextBoolean()) {
        m.staff(CCM, 1 + r.nextInt(28), 1 + r.nextInt(30));
      } else {
        m.practitionerTime(CCM, Fixtures.DR_A, 1 + r.nextInt(28), 1 + r.nextInt(30));
      }
      BigDecimal after = total(bill(m));
      assertThat(after).as("seed %s step %s", seed, step).isGreaterThanOrEqualTo(before);
      before = after;
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void neverTwoCcmFamiliesNorTwoPractitionersCcm_andAddOnsHaveTheirBase(long seed) {
    BillingResult r = bill(BillingScenarios.random(seed));
    Map<PractitionerRef, Set<String>> ccmCodes = new TreeMap<>();
    for (ClaimLine l : r.lines()) {
      if (l.program().equals(java.util.Optional.of(CareProgram.CCM)) && l.group().equals("CCM")) {
        ccmCodes.computeIfAbsent(l.practitioner(), k -> new TreeSet<>()).add(l.code());
      }
    }
    assertThat(ccmCodes.size()).as("practitioners billing CCM").isLessThanOrEqualTo(1);
    for (Set<String> codes : ccmCodes.values()) {
      assertThat(codes.stream().filter(CCM_BASES::contains).count()).isEqualTo(1);
      if (codes.contains("99439")) {
        assertThat(codes).contains("99490");
      }
      if (codes.contains("99437")) {
        assertThat(codes).contains("99491");
      }
      if (codes.contains("99489")) {
        assertThat(codes).contains("99487");
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void neverExceedsACap(long seed) {
    BillingResult r = bill(BillingScenarios.random(seed));
    CodeCatalog catalog = Fixtures.engine().codes().forDate(r.month().atDay(1));
    for (ClaimLine l : r.lines()) {
      BillingCode code = catalog.find(l.code(), l.serviceDate()).orElseThrow();
      code.maxUnitsPerMonth()
          .ifPresent(max -> assertThat(l.units()).as(l.code()).isLessThanOrEqualTo(max));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void patientShareWithinBounds(long seed) {
    BillingResult r = bill(BillingScenarios.random(seed));
    PatientShareEstimate e = r.estimate();
    assertThat(e.low()).isLessThanOrEqualTo(e.high());
    assertThat(e.high()).isLessThanOrEqualTo(e.totalAllowed());
    assertThat(e.low().compareTo(Money.zero(Money.USD))).isGreaterThanOrEqualTo(0);
  }

  /** The generator reaches the interesting cases, so the properties above mean something. */
  @org.junit.jupiter.api.Test
  void generator_coversTheInterestingCases() {
    Set<String> billed = new TreeSet<>();
    Set<String> reasons = new TreeSet<>();
    seeds()
        .forEach(
            seed -> {
              BillingResult r = bill(BillingScenarios.random(seed));
              r.lines().forEach(l -> billed.add(l.code()));
              r.decisions().forEach(d -> d.reasons().forEach(x -> reasons.add(x.code())));
            });
    assertThat(billed).contains("99490", "99439", "99491", "99437", "99487", "99424", "G0557");
    assertThat(reasons)
        .contains(
            "OTHER_PRACTITIONER_BILLING",
            "OTHER_PRACTITIONER_MAY_BE_BILLING",
            "CONCURRENCY_CONFLICT",
            "OPTION_NOT_TAKEN",
            "CAP_REACHED",
            "NO_BILLABLE_CODE");
  }

  private static BigDecimal total(BillingResult r) {
    return r.lines().stream()
        .map(l -> l.allowed().map(Money::amount).orElse(BigDecimal.ZERO))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
