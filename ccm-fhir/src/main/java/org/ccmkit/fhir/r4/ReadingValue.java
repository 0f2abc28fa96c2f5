package org.ccmkit.fhir.r4;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Optional;
import org.ccmkit.core.annotation.Experimental;
import org.ccmkit.core.model.Code;
import org.immutables.value.Value;

/**
 * One measured value of a reading: its code (the Observation's code, or a component's code such as
 * LOINC 8480-6 systolic), the number as written, and the UCUM unit when given. Value-based.
 *
 * @since 0.1.0
 */
@Experimental(until = "0.2.0")
@Value.Immutable
@JsonSerialize(as = ImmutableReadingValue.class)
@JsonDeserialize(as = ImmutableReadingValue.class)
public abstract class ReadingValue implements Serializable {
  private static final long serialVersionUID = 1L;

  ReadingValue() {}

  /** The code of the value. */
  public abstract Code code();

  /** The number as written in the source (scale kept). */
  public abstract BigDecimal value();

  /** The unit: the UCUM code, else the unit text, when given. */
  public abstract Optional<String> unit();

  /**
   * Returns a value.
   *
   * @param code the code of the value
   * @param value the number
   * @param unit the unit, when given
   * @return the value
   */
  public static ReadingValue of(Code code, BigDecimal value, Optional<String> unit) {
    return ImmutableReadingValue.builder().code(code).value(value).unit(unit).build();
  }
}
