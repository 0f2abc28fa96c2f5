package org.ccmkit.billing;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.Serializable;
import org.ccmkit.core.rule.Decision;
import org.immutables.value.Value;

/**
 * The patient share one unit of a code would carry if billed in a month, before the patient is
 * enrolled (an outreach quote, e.g. 99490 for a CCM candidate): the estimate, priced and estimated
 * exactly as {@link BillingEngine#evaluate} does for a billed line, and the {@code
 * billing.patient-share} decision that explains it. Value-based.
 *
 * @since 0.2.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableShareQuote.class)
@JsonDeserialize(as = ImmutableShareQuote.class)
public abstract class ShareQuote implements Serializable {
  private static final long serialVersionUID = 1L;

  ShareQuote() {}

  /** The code quoted. */
  public abstract String code();

  /** The estimate (one line). */
  public abstract PatientShareEstimate estimate();

  /** The {@code billing.patient-share} decision: basis, coverage evidence, reasons. */
  public abstract Decision decision();

  /** Returns a new builder. */
  public static ImmutableShareQuote.Builder builder() {
    return ImmutableShareQuote.builder();
  }
}
