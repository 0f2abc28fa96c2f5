package org.ccmkit.core.sweep;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.Serializable;
import org.ccmkit.core.model.Money;
import org.immutables.value.Value;

/**
 * A candidate's estimated monthly patient share for the sweep's quote code (99490), as a range,
 * from the billing module's estimator (rules reference §7: deductible, coinsurance, Medigap, QMB,
 * Medicare Advantage). The sweep leaves it to the caller to fill in ({@link Screening#withShare}),
 * since ccm-core does not price codes. Value-based.
 *
 * @since 0.2.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCandidateShare.class)
@JsonDeserialize(as = ImmutableCandidateShare.class)
public abstract class CandidateShare implements Serializable {
  private static final long serialVersionUID = 1L;

  CandidateShare() {}

  /** The code quoted, e.g. {@code 99490}. */
  public abstract String code();

  /** What the estimate rests on, e.g. {@code ORIGINAL_MEDICARE}, {@code QMB}, {@code MEDIGAP}. */
  public abstract String basis();

  /** Whether an estimate was made (false for Medicare Advantage without plan data). */
  public abstract boolean estimated();

  /** Whether the patient may be billed Medicare cost sharing (false for a QMB). */
  public abstract boolean patientMayBeBilled();

  /** The code's allowed amount used. */
  public abstract Money allowed();

  /** The lowest estimated patient share. */
  public abstract Money low();

  /** The highest estimated patient share. */
  public abstract Money high();

  /** One sentence on the basis, without PHI (e.g. no coverage on file, deductible unknown). */
  public abstract String note();

  /** Returns a new builder. */
  public static ImmutableCandidateShare.Builder builder() {
    return ImmutableCandidateShare.builder();
  }
}
