package org.ccmkit.rpm;

/**
 * How a value is compared with a threshold's limit.
 *
 * @since 0.1.0
 */
public enum Comparison {
  /** Strictly below the limit. */
  LT("<"),
  /** At or below the limit. */
  LE("<="),
  /** Strictly above the limit. */
  GT(">"),
  /** At or above the limit. */
  GE(">=");

  private final String symbol;

  Comparison(String symbol) {
    this.symbol = symbol;
  }

  /** Returns the symbol, e.g. {@code ">="}. */
  public String symbol() {
    return symbol;
  }

  /**
   * Returns whether {@code value} compares with {@code limit} this way.
   *
   * @param value the result of {@code value.compareTo(limit)}
   * @return true when the comparison holds
   */
  public boolean holds(int value) {
    return switch (this) {
      case LT -> value < 0;
      case LE -> value <= 0;
      case GT -> value > 0;
      case GE -> value >= 0;
    };
  }
}
