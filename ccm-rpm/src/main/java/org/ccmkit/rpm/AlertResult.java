package org.ccmkit.rpm;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import org.ccmkit.core.rule.Decision;
import org.immutables.value.Value;

/**
 * The alerts of one patient's reading series up to the evaluation date, and the decision that
 * explains them (readings left out, rules that did not apply, overrides used). Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAlertResult.class)
@JsonDeserialize(as = ImmutableAlertResult.class)
public abstract class AlertResult implements Serializable {
  private static final long serialVersionUID = 1L;

  AlertResult() {}

  /** The decision ({@code rpm.alerts}): MET when at least one alert was raised. */
  public abstract Decision decision();

  /** The alerts, sorted by the time they opened, then group. */
  public abstract ImmutableList<Alert> alerts();

  /**
   * Returns the alerts of {@code severity}.
   *
   * @param severity a severity
   * @return the alerts, in order
   */
  public ImmutableList<Alert> withSeverity(AlertSeverity severity) {
    return alerts().stream()
        .filter(a -> a.severity() == severity)
        .collect(ImmutableList.toImmutableList());
  }

  /** Returns a new builder. */
  public static ImmutableAlertResult.Builder builder() {
    return ImmutableAlertResult.builder();
  }
}
