package org.ccmkit.billing;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableSortedSet;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Optional;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.model.SourceRef;
import org.immutables.value.Value;

/**
 * A code line that rules outside ccm-billing decided, handed to the billing engine to be priced in
 * {@link BillingInput#externalLines()}: today the RPM lines of ccm-rpm ({@code RpmCodeLine} maps
 * field for field: code, units, date of service, service period, billing practitioner, sources).
 *
 * <p>The engine trusts the producing rules for the code's own conditions (data days, minutes,
 * interactive communication, consent, one practitioner per 30-day period). It checks that the code
 * is an {@link BilledFrom#EXTERNAL} code of the month's {@link CodeCatalog} and that the line is
 * dated in the month, applies the catalog's monthly cap, add-on parents, concurrency pairs and
 * claims on file like any other line, prices it from the catalog and counts it in the month's
 * patient-share estimate. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableExternalLine.class)
@JsonDeserialize(as = ImmutableExternalLine.class)
public abstract class ExternalLine implements Serializable {
  private static final long serialVersionUID = 1L;

  ExternalLine() {}

  /** The CPT or HCPCS code, e.g. {@code 99454}. */
  public abstract String code();

  /** The units (1, except for add-ons such as 99458). */
  @Value.Default
  public int units() {
    return 1;
  }

  /** The date of service, in the service month. */
  public abstract LocalDate serviceDate();

  /**
   * The period the line covers, when its rules have one (an RPM device code's 30-day period, the
   * calendar month of RPM treatment management); it contains the date of service.
   */
  public abstract Optional<DateRange> servicePeriod();

  /** The billing practitioner. */
  public abstract PractitionerRef practitioner();

  /** The input resources the producing rules counted (readings, time entries), sorted. */
  @Value.NaturalOrder
  public abstract ImmutableSortedSet<SourceRef> evidence();

  /** Returns a new builder. */
  public static ImmutableExternalLine.Builder builder() {
    return ImmutableExternalLine.builder();
  }

  @Value.Check
  protected void check() {
    checkArgument(!code().isBlank(), "an external line needs a code");
    checkArgument(units() > 0, "%s: units must be > 0", code());
    servicePeriod()
        .ifPresent(
            p ->
                checkArgument(
                    p.contains(serviceDate()),
                    "%s: date of service %s lies outside the service period %s",
                    code(),
                    serviceDate(),
                    p));
  }
}
