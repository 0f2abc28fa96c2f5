package org.ccmkit.rpm;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import org.ccmkit.core.params.EffectiveDated;
import org.ccmkit.core.params.ParameterCatalog;
import org.ccmkit.core.params.ParameterFiles;
import org.immutables.value.Value;

/**
 * The parameters of the RPM rules for one rule year: device-supply tiers, the 99453 threshold,
 * treatment-management tiers, the enrolment rules and the alert defaults. Code descriptions and
 * national amounts are not rules: they live in ccm-billing's code catalog. The shipped years live
 * in {@code org/ccmkit/rpm/rpm-CY2025.json} and {@code rpm-CY2026.json}, listed in {@code
 * rpm-parameters.index}; each value names its source there and in {@code docs/rpm.md}. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableRpmParameters.class)
@JsonDeserialize(as = ImmutableRpmParameters.class)
public abstract class RpmParameters implements EffectiveDated, Serializable {
  private static final long serialVersionUID = 1L;

  private static final String INDEX = "rpm-parameters.index";

  RpmParameters() {}

  /** Device-supply codes (99454, 99445). */
  public abstract DeviceSupplyParameters deviceSupply();

  /** Device set-up (99453). */
  public abstract SetupParameters setup();

  /** Treatment management (99470, 99457, 99458). */
  public abstract ManagementParameters management();

  /** Who may be in RPM. */
  public abstract EnrollmentParameters enrollment();

  /** Alert defaults. */
  public abstract AlertParameters alerts();

  /** The sources the values rest on. */
  public abstract ImmutableList<String> sources();

  /** Returns a new builder. */
  public static ImmutableRpmParameters.Builder builder() {
    return ImmutableRpmParameters.builder();
  }

  /**
   * Returns the parameter sets shipped with ccmkit (CY2025 and CY2026).
   *
   * @return the catalog
   * @throws org.ccmkit.core.rule.CcmException with {@code INVALID_PARAMETERS} if a shipped file is
   *     malformed (a packaging bug)
   */
  public static ParameterCatalog<RpmParameters> builtIn() {
    return BuiltIn.CATALOG;
  }

  /** Lazily loads the shipped sets once; the catalog is immutable. */
  private static final class BuiltIn {
    static final ParameterCatalog<RpmParameters> CATALOG =
        ParameterFiles.loadIndexed(RpmParameters.class, INDEX, RpmParameters.class);
  }
}
