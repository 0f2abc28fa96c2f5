package org.ccmkit.core.model;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.Serializable;
import java.math.BigDecimal;
import org.immutables.value.Value;

/**
 * A measured quantity: a decimal value and its unit, as a device or a person recorded it (FHIR
 * {@code Quantity}). The value is a {@link BigDecimal}, never a {@code double}, and is kept exactly
 * as given, scale included; so {@code 80.0 kg} and {@code 80.00 kg} are different values under
 * {@code equals} and callers compare quantities with {@link #isSameQuantity(Measurement)}. The unit
 * is a UCUM code such as {@code mm[Hg]}, {@code mg/dL}, {@code kg} or {@code %}; unit conversion is
 * the business of the module that reads the measurement. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableMeasurement.class)
@JsonDeserialize(as = ImmutableMeasurement.class)
public abstract class Measurement implements Serializable {
  private static final long serialVersionUID = 1L;

  Measurement() {}

  /** The value, exactly as recorded. */
  @Value.Parameter
  public abstract BigDecimal value();

  /** The unit, preferably a UCUM code (e.g. {@code mm[Hg]}, {@code [lb_av]}). */
  @Value.Parameter
  public abstract String unit();

  /**
   * Returns the measurement {@code value unit}.
   *
   * @param value the value
   * @param unit the unit, not blank
   * @return the measurement
   * @throws IllegalArgumentException if {@code unit} is blank
   */
  public static Measurement of(BigDecimal value, String unit) {
    return ImmutableMeasurement.of(value, unit);
  }

  /**
   * Returns the measurement {@code value unit}, parsing the value as a decimal.
   *
   * @param value a decimal such as {@code "80.0"}
   * @param unit the unit, not blank
   * @return the measurement
   * @throws NumberFormatException if {@code value} is not a decimal
   * @throws IllegalArgumentException if {@code unit} is blank
   */
  public static Measurement of(String value, String unit) {
    return of(new BigDecimal(value), unit);
  }

  /**
   * Returns whether {@code other} has the same unit and a numerically equal value (scale ignored).
   *
   * @param other another measurement
   * @return true when unit and value agree
   */
  public boolean isSameQuantity(Measurement other) {
    return unit().equals(other.unit()) && value().compareTo(other.value()) == 0;
  }

  @Value.Check
  protected void check() {
    checkArgument(!unit().isBlank(), "unit must not be blank");
  }

  /** Returns e.g. {@code 80.0 kg}. */
  @Override
  public String toString() {
    return value().toPlainString() + " " + unit();
  }
}
