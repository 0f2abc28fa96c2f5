package org.ccmkit.core.rules;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.core.model.StaffRole;
import org.ccmkit.core.rule.Decision;
import org.immutables.value.Value;

/**
 * The time-accrual rule's answer for one patient, program and month: the decision (with every
 * excluded entry as evidence), the counted blocks, and totals per role. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAccruedTime.class)
@JsonDeserialize(as = ImmutableAccruedTime.class)
public abstract class AccruedTime implements Serializable {
  private static final long serialVersionUID = 1L;

  AccruedTime() {}

  /** The decision: MET when any minute counted. */
  public abstract Decision decision();

  /** The counted blocks, sorted by start, then performer. */
  public abstract ImmutableList<CountedBlock> blocks();

  /** The counted entries that were real-time interactive communications. */
  @Value.NaturalOrder
  public abstract ImmutableSortedSet<SourceRef> interactiveEntries();

  /** Whole minutes counted per role (roles without minutes are absent). */
  @Value.Derived
  @JsonIgnore
  public ImmutableSortedMap<StaffRole, Integer> minutesByRole() {
    Map<StaffRole, Integer> m = new EnumMap<>(StaffRole.class);
    for (CountedBlock b : blocks()) {
      m.merge(b.role(), b.minutes(), Integer::sum);
    }
    return ImmutableSortedMap.copyOf(m);
  }

  /**
   * Returns the whole minutes counted for {@code role}.
   *
   * @param role a role
   * @return the minutes, zero when none
   */
  public int minutes(StaffRole role) {
    return minutesByRole().getOrDefault(role, 0);
  }

  /** Returns the whole minutes counted over all roles. */
  @JsonIgnore
  public int totalMinutes() {
    return blocks().stream().mapToInt(CountedBlock::minutes).sum();
  }

  /**
   * Returns the day on which the minutes of {@code roles} first add up to {@code threshold} (for
   * the "bill on the date the threshold was met" date of service, CCM-T12).
   *
   * @param roles the roles whose minutes count
   * @param threshold the minutes to reach
   * @return the day, or empty when the month never reaches it
   */
  public Optional<LocalDate> dateReached(Set<StaffRole> roles, int threshold) {
    int sum = 0;
    for (CountedBlock b :
        ImmutableList.sortedCopyOf(
            Comparator.comparing(CountedBlock::date).thenComparing(CountedBlock::start),
            blocks())) {
      if (roles.contains(b.role())) {
        sum += b.minutes();
        if (sum >= threshold) {
          return Optional.of(b.date());
        }
      }
    }
    return Optional.empty();
  }
}
