package org.ccmkit.billing;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * The shipped {@link SelectionPolicy} implementations.
 *
 * @since 0.1.0
 */
public final class SelectionPolicies {
  private SelectionPolicies() {}

  /**
   * Returns the default policy: the highest total allowed amount wins; ties go to more units.
   *
   * @return the policy
   */
  public static SelectionPolicy highestAllowedAmount() {
    return HighestAllowedAmount.HIGHEST_ALLOWED_AMOUNT;
  }

  /**
   * Returns a policy that prefers options by base code in the given order; options whose base code
   * is not listed come after, ranked by the highest allowed amount.
   *
   * @param baseCodes base codes, most preferred first
   * @return the policy
   */
  public static SelectionPolicy codePreference(List<String> baseCodes) {
    return new CodePreference(ImmutableList.copyOf(checkNotNull(baseCodes, "baseCodes")));
  }

  /**
   * Returns the policy a parameter set names.
   *
   * @param parameters the parameters
   * @return the policy
   */
  public static SelectionPolicy from(BillingParameters parameters) {
    return switch (parameters.selectionPolicy()) {
      case HIGHEST_ALLOWED_AMOUNT -> highestAllowedAmount();
      case CODE_PREFERENCE -> codePreference(parameters.codePreference());
    };
  }

  private enum HighestAllowedAmount implements SelectionPolicy {
    HIGHEST_ALLOWED_AMOUNT;

    @Override
    public int prefer(BillingOption a, BillingOption b) {
      int c = b.totalAllowed().compareTo(a.totalAllowed());
      return c != 0 ? c : Integer.compare(b.totalUnits(), a.totalUnits());
    }
  }

  private record CodePreference(ImmutableList<String> order) implements SelectionPolicy {
    private static final long serialVersionUID = 1L;

    @Override
    public String name() {
      return "CODE_PREFERENCE" + order;
    }

    @Override
    public int prefer(BillingOption a, BillingOption b) {
      int ia = rank(a);
      int ib = rank(b);
      if (ia != ib) {
        return Integer.compare(ia, ib);
      }
      return HighestAllowedAmount.HIGHEST_ALLOWED_AMOUNT.prefer(a, b);
    }

    private int rank(BillingOption o) {
      int i = order.indexOf(o.baseCode());
      return i < 0 ? Integer.MAX_VALUE : i;
    }
  }
}
