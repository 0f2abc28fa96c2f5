package org.ccmkit.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Closed and open-ended date ranges (both bounds inclusive). */
class DateRangeTest {
  private static final LocalDate MAR_1 = LocalDate.of(2026, 3, 1);
  private static final LocalDate MAR_10 = LocalDate.of(2026, 3, 10);
  private static final LocalDate MAR_31 = LocalDate.of(2026, 3, 31);

  @Test
  void ofClosed_containsBothBoundsOnly() {
    DateRange r = DateRange.ofClosed(MAR_1, MAR_10);

    assertThat(r.contains(MAR_1)).isTrue();
    assertThat(r.contains(MAR_10)).isTrue();
    assertThat(r.contains(MAR_1.minusDays(1))).isFalse();
    assertThat(r.contains(MAR_10.plusDays(1))).isFalse();
    assertThat(r).hasToString("[2026-03-01..2026-03-10]");
  }

  @Test
  void ofClosed_singleDay_containsThatDay() {
    DateRange r = DateRange.ofClosed(MAR_10, MAR_10);

    assertThat(r.contains(MAR_10)).isTrue();
    assertThat(r.contains(MAR_10.plusDays(1))).isFalse();
  }

  @Test
  void ofClosed_endBeforeStart_rejected() {
    assertThatThrownBy(() -> DateRange.ofClosed(MAR_10, MAR_1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2026-03-01")
        .hasMessageContaining("2026-03-10");
  }

  @Test
  void startingOn_isOpenEnded() {
    DateRange r = DateRange.startingOn(MAR_10);

    assertThat(r.endInclusive()).isEmpty();
    assertThat(r.contains(LocalDate.of(2999, 12, 31))).isTrue();
    assertThat(r.contains(MAR_10.minusDays(1))).isFalse();
    assertThat(r).hasToString("[2026-03-10..)");
  }

  @Test
  void intersect_overlappingClosedRanges_overlap() {
    DateRange a = DateRange.ofClosed(MAR_1, MAR_10);
    DateRange b = DateRange.ofClosed(LocalDate.of(2026, 3, 5), MAR_31);

    assertThat(a.intersect(b)).contains(DateRange.ofClosed(LocalDate.of(2026, 3, 5), MAR_10));
    assertThat(b.intersect(a)).isEqualTo(a.intersect(b));
  }

  @Test
  void intersect_touchingOnOneDay_thatDay() {
    DateRange a = DateRange.ofClosed(MAR_1, MAR_10);
    DateRange b = DateRange.ofClosed(MAR_10, MAR_31);

    assertThat(a.intersect(b)).contains(DateRange.ofClosed(MAR_10, MAR_10));
  }

  @Test
  void intersect_disjoint_empty() {
    DateRange a = DateRange.ofClosed(MAR_1, MAR_10);
    DateRange b = DateRange.ofClosed(MAR_10.plusDays(1), MAR_31);

    assertThat(a.intersect(b)).isEmpty();
    assertThat(b.intersect(a)).isEmpty();
  }

  @Test
  void intersect_openWithClosed_closedPart() {
    DateRange open = DateRange.startingOn(MAR_10);
    DateRange month = DateRange.ofClosed(MAR_1, MAR_31);

    assertThat(open.intersect(month)).contains(DateRange.ofClosed(MAR_10, MAR_31));
    assertThat(month.intersect(open)).contains(DateRange.ofClosed(MAR_10, MAR_31));
  }

  @Test
  void intersect_openWithEarlierClosed_empty() {
    assertThat(DateRange.startingOn(MAR_31).intersect(DateRange.ofClosed(MAR_1, MAR_10))).isEmpty();
  }

  @Test
  void intersect_twoOpenRanges_openFromTheLaterStart() {
    assertThat(DateRange.startingOn(MAR_1).intersect(DateRange.startingOn(MAR_10)))
        .contains(DateRange.startingOn(MAR_10));
  }
}
