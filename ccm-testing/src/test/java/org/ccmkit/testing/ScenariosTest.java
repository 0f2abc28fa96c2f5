package org.ccmkit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.ccmkit.core.condition.ChronicConditionClassifier;
import org.ccmkit.core.condition.ChronicConditionClassifiers;
import org.ccmkit.core.condition.ConditionClass;
import org.ccmkit.core.json.CcmJson;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.Code;
import org.ccmkit.core.model.ConsentStatus;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.model.Practitioner;
import org.ccmkit.core.model.ServiceMonth;
import org.ccmkit.core.model.StaffRole;
import org.ccmkit.core.model.TimeEntry;
import org.junit.jupiter.api.Test;

class ScenariosTest {
  /** Fixed seeds, not {@link Seeds#of}: these checks hold for many seeds, not a replayed one. */
  private static final List<Scenario> SCENARIOS =
      LongStream.rangeClosed(1, 300).mapToObj(Scenarios::random).toList();

  @Test
  void random_sameSeed_equalScenarioAndIdenticalJson() {
    for (long seed : new long[] {0, 1, -1, 42, Long.MIN_VALUE, Long.MAX_VALUE}) {
      Scenario a = Scenarios.random(seed);
      Scenario b = Scenarios.random(seed);

      assertThat(b).isEqualTo(a);
      assertThat(CcmJson.write(b.record())).isEqualTo(CcmJson.write(a.record()));
      assertThat(a.seed()).isEqualTo(seed);
    }
  }

  @Test
  void random_differentSeeds_differentRecords() {
    assertThat(SCENARIOS.stream().map(Scenario::record).distinct()).hasSize(SCENARIOS.size());
  }

  @Test
  void random_givenZoneAndMonth_usesThem() {
    ZoneId zone = ZoneId.of("Australia/Lord_Howe");

    Scenario s = Scenarios.random(7, zone, YearMonth.of(2025, 4));

    assertThat(s.zone()).isEqualTo(zone);
    assertThat(s.month()).isEqualTo(YearMonth.of(2025, 4));
    assertThat(s.context().asOf()).hasToString("2025-04-30");
    assertThat(s.query().billingPractitioner()).contains(s.billingPractitioner());
    assertThat(s.toString()).isEqualTo("Scenario[seed=7, 2025-04@Australia/Lord_Howe]");
  }

