package org.ccmkit.fhir.r4.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written reader of the common shapes gives what java.time's ISO parsers give. */
class TimesTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId KIRITIMATI = ZoneId.of("Pacific/Kiritimati");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-03-02",
        "2026-03-02T07:15:00-05:00",
        "2026-03-02T07:15:00Z",
        "2026-03-08T02:30:00-05:00",
        "2026-11-01T01:30:00-04:00",
        "2024-02-29T23:59:59+14:00",
        "2024-12-31T00:00:00-00:00",
        "0000-01-01",
        "9999-12-31T23:59:59-18:00",
        "2025-02-29",
        "2026-02-30T10:00:00Z",
        "2026-13-01",
        "2026-00-10",
        "2026-01-32T00:00:00Z",
        "2026-03-02T24:00:00Z",
        "2026-03-02T23:60:00Z",
        "2026-03-02T23:59:60Z",
        "2026-03-02T10:00:00+18:01",
        "2026-03-02T10:00:00+19:00",
        "2026-03-02T10:00:00+05:60",
        "2026-03-02T10:00:00z",
        "2026-03-02t10:00:00Z",
        "2026-03-02T10:00:00 05:00",
        "2026-03-02T10:00:00+0500Z",
        "2026/03/02",
        "2026-3-02",
        "+026-03-02",
        "2026-03-0\u0662",
        "2026-03-02T10:00:00",
        "2026-03-02T10:00:00.123Z",
        "2026-03-02T10:00:00.5+01:00",
        "2026-03",
        "2026",
        "2026-03-02T10:00Z",
        "",
      })
  void sameAsIso(String text) {
    assertSame(text);
  }

  @Test
  void sameAsIso_onASeededSweep() {
    SplittableRandom r = new SplittableRandom(7);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder();
      b.append(pad(r.nextInt(10_000), 4))
          .append('-')
          .append(pad(r.nextInt(15), 2))
          .append('-')
          .append(pad(r.nextInt(33), 2));
      int shape = r.nextInt(3);
      if (shape > 0) {
        b.append('T')
            .append(pad(r.nextInt(26), 2))
            .append(':')
            .append(pad(r.nextInt(62), 2))
            .append(':')
            .append(pad(r.nextInt(62), 2));
        if (shape == 1) {
          b.append('Z');
        } else {
          b.append(r.nextBoolean() ? '+' : '-')
              .append(pad(r.nextInt(20), 2))
              .append(':')
              .append(pad(r.nextInt(62), 2));
        }
      }
      assertSame(b.toString());
    }
  }

  private static String pad(int v, int width) {
    String s = Integer.toString(v);
    return "0".repeat(Math.max(0, width - s.length())) + s;
  }

  private static void assertSame(String text) {
    for (ZoneId zone : new ZoneId[] {NEW_YORK, KIRITIMATI}) {
      Optional<Times.Value> fast = Times.parse(text, zone);
      Optional<Times.Value> iso = Times.iso(text.trim(), zone);
      assertThat(fast.isPresent()).as(text).isEqualTo(iso.isPresent());
      if (fast.isPresent() && iso.isPresent()) {
        Times.Value a = fast.get();
        Times.Value b = iso.get();
        assertThat(a.instant).as(text).isEqualTo(b.instant);
        assertThat(a.date).as(text).isEqualTo(b.date);
        assertThat(a.hasTime).as(text).isEqualTo(b.hasTime);
        assertThat(a.missingOffset).as(text).isEqualTo(b.missingOffset);
      }
    }
  }
}
