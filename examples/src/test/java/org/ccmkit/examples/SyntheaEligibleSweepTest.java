package org.ccmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.ccmkit.billing.BillingEngine;
import org.ccmkit.billing.BillingParameters;
import org.ccmkit.billing.CcmBillingRules;
import org.ccmkit.billing.CodeCatalog;
import org.ccmkit.billing.ImmutableBillingParameters;
import org.ccmkit.billing.ImmutableCodeCatalog;
import org.ccmkit.core.condition.ChronicConditionClassifiers;
import org.ccmkit.core.model.Money;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.params.CoreParameters;
import org.ccmkit.core.params.ImmutableCoreParameters;
import org.ccmkit.core.params.ParameterCatalog;
import org.ccmkit.core.rule.EvaluationContext;
import org.ccmkit.core.rules.CoreRules;
import org.ccmkit.core.sweep.CandidateStatus;
import org.ccmkit.core.sweep.EligibilitySweep;
import org.ccmkit.core.sweep.ImmutableSweepParameters;
import org.ccmkit.core.sweep.Screening;
import org.ccmkit.core.sweep.SweepParameters;
import org.ccmkit.fhir.r4.MappingOptions;
import org.ccmkit.fhir.r4.MappingResult;
import org.ccmkit.fhir.r4.R4Candidates;
import org.ccmkit.fhir.r4.R4Mapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The eligibility sweep over the 105 Synthea R4 bundles of the shared test data, as of 2021-03-31
 * (the data's latest date; ccmkit ships CY2025 and CY2026 only, so the CY2025 core, sweep and
 * billing parameters are moved to 2021, as {@code SyntheaChronicConditionCountTest} does for the
 * core rules). The data has no Coverage, no EpisodeOfCare, no attestation and no CPT-coded visit,
 * so every living patient with chronic conditions is a candidate pending attestation, with no
 * Medicare coverage found and an initiating visit needed. Runs only where the shared folder exists.
 */
class SyntheaEligibleSweepTest {
  private static final LocalDate AS_OF = LocalDate.of(2021, 3, 31);

  /**
   * Measured: 99 patients alive on 2021-03-31 (6 died before); 83 with two or more chronic groups
   * (the count of SyntheaChronicConditionCountTest) pending attestation, and those with exactly one
   * are PCM candidates.
   */
  private static final int EXPECTED_CCM_PENDING = 83;

  @Test
  void sweep_syntheaBundles_listsTheMeasuredCandidates() {
    Path bundles = sharedDir().resolve("data/synthea-r4-bundles/bundles");
    String skipped =
        "SKIPPED: ../shared/data/synthea-r4-bundles not present; looked in "
            + bundles.toAbsolutePath().normalize()
            + " (set -Dccm.shared.dir to the shared folder to run this sweep)";
    if (!Files.isDirectory(bundles)) {
      System.out.println(skipped);
    }
    Assumptions.assumeTrue(Files.isDirectory(bundles), skipped);

    ZoneId zone = ZoneId.of("America/New_York");
    MappingResult mapping =
        R4Mapper.create(MappingOptions.builder().zone(zone).build()).map(List.of(bundles));
    EvaluationContext ctx = EvaluationContext.of(AS_OF, zone);
    Eligible.Screener screener = new Eligible.Screener(sweepFor2021(), billingFor2021(), ctx);
    List<Screening> screenings = new ArrayList<>();
    for (PatientRecord r : mapping.records()) {
      screenings.add(screener.screen(mapping.billingInput(r.ref(), YearMonth.from(AS_OF)).build()));
    }
    ImmutableList<Screening> ranked = EligibilitySweep.rank(screenings);

    long pending =
        ranked.stream().filter(s -> s.status() == CandidateStatus.CCM_PENDING_ATTESTATION).count();
    long pcm =
        ranked.stream().filter(s -> s.status() == CandidateStatus.PCM_PENDING_ATTESTATION).count();
    long withAcute =
        ranked.stream()
            .filter(
                s -> s.components().stream().anyMatch(c -> c.code().name().startsWith("RECENT")))
            .count();
    System.out.printf(
        "Synthea eligibility sweep as of %s: %d patients screened, %d candidates (%d CCM pending"
            + " attestation, %d PCM), %d with a recent ED/inpatient encounter; by status %s%n",
        AS_OF,
        screenings.size(),
        ranked.size(),
        pending,
        pcm,
        withAcute,
        screenings.stream()
            .collect(Collectors.groupingBy(Screening::status, Collectors.counting())));
    for (int i = 0; i < Math.min(5, ranked.size()); i++) {
      Screening s = ranked.get(i);
      System.out.printf(
          "  #%d %s score %d: %s%n", i + 1, s.patient().id(), s.score(), Eligible.components(s));
    }

    assertThat(screenings).hasSize(105);
    assertThat(pending).isEqualTo(EXPECTED_CCM_PENDING);
    assertThat(ranked).allSatisfy(s -> assertThat(s.coverages()).isEmpty());
    assertThat(ranked).allSatisfy(s -> assertThat(s.initiatingVisitRequired()).isTrue());
    assertThat(ranked)
        .allSatisfy(
            s ->
                assertThat(s.share())
                    .hasValueSatisfying(
                        sh -> {
                          assertThat(sh.basis()).isEqualTo("ORIGINAL_MEDICARE");
                          // CY2025 99490 $60.49: 20 % once the deductible is met, all of it before
                          assertThat(sh.low()).isEqualTo(Money.usd("12.10"));
                          assertThat(sh.high()).isEqualTo(Money.usd("60.49"));
                          assertThat(sh.note()).contains("No active coverage on file");
                        }));
    assertThat(withAcute).isPositive();
    assertThat(R4Candidates.toGroup(ranked, AS_OF).getMember()).hasSize(ranked.size());
  }

