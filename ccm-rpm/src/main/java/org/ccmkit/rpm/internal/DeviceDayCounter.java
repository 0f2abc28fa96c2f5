package org.ccmkit.rpm.internal;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.Enrollment;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.model.Reading;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.core.params.ParameterCatalog;
import org.ccmkit.core.rule.EvaluationContext;
import org.ccmkit.core.rule.Evidence;
import org.ccmkit.core.rule.ImmutableDecision;
import org.ccmkit.core.rule.Outcome;
import org.ccmkit.core.rule.Reason;
import org.ccmkit.core.rules.CareQuery;
import org.ccmkit.core.rules.ConsentResult;
import org.ccmkit.core.rules.CoreRules;
import org.ccmkit.rpm.DeviceDays;
import org.ccmkit.rpm.DeviceForecast;
import org.ccmkit.rpm.DevicePeriod;
import org.ccmkit.rpm.DeviceTier;
import org.ccmkit.rpm.ForecastTarget;
import org.ccmkit.rpm.ImmutableDevicePeriod;
import org.ccmkit.rpm.RpmParameters;
import org.ccmkit.rpm.RpmReasonCode;

/**
 * Device days ({@code rpm.device-days}; rules reference §9.1, FHIR contract): a reading counts on
 * its date in the practice's zone when a device transmitted it, it is not a duplicate, it is not
 * after the evaluation date or the patient's death, and it lies in an RPM enrolment on a day with
 * RPM consent for that enrolment's practitioner. Periods of {@code periodDays} run back to back
 * from each enrolment's start; a period is cut short by the end of the enrolment or death. A data
 * day is a date with at least one counted reading, whatever the number of devices.
 */
public final class DeviceDayCounter {
  static final String NAME = "rpm.device-days";

  private final ParameterCatalog<RpmParameters> parameters;
  private final CoreRules core;

  /**
   * Creates the counter.
   *
   * @param parameters the RPM parameter catalog
   * @param core the core rules (consent)
   */
  public DeviceDayCounter(ParameterCatalog<RpmParameters> parameters, CoreRules core) {
    this.parameters = parameters;
    this.core = core;
  }

  /**
   * Counts the device days of the patient's RPM enrolments (of one practitioner, when given).
   *
   * @param record the patient's record
   * @param practitioner the billing practitioner, or empty for every RPM enrolment
   * @param ctx the evaluation date and zone
   * @return the periods and the decision
   * @throws org.ccmkit.core.rule.CcmException with {@code NO_PARAMETERS_FOR_DATE} if no RPM
   *     parameters are in effect on the evaluation date
   */
  public DeviceDays compute(
      PatientRecord record, Optional<PractitionerRef> practitioner, EvaluationContext ctx) {
    return count(record, practitioner, ctx, true);
  }

  /**
   * The periods of {@link #compute}, without building the decision's evidence (one item per
   * reading): for callers that read only the periods, as the billing engine does.
   *
   * @param record the patient's record
   * @param practitioner the billing practitioner, or empty for every RPM enrolment
   * @param ctx the evaluation date and zone
   * @return {@code compute(record, practitioner, ctx).periods()}
   * @throws org.ccmkit.core.rule.CcmException with {@code NO_PARAMETERS_FOR_DATE} if no RPM
   *     parameters are in effect on the evaluation date
   */
  public ImmutableList<DevicePeriod> periods(
      PatientRecord record, Optional<PractitionerRef> practitioner, EvaluationContext ctx) {
    return count(record, practitioner, ctx, false).periods();
  }

