package org.ccmkit.billing;

import java.io.Serializable;

/**
 * Chooses among compliant billing options: among the code families of one program for one
 * practitioner (CCM's non-complex staff, practitioner-time and complex families never combine), and
 * between conflicting programs a {@link ConcurrencyAction#KEEP_PREFERRED} pair keeps apart. The
 * engine ranks options with {@link #prefer} and breaks remaining ties by program, practitioner and
 * base code, so the choice is deterministic. Implementations must be pure and serializable.
 *
 * @since 0.1.0
 */
public interface SelectionPolicy extends Serializable {
  /** A short name written into decisions, e.g. {@code HIGHEST_ALLOWED_AMOUNT}. */
  String name();

  /**
   * Compares two options.
   *
   * @param a an option
   * @param b another option
   * @return a negative number when {@code a} is preferred, positive when {@code b} is, zero when
   *     the policy has no preference
   */
  int prefer(BillingOption a, BillingOption b);
}
