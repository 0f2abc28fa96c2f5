package org.ccmkit.fhir.r4;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.Serializable;
import java.util.Optional;
import org.ccmkit.core.annotation.Experimental;
import org.ccmkit.core.model.Code;
import org.ccmkit.core.model.DateRange;
import org.immutables.value.Value;

/**
 * One line of a claim paid elsewhere: the CPT or HCPCS code and the days served. Value-based.
 *
 * @since 0.1.0
 */
@Experimental(until = "0.2.0")
@Value.Immutable
@JsonSerialize(as = ImmutablePriorClaimItem.class)
@JsonDeserialize(as = ImmutablePriorClaimItem.class)
public abstract class PriorClaimItem implements Serializable {
  private static final long serialVersionUID = 1L;

  PriorClaimItem() {}

  /** The CPT or HCPCS code ({@code item.productOrService}). */
  public abstract Code code();

  /** The days served ({@code servicedDate} or {@code servicedPeriod}), when given. */
  public abstract Optional<DateRange> served();

  /**
   * Returns an item.
   *
   * @param code the code
   * @param served the days served, when given
   * @return the item
   */
  public static PriorClaimItem of(Code code, Optional<DateRange> served) {
    return ImmutablePriorClaimItem.builder().code(code).served(served).build();
  }
}
