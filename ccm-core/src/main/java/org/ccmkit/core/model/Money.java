package org.ccmkit.core.model;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import org.immutables.value.Value;

/**
 * An amount of money in one ISO-4217 currency, such as a fee-schedule amount or a patient's share.
 * The amount is always held at the currency's number of minor digits (two for US dollars): a value
 * built with more digits is rounded once, with {@link #ROUNDING} ({@link RoundingMode#HALF_UP}),
 * when it is constructed. Arithmetic that needs more precision (a percentage of an amount) is done
 * on {@code BigDecimal}s first and rounded into a {@code Money} at the end. Never a {@code double}.
 * Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableMoney.class)
@JsonDeserialize(as = ImmutableMoney.class)
public abstract class Money implements Comparable<Money>, Serializable {
  private static final long serialVersionUID = 1L;

  /** The rounding applied when an amount is scaled to the currency's minor digits. */
  public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

  /** The ISO-4217 code of US dollars, {@value}. */
  public static final String USD = "USD";

  Money() {}

  /** The amount, at the currency's number of minor digits. */
  @Value.Parameter
  public abstract BigDecimal amount();

  /** The ISO-4217 currency code, e.g. {@code USD}. */
  @Value.Parameter
  public abstract String currency();

  /**
   * Returns {@code amount} in {@code currency}, rounded half-up to the currency's minor digits.
   *
   * @param amount the amount
   * @param currency an ISO-4217 code
   * @return the money
   * @throws IllegalArgumentException if the currency code is unknown
   */
  public static Money of(BigDecimal amount, String currency) {
    return ImmutableMoney.of(amount, currency);
  }

  /**
   * Returns an amount of US dollars, rounded half-up to cents.
   *
   * @param amount the amount
   * @return the money
   */
  public static Money usd(BigDecimal amount) {
    return of(amount, USD);
  }

  /**
   * Returns an amount of US dollars parsed from plain decimal text such as {@code "66.13"}.
   *
   * @param amount the amount as text
   * @return the money
   * @throws NumberFormatException if the text is not a decimal number
   */
  public static Money usd(String amount) {
    return of(new BigDecimal(amount), USD);
  }

  /**
   * Returns zero in {@code currency}.
   *
   * @param currency an ISO-4217 code
   * @return zero
   */
  public static Money zero(String currency) {
    return of(BigDecimal.ZERO, currency);
  }

  /**
   * Returns the sum of this and {@code other}.
   *
   * @param other an amount in the same currency
   * @return the sum
   * @throws IllegalArgumentException if the currencies differ
   */
  public Money plus(Money other) {
    checkSameCurrency(other);
    return of(amount().add(other.amount()), currency());
  }

  /**
   * Returns this minus {@code other}.
   *
   * @param other an amount in the same currency
   * @return the difference
   * @throws IllegalArgumentException if the currencies differ
   */
  public Money minus(Money other) {
    checkSameCurrency(other);
    return of(amount().subtract(other.amount()), currency());
  }

  /**
   * Returns this times {@code factor}, rounded once with {@link #ROUNDING}.
   *
   * @param factor the factor, e.g. a number of units or a rate
   * @return the product
   */
  public Money times(BigDecimal factor) {
    return of(amount().multiply(factor), currency());
  }

  /**
   * Returns the smaller of this and {@code other}.
   *
   * @param other an amount in the same currency
   * @return the smaller amount (this one when equal)
   * @throws IllegalArgumentException if the currencies differ
   */
  public Money min(Money other) {
    return compareTo(other) <= 0 ? this : other;
  }

  /** Returns whether the amount is zero. */
  @JsonIgnore
  public boolean isZero() {
    return amount().signum() == 0;
  }

  /**
   * Compares amounts of the same currency.
   *
   * @throws IllegalArgumentException if the currencies differ
   */
  @Override
  public int compareTo(Money other) {
    checkSameCurrency(other);
    return amount().compareTo(other.amount());
  }

  /** Scales the amount to the currency's minor digits, so equal amounts are equal values. */
  @Value.Check
  protected Money normalize() {
    int digits;
    try {
      digits = Currency.getInstance(currency()).getDefaultFractionDigits();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown ISO-4217 currency: " + currency(), e);
    }
    int scale = Math.max(digits, 0);
    if (amount().scale() == scale) {
      return this;
    }
    return ImmutableMoney.of(amount().setScale(scale, ROUNDING), currency());
  }

  private void checkSameCurrency(Money other) {
    checkArgument(
        currency().equals(other.currency()),
        "currencies differ: %s and %s",
        currency(),
        other.currency());
  }

  /** Returns e.g. {@code USD 66.13}. */
  @Override
  public String toString() {
    return currency() + " " + amount().toPlainString();
  }
}
