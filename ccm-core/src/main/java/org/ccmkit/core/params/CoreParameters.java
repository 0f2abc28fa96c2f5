package org.ccmkit.core.params;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import org.immutables.value.Value;

/**
 * The parameters of the core rules (eligibility, consent, initiating visit, time accrual) for one
 * rule year. The shipped years live in {@code org/ccmkit/core/params/core-*.json}, listed in {@code
 * core-parameters.index}; every value there names its source. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCoreParameters.class)
@JsonDeserialize(as = ImmutableCoreParameters.class)
public abstract class CoreParameters implements EffectiveDated, Serializable {
  private static final long serialVersionUID = 1L;

  private static final String INDEX = "core-parameters.index";

  CoreParameters() {}

  /** Eligibility criteria per program. */
  public abstract EligibilityParameters eligibility();

  /** Consent handling. */
  public abstract ConsentParameters consent();

  /** Which visits count as initiating visits, and how far back. */
  public abstract InitiatingVisitParameters initiatingVisit();

  /** How care-management time is counted. */
  public abstract TimeAccrualParameters timeAccrual();

  /**
   * The comprehensive care plan and program set-up.
   *
   * @since 0.2.0
   */
  public abstract CarePlanParameters carePlan();

  /** The sources the values rest on (rules reference sections and the documents they cite). */
  public abstract ImmutableList<String> sources();

  /** Returns a new builder. */
  public static ImmutableCoreParameters.Builder builder() {
    return ImmutableCoreParameters.builder();
  }

  /**
   * Returns the parameter sets shipped with ccmkit (CY2025 and CY2026).
   *
   * @return the catalog
   * @throws org.ccmkit.core.rule.CcmException with {@code INVALID_PARAMETERS} if a shipped file is
   *     malformed (a packaging bug)
   */
  public static ParameterCatalog<CoreParameters> builtIn() {
    return BuiltIn.CATALOG;
  }

  /** Lazily loads the shipped sets once; the catalog is immutable. */
  private static final class BuiltIn {
    static final ParameterCatalog<CoreParameters> CATALOG =
        ParameterFiles.loadIndexed(CoreParameters.class, INDEX, CoreParameters.class);
  }
}
