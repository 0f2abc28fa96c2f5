package org.ccmkit.testing.synthea;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.ccmkit.core.condition.ChronicConditionClassifiers;
import org.ccmkit.core.model.Attestation;
import org.ccmkit.core.model.AttestationKind;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.core.params.CoreParameters;
import org.ccmkit.core.params.ImmutableCoreParameters;
import org.ccmkit.core.params.ParameterCatalog;
import org.ccmkit.core.rule.Decision;
import org.ccmkit.core.rule.EvaluationContext;
import org.ccmkit.core.rule.Rule;
import org.ccmkit.core.rules.CareQuery;
import org.ccmkit.core.rules.CoreRules;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Counts the Synthea patients (the shared FHIR R4 test data, 105 bundles) whom CCM eligibility
 * finds with two or more distinct active chronic conditions as of 2021-03-31, the latest clinical
 * date in the data, and checks the count against {@code tools/synthea_chronic_profile.py}, which
 * applies the same code tables in Python. Runs only where the shared data folder exists.
 */
class SyntheaChronicConditionCountTest {
  private static final LocalDate AS_OF = LocalDate.of(2021, 3, 31);

  /**
   * {@code python3 tools/synthea_chronic_profile.py} prints for synthea-r4-bundles: "105 patients
   * (99 alive)", "2+ active chronic groups: 85 (alive 83)" and, for the date-based variant "as of
   * 2021-03-31 (onset/abatement dates, alive on that date): 2+ 85 (alive 83)", with "patients whose
   * status-based and date-based group sets differ: 0".
   *
   * <p>The eligibility rule applies both tests at once: clinical status active (or recurrence,
   * relapse), verification not refuted or entered-in-error, onset on or before the date and no
   * abatement on or before it. Since the two group sets do not differ in this data, its count of
   * two-or-more groups is the script's. The rule also decides nothing about conditions for a
   * patient who died before the date: it answers NOT_MET with PATIENT_DECEASED and no {@code
   * chronicConditions} detail. Two of the script's 85 patients died before 2021-03-31 (the six
   * deaths in the data fall between 1979 and 2020, none on the date itself, where the patient would
   * still count as alive), so the rule's figure is the script's "alive" figure: 83.
   */
  private static final long EXPECTED_TWO_OR_MORE = 83;

  private static final long EXPECTED_PATIENTS = 105;
  private static final long EXPECTED_ALIVE = 99;

  @Test
  void eligibility_syntheaBundles_countWithTwoOrMoreChronicConditionsMatchesScript()
      throws IOException {
    Path bundles = sharedDir().resolve("data/synthea-r4-bundles/bundles");
    String skipped =
        "SKIPPED: ../shared/data/synthea-r4-bundles not present; looked in "
            + bundles.toAbsolutePath().normalize()
            + " (set -Dccm.shared.dir to the shared folder to run this count)";
    if (!Files.isDirectory(bundles)) {
      System.out.println(skipped); // Surefire's console shows only "Skipped: 1", not the reason
    }
    Assumptions.assumeTrue(Files.isDirectory(bundles), skipped);
    List<Path> files;
    try (Stream<Path> s = Files.list(bundles)) {
      files = s.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
    }
    Rule<CareQuery> eligibility = rulesFor2021().eligibility();
    EvaluationContext context = EvaluationContext.of(AS_OF, ZoneId.of("America/New_York"));

    long total = 0;
    long alive = 0;
    long twoOrMore = 0;
    for (Path file : files) { // one bundle in memory at a time
      PatientRecord record = withRiskAttestation(SyntheaBundleReader.read(file));
      Decision d =
          eligibility.evaluate(
              CareQuery.of(record, CareProgram.CCM, YearMonth.from(AS_OF)), context);
      total++;
      if (record.patient().isAliveOn(AS_OF)) {
        alive++;
      }
      if (Integer.parseInt(d.details().getOrDefault("chronicConditions", "0")) >= 2) {
        twoOrMore++;
      }
    }

    System.out.printf(
        "Synthea R4 bundles as of %s: %d patients, %d alive, %d with >= 2 chronic condition"
            + " groups (CCM eligibility; script: 85 by status, 83 of them alive)%n",
        AS_OF, total, alive, twoOrMore);
    assertThat(total).isEqualTo(EXPECTED_PATIENTS);
    assertThat(alive).isEqualTo(EXPECTED_ALIVE);
    assertThat(twoOrMore).isEqualTo(EXPECTED_TWO_OR_MORE);
  }

  /**
   * The standard rules, with the CY2025 parameters also in force in 2021: ccmkit ships CY2025 and
   * CY2026 only, and the CCM eligibility criteria (two or more chronic conditions, significant risk
   * attested; rules reference §4.1) have not changed since 2015.
   */
  private static CoreRules rulesFor2021() {
    ParameterCatalog<CoreParameters> shipped = CoreParameters.builtIn();
    CoreParameters cy2021 =
        ImmutableCoreParameters.builder()
            .from(shipped.forDate(LocalDate.of(2025, 1, 1)))
            .version("CY2025.1-as-CY2021")
            .effectiveFrom(LocalDate.of(2021, 1, 1))
            .effectiveTo(LocalDate.of(2021, 12, 31))
            .build();
    return CoreRules.of(shipped.with(cy2021), ChronicConditionClassifiers.standard());
  }

  /** Everybody is attested at significant risk, so that only the conditions decide. */
  private static PatientRecord withRiskAttestation(PatientRecord record) {
    return PatientRecord.builder()
        .from(record)
        .addAttestation(
            Attestation.builder()
                .source(SourceRef.of("Observation", "risk-" + record.ref().id()))
                .patient(record.ref())
                .kind(AttestationKind.SIGNIFICANT_RISK)
                .practitioner(PractitionerRef.of("synthea-attesting-practitioner"))
                .date(AS_OF)
                .build())
        .build();
  }

  /** {@code -Dccm.shared.dir} (set by Surefire), else {@code ../../shared} from the module. */
  private static Path sharedDir() {
    String dir = System.getProperty("ccm.shared.dir", "").trim();
    return dir.isEmpty() ? Path.of("..", "..", "shared") : Path.of(dir);
  }
}
