package org.ccmkit.billing;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A code's relative value units by component, needed to adjust its amount to a locality's
 * geographic practice cost indices. The shipped catalogs do not carry them (the rules reference
 * records only total RVUs); a payer override or a later catalog may. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableRvus.class)
@JsonDeserialize(as = ImmutableRvus.class)
public abstract class Rvus implements Serializable {
  private static final long serialVersionUID = 1L;

  Rvus() {}

  /** Work RVUs. */
  public abstract BigDecimal work();

  /** Practice-expense RVUs in non-facility settings. */
  public abstract BigDecimal practiceExpenseNonFacility();

  /** Practice-expense RVUs in facility settings, when known. */
  public abstract Optional<BigDecimal> practiceExpenseFacility();

  /** Malpractice RVUs. */
  public abstract BigDecimal malpractice();

  /** Where the figures come from. */
  public abstract String source();

  /** Returns a new builder. */
  public static ImmutableRvus.Builder builder() {
    return ImmutableRvus.builder();
  }

  @Value.Check
  protected void check() {
    checkArgument(
        work().signum() >= 0
            && practiceExpenseNonFacility().signum() >= 0
            && malpractice().signum() >= 0
            && practiceExpenseFacility().map(f -> f.signum() >= 0).orElse(true),
        "RVUs are not negative");
  }
}
