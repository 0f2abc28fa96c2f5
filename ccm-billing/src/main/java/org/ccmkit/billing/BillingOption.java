package org.ccmkit.billing;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableSortedMap;
import java.io.Serializable;
import org.ccmkit.core.model.Money;
import org.ccmkit.core.model.PractitionerRef;
import org.immutables.value.Value;

/**
 * One compliant way to bill: a base code with its add-on units (a code family, e.g. 99490 + 99439
 * ×2), or a whole program's lines when programs conflict. A {@link SelectionPolicy} ranks options.
 * Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableBillingOption.class)
@JsonDeserialize(as = ImmutableBillingOption.class)
public abstract class BillingOption implements Serializable {
  private static final long serialVersionUID = 1L;

  BillingOption() {}

  /** The program or group the option bills, e.g. {@code CCM}. */
  public abstract String program();

  /** The billing practitioner. */
  public abstract PractitionerRef practitioner();

  /** The base code (the first code of the option). */
  public abstract String baseCode();

  /** Units per code, sorted by code. */
  @Value.NaturalOrder
  public abstract ImmutableSortedMap<String, Integer> units();

  /** The total allowed amount (unknown amounts count as zero). */
  public abstract Money totalAllowed();

  /** Whether every code's amount is known. */
  public abstract boolean amountsKnown();

  /** Returns the total number of units. */
  public int totalUnits() {
    return units().values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Returns e.g. {@code 99490+99439x2}. */
  public String describe() {
    StringBuilder b = new StringBuilder(baseCode());
    units()
        .forEach(
            (code, n) -> {
              if (!code.equals(baseCode())) {
                b.append('+').append(code).append(n > 1 ? "x" + n : "");
              }
            });
    return b.toString();
  }

  /** Returns a new builder. */
  public static ImmutableBillingOption.Builder builder() {
    return ImmutableBillingOption.builder();
  }
}
