package org.ccmkit.billing;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import com.google.common.collect.Ordering;
import java.io.Serializable;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.Optional;
import org.ccmkit.core.model.Money;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.model.PractitionerRef;
import org.immutables.value.Value;

/**
 * Everything the billing engine needs for one patient and service month: the patient's record (from
 * which it asks ccm-core for eligibility, consent, initiating visit and counted minutes per program
 * and practitioner), claims already on file from any practitioner, services the integrator asks to
 * bill, code lines other rules decided (RPM lines from ccm-rpm, as {@link ExternalLine}s), and what
 * the estimate needs (deductible remaining, locality, plan cost sharing). Lists are kept sorted
 * whatever order they were built in, so input order never matters. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableBillingInput.class)
@JsonDeserialize(as = ImmutableBillingInput.class)
public abstract class BillingInput implements Serializable {
  private static final long serialVersionUID = 1L;

  BillingInput() {}

  /** The patient's record. */
  public abstract PatientRecord record();

  /** The service month (a calendar month in the context's zone). */
  public abstract YearMonth month();

  /** Claims on file for the patient from any practitioner, sorted by source. */
  public abstract ImmutableList<PriorClaim> priorClaims();

  /** Services the integrator asks to bill this month, sorted by source. */
  public abstract ImmutableList<RequestedService> requestedServices();

  /**
   * Code lines decided by other rules (RPM lines from ccm-rpm), to be priced from the catalog and
   * counted in the month's patient-share estimate together with the lines the engine derives (so
   * the deductible is used up once), sorted by practitioner, code, date of service, units, period
   * and evidence.
   */
  public abstract ImmutableList<ExternalLine> externalLines();

  /** Practitioners who run the collaborative care model for the patient (CoCM codes), by id. */
  @Value.NaturalOrder
  public abstract ImmutableSortedSet<PractitionerRef> collaborativeCarePractitioners();

  /** Practitioners who are Qualifying APM Participants (priced with the QP factor), by id. */
  @Value.NaturalOrder
  public abstract ImmutableSortedSet<PractitionerRef> qualifyingApmParticipants();

  /** The setting the services are priced in; non-facility by default. */
  @Value.Default
  public CareSetting setting() {
    return CareSetting.NON_FACILITY;
  }

  /** The locality's GPCIs, when the integrator supplies them; national amounts otherwise. */
  public abstract Optional<Locality> locality();

  /**
   * The Part B deductible the patient still owes this year, when known; unknown gives a range from
   * "met" to "not met".
   */
  public abstract Optional<Money> deductibleRemaining();

  /** The Medicare Advantage plan's cost sharing, when configured. */
  public abstract Optional<PlanCostSharing> planCostSharing();

  /** Returns a new builder. */
  public static ImmutableBillingInput.Builder builder() {
    return ImmutableBillingInput.builder();
  }

  /**
   * Returns the input for a record and month with nothing else.
   *
   * @param record the patient's record
   * @param month the service month
   * @return the input
   */
  public static BillingInput of(PatientRecord record, YearMonth month) {
    return builder().record(record).month(month).build();
  }

  /** The canonical orders, so that equal inputs in any order give equal results. */
  private static final Comparator<PriorClaim> CLAIM_ORDER =
      Comparator.comparing(PriorClaim::source)
          .thenComparing(PriorClaim::code)
          .thenComparing(PriorClaim::practitioner)
          .thenComparing(c -> c.servicePeriod().start())
          .thenComparing(PriorClaim::units)
          .thenComparing(PriorClaim::paid);

  private static final Comparator<RequestedService> REQUEST_ORDER =
      Comparator.comparing(RequestedService::source)
          .thenComparing(RequestedService::code)
          .thenComparing(RequestedService::practitioner)
          .thenComparing(RequestedService::serviceDate)
          .thenComparing(RequestedService::units);
  private static final Comparator<ExternalLine> EXTERNAL_ORDER =
      Comparator.comparing(ExternalLine::practitioner)
          .thenComparing(ExternalLine::code)
          .thenComparing(ExternalLine::serviceDate)
          .thenComparing(ExternalLine::units)
          .thenComparing(l -> l.servicePeriod().map(Object::toString).orElse(""))
          .thenComparing(l -> l.evidence().toString());

  @Value.Check
  protected BillingInput normalize() {
    for (PriorClaim c : priorClaims()) {
      checkArgument(
          c.patient().equals(record().ref()),
          "%s belongs to %s, not to %s",
          c.source(),
          c.patient(),
          record().ref());
    }
    deductibleRemaining()
        .ifPresent(d -> checkArgument(d.amount().signum() >= 0, "deductible remaining >= 0"));
    if (Ordering.from(CLAIM_ORDER).isOrdered(priorClaims())
        && Ordering.from(REQUEST_ORDER).isOrdered(requestedServices())
        && Ordering.from(EXTERNAL_ORDER).isOrdered(externalLines())) {
      return this;
    }
    return ImmutableBillingInput.copyOf(this)
        .withPriorClaims(ImmutableList.sortedCopyOf(CLAIM_ORDER, priorClaims()))
        .withRequestedServices(ImmutableList.sortedCopyOf(REQUEST_ORDER, requestedServices()))
        .withExternalLines(ImmutableList.sortedCopyOf(EXTERNAL_ORDER, externalLines()));
  }
}
