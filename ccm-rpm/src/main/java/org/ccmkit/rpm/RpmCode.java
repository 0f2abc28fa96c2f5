package org.ccmkit.rpm;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Metadata of one RPM code for one rule year, in the shape of the billing catalog: the code, a
 * short description in ccmkit's own words (never the AMA descriptor), what it is counted on, and
 * the national allowed amounts (rules reference §8.3: total RVUs × conversion factor, GPCI 1.000)
 * with their source. The billing engine picks these entries up; amounts vary by locality.
 * Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableRpmCode.class)
@JsonDeserialize(as = ImmutableRpmCode.class)
public abstract class RpmCode implements Serializable {
  private static final long serialVersionUID = 1L;

  RpmCode() {}

  /** The code, e.g. {@code 99454}. */
  public abstract String code();

  /** The code system: CPT. */
  @Value.Default
  public String system() {
    return org.ccmkit.core.model.Code.CPT;
  }

  /** A short description in ccmkit's own words. */
  public abstract String description();

  /** What the code is counted on. */
  public abstract CodeBasis basis();

  /** The national non-facility amount in USD (non-QP conversion factor from CY2026). */
  public abstract Optional<BigDecimal> nationalNonFacility();

  /** The national non-facility amount in USD for Qualifying APM Participants (CY2026 on). */
  public abstract Optional<BigDecimal> nationalNonFacilityQp();

  /** The national facility amount in USD (non-QP), when read. */
  public abstract Optional<BigDecimal> nationalFacility();

  /** The source of the amounts (RVU file and release, conversion factor). */
  public abstract String amountSource();

  /** Returns a new builder. */
  public static ImmutableRpmCode.Builder builder() {
    return ImmutableRpmCode.builder();
  }
}
