package org.ccmkit.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableSet;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.ccmkit.core.json.CcmJson;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.rule.EvaluationContext;
import org.ccmkit.core.rules.CareQuery;
import org.ccmkit.core.rules.CoreRules;
import org.ccmkit.core.rules.CountedBlock;
import org.ccmkit.testing.Scenario;
import org.ccmkit.testing.Scenarios;
import org.ccmkit.testing.SeedReporter;
import org.ccmkit.testing.Seeds;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invariants of whole patient-months over the {@code ccm-testing} generator: each seed gives a
 * record ({@link Scenarios#random(long)}) that is billed for its month and the two months after, so
 * the default 1,000 seeds are 3,000 generated patient-months per build ({@code -Dccm.seeds=N} runs
 * more, {@code -Dccm.seed=N} replays one; a failure names its seed). Every patient-month: no billed
 * line exceeds its code's cap; no two CCM families and no two practitioners' CCM; no person's
 * minute counts twice, within a program or across CCM, PCM and BHI; the result's JSON is the same
 * when evaluated twice, with every input list shuffled, and under other JVM default zones.
 */
@ExtendWith(SeedReporter.class)
class GeneratedMonthInvariantsProperties {
  /** Patient-months per seed: the scenario's month and the two after it. */
  static final int MONTHS = 3;

  private static final Set<String> CCM_BASES = ImmutableSet.of("99490", "99491", "99487");
  private static final List<CareProgram> TIMED =
      List.of(CareProgram.CCM, CareProgram.PCM, CareProgram.BHI);
  private static final List<String> ZONES =
      List.of("UTC", "America/Los_Angeles", "Australia/Lord_Howe", "Asia/Kathmandu");
  private static final BillingEngine ENGINE = CcmBillingRules.standard();
  private static final CoreRules CORE = CoreRules.standard();

  static LongStream seeds() {
    return Seeds.of(Seeds.count(1000));
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void everyPatientMonth_keepsTheInvariants(long seed) {
    Scenario s = Scenarios.random(seed);
    for (int i = 0; i < MONTHS; i++) {
      YearMonth month = s.month().plusMonths(i);
      if (month.isAfter(Scenarios.LAST_MONTH)) {
        break;
      }
      EvaluationContext ctx = EvaluationContext.endOf(month, s.zone());
      BillingResult r = ENGINE.evaluate(BillingInput.of(s.record(), month), ctx);
      String json = CcmJson.write(r);

      capsHold(r);
      oneCcmFamilyAndPractitioner(r);
      noMinuteCountsTwice(s.record(), month, ctx);

      assertThat(CcmJson.write(ENGINE.evaluate(BillingInput.of(s.record(), month), ctx)))
          .as("evaluated twice")
          .isEqualTo(json);
      // order and zone: on every fifth seed (they cost a further evaluation each)
      if (Math.floorMod(seed, 5) == 0) {
        PatientRecord shuffled = Scenarios.shuffled(s.record(), Seeds.derive(seed, i));
        assertThat(CcmJson.write(ENGINE.evaluate(BillingInput.of(shuffled, month), ctx)))
            .as("shuffled inputs")
            .isEqualTo(json);
        String zone = ZONES.get(Math.floorMod(seed / 5 + i, ZONES.size()));
        TimeZone before = TimeZone.getDefault();
        try {
          TimeZone.setDefault(TimeZone.getTimeZone(ZoneId.of(zone)));
          assertThat(CcmJson.write(ENGINE.evaluate(BillingInput.of(s.record(), month), ctx)))
              .as("JVM default zone %s", zone)
              .isEqualTo(json);
        } finally {
          TimeZone.setDefault(before);
        }
      }
    }
  }

  private static void capsHold(BillingResult r) {
    CodeCatalog catalog = ENGINE.codes().forDate(r.month().atDay(1));
    Map<String, Integer> units = new TreeMap<>();
    for (ClaimLine l : r.lines()) {
      units.merge(l.code(), l.units(), Integer::sum);
    }
    units.forEach(
        (code, n) ->
            catalog
                .find(code, r.month().atDay(1))
                .flatMap(BillingCode::maxUnitsPerMonth)
                .ifPresent(
                    max ->
                        assertThat(n)
                            .as("units of %s in the month", code)
                            .isLessThanOrEqualTo(max)));
  }

  private static void oneCcmFamilyAndPractitioner(BillingResult r) {
    Map<PractitionerRef, Set<String>> ccm = new TreeMap<>();
    for (ClaimLine l : r.lines()) {
      if (l.program().equals(Optional.of(CareProgram.CCM)) && l.group().equals("CCM")) {
        ccm.computeIfAbsent(l.practitioner(), k -> new TreeSet<>()).add(l.code());
      }
    }
    assertThat(ccm.size()).as("practitioners billing CCM").isLessThanOrEqualTo(1);
    for (Set<String> codes : ccm.values()) {
      assertThat(codes.stream().filter(CCM_BASES::contains).count())
          .as("CCM families billed: %s", codes)
          .isEqualTo(1);
    }
  }

  /** No person's counted blocks overlap, over all timed programs of the month. */
  private static void noMinuteCountsTwice(
      PatientRecord record, YearMonth month, EvaluationContext ctx) {
    Map<PractitionerRef, List<CountedBlock>> byPerson = new TreeMap<>();
    for (CareProgram p : TIMED) {
      for (CountedBlock b : CORE.accrue(CareQuery.of(record, p, month), ctx).blocks()) {
        byPerson.computeIfAbsent(b.performer(), k -> new ArrayList<>()).add(b);
      }
    }
    for (List<CountedBlock> blocks : byPerson.values()) {
      blocks.sort((a, b) -> a.start().compareTo(b.start()));
      for (int i = 1; i < blocks.size(); i++) {
        assertThat(blocks.get(i).start())
            .as("a minute counted twice: %s and %s", blocks.get(i - 1), blocks.get(i))
            .isAfterOrEqualTo(blocks.get(i - 1).end());
      }
    }
  }
}
