package org.ccmkit.core.model;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.Serializable;
import java.util.Comparator;
import org.immutables.value.Value;

/**
 * A code from a code system, such as ICD-10-CM {@code E11.9} or SNOMED CT {@code 44054006}.
 * Value-based; two codes are equal when system and code are equal (codes are compared as given, so
 * callers normalise ICD-10-CM dots themselves or use {@link #icd10cm(String)}).
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCode.class)
@JsonDeserialize(as = ImmutableCode.class)
public abstract class Code implements Comparable<Code>, Serializable {
  private static final long serialVersionUID = 1L;

  /** ICD-10-CM, {@value}. */
  public static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";

  /** SNOMED CT, {@value}. */
  public static final String SNOMED = "http://snomed.info/sct";

  /** CPT, {@value}. */
  public static final String CPT = "http://www.ama-assn.org/go/cpt";

  /** HCPCS Level II, {@value}. */
  public static final String HCPCS = "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";

  private static final Comparator<Code> ORDER =
      Comparator.comparing(Code::system).thenComparing(Code::code);

  Code() {}

  /** The code system URI. */
  @Value.Parameter
  public abstract String system();

  /** The code within the system. */
  @Value.Parameter
  public abstract String code();

  /**
   * Returns the code {@code code} in {@code system}.
   *
   * @param system the code system URI, not blank
   * @param code the code, not blank
   * @return the code
   * @throws IllegalArgumentException if either argument is blank
   */
  public static Code of(String system, String code) {
    return ImmutableCode.of(system, code);
  }

  /**
   * Returns an ICD-10-CM code, normalised to upper case with its dot, e.g. {@code e119} → {@code
   * E11.9}.
   *
   * @param code an ICD-10-CM code with or without its dot
   * @return the normalised code
   * @throws IllegalArgumentException if {@code code} has fewer than three characters
   */
  public static Code icd10cm(String code) {
    String bare = code.replace(".", "").trim().toUpperCase(java.util.Locale.ROOT);
    checkArgument(bare.length() >= 3, "an ICD-10-CM code has at least 3 characters: '%s'", code);
    String dotted = bare.length() > 3 ? bare.substring(0, 3) + "." + bare.substring(3) : bare;
    return of(ICD10CM, dotted);
  }

  /**
   * Returns a SNOMED CT concept code.
   *
   * @param conceptId the concept id
   * @return the code
   * @throws IllegalArgumentException if {@code conceptId} is blank
   */
  public static Code snomed(String conceptId) {
    return of(SNOMED, conceptId.trim());
  }

  @Value.Check
  protected void check() {
    checkArgument(!system().isBlank(), "code system must not be blank");
    checkArgument(!code().isBlank(), "code must not be blank");
  }

  @Override
  public int compareTo(Code other) {
    return ORDER.compare(this, other);
  }

  /** Returns {@code system|code}, the FHIR search notation. */
  @Override
  public String toString() {
    return system() + "|" + code();
  }
}