  @Test
  void random_monthOutsideParameterYears_throws() {
    assertThatThrownBy(() -> Scenarios.random(1, ZoneId.of("UTC"), YearMonth.of(2024, 12)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2024-12");
  }

  @Test
  void random_zoneGiven_monthWithTransitionOften() {
    ZoneId zone = ZoneId.of("Europe/London");
    long withTransition =
        LongStream.rangeClosed(1, 100)
            .mapToObj(seed -> Scenarios.random(seed, zone).serviceMonth())
            .filter(m -> !transitions(m).isEmpty())
            .count();

    assertThat(withTransition).isBetween(40L, 80L);
  }

  @Test
  void shuffled_anySeed_equalRecordInAnotherOrder() {
    PatientRecord record = SCENARIOS.get(0).record();

    assertThat(Scenarios.shuffled(record, 99)).isEqualTo(record);
    List<Integer> items = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    assertThat(Scenarios.shuffle(items, new SplittableRandom(1)))
        .containsExactlyInAnyOrderElementsOf(items)
        .isNotEqualTo(items)
        .isEqualTo(Scenarios.shuffle(items, new SplittableRandom(1)));
  }

  @Test
  void random_everyScenario_hasPeopleOfEveryRole() {
    for (Scenario s : SCENARIOS) {
      Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
      s.practitioners().forEach(p -> roles.add(p.role()));
      assertThat(roles).as(s.toString()).containsExactlyInAnyOrder(StaffRole.values());
      assertThat(s.practitioners().stream().map(Practitioner::ref))
          .as(s.toString())
          .contains(s.billingPractitioner());
    }
  }

  /** Each feature the property tests rely on shows up in a fair share of the default seeds. */
  @Test
  void random_defaultSeeds_coverWhatThePropertiesNeed() {
    ChronicConditionClassifier classifier = ChronicConditionClassifiers.standard();
    Map<String, Predicate<Scenario>> features = new TreeMap<>();
    features.put(
        "chronic condition",
        s ->
            s.record().conditions().stream()
                .flatMap(c -> c.codes().stream())
                .anyMatch(
                    c -> classifier.classify(c).map(ConditionClass::isChronic).orElse(false)));
    features.put(
        "non-chronic or unknown condition",
        s ->
            s.record().conditions().stream()
                .flatMap(c -> c.codes().stream())
                .anyMatch(
                    c -> !classifier.classify(c).map(ConditionClass::isChronic).orElse(false)));
    features.put(
        "ICD-10-CM and SNOMED CT on one condition",
        s -> s.record().conditions().stream().anyMatch(c -> systems(c.codes()).size() == 2));
    features.put(
        "consent given mid-month",
        s ->
            s.record().consents().stream()
                .anyMatch(
                    c ->
                        YearMonth.from(c.givenDate()).equals(s.month())
                            && c.givenDate().getDayOfMonth() > 1));
    features.put(
        "withdrawn consent",
        s -> s.record().consents().stream().anyMatch(c -> c.withdrawalDate().isPresent()));
    features.put(
        "declined consent",
        s -> s.record().consents().stream().anyMatch(c -> c.status() == ConsentStatus.REJECTED));
    features.put(
        "consent given to another practitioner",
        s ->
            s.record().consents().stream()
                .anyMatch(c -> !c.practitioner().equals(s.billingPractitioner())));
    features.put("significant-risk attestation", s -> !s.record().attestations().isEmpty());
    features.put("99211 visit", s -> hasVisitCode(s, "99211"));
    features.put(
        "annual wellness visit", s -> hasVisitCode(s, "G0438") || hasVisitCode(s, "G0439"));
    features.put("deceased patient", s -> s.record().patient().deceased());
    features.put(
        "entry starting in the month and ending in the next",
        s ->
            entries(s)
                .anyMatch(
                    e ->
                        s.serviceMonth().contains(e.start())
                            && e.end().isAfter(s.serviceMonth().endExclusive())));
    features.put(
        "entry in another month",
        s -> entries(s).anyMatch(e -> !s.serviceMonth().contains(e.start())));
    features.put(
        "entry across a change of UTC offset",
        s ->
            entries(s)
                .anyMatch(
                    e ->
                        transitions(s.serviceMonth()).stream()
                            .anyMatch(t -> t.isAfter(e.start()) && t.isBefore(e.end()))));
    features.put(
        "entry with a partial minute",
        s -> entries(s).anyMatch(e -> e.duration().toSecondsPart() != 0));
    features.put(
        "overlapping entries of one person and program",
        s -> pairs(s, (a, b) -> a.program() == b.program() && overlap(a, b)));
    features.put(
        "back-to-back entries of one person", s -> pairs(s, (a, b) -> a.end().equals(b.start())));
    features.put(
        "minutes one person tagged to two programs",
        s -> pairs(s, (a, b) -> a.program() != b.program() && overlap(a, b)));
    features.put(
        "practitioner time logged as staff time",
        s ->
            entries(s)
                .anyMatch(
                    e ->
                        e.performer().id().startsWith("pr-")
                            && e.performerRole() == StaffRole.CLINICAL_STAFF));
    features.put(
        "non-clinical staff entry",
        s -> entries(s).anyMatch(e -> e.performerRole() == StaffRole.OTHER));
    features.put(
        "entry for another program", s -> entries(s).anyMatch(e -> e.program() != CareProgram.CCM));

    features.forEach(
        (name, feature) ->
            assertThat(SCENARIOS.stream().filter(feature).count())
                .as("scenarios with %s", name)
                .isGreaterThanOrEqualTo(10));
  }

  private static java.util.stream.Stream<TimeEntry> entries(Scenario s) {
    return s.record().timeEntries().stream();
  }

  private static boolean pairs(
      Scenario s, java.util.function.BiPredicate<TimeEntry, TimeEntry> test) {
    List<TimeEntry> list = s.record().timeEntries();
    for (TimeEntry a : list) {
      for (TimeEntry b : list) {
        if (a != b && a.performer().equals(b.performer()) && test.test(a, b)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean overlap(TimeEntry a, TimeEntry b) {
    return a.start().isBefore(b.end()) && b.start().isBefore(a.end());
  }

  private static boolean hasVisitCode(Scenario s, String code) {
    return s.record().visits().stream()
        .flatMap(v -> v.codes().stream())
        .anyMatch(c -> c.code().equals(code));
  }

  private static Set<String> systems(Set<Code> codes) {
    Set<String> out = new TreeSet<>();
    codes.forEach(c -> out.add(c.system()));
    return out;
  }

  private static List<Instant> transitions(ServiceMonth m) {
    List<Instant> out = new java.util.ArrayList<>();
    Instant end = m.endExclusive().plus(Duration.ofDays(1));
    for (ZoneOffsetTransition t =
            m.zone().getRules().nextTransition(m.startInclusive().minus(Duration.ofDays(1)));
        t != null && t.getInstant().isBefore(end);
        t = m.zone().getRules().nextTransition(t.getInstant())) {
      out.add(t.getInstant());
    }
    return out;
  }
}
