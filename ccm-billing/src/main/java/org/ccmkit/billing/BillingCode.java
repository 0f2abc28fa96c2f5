package org.ccmkit.billing;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;
import org.ccmkit.core.model.CareProgram;
import org.immutables.value.Value;

/**
 * One CPT or HCPCS code in a {@link CodeCatalog}: our own short description (never the AMA
 * descriptor), the program and conflict group it belongs to, how its units are counted, its
 * threshold (minutes or device days), block size and monthly cap, its parent codes when it is an
 * add-on, what else it requires, and its national allowed amounts with their sources. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableBillingCode.class)
@JsonDeserialize(as = ImmutableBillingCode.class)
public abstract class BillingCode implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final Pattern CODE = Pattern.compile("[0-9A-Z]{5}");
  private static final Pattern GROUP = Pattern.compile("[A-Z][A-Z0-9_]*");

  BillingCode() {}

  /** The five-character CPT or HCPCS code, e.g. {@code 99490}. */
  public abstract String code();

  /** Our own short description of what the code pays for (not AMA text). */
  public abstract String description();

  /** The care program whose consent, enrollment and minutes the code rests on, if any. */
  public abstract Optional<CareProgram> program();

  /**
   * The concurrency group the code belongs to, e.g. {@code CCM}, {@code PCM}, {@code COCM}, {@code
   * CARE_PLAN_OVERSIGHT}; {@link ConcurrencyRule}s name groups.
   */
  public abstract String group();

  /** What the code's units are counted in. */
  public abstract Basis basis();

  /** Where the engine takes the code's lines from. */
  public abstract BilledFrom billedFrom();

  /** Whose time the code pays for. */
  public abstract Performer performer();

  /** For a base time code: the minutes the first unit needs (full minutes; no midpoint rule). */
  public abstract Optional<Integer> thresholdMinutes();

  /** For a time add-on: the minutes each further unit needs beyond its parent's threshold. */
  public abstract Optional<Integer> blockMinutes();

  /**
   * For a device-days code: the fewest days with device data in a 30-day period that the code needs
   * (inclusive); for an episode code (99453), the data days its first period needs, where the
   * reference confirms a figure.
   */
  public abstract Optional<Integer> minDeviceDays();

  /**
   * For a device-days code: the most days with device data in a 30-day period that the code is for
   * (inclusive), e.g. 15 for 99445.
   */
  public abstract Optional<Integer> maxDeviceDays();

  /** The most units a month may carry, where the reference confirms a policy cap (99439: 2). */
  public abstract Optional<Integer> maxUnitsPerMonth();

  /** For an add-on: the codes it is billed with (by the same practitioner, same month), sorted. */
  @Value.NaturalOrder
  public abstract ImmutableSortedSet<String> parents();

  /** What the code needs besides its threshold, in enum order. */
  @Value.NaturalOrder
  public abstract ImmutableSortedSet<Requirement> requirements();

  /** The fewest distinct chronic conditions the patient must have (APCM tiers), if any. */
  public abstract Optional<Integer> minChronicConditions();

  /** The most distinct chronic conditions the patient may have (APCM level 1), if any. */
  public abstract Optional<Integer> maxChronicConditions();

  /** The national allowed amounts known for the year, each with its source, in file order. */
  public abstract ImmutableList<FeeAmount> amounts();

  /** Component RVUs for locality adjustment, when known. */
  public abstract Optional<Rvus> rvus();

  /** The first day the entry applies, when later than its catalog's start. */
  public abstract Optional<LocalDate> effectiveFrom();

  /** The last day the entry applies, when earlier than its catalog's end. */
  public abstract Optional<LocalDate> effectiveTo();

  /** Where the rules of the code (threshold, cap, parents) come from, in file order. */
  public abstract ImmutableList<String> sources();

  /** Caveats, e.g. why an amount is absent (UNCONFIRMED in the reference), in file order. */
  public abstract ImmutableList<String> notes();

  /** Returns whether the code is an add-on (it has parents). */
  @JsonIgnore
  public boolean isAddOn() {
    return !parents().isEmpty();
  }

  /**
   * Returns the national amount for a setting and conversion factor. A {@link
   * ConversionFactorType#SINGLE} amount answers for both QP and non-QP.
   *
   * @param setting the setting
   * @param factor the conversion factor wanted ({@code NON_QP} or {@code QP})
   * @return the amount, or empty when the catalog has none (e.g. UNCONFIRMED)
   */
  public Optional<FeeAmount> amount(CareSetting setting, ConversionFactorType factor) {
    Optional<FeeAmount> exact =
        amounts().stream()
            .filter(a -> a.setting() == setting && a.conversionFactor() == factor)
            .findFirst();
    if (exact.isPresent()) {
      return exact;
    }
    return amounts().stream()
        .filter(a -> a.setting() == setting && a.conversionFactor() == ConversionFactorType.SINGLE)
        .findFirst();
  }

  /**
   * Returns whether the entry applies on {@code date}, within its catalog's dates.
   *
   * @param date the date
   * @return true unless the entry's own dates exclude it
   */
  public boolean appliesOn(LocalDate date) {
    return effectiveFrom().map(f -> !date.isBefore(f)).orElse(true)
        && effectiveTo().map(t -> !date.isAfter(t)).orElse(true);
  }

  /** Returns a new builder. */
  public static ImmutableBillingCode.Builder builder() {
    return ImmutableBillingCode.builder();
  }

  @Value.Check
  protected void check() {
    checkArgument(
        CODE.matcher(code()).matches(), "code must be 5 characters [0-9A-Z]: '%s'", code());
    checkArgument(!description().isBlank(), "%s: a description is required", code());
    checkArgument(
        GROUP.matcher(group()).matches(),
        "%s: group must match [A-Z][A-Z0-9_]*: '%s'",
        code(),
        group());
    thresholdMinutes().ifPresent(t -> checkArgument(t > 0, "%s: threshold must be > 0", code()));
    blockMinutes().ifPresent(b -> checkArgument(b > 0, "%s: block must be > 0", code()));
    maxUnitsPerMonth().ifPresent(m -> checkArgument(m > 0, "%s: unit cap must be > 0", code()));
    minDeviceDays().ifPresent(d -> checkArgument(d > 0, "%s: minDeviceDays must be > 0", code()));
    maxDeviceDays()
        .ifPresent(
            max ->
                checkArgument(
                    minDeviceDays().map(min -> min <= max).orElse(false),
                    "%s: maxDeviceDays needs minDeviceDays, not above it",
                    code()));
    checkArgument(!parents().contains(code()), "%s: a code cannot be its own parent", code());
    if (effectiveFrom().isPresent() && effectiveTo().isPresent()) {
      checkArgument(
          !effectiveTo().get().isBefore(effectiveFrom().get()),
          "%s: effectiveTo before effectiveFrom",
          code());
    }
  }
}
