package org.ccmkit.core.rule;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.Serializable;
import org.immutables.value.Value;

/**
 * Names a rule and the version of the parameters it was evaluated with, e.g. {@code
 * ccm.eligibility@CY2026.1}. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableRuleId.class)
@JsonDeserialize(as = ImmutableRuleId.class)
public abstract class RuleId implements Serializable {
  private static final long serialVersionUID = 1L;

  RuleId() {}

  /** The rule's stable name, e.g. {@code ccm.eligibility}. */
  @Value.Parameter
  public abstract String name();

  /** The version of the parameters the rule ran with, e.g. {@code CY2026.1}. */
  @Value.Parameter
  public abstract String version();

  /**
   * Returns the id of rule {@code name} at {@code version}.
   *
   * @param name the rule's name
   * @param version the parameters' version
   * @return the id
   * @throws IllegalArgumentException if either is blank
   */
  public static RuleId of(String name, String version) {
    return ImmutableRuleId.of(name, version);
  }

  @Value.Check
  protected void check() {
    checkArgument(!name().isBlank() && !version().isBlank(), "rule name and version are required");
  }

  /** Returns {@code name@version}. */
  @Override
  public String toString() {
    return name() + "@" + version();
  }
}
