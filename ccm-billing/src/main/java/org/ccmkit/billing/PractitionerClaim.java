package org.ccmkit.billing;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import org.ccmkit.core.model.Money;
import org.ccmkit.core.model.PractitionerRef;
import org.immutables.value.Value;

/**
 * The lines one billing practitioner may bill for the patient and month. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePractitionerClaim.class)
@JsonDeserialize(as = ImmutablePractitionerClaim.class)
public abstract class PractitionerClaim implements Serializable {
  private static final long serialVersionUID = 1L;

  PractitionerClaim() {}

  /** The billing practitioner. */
  public abstract PractitionerRef practitioner();

  /** The lines, sorted by date of service, then code ({@link ClaimLine#ORDER}). */
  public abstract ImmutableList<ClaimLine> lines();

  /** The sum of the lines' known allowed amounts. */
  public abstract Money totalAllowed();

  /** Returns a new builder. */
  public static ImmutablePractitionerClaim.Builder builder() {
    return ImmutablePractitionerClaim.builder();
  }
}
