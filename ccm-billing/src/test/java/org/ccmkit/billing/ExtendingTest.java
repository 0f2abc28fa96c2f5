package org.ccmkit.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ccmkit.billing.Fixtures.DR_A;
import static org.ccmkit.billing.Fixtures.DR_B;
import static org.ccmkit.billing.Fixtures.codes;
import static org.ccmkit.billing.Fixtures.reason;
import static org.ccmkit.core.model.CareProgram.CCM;
import static org.ccmkit.core.model.CareProgram.PCM;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.ccmkit.core.condition.ChronicConditionClassifiers;
import org.ccmkit.core.model.Money;
import org.ccmkit.core.params.CoreParameters;
import org.ccmkit.core.params.ImmutableCoreParameters;
import org.ccmkit.core.params.ParameterCatalog;
import org.ccmkit.core.rule.CcmException;
import org.ccmkit.core.rule.ErrorCode;
import org.ccmkit.core.rules.CoreRules;
import org.junit.jupiter.api.Test;

/** The extension points of docs/extending.md, each shown working. */
class ExtendingTest {
  private static final LocalDate Y2026 = LocalDate.of(2026, 1, 1);

  private static CodeCatalog cy2026() {
    return CodeCatalog.builtIn().forDate(Y2026);
  }

  private static BillingParameters params2026() {
    return BillingParameters.builtIn().forDate(Y2026);
  }

  // ------------------------------------------------------------------ 1. a payer's override

  @Test
  void payerOverride_differentCap() {
    BillingCode threeUnits =
        ImmutableBillingCode.copyOf(cy2026().find("99439", Y2026).orElseThrow())
            .withMaxUnitsPerMonth(3);
    BillingEngine payer =
        CcmBillingRules.builder()
            .codes(CodeCatalog.builtIn().with(cy2026().withCode(threeUnits)))
            .build();
    Fixtures.Month m = Fixtures.march2026().eligible().ready(CCM, DR_A).staff(CCM, 3, 80);
    assertThat(codes(m.bill(payer))).containsExactly("99439x3", "99490x1");
    assertThat(codes(m.bill())).containsExactly("99439x2", "99490x1");
  }

  @Test
  void payerOverride_differentThreshold() {
    BillingCode fifteen =
        ImmutableBillingCode.copyOf(cy2026().find("99490", Y2026).orElseThrow())
            .withThresholdMinutes(15);
    BillingEngine payer =
        CcmBillingRules.builder()
            .codes(CodeCatalog.builtIn().with(cy2026().withCode(fifteen)))
            .build();
    Fixtures.Month m = Fixtures.march2026().eligible().ready(CCM, DR_A).staff(CCM, 3, 16);
    assertThat(codes(m.bill(payer))).containsExactly("99490x1");
    assertThat(m.bill().lines()).isEmpty();
  }

  @Test
  void payerOverride_differentPairRule() {
    ConcurrencyRule exclusive =
        ImmutableConcurrencyRule.copyOf(params2026().concurrencyRule("ccm-pcm").orElseThrow())
            .withDifferentPractitioners(ConcurrencyAction.KEEP_PREFERRED)
            .withSource("payer policy: CCM and PCM never in one month for one patient");
    BillingEngine payer =
        CcmBillingRules.builder()
            .parameters(
                BillingParameters.builtIn().with(params2026().withConcurrencyRule(exclusive)))
            .build();
    Fixtures.Month m =
        Fixtures.march2026()
            .eligible()
            .ready(CCM, DR_A)
            .ready(PCM, DR_B)
            .staff(CCM, 4, 25)
            .practitionerTime(PCM, DR_B, 8, 30);
    assertThat(codes(m.bill())).containsExactly("99424x1", "99490x1");
    BillingResult r = m.bill(payer);
    assertThat(codes(r)).containsExactly("99424x1");
    assertThat(r.decision("billing.ccm", DR_A).orElseThrow().reasons())
        .anyMatch(reason(BillingReasonCode.CONCURRENCY_CONFLICT, "pair", "ccm-pcm"));
  }

