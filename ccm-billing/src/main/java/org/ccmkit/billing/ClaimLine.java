package org.ccmkit.billing;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableSortedSet;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.model.Money;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.model.SourceRef;
import org.immutables.value.Value;

/**
 * One claim line the engine says may be billed: code, units, date of service, billing practitioner,
 * and its allowed amount with the source of the figure. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableClaimLine.class)
@JsonDeserialize(as = ImmutableClaimLine.class)
public abstract class ClaimLine implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The order of lines on a claim: date of service, then code. */
  public static final Comparator<ClaimLine> ORDER =
      Comparator.comparing(ClaimLine::serviceDate)
          .thenComparing(ClaimLine::code)
          .thenComparing(ClaimLine::practitioner);

  ClaimLine() {}

  /** The billing practitioner. */
  public abstract PractitionerRef practitioner();

  /** The CPT or HCPCS code. */
  public abstract String code();

  /** The program the line belongs to, if any. */
  public abstract Optional<CareProgram> program();

  /** The code's concurrency group. */
  public abstract String group();

  /** The units. */
  public abstract int units();

  /** The date of service. */
  public abstract LocalDate serviceDate();

  /** Where the line came from (time, enrollment, a request, or other rules' external line). */
  public abstract BilledFrom billedFrom();

  /**
   * The period the line covers, when it came with one (an external RPM line: the device code's
   * 30-day period or the management month); it contains the date of service.
   */
  public abstract Optional<DateRange> servicePeriod();

  /** The allowed amount per unit, when the catalog has one for the setting and factor. */
  public abstract Optional<Money> unitAmount();

  /** The allowed amount of the line (units × unit amount), when known. */
  public abstract Optional<Money> allowed();

  /**
   * How the amount was found, e.g. {@code "national NON_FACILITY NON_QP: RVU26C ..."} or {@code
   * "locality 01112-05 from RVUs"}.
   */
  public abstract Optional<String> amountSource();

  /** The input resources the line rests on (time entries, requests, readings), sorted. */
  @Value.NaturalOrder
  public abstract ImmutableSortedSet<SourceRef> evidence();

  /** A claim on file with the same practitioner, code and month, if any (do not submit twice). */
  public abstract Optional<SourceRef> onFile();

  /** Returns a new builder. */
  public static ImmutableClaimLine.Builder builder() {
    return ImmutableClaimLine.builder();
  }

  @Value.Check
  protected void check() {
    checkArgument(units() > 0, "%s: units must be > 0", code());
  }
}
