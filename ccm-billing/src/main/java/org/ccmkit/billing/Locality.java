package org.ccmkit.billing;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.Serializable;
import java.math.BigDecimal;
import org.immutables.value.Value;

/**
 * A Medicare payment locality's geographic practice cost indices (GPCIs), supplied by the
 * integrator. With them, a code's allowed amount is {@code (work × workGpci + pe × peGpci + mp ×
 * mpGpci) × conversion factor}, when the catalog has the code's {@link Rvus}. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableLocality.class)
@JsonDeserialize(as = ImmutableLocality.class)
public abstract class Locality implements Serializable {
  private static final long serialVersionUID = 1L;

  Locality() {}

  /** The locality's id, e.g. the MAC and locality number {@code "01112-05"}. */
  public abstract String id();

  /** The work GPCI. */
  public abstract BigDecimal workGpci();

  /** The practice-expense GPCI. */
  public abstract BigDecimal practiceExpenseGpci();

  /** The malpractice GPCI. */
  public abstract BigDecimal malpracticeGpci();

  /** Returns a new builder. */
  public static ImmutableLocality.Builder builder() {
    return ImmutableLocality.builder();
  }

  @Value.Check
  protected void check() {
    checkArgument(!id().isBlank(), "a locality has an id");
    checkArgument(
        workGpci().signum() > 0
            && practiceExpenseGpci().signum() > 0
            && malpracticeGpci().signum() > 0,
        "GPCIs are positive");
  }
}
