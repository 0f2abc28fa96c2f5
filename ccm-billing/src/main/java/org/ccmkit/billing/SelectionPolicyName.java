package org.ccmkit.billing;

/**
 * The shipped selection policies, by the name a parameter file uses.
 *
 * @since 0.1.0
 */
public enum SelectionPolicyName {
  /**
   * The option with the highest total allowed amount wins (ties: more units, then the lower base
   * code). The default.
   */
  HIGHEST_ALLOWED_AMOUNT,
  /**
   * The option whose base code comes first in {@link BillingParameters#codePreference()} wins;
   * options whose codes are not listed follow, by highest allowed amount.
   */
  CODE_PREFERENCE
}
