package org.ccmkit.billing;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Optional;
import org.ccmkit.core.model.Money;
import org.immutables.value.Value;

/**
 * A Medicare Advantage plan's cost sharing for care-management services, configured by the
 * integrator; without it the engine makes no estimate for an MA member (COST-T06). The patient's
 * share of a line is the copay (capped at the allowed amount) when one is set, else the coinsurance
 * rate times the allowed amount. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePlanCostSharing.class)
@JsonDeserialize(as = ImmutablePlanCostSharing.class)
public abstract class PlanCostSharing implements Serializable {
  private static final long serialVersionUID = 1L;

  PlanCostSharing() {}

  /** The plan's id, for the decision. */
  public abstract String planId();

  /** A copay per claim line. */
  public abstract Optional<Money> copayPerLine();

  /** A coinsurance rate (0–1) of the allowed amount. */
  public abstract Optional<BigDecimal> coinsuranceRate();

  /** Returns a new builder. */
  public static ImmutablePlanCostSharing.Builder builder() {
    return ImmutablePlanCostSharing.builder();
  }

  @Value.Check
  protected void check() {
    checkArgument(
        copayPerLine().isPresent() || coinsuranceRate().isPresent(),
        "plan %s: a copay or a coinsurance rate is required",
        planId());
    coinsuranceRate()
        .ifPresent(
            r ->
                checkArgument(
                    r.signum() >= 0 && r.compareTo(BigDecimal.ONE) <= 0,
                    "plan %s: coinsurance rate must be 0..1",
                    planId()));
  }
}
