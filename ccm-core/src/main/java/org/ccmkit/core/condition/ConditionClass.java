package org.ccmkit.core.condition;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.Serializable;
import org.ccmkit.core.model.Code;
import org.immutables.value.Value;

/**
 * What a classifier says about one code: its chronicity, the disease group it counts in (codes of
 * one group count once), and which table said so. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableConditionClass.class)
@JsonDeserialize(as = ImmutableConditionClass.class)
public abstract class ConditionClass implements Serializable {
  private static final long serialVersionUID = 1L;

  ConditionClass() {}

  /** The code classified. */
  @Value.Parameter
  public abstract Code code();

  /** Whether it is chronic. */
  @Value.Parameter
  public abstract Chronicity chronicity();

  /**
   * The disease group, e.g. {@code DIABETES} (a CMS CCW condition), {@code EPILEPSY} (a ccmkit
   * group) or {@code ICD10CM:E88} (a 3-character ICD-10-CM category).
   */
  @Value.Parameter
  public abstract String group();

  /** The table that classified it, e.g. {@code ahrq-cci-icd10cm-v2019.1}. */
  @Value.Parameter
  public abstract String source();

  /**
   * Returns a classification.
   *
   * @param code the code
   * @param chronicity its chronicity
   * @param group its disease group
   * @param source the table that said so
   * @return the classification
   */
  public static ConditionClass of(Code code, Chronicity chronicity, String group, String source) {
    return ImmutableConditionClass.of(code, chronicity, group, source);
  }

  /** Returns whether the code counts as a chronic disease. */
  public boolean isChronic() {
    return chronicity() == Chronicity.CHRONIC;
  }
}
