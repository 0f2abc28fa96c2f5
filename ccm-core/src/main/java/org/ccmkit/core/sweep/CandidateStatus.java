package org.ccmkit.core.sweep;

import java.util.Optional;
import org.ccmkit.core.model.CareProgram;
import org.jspecify.annotations.Nullable;

/**
 * Where a patient stands in the eligibility sweep (rules reference §4; docs/eligibility-sweep.md).
 * The first four are candidates: they qualify, or nearly qualify, for CCM or PCM.
 *
 * @since 0.2.0
 */
public enum CandidateStatus {
  /** Two or more chronic conditions and significant risk attested: CCM eligible. */
  CCM_ELIGIBLE(CareProgram.CCM, "CCM eligible"),
  /** Two or more chronic conditions, no significant-risk attestation yet (ELIG-T02). */
  CCM_PENDING_ATTESTATION(CareProgram.CCM, "CCM eligible pending practitioner attestation"),
  /**
   * One chronic condition and significant risk attested: CCM is not available, PCM is (ELIG-T01).
   */
  PCM_ELIGIBLE(CareProgram.PCM, "PCM eligible (one chronic condition)"),
  /** One chronic condition, no significant-risk attestation yet: a PCM candidate (ELIG-T01). */
  PCM_PENDING_ATTESTATION(CareProgram.PCM, "PCM candidate pending practitioner attestation"),
  /** Already enrolled in CCM or PCM on the as-of date: not a candidate. */
  ENROLLED(null, "already enrolled in CCM or PCM"),
  /** Died on or before the as-of date: not a candidate. */
  DECEASED(null, "deceased"),
  /** The latest significant-risk attestation says the patient is not at significant risk. */
  NOT_AT_RISK(null, "attested not at significant risk"),
  /** No counted chronic condition: not a candidate. */
  NO_CHRONIC_CONDITION(null, "no counted chronic condition");

  private final @Nullable CareProgram program;
  private final String label;

  CandidateStatus(@Nullable CareProgram program, String label) {
    this.program = program;
    this.label = label;
  }

  /** Returns a short English label (ccmkit's wording), e.g. for reports and CSV. */
  public String label() {
    return label;
  }

  /** Returns the program the patient is a candidate for, or empty when not a candidate. */
  public Optional<CareProgram> program() {
    return Optional.ofNullable(program);
  }

  /** Returns whether the patient is a candidate (qualifies or nearly qualifies). */
  public boolean isCandidate() {
    return program != null;
  }
}
