package org.ccmkit.core.model;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.Serializable;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One of the patient's coverages (FHIR {@code Coverage}): Original Medicare, Medicare Advantage, a
 * Medigap plan by letter, or Medicaid (with the QMB flag). Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCoverage.class)
@JsonDeserialize(as = ImmutableCoverage.class)
public abstract class Coverage implements Serializable {
  private static final long serialVersionUID = 1L;

  Coverage() {}

  /** The resource the coverage came from. */
  public abstract SourceRef source();

  /** The patient. */
  public abstract PatientRef patient();

  /** The kind of coverage. */
  public abstract CoverageKind kind();

  /** The Medigap plan letter ({@code A}…{@code N}), for {@link CoverageKind#MEDIGAP}. */
  public abstract Optional<String> medigapPlan();

  /** Whether the patient is a Qualified Medicare Beneficiary (set on a Medicaid coverage). */
  @Value.Default
  public boolean qmb() {
    return false;
  }

  /** The period the coverage is in force, when known (unknown = always). */
  public abstract Optional<DateRange> period();

  /** Whether the coverage record is active (FHIR {@code status} {@code active}). */
  @Value.Default
  public boolean active() {
    return true;
  }

  /** Returns a new builder. */
  public static ImmutableCoverage.Builder builder() {
    return ImmutableCoverage.builder();
  }

  @Value.Check
  protected void check() {
    medigapPlan()
        .ifPresent(
            p ->
                checkArgument(
                    kind() == CoverageKind.MEDIGAP && p.matches("[A-N]"),
                    "a Medigap plan letter (A-N) belongs to a MEDIGAP coverage, found '%s' on %s",
                    p,
                    kind()));
  }
}
