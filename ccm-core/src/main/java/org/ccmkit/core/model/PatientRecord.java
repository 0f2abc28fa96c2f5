package org.ccmkit.core.model;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.Ordering;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.immutables.value.Value;

/**
 * Everything ccmkit knows about one patient: the inputs every core rule reads. Each list is kept
 * sorted by {@link SourceRef} whatever order it was built in, so equal inputs give equal records
 * and equal decisions. Value-based and serializable, so it can travel between workers.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePatientRecord.class)
@JsonDeserialize(as = ImmutablePatientRecord.class)
public abstract class PatientRecord implements Serializable {
  private static final long serialVersionUID = 1L;

  PatientRecord() {}

  /** The patient. */
  public abstract Patient patient();

  /** The patient's conditions, sorted by source. */
  public abstract ImmutableList<ConditionRecord> conditions();

  /** The patient's program enrollments, sorted by source. */
  public abstract ImmutableList<Enrollment> enrollments();

  /** The patient's consent records, sorted by source. */
  public abstract ImmutableList<Consent> consents();

  /** The care-management time logged for the patient, sorted by source. */
  public abstract ImmutableList<TimeEntry> timeEntries();

  /** Practitioners' attestations about the patient, sorted by source. */
  public abstract ImmutableList<Attestation> attestations();

  /** The patient's coverages, sorted by source. */
  public abstract ImmutableList<Coverage> coverages();

  /** The patient's visits, sorted by source. */
  public abstract ImmutableList<Visit> visits();

  /** The patient's physiologic readings (remote monitoring and others), sorted by source. */
  public abstract ImmutableList<Reading> readings();

  /**
   * The patient's care plans, sorted by source.
   *
   * @since 0.2.0
   */
  public abstract ImmutableList<CarePlanRecord> carePlans();

  /** Returns the patient's reference. */
  public PatientRef ref() {
    return patient().ref();
  }

  /** Returns a new builder. */
  public static ImmutablePatientRecord.Builder builder() {
    return ImmutablePatientRecord.builder();
  }

  /** Keeps every list sorted by source, so that input order never matters. */
  @Value.Check
  protected PatientRecord normalize() {
    PatientRef p = ref();
    checkOwner(conditions(), ConditionRecord::patient, ConditionRecord::source, p);
    checkOwner(enrollments(), Enrollment::patient, Enrollment::source, p);
    checkOwner(consents(), Consent::patient, Consent::source, p);
    checkOwner(timeEntries(), TimeEntry::patient, TimeEntry::source, p);
    checkOwner(attestations(), Attestation::patient, Attestation::source, p);
    checkOwner(coverages(), Coverage::patient, Coverage::source, p);
    checkOwner(visits(), Visit::patient, Visit::source, p);
    checkOwner(readings(), Reading::patient, Reading::source, p);
    checkOwner(carePlans(), CarePlanRecord::patient, CarePlanRecord::source, p);
    if (sorted(conditions(), ConditionRecord::source)
        && sorted(enrollments(), Enrollment::source)
        && sorted(consents(), Consent::source)
        && sorted(timeEntries(), TimeEntry::source)
        && sorted(attestations(), Attestation::source)
        && sorted(coverages(), Coverage::source)
        && sorted(visits(), Visit::source)
        && sorted(readings(), Reading::source)
        && sorted(carePlans(), CarePlanRecord::source)) {
      return this;
    }
    return ImmutablePatientRecord.builder()
        .patient(patient())
        .conditions(sort(conditions(), ConditionRecord::source))
        .enrollments(sort(enrollments(), Enrollment::source))
        .consents(sort(consents(), Consent::source))
        .timeEntries(sort(timeEntries(), TimeEntry::source))
        .attestations(sort(attestations(), Attestation::source))
        .coverages(sort(coverages(), Coverage::source))
        .visits(sort(visits(), Visit::source))
        .readings(sort(readings(), Reading::source))
        .carePlans(sort(carePlans(), CarePlanRecord::source))
        .build();
  }

  private static <T> void checkOwner(
      List<T> items, Function<T, PatientRef> owner, Function<T, SourceRef> source, PatientRef p) {
    for (T item : items) {
      PatientRef actual = owner.apply(item);
      checkArgument(actual.equals(p), "%s belongs to %s, not to %s", source.apply(item), actual, p);
    }
  }

  private static <T> boolean sorted(List<T> items, Function<T, SourceRef> key) {
    return Ordering.from(Comparator.comparing(key)).isOrdered(items);
  }

  private static <T> List<T> sort(List<T> items, Function<T, SourceRef> key) {
    return ImmutableList.sortedCopyOf(Comparator.comparing(key), items);
  }
}
