package org.ccmkit.rpm;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableSortedSet;
import java.io.Serializable;
import java.time.LocalDate;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.model.SourceRef;
import org.immutables.value.Value;

/**
 * One billable RPM code: the code and units, what it is counted on, the billing practitioner, the
 * date of service and the period it covers, and the inputs it rests on. Device codes cover a 30-day
 * period and are dated on its last day; management codes cover the calendar month and are dated on
 * its last day (CCM-T12 allows that date). Prices and the patient's share are not RPM rules: the
 * codes and amounts live in ccm-billing's code catalog, and a month-end runner hands each line,
 * field for field, to ccm-billing's engine as an external line. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableRpmCodeLine.class)
@JsonDeserialize(as = ImmutableRpmCodeLine.class)
public abstract class RpmCodeLine implements Serializable {
  private static final long serialVersionUID = 1L;

  RpmCodeLine() {}

  /** The CPT code. */
  public abstract String code();

  /** The units (1, except for the 99458 add-on). */
  public abstract int units();

  /** What the code is counted on. */
  public abstract CodeBasis basis();

  /** The billing practitioner. */
  public abstract PractitionerRef practitioner();

  /** The date of service. */
  public abstract LocalDate serviceDate();

  /** The period the code covers. */
  public abstract DateRange servicePeriod();

  /** The readings or time entries it rests on, sorted. */
  @Value.NaturalOrder
  public abstract ImmutableSortedSet<SourceRef> sources();

  /** Returns a new builder. */
  public static ImmutableRpmCodeLine.Builder builder() {
    return ImmutableRpmCodeLine.builder();
  }

  @Value.Check
  protected void check() {
    checkArgument(units() >= 1, "a code line has at least one unit");
  }
}
