package org.ccmkit.fhir.r4;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.Multimaps;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.ccmkit.billing.BillingInput;
import org.ccmkit.billing.ImmutableBillingInput;
import org.ccmkit.billing.PriorClaim;
import org.ccmkit.core.annotation.Experimental;
import org.ccmkit.core.model.CoverageKind;
import org.ccmkit.core.model.Money;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.model.Practitioner;
import org.ccmkit.core.model.Reading;
import org.ccmkit.core.rule.Severity;
import org.immutables.value.Value;

/**
 * What a mapping run produced: the ccm-core values grouped per patient (readings included), the
 * practitioners, the claims on file as ccm-billing {@link PriorClaim}s, the values neither has a
 * type for yet (devices, deductibles), counts that account for every resource read, and the issues.
 * Never holds an exception; {@link #orThrow()} gives one to callers who want it. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableMappingResult.class)
@JsonDeserialize(as = ImmutableMappingResult.class)
public abstract class MappingResult implements Serializable {
  private static final long serialVersionUID = 1L;

  MappingResult() {}

  /** One record per Patient used, sorted by patient id. */
  public abstract ImmutableList<PatientRecord> records();

  /** Every Practitioner used, with the role resolved from all its roles, sorted by id. */
  public abstract ImmutableList<Practitioner> practitioners();

  /** Devices, sorted by source. */
  @Experimental(until = "0.2.0")
  public abstract ImmutableList<MappedDevice> devices();

  /**
   * Claims on file from {@code ExplanationOfBenefit}s, one per CPT or HCPCS line, as ccm-billing's
   * {@link PriorClaim}; sorted by patient, source, code, then start of the service period.
   */
  public abstract ImmutableList<PriorClaim> priorClaims();

  /** Deductible status, sorted by patient then source. */
  @Experimental(until = "0.2.0")
  public abstract ImmutableList<DeductibleStatus> deductibles();

  /** The counts over all inputs: read = used + ignored + rejected. */
  public abstract MappingCounts counts();

  /**
   * The counts per resource type (unreadable inputs under {@code "(unreadable)"}), sorted by type;
   * they add up to {@link #counts()}.
   */
  @Value.NaturalOrder
  public abstract ImmutableSortedMap<String, MappingCounts> countsByType();

  /** The issues, sorted by {@link MappingIssue#ORDER} (location first). */
  public abstract ImmutableList<MappingIssue> issues();

  /**
   * Files under a walked directory that were not read (neither {@code .json} nor {@code .ndjson}).
   */
  public abstract ImmutableList<String> skippedFiles();

  /**
   * Returns every record's readings ({@link PatientRecord#readings()}), sorted by patient, time,
   * then source.
   */
  @JsonIgnore
  public ImmutableList<Reading> readings() {
    return records().stream()
        .flatMap(r -> r.readings().stream())
        .sorted(
            Comparator.comparing(Reading::patient)
                .thenComparing(Reading::effective)
                .thenComparing(Reading::source))
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * Returns the claims on file for a patient, in {@link #priorClaims()} order.
   *
   * @param patient the patient
   * @return the prior claims, possibly empty
   */
  public ImmutableList<PriorClaim> priorClaims(PatientRef patient) {
    return priorClaimIndex().get(patient);
  }

  /** The records by patient (computed once; lookups in constant time for large runs). */
  @Value.Lazy
  @JsonIgnore
  ImmutableMap<PatientRef, PatientRecord> recordIndex() {
    Map<PatientRef, PatientRecord> index = new LinkedHashMap<>();
    records().forEach(r -> index.putIfAbsent(r.ref(), r));
    return ImmutableMap.copyOf(index);
  }

  /** The prior claims by patient, each list in {@link #priorClaims()} order. */
  @Value.Lazy
  @JsonIgnore
  ImmutableListMultimap<PatientRef, PriorClaim> priorClaimIndex() {
    return Multimaps.index(priorClaims(), PriorClaim::patient);
  }

  /** The deductible statuses by patient, each list in {@link #deductibles()} order. */
  @Value.Lazy
  @JsonIgnore
  ImmutableListMultimap<PatientRef, DeductibleStatus> deductibleIndex() {
    return Multimaps.index(deductibles(), DeductibleStatus::patient);
  }

  /**
   * Returns the deductible statuses read for a patient, in {@link #deductibles()} order.
   *
   * @param patient the patient
   * @return the statuses, possibly empty
   */
  @Experimental(until = "0.2.0")
  public ImmutableList<DeductibleStatus> deductibles(PatientRef patient) {
    return deductibleIndex().get(patient);
  }

  /**
   * Returns the Part B deductible a patient still owes in a month's benefit year ({@code allowed -
   * used}, never below zero), from the first status (in {@link #deductibles()} order) whose
   * coverage is Original Medicare (or of unknown kind), whose benefit period contains the month's
   * first day (or is not given) and whose amounts are both known. Empty means unknown: the estimate
   * then gives both bounds.
   *
   * @param patient the patient
   * @param month the service month
   * @return the deductible remaining, or empty when unknown
   */
  @Experimental(until = "0.2.0")
  public Optional<Money> deductibleRemaining(PatientRef patient, YearMonth month) {
    for (DeductibleStatus d : deductibles(patient)) {
      if (d.coverageKind().map(k -> k != CoverageKind.ORIGINAL_MEDICARE).orElse(false)
          || !d.benefitPeriod().map(p -> p.contains(month.atDay(1))).orElse(true)
          || d.allowed().isEmpty()
          || d.used().isEmpty()) {
        continue;
      }
      BigDecimal remaining = d.allowed().get().subtract(d.used().get()).max(BigDecimal.ZERO);
      return Optional.of(Money.of(remaining, d.currency().orElse(Money.USD)));
    }
    return Optional.empty();
  }

  /**
   * Returns a billing input builder for a patient and month, filled with what the mapping read: the
   * record, the claims on file and the deductible remaining (when known). The caller adds what only
   * it knows (external RPM lines, requests, locality) and builds.
   *
   * @param patient the patient
   * @param month the service month
   * @return a builder of the input
   * @throws IllegalArgumentException if the patient was not read
   */
  public ImmutableBillingInput.Builder billingInput(PatientRef patient, YearMonth month) {
    PatientRecord record =
        record(patient)
            .orElseThrow(
                () -> new IllegalArgumentException("no record of " + patient + " was mapped"));
    return BillingInput.builder()
        .record(record)
        .month(month)
        .priorClaims(priorClaims(patient))
        .deductibleRemaining(deductibleRemaining(patient, month));
  }

  /**
   * Returns the record of a patient.
   *
   * @param patient the patient
   * @return the record, or empty when the patient was not read
   */
  public Optional<PatientRecord> record(PatientRef patient) {
    return Optional.ofNullable(recordIndex().get(patient));
  }

  /** Returns the ERROR issues (one per rejected input), in order. */
  @JsonIgnore
  public ImmutableList<MappingIssue> errors() {
    return issues().stream()
        .filter(i -> i.severity() == Severity.ERROR)
        .collect(ImmutableList.toImmutableList());
  }

  /** Returns whether any issue is an ERROR. */
  @JsonIgnore
  public boolean hasErrors() {
    return issues().stream().anyMatch(i -> i.severity() == Severity.ERROR);
  }

  /**
   * Returns this result if it has no ERROR issue.
   *
   * @return this result
   * @throws MappingException if any issue is an ERROR; the exception lists the errors (codes,
   *     locations and resource ids, never PHI)
   */
  public MappingResult orThrow() {
    if (hasErrors()) {
      throw new MappingException(errors());
    }
    return this;
  }

  /** Returns a new builder. */
  public static ImmutableMappingResult.Builder builder() {
    return ImmutableMappingResult.builder();
  }

  @Value.Check
  protected void check() {
    int read = 0;
    int used = 0;
    int ignored = 0;
    int rejected = 0;
    for (MappingCounts c : countsByType().values()) {
      read += c.read();
      used += c.used();
      ignored += c.ignored();
      rejected += c.rejected();
    }
    checkArgument(
        MappingCounts.of(read, used, ignored, rejected).equals(counts()),
        "counts by type do not add up to the counts %s",
        counts());
  }

  /** Returns a summary: counts, record and issue numbers; never PHI. */
  @Override
  public String toString() {
    return "MappingResult{"
        + counts()
        + ", records="
        + records().size()
        + ", practitioners="
        + practitioners().size()
        + ", priorClaims="
        + priorClaims().size()
        + ", issues="
        + issues().size()
        + "}";
  }
}
