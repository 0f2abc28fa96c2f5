package org.ccmkit.core.model;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One stretch of care-management time spent by one person on one program for one patient (FHIR
 * {@code Procedure} with a care-program category). It belongs to the month and day on which it
 * starts in the practice's zone. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableTimeEntry.class)
@JsonDeserialize(as = ImmutableTimeEntry.class)
public abstract class TimeEntry implements Serializable {
  private static final long serialVersionUID = 1L;

  TimeEntry() {}

  /** The resource the entry came from. */
  public abstract SourceRef source();

  /** The patient. */
  public abstract PatientRef patient();

  /** The person who spent the time. */
  public abstract PractitionerRef performer();

  /** The role the person spent it in. */
  public abstract StaffRole performerRole();

  /** The program the minutes are for; a minute belongs to exactly one program. */
  public abstract CareProgram program();

  /** When the time started. */
  public abstract Instant start();

  /** When the time ended; not before {@link #start()}. */
  public abstract Instant end();

  /** Whether the entry is a real-time, two-way interactive communication with the patient. */
  @Value.Default
  public boolean interactive() {
    return false;
  }

  /** The activity code, when recorded. */
  public abstract Optional<Code> activity();

  /** Free-text note; may contain PHI, so it never prints. */
  @Value.Redacted
  public abstract Optional<String> note();

  /** Returns the length of the entry. */
  public Duration duration() {
    return Duration.between(start(), end());
  }

  /** Returns the whole minutes between start and end (partial minutes are dropped). */
  public long wholeMinutes() {
    return duration().toMinutes();
  }

  /** Returns a new builder. */
  public static ImmutableTimeEntry.Builder builder() {
    return ImmutableTimeEntry.builder();
  }

  @Value.Check
  protected void check() {
    checkArgument(!end().isBefore(start()), "time entry %s ends before it starts", source());
  }
}
