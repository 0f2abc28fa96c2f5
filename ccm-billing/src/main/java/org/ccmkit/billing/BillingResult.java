package org.ccmkit.billing;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.time.YearMonth;
import java.util.Optional;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.rule.Decision;
import org.immutables.value.Value;

/**
 * The billing engine's answer for one patient and month: the claim lines grouped by billing
 * practitioner, one {@link Decision} per program and practitioner (rule {@code billing.<program>})
 * explaining what was billed or why not, one for the patient-share estimate ({@code
 * billing.patient-share}), and the estimate itself. Equal inputs give equal results and
 * byte-identical JSON. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableBillingResult.class)
@JsonDeserialize(as = ImmutableBillingResult.class)
public abstract class BillingResult implements Serializable {
  private static final long serialVersionUID = 1L;

  BillingResult() {}

  /** The patient. */
  public abstract PatientRef patient();

  /** The service month. */
  public abstract YearMonth month();

  /** The version of the code catalog used, e.g. {@code CY2026.1}. */
  public abstract String catalogVersion();

  /** The version of the billing parameters used. */
  public abstract String parametersVersion();

  /** The claims, one per billing practitioner with lines, sorted by practitioner id. */
  public abstract ImmutableList<PractitionerClaim> claims();

  /** The decisions, sorted by rule name, then practitioner id. */
  public abstract ImmutableList<Decision> decisions();

  /** The patient-share estimate. */
  public abstract PatientShareEstimate estimate();

  /** Returns every line of every claim, in claim order. */
  @JsonIgnore
  public ImmutableList<ClaimLine> lines() {
    return claims().stream()
        .flatMap(c -> c.lines().stream())
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * Returns the decision of rule {@code ruleName} about {@code practitioner}.
   *
   * @param ruleName e.g. {@code billing.ccm}
   * @param practitioner the practitioner
   * @return the decision, or empty
   */
  public Optional<Decision> decision(String ruleName, PractitionerRef practitioner) {
    return decisions().stream()
        .filter(d -> d.ruleId().name().equals(ruleName))
        .filter(d -> d.practitioner().equals(Optional.of(practitioner)))
        .findFirst();
  }

  /**
   * Returns the first decision of rule {@code ruleName}.
   *
   * @param ruleName e.g. {@code billing.patient-share}
   * @return the decision, or empty
   */
  public Optional<Decision> decision(String ruleName) {
    return decisions().stream().filter(d -> d.ruleId().name().equals(ruleName)).findFirst();
  }

  /** Returns a new builder. */
  public static ImmutableBillingResult.Builder builder() {
    return ImmutableBillingResult.builder();
  }
}