  @Test
  void payerOverride_extraCode() {
    BillingCode extra =
        BillingCode.builder()
            .code("Z9001")
            .description("Payer-specific care coordination touch point (example)")
            .group("PAYER_EXTRA")
            .basis(Basis.PER_SERVICE)
            .billedFrom(BilledFrom.REQUEST)
            .performer(Performer.PRACTITIONER)
            .maxUnitsPerMonth(1)
            .addAmount(
                FeeAmount.builder()
                    .setting(CareSetting.NON_FACILITY)
                    .conversionFactor(ConversionFactorType.NON_QP)
                    .amount(new BigDecimal("25.00"))
                    .source("payer fee schedule 2026 (example)")
                    .build())
            .addSource("payer contract (example)")
            .build();
    BillingEngine payer =
        CcmBillingRules.builder()
            .codes(CodeCatalog.builtIn().with(cy2026().withCode(extra)))
            .build();
    BillingResult r = Fixtures.march2026().request(DR_A, "Z9001", 12).bill(payer);
    assertThat(codes(r)).containsExactly("Z9001x1");
    assertThat(r.lines().get(0).allowed()).contains(Money.usd("25.00"));
  }

  @Test
  void payerOverride_localityAmountsFromComponentRvus() {
    // Example component RVUs (not CMS figures) whose total is 99490's 1.98.
    BillingCode withRvus =
        ImmutableBillingCode.copyOf(cy2026().find("99490", Y2026).orElseThrow())
            .withRvus(
                Rvus.builder()
                    .work(new BigDecimal("1.00"))
                    .practiceExpenseNonFacility(new BigDecimal("0.90"))
                    .malpractice(new BigDecimal("0.08"))
                    .source("example RVUs for the test")
                    .build());
    BillingEngine payer =
        CcmBillingRules.builder()
            .codes(CodeCatalog.builtIn().with(cy2026().withCode(withRvus)))
            .build();
    Fixtures.Month m = Fixtures.march2026().eligible().ready(CCM, DR_A).staff(CCM, 3, 20);
    m.input.locality(
        Locality.builder()
            .id("example-01")
            .workGpci(new BigDecimal("1.000"))
            .practiceExpenseGpci(new BigDecimal("1.100"))
            .malpracticeGpci(new BigDecimal("0.500"))
            .build());
    // (1.00 + 0.90 x 1.1 + 0.08 x 0.5) x 33.4009 = 2.03 x 33.4009 = 67.803827 -> 67.80
    BillingResult r = m.bill(payer);
    assertThat(r.lines().get(0).allowed()).contains(Money.usd("67.80"));
    assertThat(r.lines().get(0).amountSource().orElseThrow()).startsWith("locality example-01");
    // Without RVUs the national amount stays, with a warning.
    BillingResult national = m.bill();
    assertThat(national.lines().get(0).allowed()).contains(Money.usd("66.13"));
    assertThat(
            national
                .decision("billing.ccm", DR_A)
                .orElseThrow()
                .hasReason(BillingReasonCode.LOCALITY_RVUS_UNAVAILABLE))
        .isTrue();
  }

  @Test
  void payerOverride_mueWarnsNeverCaps_mueT01() {
    MueEdit one =
        MueEdit.builder().code("99437").units(1).mai(3).source("example MUE for the test").build();
    BillingEngine payer =
        CcmBillingRules.builder()
            .parameters(
                BillingParameters.builtIn()
                    .with(ImmutableBillingParameters.copyOf(params2026()).withMue(one)))
            .selectionPolicy(SelectionPolicies.codePreference(java.util.List.of("99491")))
            .build();
    BillingResult r =
        Fixtures.march2026()
            .eligible()
            .ready(CCM, DR_A)
            .practitionerTime(CCM, DR_A, 3, 95)
            .bill(payer);
    assertThat(codes(r)).containsExactly("99437x2", "99491x1");
    assertThat(r.decision("billing.ccm", DR_A).orElseThrow().reasons())
        .anyMatch(reason(BillingReasonCode.MUE_EXCEEDED, "code", "99437", "mai", "3"));
  }

