package org.ccmkit.billing;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.Serializable;
import org.immutables.value.Value;

/**
 * A Medically Unlikely Edit: the most units of a code one practitioner would report for one patient
 * on one date of service, with its adjudication indicator (MAI). It is a per-claim edit, not a
 * monthly policy cap: the engine only warns when a line exceeds it (MUE-T01). Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableMueEdit.class)
@JsonDeserialize(as = ImmutableMueEdit.class)
public abstract class MueEdit implements Serializable {
  private static final long serialVersionUID = 1L;

  MueEdit() {}

  /** The code. */
  public abstract String code();

  /** The most units per date of service. */
  public abstract int units();

  /** The MUE adjudication indicator: 1 claim line, 2 date of service (policy), 3 clinical. */
  public abstract int mai();

  /** Where the value comes from. */
  public abstract String source();

  /** Returns a new builder. */
  public static ImmutableMueEdit.Builder builder() {
    return ImmutableMueEdit.builder();
  }

  @Value.Check
  protected void check() {
    checkArgument(units() > 0, "%s: MUE units must be > 0", code());
    checkArgument(mai() >= 1 && mai() <= 3, "%s: MAI must be 1, 2 or 3", code());
  }
}
