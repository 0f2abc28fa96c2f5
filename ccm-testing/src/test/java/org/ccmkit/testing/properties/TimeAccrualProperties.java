package org.ccmkit.testing.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.model.Practitioner;
import org.ccmkit.core.model.ServiceMonth;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.core.model.StaffRole;
import org.ccmkit.core.model.TimeEntry;
import org.ccmkit.core.rule.EvidenceRole;
import org.ccmkit.core.rules.AccruedTime;
import org.ccmkit.core.rules.CareQuery;
import org.ccmkit.core.rules.ConsentResult;
import org.ccmkit.core.rules.CoreRules;
import org.ccmkit.core.rules.CountedBlock;
import org.ccmkit.testing.DecisionAssert;
import org.ccmkit.testing.PropertyTest;
import org.ccmkit.testing.Scenario;
import org.ccmkit.testing.Scenarios;
import org.ccmkit.testing.Seeds;

/**
 * Properties of time accrual (rules reference §1.2, §13): more countable time never counts less,
 * and no minute counts twice.
 */
class TimeAccrualProperties {
  private static final CoreRules RULES = CoreRules.standard();

  @org.junit.jupiter.api.Test
  void accrue_withConsentOfAnotherMonth_isRefused() {
    Scenario s = Scenarios.random(1);
    CareQuery next = CareQuery.of(s.record(), s.query().program(), s.query().month().plusMonths(1));
    ConsentResult other = RULES.consentWindow(next, s.context());

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> RULES.accrue(s.query(), s.context(), other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("another query");
  }

  /** The billing engine hands over the consent it evaluated; accrual is then the same. */
  @PropertyTest
  void accrue_withTheConsentAlreadyEvaluated_isTheSame(long seed) {
    Scenario s = Scenarios.random(seed);
    ConsentResult consent = RULES.consentWindow(s.query(), s.context());

    assertThat(RULES.accrue(s.query(), s.context(), consent))
        .isEqualTo(RULES.accrue(s.query(), s.context()));
  }

  @PropertyTest
  void accrue_countableEntryAdded_noRoleAndNoTotalLower(long seed) {
    Scenario s = Scenarios.random(seed);
    SplittableRandom r = new SplittableRandom(Seeds.derive(seed, 2));
    PatientRecord record = s.record();
    AccruedTime before = RULES.accrue(s.query(), s.context());
    for (int k = 0; k < 3; k++) {
      Optional<TimeEntry> extra = countableEntry(s, record, r, "extra-" + k);
      if (extra.isEmpty()) {
        return; // no day of the month is both consented and enrolled
      }
      record = PatientRecord.builder().from(record).addTimeEntry(extra.get()).build();

      AccruedTime after = RULES.accrue(s.queryFor(record), s.context());

      DecisionAssert.assertThat(after.decision())
          .hasEvidence(extra.get().source(), EvidenceRole.COUNTED);
      assertThat(after.totalMinutes())
          .as("total minutes")
          .isGreaterThanOrEqualTo(before.totalMinutes());
      // A minute a person logged in two roles counts once, in one role; an entry over such time
      // may move minutes between roles, so the per-role check needs an entry that overlaps none
      // of its author's time in another role.
      if (!overlapsOtherRole(extra.get(), record)) {
        for (StaffRole role : StaffRole.values()) {
          assertThat(after.minutes(role))
              .as("%s minutes", role)
              .isGreaterThanOrEqualTo(before.minutes(role));
        }
      }
      before = after;
    }
  }

  @PropertyTest
  void accrue_eachPersonsBlocks_neverOverlap(long seed) {
    Scenario s = Scenarios.random(seed);

    AccruedTime accrued = RULES.accrue(s.query(), s.context());

    Map<String, List<CountedBlock>> byPerson = new TreeMap<>();
    for (CountedBlock b : accrued.blocks()) {
      byPerson.computeIfAbsent(b.performer().id(), k -> new ArrayList<>()).add(b);
    }
    // Blocks are half-open [start, end); two overlap when they share an instant. A zero-minute
    // block (a zero-length entry) holds no instant, so it overlaps nothing.
    byPerson.forEach(
        (person, blocks) -> {
          for (int i = 0; i < blocks.size(); i++) {
            for (int j = i + 1; j < blocks.size(); j++) {
              CountedBlock a = blocks.get(i);
              CountedBlock b = blocks.get(j);
              Instant from = a.start().isAfter(b.start()) ? a.start() : b.start();
              Instant to = a.end().isBefore(b.end()) ? a.end() : b.end();
              assertThat(from.isBefore(to))
                  .as("%s: block %s overlaps block %s", person, a, b)
                  .isFalse();
            }
          }
        });
  }

  @PropertyTest
  void accrue_countedMinutes_atMostTheWholeMinutesOfTheMonthsEntries(long seed) {
    Scenario s = Scenarios.random(seed);
    ServiceMonth month = s.serviceMonth();

    AccruedTime accrued = RULES.accrue(s.query(), s.context());

    Map<String, Long> logged = new TreeMap<>();
    for (TimeEntry e : s.record().timeEntries()) {
      if (e.program() == s.program() && month.contains(e.start())) {
        logged.merge(e.performer().id(), e.wholeMinutes(), Long::sum);
      }
    }
    Map<SourceRef, Long> wholeMinutes = new TreeMap<>();
    s.record().timeEntries().forEach(e -> wholeMinutes.put(e.source(), e.wholeMinutes()));
    Map<String, Long> counted = new TreeMap<>();
    for (CountedBlock b : accrued.blocks()) {
      counted.merge(b.performer().id(), (long) b.minutes(), Long::sum);
      assertThat(b.minutes())
          .as("block %s counts its whole minutes", b)
          .isEqualTo(Duration.between(b.start(), b.end()).toMinutes());
      assertThat((long) b.minutes())
          .as("block %s vs the whole minutes of its entries", b)
          .isLessThanOrEqualTo(b.sources().stream().mapToLong(wholeMinutes::get).sum());
    }
    counted.forEach(
        (person, minutes) ->
            assertThat(minutes)
                .as("%s: counted minutes vs whole minutes logged", person)
                .isLessThanOrEqualTo(logged.getOrDefault(person, 0L)));
    assertThat((long) accrued.totalMinutes())
        .isLessThanOrEqualTo(logged.values().stream().mapToLong(Long::longValue).sum());
  }

  /** Whether the same person logged some of the entry's time in another role. */
  private static boolean overlapsOtherRole(TimeEntry e, PatientRecord record) {
    return record.timeEntries().stream()
        .anyMatch(
            o ->
                o.performer().equals(e.performer())
                    && o.performerRole() != e.performerRole()
                    && o.start().isBefore(e.end())
                    && e.start().isBefore(o.end()));
  }

  /**
   * A time entry that must count: for the scenario's program, by a person whose role counts, on a
   * day of the month covered by consent and enrollment on which the patient was alive, overlapping
   * none of that person's entries for other programs.
   */
  static Optional<TimeEntry> countableEntry(
      Scenario s, PatientRecord record, SplittableRandom r, String id) {
    ServiceMonth month = s.serviceMonth();
    ConsentResult consent = RULES.consentWindow(s.queryFor(record), s.context());
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = month.firstDay(); !d.isAfter(month.lastDay()); d = d.plusDays(1)) {
      LocalDate day = d;
      boolean enrolled =
          record.enrollments().stream()
              .anyMatch(
                  e ->
                      e.program() == s.program()
                          && e.billingPractitioner().equals(s.billingPractitioner())
                          && e.period().contains(day));
      if (enrolled && consent.covers(day) && record.patient().isAliveOn(day)) {
        days.add(day);
      }
    }
    List<Practitioner> people =
        s.practitioners().stream().filter(p -> p.role() != StaffRole.OTHER).toList();
    if (days.isEmpty()) {
      return Optional.empty();
    }
    for (int attempt = 0; attempt < 50; attempt++) {
      LocalDate day = days.get(r.nextInt(days.size()));
      Practitioner person = people.get(r.nextInt(people.size()));
      Instant start =
          ZonedDateTime.of(day, LocalTime.ofSecondOfDay(r.nextInt(86_400)), s.zone()).toInstant();
      Instant end = start.plus(Duration.ofMinutes(r.nextInt(1, 61)).plusSeconds(r.nextInt(60)));
      if (!month.localDate(start).equals(day)) {
        continue; // the local time fell into a gap and moved to another day
      }
      boolean conflict =
          record.timeEntries().stream()
              .anyMatch(
                  o ->
                      o.performer().equals(person.ref())
                          && o.program() != s.program()
                          && o.start().isBefore(end)
                          && start.isBefore(o.end()));
      if (conflict) {
        continue;
      }
      return Optional.of(
          TimeEntry.builder()
              .source(SourceRef.of("Procedure", id))
              .patient(record.ref())
              .performer(person.ref())
              .performerRole(person.role())
              .program(s.program())
              .start(start)
              .end(end)
              .build());
    }
    return Optional.empty();
  }
}