  private static EligibilitySweep sweepFor2021() {
    ParameterCatalog<CoreParameters> core = CoreParameters.builtIn();
    CoreParameters c =
        ImmutableCoreParameters.builder()
            .from(core.forDate(LocalDate.of(2025, 1, 1)))
            .version("CY2025.1-as-CY2021")
            .effectiveFrom(LocalDate.of(2021, 1, 1))
            .effectiveTo(LocalDate.of(2021, 12, 31))
            .build();
    ParameterCatalog<SweepParameters> sweep = SweepParameters.builtIn();
    SweepParameters s =
        ImmutableSweepParameters.builder()
            .from(sweep.forDate(LocalDate.of(2025, 1, 1)))
            .version("CY2025.1-as-CY2021")
            .effectiveFrom(LocalDate.of(2021, 1, 1))
            .effectiveTo(LocalDate.of(2021, 12, 31))
            .build();
    return EligibilitySweep.of(
        CoreRules.of(core.with(c), ChronicConditionClassifiers.standard()), sweep.with(s));
  }

  /** The CY2025 fee schedule and cost sharing ($257 deductible) moved to 2021. */
  private static BillingEngine billingFor2021() {
    ParameterCatalog<CodeCatalog> codes = CodeCatalog.builtIn();
    CodeCatalog cc =
        ImmutableCodeCatalog.copyOf(codes.forDate(LocalDate.of(2025, 1, 1)))
            .withVersion("CY2025-as-CY2021")
            .withEffectiveFrom(LocalDate.of(2021, 1, 1))
            .withEffectiveTo(Optional.of(LocalDate.of(2021, 12, 31)));
    ParameterCatalog<BillingParameters> params = BillingParameters.builtIn();
    BillingParameters bp =
        ImmutableBillingParameters.copyOf(params.forDate(LocalDate.of(2025, 1, 1)))
            .withVersion("CY2025-as-CY2021")
            .withEffectiveFrom(LocalDate.of(2021, 1, 1))
            .withEffectiveTo(Optional.of(LocalDate.of(2021, 12, 31)));
    return CcmBillingRules.builder().codes(codes.with(cc)).parameters(params.with(bp)).build();
  }

  /** {@code -Dccm.shared.dir} (set by Surefire), else {@code ../../shared} from the module. */
  private static Path sharedDir() {
    String dir = System.getProperty("ccm.shared.dir", "").trim();
    return dir.isEmpty() ? Path.of("..", "..", "shared") : Path.of(dir);
  }
}
