package org.ccmkit.fhir.r4;

import com.google.common.collect.ImmutableList;
import org.ccmkit.core.annotation.Experimental;
import org.hl7.fhir.r4.model.Claim;

/**
 * What {@link R4Claims} wrote for one patient and month: the Claims (one per billing practitioner
 * with lines to submit, sorted by practitioner id) and the notes about them (e.g. {@link
 * MappingIssueCode#DIAGNOSIS_NEEDS_ICD10CM}), sorted by {@link MappingIssue#ORDER}. The Claims are
 * HAPI resources and so mutable: {@link #claims()} returns fresh copies on each call.
 *
 * @since 0.1.0
 */
@Experimental(until = "0.2.0")
public final class WrittenClaims {
  private final ImmutableList<Claim> claims;
  private final ImmutableList<MappingIssue> issues;

  WrittenClaims(ImmutableList<Claim> claims, ImmutableList<MappingIssue> issues) {
    this.claims = claims;
    this.issues = ImmutableList.sortedCopyOf(MappingIssue.ORDER, issues);
  }

  /** Returns copies of the Claims, sorted by billing practitioner id. */
  public ImmutableList<Claim> claims() {
    return claims.stream().map(Claim::copy).collect(ImmutableList.toImmutableList());
  }

  /** Returns the notes about the Claims (WARNING issues that do not stop a Claim being written). */
  public ImmutableList<MappingIssue> issues() {
    return issues;
  }

  /** Returns the counts only; never PHI. */
  @Override
  public String toString() {
    return "WrittenClaims{claims=" + claims.size() + ", issues=" + issues.size() + "}";
  }
}
