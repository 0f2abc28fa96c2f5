package org.ccmkit.rpm.internal;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ccmkit.core.model.Code;
import org.ccmkit.core.model.ConditionRecord;
import org.ccmkit.core.model.Measurement;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.model.Reading;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.core.model.VerificationStatus;
import org.ccmkit.core.params.ParameterCatalog;
import org.ccmkit.core.rule.CcmException;
import org.ccmkit.core.rule.Decision;
import org.ccmkit.core.rule.ErrorCode;
import org.ccmkit.core.rule.EvaluationContext;
import org.ccmkit.core.rule.Evidence;
import org.ccmkit.core.rule.ImmutableDecision;
import org.ccmkit.core.rule.Outcome;
import org.ccmkit.core.rule.Reason;
import org.ccmkit.core.rule.Rule;
import org.ccmkit.rpm.Alert;
import org.ccmkit.rpm.AlertParameters;
import org.ccmkit.rpm.AlertProfile;
import org.ccmkit.rpm.AlertQuery;
import org.ccmkit.rpm.AlertResult;
import org.ccmkit.rpm.AlertSeverity;
import org.ccmkit.rpm.Metric;
import org.ccmkit.rpm.PatientThresholds;
import org.ccmkit.rpm.RpmParameters;
import org.ccmkit.rpm.RpmReasonCode;
import org.ccmkit.rpm.ThresholdCondition;
import org.ccmkit.rpm.ThresholdKind;
import org.ccmkit.rpm.ThresholdOrigin;
import org.ccmkit.rpm.ThresholdRule;
import org.jspecify.annotations.Nullable;

/**
 * Clinical alerts on a patient's readings ({@code rpm.alerts}; rules reference §10). The rules in
 * force are the shipped defaults, replaced by the program's profile, replaced by the patient's own
 * settings. Readings are de-duplicated, taken in (time, source) order, and their values converted
 * exactly to each metric's unit. A reading breaches a group when it breaches any of the group's
 * rules; the most severe wins. A breach within the re-alert window of the group's previous breach
 * updates the open alert (adding the reading, raising the severity if higher); otherwise it opens a
 * new one. Change rules (weight gain, SpO2 fall) compare with the patient's own readings of the
 * same metric in the preceding calendar days.
 */
public final class AlertEngine implements Rule<AlertQuery> {
  static final String NAME = "rpm.alerts";

  private final ParameterCatalog<RpmParameters> parameters;

