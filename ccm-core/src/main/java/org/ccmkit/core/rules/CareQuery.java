package org.ccmkit.core.rules;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.Serializable;
import java.time.YearMonth;
import java.util.Optional;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.model.PractitionerRef;
import org.immutables.value.Value;

/**
 * The question every core rule answers about: one patient, one program, one service month, and
 * optionally the billing practitioner (when absent, the one enrolled for the month is used).
 * Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCareQuery.class)
@JsonDeserialize(as = ImmutableCareQuery.class)
public abstract class CareQuery implements Serializable {
  private static final long serialVersionUID = 1L;

  CareQuery() {}

  /** Everything known about the patient. */
  public abstract PatientRecord record();

  /** The program. */
  public abstract CareProgram program();

  /** The service month (a calendar month in the practice's zone). */
  public abstract YearMonth month();

  /** The billing practitioner, when the caller names one. */
  public abstract Optional<PractitionerRef> billingPractitioner();

  /**
   * Returns a query without a named billing practitioner.
   *
   * @param record the patient's record
   * @param program the program
   * @param month the service month
   * @return the query
   */
  public static CareQuery of(PatientRecord record, CareProgram program, YearMonth month) {
    return ImmutableCareQuery.builder().record(record).program(program).month(month).build();
  }

  /**
   * Returns a query for a named billing practitioner.
   *
   * @param record the patient's record
   * @param program the program
   * @param month the service month
   * @param practitioner the billing practitioner
   * @return the query
   */
  public static CareQuery of(
      PatientRecord record, CareProgram program, YearMonth month, PractitionerRef practitioner) {
    return ImmutableCareQuery.builder()
        .record(record)
        .program(program)
        .month(month)
        .billingPractitioner(practitioner)
        .build();
  }
}