  // ------------------------------------------------------------------ 2. next year's catalog

  @Test
  void nextYearCatalog_isANewFileAndAnIndexLine() {
    ParameterCatalog<CodeCatalog> codes = CodeCatalog.load(CodeCatalog.class, "codes-next.index");
    ParameterCatalog<BillingParameters> params =
        BillingParameters.load(BillingParameters.class, "billing-next.index");
    // ccm-core needs its CY2027 set too (in production: core-CY2027.json and its index line).
    CoreParameters core2026 = CoreParameters.builtIn().forDate(Y2026);
    CoreRules core =
        CoreRules.of(
            CoreParameters.builtIn()
                .with(
                    ImmutableCoreParameters.copyOf(core2026)
                        .withVersion("CY2027.1")
                        .withEffectiveFrom(LocalDate.of(2027, 1, 1))
                        .withEffectiveTo(LocalDate.of(2027, 12, 31))),
            ChronicConditionClassifiers.standard());
    BillingEngine engine =
        CcmBillingRules.builder().coreRules(core).codes(codes).parameters(params).build();
    YearMonth jan2027 = YearMonth.of(2027, 1);
    Fixtures.Month m = Fixtures.month(jan2027).eligible().ready(CCM, DR_A).staff(CCM, 5, 41);
    BillingResult r = m.bill(engine);
    assertThat(r.catalogVersion()).isEqualTo("CY2027.1");
    assertThat(codes(r)).containsExactly("99439x1", "99490x1");
    assertThatThrownBy(() -> m.bill())
        .isInstanceOfSatisfying(
            CcmException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.NO_PARAMETERS_FOR_DATE));
  }

  // ------------------------------------------------------------------ 3. the selection policy

  /** An integrator's own policy: the fewest units (e.g. to keep claims simple), then amount. */
  private static final class FewestUnits implements SelectionPolicy {
    private static final long serialVersionUID = 1L;

    @Override
    public String name() {
      return "FEWEST_UNITS";
    }

    @Override
    public int prefer(BillingOption a, BillingOption b) {
      int c = Integer.compare(a.totalUnits(), b.totalUnits());
      return c != 0 ? c : SelectionPolicies.highestAllowedAmount().prefer(a, b);
    }
  }

  @Test
  void selectionPolicy_ownImplementation() {
    BillingEngine engine = CcmBillingRules.builder().selectionPolicy(new FewestUnits()).build();
    Fixtures.Month m =
        Fixtures.march2026().eligible().ready(CCM, DR_A).staff(CCM, 3, 75).complexMdm(DR_A, 3);
    assertThat(codes(m.bill())).containsExactly("99439x2", "99490x1");
    BillingResult r = m.bill(engine);
    assertThat(codes(r)).containsExactly("99487x1");
    assertThat(r.decision("billing.ccm", DR_A).orElseThrow().details())
        .containsEntry("selectionPolicy", "FEWEST_UNITS");
  }

  @Test
  void selectionPolicy_namedInTheParameterFile() {
    BillingParameters preferComplex =
        ImmutableBillingParameters.copyOf(params2026())
            .withSelectionPolicy(SelectionPolicyName.CODE_PREFERENCE)
            .withCodePreference("99487", "99491");
    BillingEngine engine =
        CcmBillingRules.builder()
            .parameters(BillingParameters.builtIn().with(preferComplex))
            .build();
    Fixtures.Month m =
        Fixtures.march2026().eligible().ready(CCM, DR_A).staff(CCM, 3, 75).complexMdm(DR_A, 3);
    assertThat(codes(m.bill(engine))).containsExactly("99487x1");
  }
}
