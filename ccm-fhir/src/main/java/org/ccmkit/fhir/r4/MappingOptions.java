package org.ccmkit.fhir.r4;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.ccmkit.core.model.AttestationKind;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.Code;
import org.ccmkit.core.model.CoverageKind;
import org.immutables.value.Value;

/**
 * Everything the mapping reads by convention: the practice's zone, the code systems and code lists
 * of the FHIR contract (v1), and strict mode. Every attribute has the contract's default, so {@code
 * MappingOptions.defaults()} is the contract; an integrator replaces any of them with {@code
 * MappingOptions.builder().from(MappingOptions.defaults()).…build()} or from JSON ({@code
 * CcmJson}). Code comparisons are exact (case-sensitive), except the Medigap plan letter and the
 * QMB marker, which are compared ignoring case. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableMappingOptions.class)
@JsonDeserialize(as = ImmutableMappingOptions.class)
public abstract class MappingOptions implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The ccmkit care-program code system, {@value}. */
  public static final String CARE_PROGRAM_SYSTEM = CareProgram.SYSTEM;

  /** The ccmkit care-activity code system, {@value}. */
  public static final String CARE_ACTIVITY_SYSTEM =
      "https://ccmkit.org/fhir/CodeSystem/care-activity";

  /** The ccmkit care-attestation code system, {@value}. */
  public static final String CARE_ATTESTATION_SYSTEM =
      "https://ccmkit.org/fhir/CodeSystem/care-attestation";

  /** NUCC Health Care Provider Taxonomy, {@value}. */
  public static final String NUCC_TAXONOMY_SYSTEM = "http://nucc.org/provider-taxonomy";

  /** National Provider Identifier, {@value}. */
  public static final String NPI_SYSTEM = "http://hl7.org/fhir/sid/us-npi";

  /** Medicare Beneficiary Identifier, {@value}. */
  public static final String MBI_SYSTEM = "http://hl7.org/fhir/sid/us-mbi";

  /** Source of Payment Typology, {@value}. */
  public static final String SOPT_SYSTEM = "https://nahdo.org/sopt";

  /** LOINC, {@value}. */
  public static final String LOINC_SYSTEM = "http://loinc.org";

  /** FHIR coverage-class code system, {@value}. */
  public static final String COVERAGE_CLASS_SYSTEM =
      "http://terminology.hl7.org/CodeSystem/coverage-class";

  /** FHIR consent-scope code system, {@value}. */
  public static final String CONSENT_SCOPE_SYSTEM =
      "http://terminology.hl7.org/CodeSystem/consentscope";

  /** FHIR benefit-type code system, {@value}. */
  public static final String BENEFIT_TYPE_SYSTEM =
      "http://terminology.hl7.org/CodeSystem/benefit-type";

  MappingOptions() {}

  /** Returns the contract's defaults. */
  public static MappingOptions defaults() {
    return builder().build();
  }

  /** Returns a new builder, every attribute at its default. */
  public static ImmutableMappingOptions.Builder builder() {
    return ImmutableMappingOptions.builder();
  }

  // ---- general ----

  /**
   * Strict mode: any parser complaint rejects its resource, and {@link R4Mapper}'s {@code map}
   * methods throw a {@link MappingException} after reading everything if any issue is an ERROR.
   * Default {@code false}.
   */
  @Value.Default
  public boolean strict() {
    return false;
  }

  /**
   * The fast reader: Observations and Procedures in the contract's plain shapes are built straight
   * from the JSON the input reader already holds, without HAPI's parser; anything else about them
   * (unknown or extension elements, {@code meta}, odd values) still goes through HAPI. The mapping
   * result is the same either way; turn it off to compare, or to have HAPI parse every resource.
   * Default {@code true}.
   */
  @Value.Default
  public boolean fastReader() {
    return true;
  }

  /**
   * The practice's time zone: dates of date-times are taken in it, and date-times without an offset
   * are read in it. Default {@code America/New_York}.
   */
  @Value.Default
  public ZoneId zone() {
    return ZoneId.of("America/New_York");
  }

  /**
   * Code-system aliases: a coding whose system is a key is read as if its system were the value.
   * Default: the {@code http:} form of the HCPCS URL and the HL7 OIDs of CPT, HCPCS, ICD-10-CM,
   * SNOMED CT and LOINC.
   */
  @Value.Default
  public ImmutableMap<String, String> systemAliases() {
    return ImmutableMap.<String, String>builder()
        .put("http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets", Code.HCPCS)
        .put("urn:oid:2.16.840.1.113883.6.285", Code.HCPCS)
        .put("urn:oid:2.16.840.1.113883.6.12", Code.CPT)
        .put("urn:oid:2.16.840.1.113883.6.90", Code.ICD10CM)
        .put("urn:oid:2.16.840.1.113883.6.96", Code.SNOMED)
        .put("urn:oid:2.16.840.1.113883.6.1", LOINC_SYSTEM)
        .buildOrThrow();
  }

  /**
   * Resource types named by the contract whose mapping an integrator defers: read, counted as
   * ignored with {@link MappingIssueCode#DEFERRED_TYPE}. Default none (CarePlan, Goal and CareTeam
   * are mapped since 0.2.0).
   */
  @Value.Default
  public ImmutableSet<String> deferredTypes() {
    return ImmutableSet.of();
  }

  /**
   * The {@code CarePlan.intent} values read as a care plan; others are ignored as out of scope.
   * Default {@code plan} and {@code order} (Synthea writes {@code order}).
   *
   * @since 0.2.0
   */
  @Value.Default
  public ImmutableSet<String> carePlanIntents() {
    return ImmutableSet.of("plan", "order");
  }

  // ---- programs, activities, attestations ----

  /** The system of care-program codes. Default {@value #CARE_PROGRAM_SYSTEM}. */
  @Value.Default
  public String careProgramSystem() {
    return CARE_PROGRAM_SYSTEM;
  }

  /** Care-program codes and their programs. Default: each {@link CareProgram#code()}. */
  @Value.Default
  public ImmutableMap<String, CareProgram> careProgramCodes() {
    ImmutableMap.Builder<String, CareProgram> b = ImmutableMap.builder();
    for (CareProgram p : CareProgram.values()) {
      b.put(p.code(), p);
    }
    return b.buildOrThrow();
  }

  /** The system of care-activity codes. Default {@value #CARE_ACTIVITY_SYSTEM}. */
  @Value.Default
  public String careActivitySystem() {
    return CARE_ACTIVITY_SYSTEM;
  }

  /**
   * Care-activity codes that mark a time entry as real-time interactive communication. Default
   * {@code interactive-communication}.
   */
  @Value.Default
  public ImmutableSet<String> interactiveActivityCodes() {
    return ImmutableSet.of("interactive-communication");
  }

  /** The system of attestation codes. Default {@value #CARE_ATTESTATION_SYSTEM}. */
  @Value.Default
  public String attestationSystem() {
    return CARE_ATTESTATION_SYSTEM;
  }

  /**
   * Attestation codes and their kinds. Default {@code significant-risk} → SIGNIFICANT_RISK, {@code
   * complex-mdm} → COMPLEX_MDM.
   */
  @Value.Default
  public ImmutableMap<String, AttestationKind> attestationCodes() {
    return ImmutableMap.of(
        "significant-risk", AttestationKind.SIGNIFICANT_RISK,
        "complex-mdm", AttestationKind.COMPLEX_MDM);
  }

  /** Observation statuses under which an attestation counts. Default {@code final}. */
  @Value.Default
  public ImmutableSet<String> attestationStatuses() {
    return ImmutableSet.of("final");
  }

  // ---- people ----

  /** The system of provider taxonomy codes. Default {@value #NUCC_TAXONOMY_SYSTEM}. */
  @Value.Default
  public String taxonomySystem() {
    return NUCC_TAXONOMY_SYSTEM;
  }

  /**
   * Taxonomy code prefixes of physicians and qualified health professionals. Default {@code 207},
   * {@code 208} (allopathic and osteopathic physicians), {@code 363L} (NP), {@code 363A} (PA),
   * {@code 364S} (CNS), {@code 367A} (CNM).
   */
  @Value.Default
  public ImmutableList<String> practitionerTaxonomyPrefixes() {
    return ImmutableList.of("207", "208", "363L", "363A", "364S", "367A");
  }

  /**
   * Taxonomy code prefixes of clinical staff. Default {@code 163W} (RN), {@code 164W}, {@code 164X}
   * (LPN/LVN), {@code 183500000X} (pharmacist).
   */
  @Value.Default
  public ImmutableList<String> clinicalStaffTaxonomyPrefixes() {
    return ImmutableList.of("163W", "164W", "164X", "183500000X");
  }

  /** The NPI identifier system. Default {@value #NPI_SYSTEM}. */
  @Value.Default
  public String npiSystem() {
    return NPI_SYSTEM;
  }

  /** The MBI identifier system. Default {@value #MBI_SYSTEM}. */
  @Value.Default
  public String mbiSystem() {
    return MBI_SYSTEM;
  }

  // ---- conditions ----

  /** Code systems whose codings a Condition keeps. Default ICD-10-CM and SNOMED CT. */
  @Value.Default
  public ImmutableList<String> conditionCodeSystems() {
    return ImmutableList.of(Code.ICD10CM, Code.SNOMED);
  }

  // ---- coverage ----

  /** The system of coverage type codes. Default {@value #SOPT_SYSTEM}. */
  @Value.Default
  public String soptSystem() {
    return SOPT_SYSTEM;
  }

  /**
   * Coverage type patterns and their kinds: a pattern is an exact code, or a prefix ending in
   * {@code *}; the exact match wins, else the longest prefix; no match = {@link
   * CoverageKind#OTHER}. Default {@code 1} and {@code 12*} → ORIGINAL_MEDICARE, {@code 11*} →
   * MEDICARE_ADVANTAGE, {@code 2*} → MEDICAID, {@code 523} → MEDIGAP.
   */
  @Value.Default
  public ImmutableMap<String, CoverageKind> coverageTypes() {
    return ImmutableMap.of(
        "1", CoverageKind.ORIGINAL_MEDICARE,
        "12*", CoverageKind.ORIGINAL_MEDICARE,
        "11*", CoverageKind.MEDICARE_ADVANTAGE,
        "2*", CoverageKind.MEDICAID,
        "523", CoverageKind.MEDIGAP);
  }

  /** The system of {@code Coverage.class.type}. Default {@value #COVERAGE_CLASS_SYSTEM}. */
  @Value.Default
  public String coverageClassSystem() {
    return COVERAGE_CLASS_SYSTEM;
  }

  /** The class type carrying the plan (Medigap letter, QMB marker). Default {@code plan}. */
  @Value.Default
  public String coveragePlanClass() {
    return "plan";
  }

  /**
   * The plan value that marks a Qualified Medicare Beneficiary on Medicaid. Default {@code QMB}.
   */
  @Value.Default
  public String qmbPlanValue() {
    return "QMB";
  }

  /** Coverage statuses that make a coverage active. Default {@code active}. */
  @Value.Default
  public ImmutableSet<String> activeCoverageStatuses() {
    return ImmutableSet.of("active");
  }

  /** The system of benefit types. Default {@value #BENEFIT_TYPE_SYSTEM}. */
  @Value.Default
  public String benefitTypeSystem() {
    return BENEFIT_TYPE_SYSTEM;
  }

  /** The benefit type of the deductible. Default {@code deductible}. */
  @Value.Default
  public String deductibleBenefitCode() {
    return "deductible";
  }

  // ---- enrollment and consent ----

  /**
   * EpisodeOfCare statuses that make an enrollment. Default {@code active}, {@code onhold}, {@code
   * finished}; others ({@code planned}, {@code waitlist}, {@code cancelled}) are ignored.
   */
  @Value.Default
  public ImmutableSet<String> enrollmentStatuses() {
    return ImmutableSet.of("active", "onhold", "finished");
  }

  /** The system of consent scopes. Default {@value #CONSENT_SCOPE_SYSTEM}. */
  @Value.Default
  public String consentScopeSystem() {
    return CONSENT_SCOPE_SYSTEM;
  }

  /** The consent scope read. Default {@code treatment}. */
  @Value.Default
  public String consentScope() {
    return "treatment";
  }

  // ---- time, visits, claims ----

  /** Procedure statuses under which a time entry counts. Default {@code completed}. */
  @Value.Default
  public ImmutableSet<String> timeEntryStatuses() {
    return ImmutableSet.of("completed");
  }

  /**
   * Code systems of billing codes (Encounter types, ExplanationOfBenefit lines). Default CPT and
   * HCPCS.
   */
  @Value.Default
  public ImmutableList<String> billingCodeSystems() {
    return ImmutableList.of(Code.CPT, Code.HCPCS);
  }

  /** Encounter statuses that make a visit finished. Default {@code finished}. */
  @Value.Default
  public ImmutableSet<String> finishedVisitStatuses() {
    return ImmutableSet.of("finished");
  }

  /**
   * Encounter statuses that are ignored (the visit did not happen). Default {@code cancelled}; an
   * Encounter in any other status is a visit, finished or not.
   */
  @Value.Default
  public ImmutableSet<String> ignoredVisitStatuses() {
    return ImmutableSet.of("cancelled");
  }

  /**
   * Encounter classes (HL7 v3 ActCode, {@code Encounter.class}) of acute care: an Encounter of one
   * of these classes is kept as a {@link org.ccmkit.core.model.Visit} with its {@code
   * encounterClass}, even without a billing code in {@code type} when it is finished and has a
   * {@code period.start} (the eligibility sweep scores recent emergency and inpatient care).
   * Default {@code EMER}, {@code IMP}, {@code ACUTE}, {@code OBSENC}; empty keeps only
   * billing-coded visits, as before 0.2.0.
   *
   * @since 0.2.0
   */
  @Value.Default
  public ImmutableSet<String> acuteEncounterClasses() {
    return ImmutableSet.of("EMER", "IMP", "ACUTE", "OBSENC");
  }

  /** ExplanationOfBenefit statuses that are read. Default {@code active}. */
  @Value.Default
  public ImmutableSet<String> priorClaimStatuses() {
    return ImmutableSet.of("active");
  }

  // ---- readings ----

  /** The system of reading codes. Default {@value #LOINC_SYSTEM}. */
  @Value.Default
  public String readingSystem() {
    return LOINC_SYSTEM;
  }

  /**
   * Reading codes and their kinds. Default 85354-9 and 55284-4 → BLOOD_PRESSURE, 8867-4 →
   * HEART_RATE, 29463-7 → BODY_WEIGHT, 59408-5 and 2708-6 → SPO2, 2339-0 and 41653-7 → GLUCOSE.
   */
  @Value.Default
  public ImmutableMap<String, ReadingKind> readingCodes() {
    return ImmutableMap.<String, ReadingKind>builder()
        .put("85354-9", ReadingKind.BLOOD_PRESSURE)
        .put("55284-4", ReadingKind.BLOOD_PRESSURE)
        .put("8867-4", ReadingKind.HEART_RATE)
        .put("29463-7", ReadingKind.BODY_WEIGHT)
        .put("59408-5", ReadingKind.SPO2)
        .put("2708-6", ReadingKind.SPO2)
        .put("2339-0", ReadingKind.GLUCOSE)
        .put("41653-7", ReadingKind.GLUCOSE)
        .buildOrThrow();
  }

  /** The component code of systolic pressure. Default {@code 8480-6}. */
  @Value.Default
  public String systolicCode() {
    return "8480-6";
  }

  /** The component code of diastolic pressure. Default {@code 8462-4}. */
  @Value.Default
  public String diastolicCode() {
    return "8462-4";
  }

  /** Observation statuses under which a reading counts. Default final, amended, corrected. */
  @Value.Default
  public ImmutableSet<String> readingStatuses() {
    return ImmutableSet.of("final", "amended", "corrected");
  }

  /**
   * The shortest time entry that is rejected as implausible: a {@code Procedure} whose {@code
   * performedPeriod} lasts this long or longer is rejected ({@code INVALID_VALUE}). Default 24
   * hours.
   */
  @Value.Default
  public Duration maxTimeEntryDuration() {
    return Duration.ofHours(24);
  }

  /**
   * When present, time entries that start and readings taken after this instant have not happened
   * yet as of the run: they are ignored ({@code OUT_OF_SCOPE}) with an issue. Empty by default (the
   * mapper reads no clock); the month-end runner sets it to the end of its as-of day.
   */
  public abstract Optional<Instant> notAfter();

  /**
   * For each reading code (the Observation's code, or the component's for blood pressure), the
   * units its value may have (lower-case UCUM codes and common spellings) and the largest plausible
   * value in each; a reading with another unit, or a value that is not above zero or is above that
   * largest value, is rejected ({@code INVALID_VALUE}). Defaults: systolic and diastolic pressure
   * in mm[Hg] up to 400, heart rate per minute up to 400, weight up to 700 kg (1,500 lb), SpO2 up
   * to 100 %, glucose up to 2,000 mg/dL (111 mmol/L). A code without an entry is not checked.
   */
  @Value.Default
  public ImmutableMap<String, ImmutableMap<String, BigDecimal>> readingLimits() {
    BigDecimal perMin = BigDecimal.valueOf(400);
    BigDecimal lb = BigDecimal.valueOf(1500);
    ImmutableMap<String, BigDecimal> pressure =
        ImmutableMap.of("mm[hg]", BigDecimal.valueOf(400), "mmhg", BigDecimal.valueOf(400));
    ImmutableMap<String, BigDecimal> spo2 = ImmutableMap.of("%", BigDecimal.valueOf(100));
    ImmutableMap<String, BigDecimal> glucose =
        ImmutableMap.of("mg/dl", BigDecimal.valueOf(2000), "mmol/l", BigDecimal.valueOf(111));
    return ImmutableMap.<String, ImmutableMap<String, BigDecimal>>builder()
        .put("8480-6", pressure)
        .put("8462-4", pressure)
        .put(
            "8867-4",
            ImmutableMap.of(
                "/min",
                perMin,
                "{beats}/min",
                perMin,
                "beats/min",
                perMin,
                "bpm",
                perMin,
                "1/min",
                perMin))
        .put(
            "29463-7",
            ImmutableMap.of(
                "kg",
                BigDecimal.valueOf(700),
                "[lb_av]",
                lb,
                "lb",
                lb,
                "lbs",
                lb,
                "g",
                BigDecimal.valueOf(700_000)))
        .put("59408-5", spo2)
        .put("2708-6", spo2)
        .put("2339-0", glucose)
        .put("41653-7", glucose)
        .buildOrThrow();
  }

  @Value.Check
  protected void check() {
    for (String p : coverageTypes().keySet()) {
      checkArgument(
          !p.isEmpty() && (p.indexOf('*') < 0 || p.indexOf('*') == p.length() - 1),
          "a coverage type pattern is a code or a prefix ending in '*', found '%s'",
          p);
    }
    checkArgument(
        !careProgramSystem().isBlank() && !attestationSystem().isBlank(),
        "code systems must not be blank");
    checkArgument(
        maxTimeEntryDuration().compareTo(Duration.ZERO) > 0,
        "maxTimeEntryDuration must be positive");
  }
}
