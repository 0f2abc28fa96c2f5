package org.ccmkit.billing;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;
import org.ccmkit.billing.internal.BillingEngineImpl;
import org.ccmkit.core.params.ParameterCatalog;
import org.ccmkit.core.rules.CoreRules;

/**
 * Builds {@link BillingEngine}s. {@link #standard()} uses the shipped code catalogs and billing
 * parameters (CY2025, CY2026) and ccm-core's standard rules; {@link #builder()} lets an integrator
 * replace any of them (a payer's override, next year's catalog, another selection policy) without
 * forking.
 *
 * <pre>{@code
 * BillingEngine engine = CcmBillingRules.standard();
 * BillingResult result = engine.evaluate(
 *     BillingInput.of(record, YearMonth.of(2026, 3)),
 *     EvaluationContext.endOf(YearMonth.of(2026, 3), ZoneId.of("America/Chicago")));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class CcmBillingRules {
  private CcmBillingRules() {}

  /**
   * Returns the engine with the shipped data and policies.
   *
   * @return the engine
   */
  public static BillingEngine standard() {
    return builder().build();
  }

  /**
   * Returns a builder preset with the shipped data.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Configures a {@link BillingEngine}. Not thread-safe; the engine it builds is. */
  public static final class Builder {
    private CoreRules core = CoreRules.standard();
    private ParameterCatalog<CodeCatalog> codes = CodeCatalog.builtIn();
    private ParameterCatalog<BillingParameters> parameters = BillingParameters.builtIn();
    private Optional<SelectionPolicy> policy = Optional.empty();

    private Builder() {}

    /**
     * Sets the core rules the engine asks for eligibility, consent, initiating visit and minutes.
     *
     * @param core the core rules
     * @return this builder
     */
    public Builder coreRules(CoreRules core) {
      this.core = checkNotNull(core, "core");
      return this;
    }

    /**
     * Sets the code catalogs (e.g. {@code CodeCatalog.builtIn().with(payerCatalog)}).
     *
     * @param codes the catalogs
     * @return this builder
     */
    public Builder codes(ParameterCatalog<CodeCatalog> codes) {
      this.codes = checkNotNull(codes, "codes");
      return this;
    }

    /**
     * Sets the billing parameters.
     *
     * @param parameters the parameter sets
     * @return this builder
     */
    public Builder parameters(ParameterCatalog<BillingParameters> parameters) {
      this.parameters = checkNotNull(parameters, "parameters");
      return this;
    }

    /**
     * Sets a selection policy that replaces the one the parameter files name.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder selectionPolicy(SelectionPolicy policy) {
      this.policy = Optional.of(checkNotNull(policy, "policy"));
      return this;
    }

    /**
     * Builds the engine.
     *
     * @return the engine
     * @throws org.ccmkit.core.rule.CcmException with {@code INVALID_PARAMETERS} if the parameters
     *     name groups or codes their year's catalog does not have
     */
    public BillingEngine build() {
      return new BillingEngineImpl(core, codes, parameters, policy);
    }
  }
}