  private DeviceDays count(
      PatientRecord record,
      Optional<PractitionerRef> practitioner,
      EvaluationContext ctx,
      boolean withEvidence) {
    RpmParameters p = parameters.forDate(ctx.asOf());
    ImmutableDecision.Builder d = Episodes.decision(NAME, p.version(), record, ctx);
    practitioner.ifPresent(d::practitioner);
    ImmutableList<Enrollment> episodes = Episodes.of(record, CareProgram.RPM, practitioner);
    if (episodes.isEmpty()) {
      return DeviceDays.builder()
          .decision(
              d.outcome(Outcome.NOT_MET)
                  .addReason(
                      Reason.of(
                          RpmReasonCode.NOT_ENROLLED_IN_RPM,
                          "The patient has no RPM enrolment"
                              + practitioner.map(pr -> " with " + pr).orElse("")))
                  .build())
          .build();
    }

    // 1. Which readings count, and for which episode.
    List<Reading> transmitted = new ArrayList<>();
    for (Reading r : record.readings()) {
      if (r.isDeviceTransmitted()) {
        transmitted.add(r);
      } else if (withEvidence) {
        d.addEvidence(
            Evidence.excluded(
                r.source(),
                "Observation.device",
                r.manual() ? "entered by hand" : "no device",
                RpmReasonCode.READING_NOT_DEVICE_TRANSMITTED));
      }
    }
    ReadingSet set = ReadingSet.of(transmitted);
    Map<SourceRef, List<DatedReading>> byEpisode = new LinkedHashMap<>();
    Map<ConsentKey, ConsentResult> consentCache = new HashMap<>();
    for (Reading r : withEvidence && set.hasDuplicates() ? transmitted : List.<Reading>of()) {
      Optional<SourceRef> original = set.duplicateOf(r.source());
      if (original.isPresent()) {
        d.addEvidence(
            Evidence.excluded(
                r.source(),
                "Observation.identifier",
                "duplicate of " + original.get(),
                RpmReasonCode.READING_DUPLICATE));
      }
    }
    for (Reading r : set.kept()) {
      LocalDate day = ReadingSet.day(r, ctx.zone());
      Optional<RpmReasonCode> why = Optional.empty();
      boolean counted = false;
      if (day.isAfter(ctx.asOf())) {
        why = Optional.of(RpmReasonCode.READING_AFTER_AS_OF);
      } else if (!record.patient().isAliveOn(day)) {
        why = Optional.of(RpmReasonCode.READING_AFTER_DEATH);
      } else {
        why = Optional.of(RpmReasonCode.READING_OUTSIDE_ENROLLMENT);
        for (Enrollment e : episodes) {
          if (!e.period().contains(day)) {
            continue;
          }
          if (hasConsent(record, e.billingPractitioner(), day, ctx, consentCache)) {
            byEpisode
                .computeIfAbsent(e.source(), k -> new ArrayList<>())
                .add(new DatedReading(r, day));
            counted = true;
          } else {
            why = Optional.of(RpmReasonCode.READING_WITHOUT_CONSENT);
          }
        }
      }
      if (!withEvidence) {
        continue;
      }
      if (counted) {
        d.addEvidence(Evidence.counted(r.source(), "Observation.effective", day.toString()));
      } else if (why.isPresent()) {
        d.addEvidence(
            Evidence.excluded(r.source(), "Observation.effective", day.toString(), why.get()));
      }
    }

    // 2. Periods, back to back from each episode's start.
    ImmutableList.Builder<DevicePeriod> periods = ImmutableList.builder();
    int days = 0;
    int count = 0;
    for (Enrollment e : episodes) {
      List<DatedReading> mine = byEpisode.getOrDefault(e.source(), List.of());
      Optional<LocalDate> last = Episodes.lastCountableDay(e, record);
      int periodDays = p.deviceSupply().periodDays();
      for (int k = 0; ; k++) {
        LocalDate start = e.period().start().plusDays((long) k * periodDays);
        if (start.isAfter(ctx.asOf()) || last.map(start::isAfter).orElse(false)) {
          break;
        }
        LocalDate nominalEnd = start.plusDays(periodDays - 1L);
        LocalDate end = last.map(l -> Episodes.min(l, nominalEnd)).orElse(nominalEnd);
        DevicePeriod period = period(e, k + 1, start, end, nominalEnd, mine, ctx);
        periods.add(period);
        days += period.dayCount();
        count++;
      }
    }
    ImmutableList<DevicePeriod> all =
        ImmutableList.sortedCopyOf(
            java.util.Comparator.comparing(DevicePeriod::start)
                .thenComparing(DevicePeriod::episode),
            periods.build());
    d.putDetail("periods", Integer.toString(count)).putDetail("dataDays", Integer.toString(days));
    if (days > 0) {
      d.outcome(Outcome.MET)
          .addReason(
              Reason.with(RpmReasonCode.DEVICE_DAYS_COUNTED)
                  .message(days + " data days in " + count + " device periods")
                  .putDetail("dataDays", Integer.toString(days))
                  .build());
    } else {
      d.outcome(Outcome.NOT_MET)
          .addReason(
              Reason.of(
                  RpmReasonCode.DEVICE_DAYS_COUNTED, "No data days in " + count + " periods"));
    }
    return DeviceDays.builder().decision(d.build()).periods(all).build();
  }

