package org.ccmkit.rpm;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.time.YearMonth;
import java.util.Optional;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.model.PractitionerRef;
import org.immutables.value.Value;

/**
 * The question the RPM billing rules answer: one patient, one reporting month (in the practice's
 * zone), optionally the billing practitioner (when absent, the only one enrolled in RPM around the
 * month), and the claims already made for the patient. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableRpmQuery.class)
@JsonDeserialize(as = ImmutableRpmQuery.class)
public abstract class RpmQuery implements Serializable {
  private static final long serialVersionUID = 1L;

  RpmQuery() {}

  /** Everything known about the patient, readings included. */
  public abstract PatientRecord record();

  /**
   * The reporting month: management minutes of this calendar month, and device periods that end in
   * it.
   */
  public abstract YearMonth month();

  /** The billing practitioner, when the caller names one. */
  public abstract Optional<PractitionerRef> billingPractitioner();

  /** Claims already made for the patient (by anyone), in the order given. */
  public abstract ImmutableList<PriorClaim> priorClaims();

  /**
   * Returns a query without a named practitioner or prior claims.
   *
   * @param record the patient's record
   * @param month the reporting month
   * @return the query
   */
  public static RpmQuery of(PatientRecord record, YearMonth month) {
    return builder().record(record).month(month).build();
  }

  /** Returns a new builder. */
  public static ImmutableRpmQuery.Builder builder() {
    return ImmutableRpmQuery.builder();
  }
}
