package org.ccmkit.rpm;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.Serializable;
import java.time.LocalDate;
import org.immutables.value.Value;

/**
 * A Medically Unlikely Edit: the most units of a code one provider reports for one patient on one
 * date of service, with its MUE Adjudication Indicator (MAI). MAI 1 and 2 are hard limits (claim
 * line, policy); MAI 3 is a clinical edit that can be appealed (open question Q5). Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableMueLimit.class)
@JsonDeserialize(as = ImmutableMueLimit.class)
public abstract class MueLimit implements Serializable {
  private static final long serialVersionUID = 1L;

  MueLimit() {}

  /** The most units per date of service. */
  public abstract int units();

  /** The MUE Adjudication Indicator: 1, 2 or 3. */
  public abstract int mai();

  /** The first date the value is known to apply. */
  public abstract LocalDate effectiveFrom();

  /** Where the value comes from. */
  public abstract String source();

  /** Returns whether units above the limit are appealable (MAI 3) rather than cut. */
  @JsonIgnore
  public boolean isAppealable() {
    return mai() == 3;
  }

  /** Returns a new builder. */
  public static ImmutableMueLimit.Builder builder() {
    return ImmutableMueLimit.builder();
  }

  @Value.Check
  protected void check() {
    checkArgument(units() >= 1, "MUE units must be positive");
    checkArgument(mai() >= 1 && mai() <= 3, "MAI must be 1, 2 or 3, found %s", mai());
  }
}
