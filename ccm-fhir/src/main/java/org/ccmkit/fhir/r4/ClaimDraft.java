package org.ccmkit.fhir.r4;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.time.YearMonth;
import java.util.Optional;
import org.ccmkit.core.annotation.Experimental;
import org.ccmkit.core.model.Code;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.model.SourceRef;
import org.immutables.value.Value;

/**
 * What one claim says: patient × billing practitioner × service month, with the coverage, the
 * qualifying diagnoses and the billed lines. <b>A stand-in</b> defined by ccm-fhir so that the
 * Claim writer ({@link R4Claims}) can be written and tested before ccm-billing's output types
 * exist; it will be replaced by (or built from) them. Value-based.
 *
 * @since 0.1.0
 */
@Experimental(until = "0.2.0")
@Value.Immutable
@JsonSerialize(as = ImmutableClaimDraft.class)
@JsonDeserialize(as = ImmutableClaimDraft.class)
public abstract class ClaimDraft implements Serializable {
  private static final long serialVersionUID = 1L;

  ClaimDraft() {}

  /** The patient. */
  public abstract PatientRef patient();

  /** The billing practitioner. */
  public abstract PractitionerRef billingPractitioner();

  /** The billing practitioner's NPI, when known. */
  public abstract Optional<String> billingNpi();

  /** The calendar service month. */
  public abstract YearMonth month();

  /** The coverage billed (e.g. {@code Coverage/cov-medicare}), when known. */
  public abstract Optional<SourceRef> coverage();

  /** The qualifying conditions as ICD-10-CM codes, in the order they are to be listed. */
  public abstract ImmutableList<Code> diagnoses();

  /** The lines, in order; at least one. */
  public abstract ImmutableList<ClaimLine> lines();

  /** The ISO-4217 currency of the amounts. Default {@code USD}. */
  @Value.Default
  public String currency() {
    return "USD";
  }

  /** Returns a new builder. */
  public static ImmutableClaimDraft.Builder builder() {
    return ImmutableClaimDraft.builder();
  }

  @Value.Check
  protected void check() {
    checkArgument(!lines().isEmpty(), "a claim has at least one line");
    for (Code d : diagnoses()) {
      checkArgument(
          d.system().equals(Code.ICD10CM), "diagnoses are ICD-10-CM, found %s", d.system());
    }
    coverage()
        .ifPresent(
            c ->
                checkArgument(
                    c.resourceType().equals("Coverage"),
                    "coverage must be a Coverage, found %s",
                    c));
  }
}
