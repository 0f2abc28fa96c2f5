package org.ccmkit.fhir.r4;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.io.Serializable;
import java.util.Optional;
import org.ccmkit.core.annotation.Experimental;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.model.Practitioner;
import org.ccmkit.core.rule.Severity;
import org.immutables.value.Value;

/**
 * What a mapping run produced: the ccm-core values grouped per patient, the practitioners, the
 * values ccm-core has no type for yet (readings, devices, prior claims, deductibles), counts that
 * account for every resource read, and the issues. Never holds an exception; {@link #orThrow()}
 * gives one to callers who want it. Value-based.
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

  /** RPM readings, sorted by patient, time, then source. */
  @Experimental(until = "0.2.0")
  public abstract ImmutableList<MappedReading> readings();

  /** Devices, sorted by source. */
  @Experimental(until = "0.2.0")
  public abstract ImmutableList<MappedDevice> devices();

  /** Claims paid elsewhere, sorted by patient then source. */
  @Experimental(until = "0.2.0")
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
   * Returns the record of a patient.
   *
   * @param patient the patient
   * @return the record, or empty when the patient was not read
   */
  public Optional<PatientRecord> record(PatientRef patient) {
    return records().stream().filter(r -> r.ref().equals(patient)).findFirst();
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
        + ", readings="
        + readings().size()
        + ", issues="
        + issues().size()
        + "}";
  }
}
