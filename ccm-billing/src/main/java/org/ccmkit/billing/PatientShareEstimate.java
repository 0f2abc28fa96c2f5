package org.ccmkit.billing;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import org.ccmkit.core.model.Money;
import org.immutables.value.Value;

/**
 * The estimated patient share for a month's lines (rules reference §7): per line and in total, as a
 * range from {@link #low()} to {@link #high()}. Amounts are exact decimal arithmetic, each line's
 * share rounded once half-up to cents; the month's totals are sums of the rounded line amounts. The
 * decision with rule {@code billing.patient-share} explains the basis. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePatientShareEstimate.class)
@JsonDeserialize(as = ImmutablePatientShareEstimate.class)
public abstract class PatientShareEstimate implements Serializable {
  private static final long serialVersionUID = 1L;

  PatientShareEstimate() {}

  /** What the estimate is based on. */
  public abstract ShareBasis basis();

  /** Whether an estimate was made ({@code false}: Medicare Advantage without plan data). */
  public abstract boolean estimated();

  /**
   * Whether the practice may send the patient a statement for Medicare cost sharing ({@code false}
   * for a QMB: COST-T03).
   */
  public abstract boolean patientMayBeBilled();

  /** The per-line estimates, in the order the deductible was applied (date, practitioner, code). */
  public abstract ImmutableList<LineShare> lines();

  /** The month's total known allowed amount. */
  public abstract Money totalAllowed();

  /** The month's lowest estimated patient share. */
  public abstract Money low();

  /** The month's highest estimated patient share. */
  public abstract Money high();

  /** Returns a new builder. */
  public static ImmutablePatientShareEstimate.Builder builder() {
    return ImmutablePatientShareEstimate.builder();
  }
}
