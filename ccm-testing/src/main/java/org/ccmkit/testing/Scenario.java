package org.ccmkit.testing;

import com.google.common.collect.ImmutableList;
import java.time.YearMonth;
import java.time.ZoneId;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.model.Practitioner;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.model.ServiceMonth;
import org.ccmkit.core.rule.EvaluationContext;
import org.ccmkit.core.rules.CareQuery;
import org.immutables.value.Value;

/**
 * One generated test case: a synthetic patient record with the people who care for the patient, the
 * practice's time zone, the service month and the billing practitioner to ask about. Made by {@link
 * Scenarios}; equal seeds give equal scenarios. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
public abstract class Scenario {
  Scenario() {}

  /** The seed the scenario was generated from. */
  public abstract long seed();

  /** The practice's time zone, in which months and days are taken. */
  public abstract ZoneId zone();

  /** The service month asked about. */
  public abstract YearMonth month();

  /** The program asked about. */
  public abstract CareProgram program();

  /** The billing practitioner asked about (one of {@link #practitioners()}). */
  public abstract PractitionerRef billingPractitioner();

  /** The people in the record, at least one of each {@link org.ccmkit.core.model.StaffRole}. */
  public abstract ImmutableList<Practitioner> practitioners();

  /** The patient's record. */
  public abstract PatientRecord record();

  /** Returns the service month in the practice's zone. */
  public ServiceMonth serviceMonth() {
    return ServiceMonth.of(month(), zone());
  }

  /** Returns the query about {@link #record()} for the program, month and billing practitioner. */
  public CareQuery query() {
    return queryFor(record());
  }

  /**
   * Returns the same question asked about another record (a shuffled or extended copy).
   *
   * @param other the record
   * @return the query
   */
  public CareQuery queryFor(PatientRecord other) {
    return CareQuery.of(other, program(), month(), billingPractitioner());
  }

  /** Returns the context of a month-end run: the last day of the month, in the practice's zone. */
  public EvaluationContext context() {
    return EvaluationContext.endOf(month(), zone());
  }

  /** Returns a new builder. */
  public static ImmutableScenario.Builder builder() {
    return ImmutableScenario.builder();
  }

  /** Returns e.g. {@code Scenario[seed=42, 2025-03@America/New_York]}, without the record. */
  @Override
  public String toString() {
    return "Scenario[seed=" + seed() + ", " + serviceMonth() + "]";
  }
}
