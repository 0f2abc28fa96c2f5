package org.ccmkit.billing;

/**
 * What the engine does when two services of a {@link ConcurrencyRule} meet in one month.
 *
 * @since 0.1.0
 */
public enum ConcurrencyAction {
  /** Both may be billed. */
  ALLOW,
  /** Both may be billed; each decision carries a warning naming the other. */
  WARN,
  /**
   * Never both: the one the selection policy prefers (by default the higher-paying) is kept and the
   * other is reported as a conflict. A claim already on file always stays, so ours gives way.
   */
  KEEP_PREFERRED,
  /** The rule's {@code first} service is not billed while the {@code second} is present. */
  BLOCK_FIRST
}
