package org.ccmkit.rpm;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Device-supply codes (rules reference §9.1): 30-day periods counted back to back from the start of
 * the RPM enrolment, one unit per period whatever the number of devices, one practitioner per
 * period, and the data-day tiers of the rule year. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableDeviceSupplyParameters.class)
@JsonDeserialize(as = ImmutableDeviceSupplyParameters.class)
public abstract class DeviceSupplyParameters implements Serializable {
  private static final long serialVersionUID = 1L;

  DeviceSupplyParameters() {}

  /** The length of a device-supply period in days (30). */
  public abstract int periodDays();

  /** The tiers, in the order they are tried: the most data days first. No two overlap. */
  public abstract ImmutableList<DeviceTier> tiers();

  /**
   * Returns the tier for {@code days} data days, if any.
   *
   * @param days the number of data days in the period
   * @return the tier, or empty when too few days
   */
  public Optional<DeviceTier> tierFor(int days) {
    return tiers().stream().filter(t -> t.covers(days)).findFirst();
  }

  /** Returns the fewest data days any tier needs. */
  public int minimumDays() {
    return tiers().stream().mapToInt(DeviceTier::minDays).min().orElse(Integer.MAX_VALUE);
  }

  /** Returns a new builder. */
  public static ImmutableDeviceSupplyParameters.Builder builder() {
    return ImmutableDeviceSupplyParameters.builder();
  }

  @Value.Check
  protected void check() {
    checkArgument(periodDays() >= 1, "periodDays must be positive");
    checkArgument(!tiers().isEmpty(), "at least one device tier is needed");
    for (int i = 1; i < tiers().size(); i++) {
      checkArgument(
          tiers().get(i).maxDays() < tiers().get(i - 1).minDays(),
          "device tiers must be listed most days first without overlap: %s",
          tiers());
    }
  }
}
