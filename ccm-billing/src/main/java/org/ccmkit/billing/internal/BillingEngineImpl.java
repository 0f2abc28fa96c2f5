package org.ccmkit.billing.internal;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.ccmkit.billing.BilledFrom;
import org.ccmkit.billing.BillingCode;
import org.ccmkit.billing.BillingEngine;
import org.ccmkit.billing.BillingInput;
import org.ccmkit.billing.BillingParameters;
import org.ccmkit.billing.BillingResult;
import org.ccmkit.billing.ClaimLine;
import org.ccmkit.billing.CodeCatalog;
import org.ccmkit.billing.ImmutableClaimLine;
import org.ccmkit.billing.SelectionPolicies;
import org.ccmkit.billing.SelectionPolicy;
import org.ccmkit.billing.ShareQuote;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.params.ParameterCatalog;
import org.ccmkit.core.rule.CcmException;
import org.ccmkit.core.rule.ErrorCode;
import org.ccmkit.core.rule.EvaluationContext;
import org.ccmkit.core.rules.CoreRules;

/** The billing engine behind {@code CcmBillingRules}. Immutable and thread-safe. */
public final class BillingEngineImpl implements BillingEngine {
  private final CoreRules core;
  private final ParameterCatalog<CodeCatalog> codes;
  private final ParameterCatalog<BillingParameters> parameters;
  private final Optional<SelectionPolicy> policy;

  /**
   * Creates an engine; checks the parameters against the catalogs.
   *
   * @param core the core rules
   * @param codes the code catalogs
   * @param parameters the billing parameters
   * @param policy a selection policy replacing the parameter files', if any
   */
  public BillingEngineImpl(
      CoreRules core,
      ParameterCatalog<CodeCatalog> codes,
      ParameterCatalog<BillingParameters> parameters,
      Optional<SelectionPolicy> policy) {
    this.core = checkNotNull(core, "core");
    this.codes = checkNotNull(codes, "codes");
    this.parameters = checkNotNull(parameters, "parameters");
    this.policy = checkNotNull(policy, "policy");
    CatalogFiles.crossCheck(codes, parameters);
  }

  @Override
  public BillingResult evaluate(BillingInput input, EvaluationContext context) {
    checkNotNull(input, "input");
    checkNotNull(context, "context");
    YearMonth month = input.month();
    LocalDate first = month.atDay(1);
    LocalDate last = month.atEndOfMonth();
    if (context.asOf().isBefore(first)) {
      throw new CcmException(
          ErrorCode.INVALID_INPUT,
          "the run date %s is before the service month %s",
          context.asOf(),
          month);
    }
    CodeCatalog catalog = codes.forDate(first);
    BillingParameters params = parameters.forDate(first);
    SelectionPolicy chosen = policy.orElseGet(() -> SelectionPolicies.from(params));
    EvaluationContext coreContext =
        context.asOf().isAfter(last) ? EvaluationContext.of(last, context.zone()) : context;
    return new MonthlyBilling(core, catalog, params, chosen, input, coreContext).run();
  }

  @Override
  public ShareQuote quote(
      BillingInput input, String code, PractitionerRef practitioner, EvaluationContext context) {
    checkNotNull(input, "input");
    checkNotNull(code, "code");
    checkNotNull(practitioner, "practitioner");
    checkNotNull(context, "context");
    LocalDate first = input.month().atDay(1);
    CodeCatalog catalog = codes.forDate(first);
    BillingParameters params = parameters.forDate(first);
    BillingCode entry =
        catalog
            .find(code, first)
            .orElseThrow(
                () ->
                    new CcmException(
                        ErrorCode.INVALID_INPUT,
                        "code %s is not in the %s catalog",
                        code,
                        catalog.version()));
    Pricing.Priced price = Pricing.price(entry, practitioner, input, params);
    ImmutableClaimLine.Builder line =
        ClaimLine.builder()
            .practitioner(practitioner)
            .code(entry.code())
            .group(entry.group())
            .units(1)
            .serviceDate(first)
            .billedFrom(BilledFrom.REQUEST);
    entry.program().ifPresent(line::program);
    price.unit().ifPresent(u -> line.unitAmount(u).allowed(u));
    price.source().ifPresent(line::amountSource);
    PatientShares.Result r =
        PatientShares.estimate(List.of(line.build()), input, params, context.asOf());
    return ShareQuote.builder()
        .code(entry.code())
        .estimate(r.estimate())
        .decision(r.decision())
        .build();
  }

  @Override
  public ParameterCatalog<CodeCatalog> codes() {
    return codes;
  }

  @Override
  public ParameterCatalog<BillingParameters> parameters() {
    return parameters;
  }
}