  /** The consent windows computed in one count: per practitioner id and month. */
  private record ConsentKey(String practitionerId, YearMonth month) {}

  /** A counted reading with its date in the evaluation zone, computed once. */
  private record DatedReading(Reading reading, LocalDate day) {}

  private DevicePeriod period(
      Enrollment e,
      int index,
      LocalDate start,
      LocalDate end,
      LocalDate nominalEnd,
      List<DatedReading> readings,
      EvaluationContext ctx) {
    ImmutableSortedSet.Builder<LocalDate> dates = ImmutableSortedSet.naturalOrder();
    ImmutableSortedSet.Builder<SourceRef> sources = ImmutableSortedSet.naturalOrder();
    for (DatedReading r : readings) {
      LocalDate day = r.day();
      if (!day.isBefore(start) && !day.isAfter(end)) {
        dates.add(day);
        sources.add(r.reading().source());
      }
    }
    ImmutableSortedSet<LocalDate> dataDays = dates.build();
    boolean open = end.isAfter(ctx.asOf());
    ImmutableDevicePeriod.Builder b =
        DevicePeriod.builder()
            .episode(e.source())
            .practitioner(e.billingPractitioner())
            .index(index)
            .start(start)
            .endInclusive(end)
            .nominalEndInclusive(nominalEnd)
            .dataDays(dataDays)
            .readings(sources.build())
            .open(open);
    if (open) {
      RpmParameters pp = parameters.tryForDate(end).orElseGet(() -> parameters.forDate(ctx.asOf()));
      int soFar = dataDays.size();
      int left =
          (int) ChronoUnit.DAYS.between(ctx.asOf(), end)
              + 1
              - (dataDays.contains(ctx.asOf()) ? 1 : 0);
      ImmutableList.Builder<ForecastTarget> targets = ImmutableList.builder();
      for (DeviceTier t : pp.deviceSupply().tiers()) {
        targets.add(
            ForecastTarget.of(
                t.code(),
                t.minDays(),
                Math.max(0, t.minDays() - soFar),
                soFar + left >= t.minDays()));
      }
      b.forecast(
          DeviceForecast.builder()
              .asOf(ctx.asOf())
              .daysSoFar(soFar)
              .daysLeft(left)
              .targets(targets.build())
              .build());
    }
    return b.build();
  }

  private boolean hasConsent(
      PatientRecord record,
      PractitionerRef practitioner,
      LocalDate day,
      EvaluationContext ctx,
      Map<ConsentKey, ConsentResult> cache) {
    YearMonth month = YearMonth.of(day.getYear(), day.getMonth());
    ConsentResult consent =
        cache.computeIfAbsent(
            new ConsentKey(practitioner.id(), month),
            k ->
                core.consentWindow(
                    CareQuery.of(record, CareProgram.RPM, month, practitioner), ctx));
    return consent.covers(day);
  }
}
