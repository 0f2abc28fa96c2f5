package org.ccmkit.fhir.r4;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.io.Serializable;
import java.time.ZoneId;
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
   * Resource types named by the contract whose mapping is deferred: read, counted as ignored with
   * {@link MappingIssueCode#DEFERRED_TYPE}. Default {@code CarePlan}, {@code Goal}, {@code
   * CareTeam}.
   */
  @Value.Default
  public ImmutableSet<String> deferredTypes() {
    return ImmutableSet.of("CarePlan", "Goal", "CareTeam");
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
  }
}
