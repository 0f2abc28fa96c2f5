package org.ccmkit.rpm;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.Serializable;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The treatment-management add-on (99458): one unit per further full block of minutes after its
 * base code (99457), with an optional policy cap and an optional MUE. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAddOnParameters.class)
@JsonDeserialize(as = ImmutableAddOnParameters.class)
public abstract class AddOnParameters implements Serializable {
  private static final long serialVersionUID = 1L;

  AddOnParameters() {}

  /** The add-on's CPT code (99458). */
  public abstract String code();

  /** The base code the add-on follows (99457); it never follows another code. */
  public abstract String baseCode();

  /** The minutes each unit needs, counted after the base code's minimum (20). */
  public abstract int minutesPerUnit();

  /**
   * A monthly policy cap on units, when a payer has one. CMS has none that a source read shows
   * (open question Q5), so the shipped default is empty.
   */
  public abstract Optional<Integer> policyCap();

  /** The per-claim MUE, when known. */
  public abstract Optional<MueLimit> mue();

  /** Returns a new builder. */
  public static ImmutableAddOnParameters.Builder builder() {
    return ImmutableAddOnParameters.builder();
  }

  @Value.Check
  protected void check() {
    checkArgument(minutesPerUnit() >= 1, "minutesPerUnit must be positive");
    policyCap().ifPresent(c -> checkArgument(c >= 0, "policyCap must not be negative"));
  }
}
