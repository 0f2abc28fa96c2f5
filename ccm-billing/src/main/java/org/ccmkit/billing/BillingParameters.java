package org.ccmkit.billing;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.ccmkit.billing.internal.CatalogFiles;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.Money;
import org.ccmkit.core.params.EffectiveDated;
import org.ccmkit.core.params.ParameterCatalog;
import org.immutables.value.Value;

/**
 * The billing rules' parameters for one rule year: cost sharing (Part B deductible, coinsurance,
 * Medigap plans), conversion factors, the concurrency pairs, the single-practitioner programs, and
 * the policies (code-family selection, date of service) with their defaults. The shipped years live
 * in {@code org/ccmkit/billing/billing-CY2026.json} and siblings, listed in {@code
 * billing-parameters.index}; every value names its source. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableBillingParameters.class)
@JsonDeserialize(as = ImmutableBillingParameters.class)
public abstract class BillingParameters implements EffectiveDated, Serializable {
  private static final long serialVersionUID = 1L;

  /** The index resource of the shipped parameter sets, next to this class. */
  public static final String INDEX = "billing-parameters.index";

  BillingParameters() {}

  @Override
  public abstract String version();

  @Override
  public abstract LocalDate effectiveFrom();

  @Override
  public abstract Optional<LocalDate> effectiveTo();

  /** The Part B annual deductible (2025: $257; 2026: $283). */
  public abstract Money partBDeductible();

  /** The Part B coinsurance rate after the deductible, e.g. {@code 0.20}. */
  public abstract BigDecimal coinsuranceRate();

  /** The conversion factors of the year, by type. */
  @Value.NaturalOrder
  public abstract ImmutableSortedMap<ConversionFactorType, BigDecimal> conversionFactors();

  /** Standard Medigap plans by letter, sorted by letter. */
  @Value.NaturalOrder
  public abstract ImmutableSortedMap<String, MedigapPlan> medigapPlans();

  /** How a full-benefit dual eligible who is not a QMB is estimated. */
  public abstract DualEligibleShare dualEligibleShare();

  /**
   * Whether the billing practitioner's own minutes also count toward staff-time codes (CCM-T09; CMS
   * allows it). They never count toward two code families at once.
   */
  public abstract boolean practitionerTimeCountsAsStaff();

  /** The programs whose core eligibility must be MET (not INDETERMINATE) before any line. */
  @Value.NaturalOrder
  public abstract ImmutableSortedSet<CareProgram> eligibilityRequired();

  /** The programs only one practitioner may bill for a patient in a month (CCM, APCM; §3). */
  @Value.NaturalOrder
  public abstract ImmutableSortedSet<CareProgram> singlePractitionerPrograms();

  /** The concurrency pairs, in file order. */
  public abstract ImmutableList<ConcurrencyRule> concurrency();

  /** The selection policy among compliant code families. */
  public abstract SelectionPolicyName selectionPolicy();

  /** For {@link SelectionPolicyName#CODE_PREFERENCE}: base codes, most preferred first. */
  public abstract ImmutableList<String> codePreference();

  /** Which date the lines carry. */
  public abstract DateOfServicePolicy dateOfService();

  /** Medically Unlikely Edits to warn on, in file order. */
  public abstract ImmutableList<MueEdit> mue();

  /** The sources the values rest on. */
  public abstract ImmutableList<String> sources();

  /**
   * Returns a copy with {@code rule} in place of the rule with its id, or added when there is none
   * (to switch a disputed pair, or add a payer's pair).
   *
   * @param rule the rule
   * @return the copy
   */
  public BillingParameters withConcurrencyRule(ConcurrencyRule rule) {
    ImmutableList.Builder<ConcurrencyRule> b = ImmutableList.builder();
    boolean replaced = false;
    for (ConcurrencyRule r : concurrency()) {
      if (r.id().equals(rule.id())) {
        b.add(rule);
        replaced = true;
      } else {
        b.add(r);
      }
    }
    if (!replaced) {
      b.add(rule);
    }
    return ImmutableBillingParameters.copyOf(this).withConcurrency(b.build());
  }

  /**
   * Returns the concurrency rule with {@code id}.
   *
   * @param id the rule's id
   * @return the rule, or empty
   */
  public Optional<ConcurrencyRule> concurrencyRule(String id) {
    return concurrency().stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /** Returns a new builder. */
  public static ImmutableBillingParameters.Builder builder() {
    return ImmutableBillingParameters.builder();
  }

  /**
   * Returns the parameter sets shipped with ccmkit (CY2025, CY2026).
   *
   * @return the sets by year
   * @throws org.ccmkit.core.rule.CcmException with {@code INVALID_PARAMETERS} if a shipped file is
   *     malformed (a packaging bug)
   */
  public static ParameterCatalog<BillingParameters> builtIn() {
    return BuiltIn.CATALOG;
  }

  /**
   * Loads the parameter sets listed in an index resource next to {@code anchor}.
   *
   * @param anchor a class in the package that holds the index and files
   * @param index the index resource name
   * @return the sets by year
   * @throws org.ccmkit.core.rule.CcmException with {@code INVALID_PARAMETERS} if a file is missing
   *     or malformed, or two years overlap
   */
  public static ParameterCatalog<BillingParameters> load(Class<?> anchor, String index) {
    return CatalogFiles.loadParameters(anchor, index);
  }

  @Value.Check
  protected void check() {
    checkArgument(
        coinsuranceRate().signum() >= 0 && coinsuranceRate().compareTo(BigDecimal.ONE) <= 0,
        "%s: coinsuranceRate must be 0..1",
        version());
    for (String letter : medigapPlans().keySet()) {
      checkArgument(
          letter.matches("[A-N]"), "%s: Medigap plan letter A-N: '%s'", version(), letter);
    }
  }

  /** Lazily loads the shipped sets once. */
  private static final class BuiltIn {
    static final ParameterCatalog<BillingParameters> CATALOG = load(BillingParameters.class, INDEX);
  }
}