  /**
   * Creates the engine.
   *
   * @param parameters the RPM parameter catalog
   */
  public AlertEngine(ParameterCatalog<RpmParameters> parameters) {
    this.parameters = parameters;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Decision evaluate(AlertQuery q, EvaluationContext ctx) {
    return compute(q, ctx).decision();
  }

  private record Active(ThresholdRule rule, ThresholdOrigin origin) {}

  /**
   * A rule in force with each condition's limit converted once to its metric's canonical unit (null
   * where the unit does not fit: the error is raised where the limit is first used, as before).
   */
  private record Limited(Active active, List<@Nullable BigDecimal> limits) {
    static Limited of(Active a) {
      List<@Nullable BigDecimal> limits = new ArrayList<>();
      for (ThresholdCondition c : a.rule().conditions()) {
        limits.add(Units.toCanonical(c.limit(), c.metric()).orElse(null));
      }
      return new Limited(a, limits);
    }

    ThresholdRule rule() {
      return active.rule();
    }
  }

  private record Point(Reading reading, Metric metric, BigDecimal value, LocalDate day) {}

  private record Match(ThresholdRule rule, Metric metric, Optional<Point> baseline) {}

  /** An open breach episode. */
  private static final class Episode {
    final String group;
    final Reading first;
    AlertSeverity severity;
    final AlertSeverity initialSeverity;
    Active active;
    Metric metric;
    Instant lastBreachAt;
    final List<SourceRef> readings = new ArrayList<>();
    final Set<Evidence> evidence = new LinkedHashSet<>();

    Episode(String group, Reading first, Active active, Metric metric) {
      this.group = group;
      this.first = first;
      this.severity = active.rule().severity();
      this.initialSeverity = severity;
      this.active = active;
      this.metric = metric;
      this.lastBreachAt = first.effective();
    }
  }

  /**
   * Computes the alerts of the patient's readings up to the evaluation date.
   *
   * @param q the record, program profile and patient settings
   * @param ctx the evaluation date and zone
   * @return the alerts and the decision
   * @throws CcmException with {@code NO_PARAMETERS_FOR_DATE} if no parameters are in effect on the
   *     evaluation date, or {@code INVALID_PARAMETERS} if a rule's limit has a unit its metric
   *     cannot take
   */
  public AlertResult compute(AlertQuery q, EvaluationContext ctx) {
    RpmParameters p = parameters.forDate(ctx.asOf());
    AlertParameters ap = p.alerts();
    PatientRecord record = q.record();
    ImmutableDecision.Builder d = Episodes.decision(NAME, p.version(), record, ctx);

    // 1. The rules in force: defaults, then the program's, then the patient's.
    Map<String, Active> rules = new LinkedHashMap<>();
    for (ThresholdRule r : ap.rules()) {
      rules.put(r.id(), new Active(r, ThresholdOrigin.DEFAULT));
    }
    Duration window = ap.reAlertWindow();
    if (q.programProfile().isPresent()) {
      AlertProfile profile = q.programProfile().get();
      layer(rules, profile.rules(), profile.disabledRules(), ThresholdOrigin.PROGRAM, d);
      window = profile.reAlertWindow().orElse(window);
      d.putDetail("programProfile", profile.name());
    }
    if (q.patientThresholds().isPresent()) {
      PatientThresholds pt = q.patientThresholds().get();
      layer(rules, pt.overrides(), pt.disabledRules(), ThresholdOrigin.PATIENT, d);
      pt.source()
          .ifPresent(s -> d.addEvidence(Evidence.context(s, "thresholds", "patient settings")));
    }
    d.putDetail("reAlertWindow", window.toString());

    // 2. Readings: de-duplicated, up to the evaluation date, while alive; values in canonical
    // units.
    ReadingSet set = ReadingSet.of(record.readings());
    for (Reading r : set.hasDuplicates() ? record.readings() : List.<Reading>of()) {
      set.duplicateOf(r.source())
          .ifPresent(
              o ->
                  d.addEvidence(
                      Evidence.excluded(
                          r.source(),
                          "Observation.identifier",
                          "duplicate of " + o,
                          RpmReasonCode.READING_DUPLICATE)));
    }
    List<Reading> series = new ArrayList<>();
    Map<Metric, List<Point>> byMetric = new EnumMap<>(Metric.class);
    Map<SourceRef, Map<Metric, Point>> pointsOf = new LinkedHashMap<>();
    for (Reading r : set.kept()) {
      LocalDate day = ReadingSet.day(r, ctx.zone());
      if (day.isAfter(ctx.asOf())) {
        d.addEvidence(
            Evidence.excluded(
                r.source(),
                "Observation.effective",
                day.toString(),
                RpmReasonCode.READING_AFTER_AS_OF));
        continue;
      }
      if (!record.patient().isAliveOn(day)) {
        d.addEvidence(
            Evidence.excluded(
                r.source(),
                "Observation.effective",
                day.toString(),
                RpmReasonCode.READING_AFTER_DEATH));
        continue;
      }
      Map<Metric, Point> mine = new EnumMap<>(Metric.class);
      for (Map.Entry<String, Measurement> v : r.values().entrySet()) {
        Metric metric = ap.metricCodes().get(v.getKey());
        if (metric == null || mine.containsKey(metric)) {
          continue;
        }
        Optional<BigDecimal> canonical = Units.toCanonical(v.getValue(), metric);
        if (canonical.isEmpty()) {
          d.addEvidence(
              Evidence.excluded(
                  r.source(),
                  "Observation.value",
                  v.getKey() + " " + v.getValue().unit(),
                  RpmReasonCode.READING_UNIT_NOT_RECOGNISED));
          continue;
        }
        Point pt = new Point(r, metric, canonical.get(), day);
        mine.put(metric, pt);
        byMetric.computeIfAbsent(metric, m -> new ArrayList<>()).add(pt);
      }
      if (!mine.isEmpty()) {
        series.add(r);
        pointsOf.put(r.source(), mine);
      }
    }

    // 3. Rules that need a condition the patient lacks do not apply (patient overrides always do).
    Map<String, List<Active>> groups = new LinkedHashMap<>();
    for (Active a : rules.values()) {
      ThresholdRule r = a.rule();
      if (r.requiresCondition().isPresent()
          && a.origin() != ThresholdOrigin.PATIENT
          && !hasCondition(record, ap, r.requiresCondition().get(), ctx.asOf())) {
        if (r.conditions().stream().anyMatch(c -> byMetric.containsKey(c.metric()))) {
          d.addReason(
              Reason.with(RpmReasonCode.THRESHOLD_NOT_APPLICABLE)
                  .message(
                      "Rule "
                          + r.id()
                          + " applies to patients with "
                          + r.requiresCondition().get()
                          + "; none recorded")
                  .putDetail("rule", r.id())
                  .build());
        }
        continue;
      }
      groups.computeIfAbsent(r.group(), g -> new ArrayList<>()).add(a);
    }

    // 4. Breach episodes per group. A group none of whose rules reads a metric the patient has
    // readings of cannot match, and is skipped.
    List<Alert> alerts = new ArrayList<>();
    Set<Evidence> counted = new LinkedHashSet<>();
    List<Map<Metric, Point>> seriesPoints = new ArrayList<>(series.size());
    for (Reading r : series) {
      seriesPoints.add(pointsOf.getOrDefault(r.source(), Map.of()));
    }
    for (Map.Entry<String, List<Active>> g : groups.entrySet()) {
      if (!readsAny(g.getValue(), byMetric)) {
        continue;
      }
      List<Active> sortedGroup = new ArrayList<>(g.getValue());
      sortedGroup.sort(
          Comparator.comparing((Active a) -> a.rule().severity())
              .thenComparing(a -> a.rule().id()));
      List<Limited> inGroup = new ArrayList<>(sortedGroup.size());
      for (Active a : sortedGroup) {
        inGroup.add(Limited.of(a));
      }
      Episode open = null;
      for (int i = 0; i < series.size(); i++) {
        Reading r = series.get(i);
        Map<Metric, Point> pts = seriesPoints.get(i);
        Match m = null;
        Active matched = null;
        for (Limited a : inGroup) {
          m = breach(a, pts, byMetric);
          if (m != null) {
            matched = a.active();
            break;
          }
        }
        if (m == null || matched == null) {
          continue;
        }
        if (open == null || r.effective().isAfter(open.lastBreachAt.plus(window))) {
          if (open != null) {
            alerts.add(toAlert(open, record, window));
          }
          open = new Episode(g.getKey(), r, matched, m.metric());
        } else if (m.rule().severity().isMoreSevereThan(open.severity)) {
          open.severity = m.rule().severity();
          open.active = matched;
          open.metric = m.metric();
        }
        open.lastBreachAt = r.effective();
        open.readings.add(r.source());
        Evidence e = Evidence.counted(r.source(), "Observation.value", display(r));
        open.evidence.add(e);
        counted.add(e);
        if (m.baseline().isPresent()) {
          Reading base = m.baseline().get().reading();
          open.evidence.add(
              Evidence.context(base.source(), "Observation.value", display(base) + " (baseline)"));
        }
      }
      if (open != null) {
        alerts.add(toAlert(open, record, window));
      }
    }
    ImmutableList<Alert> sorted =
        ImmutableList.sortedCopyOf(
            Comparator.comparing(Alert::openedAt)
                .thenComparing(Alert::group)
                .thenComparing(Alert::key),
            alerts);

    // 5. The decision.
    d.addAllEvidence(counted).putDetail("alerts", Integer.toString(sorted.size()));
    for (AlertSeverity s : AlertSeverity.values()) {
      long n = sorted.stream().filter(a -> a.severity() == s).count();
      if (n > 0) {
        d.putDetail("alerts." + s.name(), Long.toString(n));
      }
    }
    for (Alert a : sorted) {
      d.addReason(
          Reason.with(RpmReasonCode.ALERT_RAISED)
              .message(
                  a.severity() + " alert: " + a.label() + " (" + a.breachCount() + " readings)")
              .putDetail("key", a.key())
              .putDetail("rule", a.ruleId())
              .putDetail("severity", a.severity().name())
              .putDetail("origin", a.origin().name())
              .build());
    }
    if (sorted.isEmpty()) {
      d.outcome(Outcome.NOT_MET)
          .addReason(Reason.of(RpmReasonCode.NO_ALERTS, "No reading breached a threshold"));
    } else {
      d.outcome(Outcome.MET);
    }
    return AlertResult.builder().decision(d.build()).alerts(sorted).build();
  }

  /** Whether any condition of any of {@code rules} reads a metric of {@code byMetric}. */
  private static boolean readsAny(List<Active> rules, Map<Metric, List<Point>> byMetric) {
    for (Active a : rules) {
      for (ThresholdCondition c : a.rule().conditions()) {
        if (byMetric.containsKey(c.metric())) {
          return true;
        }
      }
    }
    return false;
  }

  private static void layer(
      Map<String, Active> rules,
      List<ThresholdRule> overrides,
      Set<String> disabled,
      ThresholdOrigin origin,
      ImmutableDecision.Builder d) {
    for (ThresholdRule r : overrides) {
      rules.put(r.id(), new Active(r, origin));
      d.addReason(
          Reason.with(RpmReasonCode.THRESHOLD_OVERRIDDEN)
              .message(
                  "Rule "
                      + r.id()
                      + " set by the "
                      + origin.name().toLowerCase(java.util.Locale.ROOT))
              .putDetail("rule", r.id())
              .putDetail("origin", origin.name())
              .build());
    }
    for (String id : ImmutableSortedSet.copyOf(disabled)) {
      if (rules.remove(id) != null) {
        d.addReason(
            Reason.with(RpmReasonCode.THRESHOLD_DISABLED)
                .message(
                    "Rule "
                        + id
                        + " switched off by the "
                        + origin.name().toLowerCase(java.util.Locale.ROOT))
                .putDetail("rule", id)
                .putDetail("origin", origin.name())
                .build());
      }
    }
  }

  /**
   * The match when the reading whose points are {@code pts} breaches the rule of {@code limited},
   * else null.
   */
  private static @Nullable Match breach(
      Limited limited, Map<Metric, Point> pts, Map<Metric, List<Point>> byMetric) {
    ThresholdRule rule = limited.rule();
    if (rule.kind() == ThresholdKind.LEVEL) {
      List<ThresholdCondition> conditions = rule.conditions();
      for (int i = 0; i < conditions.size(); i++) {
        ThresholdCondition c = conditions.get(i);
        Point pt = pts.get(c.metric());
        if (pt != null && c.comparison().holds(pt.value().compareTo(limit(limited, i)))) {
          return new Match(rule, c.metric(), Optional.empty());
        }
      }
      return null;
    }
    ThresholdCondition c = rule.conditions().get(0);
    Point pt = pts.get(c.metric());
    if (pt == null) {
      return null;
    }
    LocalDate from = pt.day().minusDays(rule.windowDays().orElse(1));
    Point base = null;
    for (Point other : byMetric.getOrDefault(c.metric(), List.of())) {
      if (!other.reading().effective().isBefore(pt.reading().effective())) {
        break; // the series is in time order
      }
      if (other.day().isBefore(from)) {
        continue;
      }
      boolean better =
          base == null
              || (rule.kind() == ThresholdKind.RISE
                  ? other.value().compareTo(base.value()) < 0
                  : other.value().compareTo(base.value()) > 0);
      if (better) {
        base = other;
      }
    }
    if (base == null) {
      return null;
    }
    BigDecimal change =
        rule.kind() == ThresholdKind.RISE
            ? pt.value().subtract(base.value())
            : base.value().subtract(pt.value());
    if (c.comparison().holds(change.compareTo(limit(limited, 0)))) {
      return new Match(rule, c.metric(), Optional.of(base));
    }
    return null;
  }

  /** The canonical limit of condition {@code i}, or the error its unit raises. */
  private static BigDecimal limit(Limited limited, int i) {
    BigDecimal limit = limited.limits().get(i);
    if (limit == null) {
      ThresholdRule rule = limited.rule();
      ThresholdCondition c = rule.conditions().get(i);
      throw new CcmException(
          ErrorCode.INVALID_PARAMETERS,
          "rule %s: unit %s does not fit %s",
          rule.id(),
          c.limit().unit(),
          c.metric());
    }
    return limit;
  }

  private static boolean hasCondition(
      PatientRecord record, AlertParameters ap, String set, LocalDate asOf) {
    ImmutableSortedSet<String> entries = ap.conditionSets().get(set);
    if (entries == null) {
      return false;
    }
    for (ConditionRecord c : record.conditions()) {
      if (!c.clinicalStatus().isActive()
          || c.verificationStatus() == VerificationStatus.REFUTED
          || c.verificationStatus() == VerificationStatus.ENTERED_IN_ERROR
          || c.abatedWithoutDate()
          || c.abatement().map(a -> !a.isAfter(asOf)).orElse(false)
          || c.onset().map(o -> o.isAfter(asOf)).orElse(false)) {
        continue;
      }
      for (Code code : c.codes()) {
        if (matches(entries, code)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean matches(Set<String> entries, Code code) {
    String full = code.system() + "|" + code.code();
    for (String e : entries) {
      if (e.endsWith("*") ? full.startsWith(e.substring(0, e.length() - 1)) : full.equals(e)) {
        return true;
      }
    }
    return false;
  }

  private static Alert toAlert(Episode e, PatientRecord record, Duration window) {
    ThresholdRule rule = e.active.rule();
    return Alert.builder()
        .key(e.group + "@" + e.first.source())
        .patient(record.ref())
        .group(e.group)
        .ruleId(rule.id())
        .metric(e.metric)
        .severity(e.severity)
        .initialSeverity(e.initialSeverity)
        .label(rule.label())
        .origin(e.active.origin())
        .source(rule.source())
        .openedAt(e.first.effective())
        .lastBreachAt(e.lastBreachAt)
        .openUntil(e.lastBreachAt.plus(window))
        .breachCount(e.readings.size())
        .readings(e.readings)
        .evidence(ImmutableList.sortedCopyOf(EVIDENCE_ORDER, e.evidence))
        .build();
  }

  private static final Comparator<Evidence> EVIDENCE_ORDER =
      Comparator.comparing(Evidence::source)
          .thenComparing(Evidence::path)
          .thenComparing(Evidence::role)
          .thenComparing(Evidence::value);

  private static String display(Reading r) {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, Measurement> v : r.values().entrySet()) {
      if (b.length() > 0) {
        b.append(", ");
      }
      b.append(v.getKey()).append('=').append(v.getValue());
    }
    return b.toString();
  }
}
