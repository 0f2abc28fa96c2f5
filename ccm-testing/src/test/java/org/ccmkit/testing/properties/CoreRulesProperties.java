package org.ccmkit.testing.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TimeZone;
import org.ccmkit.core.json.CcmJson;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.rule.EvaluationContext;
import org.ccmkit.core.rules.CareQuery;
import org.ccmkit.core.rules.CoreRules;
import org.ccmkit.testing.PropertyTest;
import org.ccmkit.testing.Scenario;
import org.ccmkit.testing.Scenarios;
import org.ccmkit.testing.Seeds;

/**
 * Properties every core rule must have (style guide §5, §8): determinism, invariance under input
 * order, and independence from the JVM's default time zone and locale.
 */
class CoreRulesProperties {
  private static final CoreRules RULES = CoreRules.standard();

  /** Default zones to try: odd offsets, both hemispheres, a 30-minute DST, the date line. */
  private static final List<String> DEFAULT_ZONES =
      List.of(
          "UTC",
          "America/Los_Angeles",
          "Asia/Kathmandu",
          "Pacific/Chatham",
          "Australia/Lord_Howe",
          "Pacific/Pago_Pago");

  /** Default locales to try, some with non-Latin digits and their own calendars. */
  private static final List<Locale> DEFAULT_LOCALES =
      List.of(
          Locale.ROOT,
          Locale.forLanguageTag("th-TH-u-ca-buddhist-nu-thai"),
          Locale.forLanguageTag("ar-EG"),
          Locale.forLanguageTag("tr-TR"));

  /** What the core rules say about a query: four decisions, the accrued time, consent window. */
  private static List<Object> evaluate(CoreRules rules, CareQuery q, EvaluationContext ctx) {
    List<Object> out = new ArrayList<>(rules.evaluateAll(q, ctx));
    out.add(rules.accrue(q, ctx));
    out.add(rules.consentWindow(q, ctx));
    return out;
  }

  private static List<String> json(List<Object> results) {
    return results.stream().map(CcmJson::write).toList();
  }

  @PropertyTest
  void evaluate_sameQueryTwice_equalDecisionsAndIdenticalJson(long seed) {
    Scenario s = Scenarios.random(seed);

    List<Object> first = evaluate(RULES, s.query(), s.context());
    List<Object> second = evaluate(CoreRules.standard(), s.query(), s.context());

    assertThat(second).isEqualTo(first);
    assertThat(json(second)).containsExactlyElementsOf(json(first));
  }

  @PropertyTest
  void evaluate_recordBuiltFromShuffledLists_equalDecisionsAndIdenticalJson(long seed) {
    Scenario s = Scenarios.random(seed);
    PatientRecord shuffled = Scenarios.shuffled(s.record(), Seeds.derive(seed, 1));

    List<Object> expected = evaluate(RULES, s.query(), s.context());
    List<Object> actual = evaluate(RULES, s.queryFor(shuffled), s.context());

    assertThat(shuffled).isEqualTo(s.record());
    assertThat(actual).isEqualTo(expected);
    assertThat(json(actual)).containsExactlyElementsOf(json(expected));
  }

  /** Each seed tries three default zones and two default locales; the seeds cover all of them. */
  @PropertyTest
  void evaluate_otherDefaultZoneOrLocale_identicalJson(long seed) {
    Scenario s = Scenarios.random(seed);
    List<String> expected = json(evaluate(RULES, s.query(), s.context()));
    SplittableRandom r = new SplittableRandom(Seeds.derive(seed, 3));
    List<String> zones = Scenarios.shuffle(DEFAULT_ZONES, r).subList(0, 3);
    List<Locale> locales = Scenarios.shuffle(DEFAULT_LOCALES, r).subList(0, 2);
    TimeZone zone = TimeZone.getDefault();
    Locale locale = Locale.getDefault();
    try {
      for (String id : zones) {
        TimeZone.setDefault(TimeZone.getTimeZone(id));
        assertThat(Scenarios.random(seed)).as("scenario with default zone %s", id).isEqualTo(s);
        assertThat(json(evaluate(RULES, s.query(), s.context())))
            .as("default zone %s", id)
            .containsExactlyElementsOf(expected);
      }
      TimeZone.setDefault(zone);
      for (Locale l : locales) {
        Locale.setDefault(l);
        assertThat(json(evaluate(RULES, s.query(), s.context())))
            .as("default locale %s", l)
            .containsExactlyElementsOf(expected);
      }
    } finally {
      TimeZone.setDefault(zone);
      Locale.setDefault(locale);
    }
  }
}
