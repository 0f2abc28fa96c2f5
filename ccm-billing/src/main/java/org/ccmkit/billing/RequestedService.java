package org.ccmkit.billing;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.Serializable;
import java.time.LocalDate;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.model.SourceRef;
import org.immutables.value.Value;

/**
 * A service the integrator asks to bill in the month that the engine cannot derive from minutes or
 * enrollments: TCM (99495/99496), G0506 with the CCM initiating visit, the APCM behavioral add-ons
 * G0568–G0570, care plan oversight and the like. The engine checks it (catalog, requirements,
 * parents, concurrency) and bills it or says why not. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableRequestedService.class)
@JsonDeserialize(as = ImmutableRequestedService.class)
public abstract class RequestedService implements Serializable {
  private static final long serialVersionUID = 1L;

  RequestedService() {}

  /** The resource the request came from, e.g. {@code ChargeItem/17}. */
  public abstract SourceRef source();

  /** The billing practitioner. */
  public abstract PractitionerRef practitioner();

  /** The CPT or HCPCS code. */
  public abstract String code();

  /** The date of service. */
  public abstract LocalDate serviceDate();

  /** The units. */
  @Value.Default
  public int units() {
    return 1;
  }

  /** Returns a new builder. */
  public static ImmutableRequestedService.Builder builder() {
    return ImmutableRequestedService.builder();
  }

  @Value.Check
  protected void check() {
    checkArgument(units() > 0, "%s: units must be > 0", source());
    checkArgument(!code().isBlank(), "%s: a code is required", source());
  }
}
