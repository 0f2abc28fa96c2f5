package org.ccmkit.fhir.r4.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.hl7.fhir.r4.model.DateTimeType;
import org.junit.jupiter.api.Test;

/** A plain text kept unparsed reads as HAPI's parse of it; what is not plain is left to HAPI. */
class TextDateTimeTest {
  private static void assertAsHapi(String s) {
    DateTimeType hapi = new DateTimeType(s);
    TextDateTime lazy = new TextDateTime(s);
    assertThat(lazy.getValueAsString()).isEqualTo(hapi.getValueAsString()).isEqualTo(s);
    assertThat(lazy.hasValue()).isTrue();
    assertThat(lazy.isEmpty()).isFalse();
    assertThat(lazy.getValue()).isEqualTo(hapi.getValue());
    assertThat(lazy.getPrecision()).isEqualTo(hapi.getPrecision());
    assertThat(lazy.getValueAsString()).isEqualTo(s);
    assertThat(new TextDateTime(s).copy().getValue()).isEqualTo(hapi.getValue());
  }

  @Test
  void plainShapes_readAsHapi() {
    for (String s :
        new String[] {
          "2026-01-05",
          "1900-01-01",
          "2999-12-31",
          "2024-02-29",
          "2026-01-05T10:00:00Z",
          "2026-01-05T23:59:59-05:00",
          "2026-01-05T00:00:00+14:00",
          "2026-03-29T02:30:00+05:45"
        }) {
      assertThat(TextDateTime.plain(s)).as(s).isTrue();
      assertAsHapi(s);
    }
  }

  @Test
  void anythingElse_isNotPlain() {
    for (String s :
        new String[] {
          "2026-02-29",
          "2026-13-01",
          "2026-00-10",
          "1899-12-31",
          "3000-01-01",
          "2026",
          "2026-01",
          "2026-01-05T10:00:00",
          "2026-01-05T10:00Z",
          "2026-01-05T24:00:00Z",
          "2026-01-05T10:60:00Z",
          "2026-01-05T10:00:60Z",
          "2026-01-05T10:00:00.5Z",
          "2026-01-05T10:00:00+15:00",
          "2026-01-05T10:00:00+05:60",
          "2026-01-05T10:00:00z",
          "2026-01-05 10:00:00Z",
          "2026/01/05",
          "+2026-01-0",
          "2026-01-05T10:00:00+0500",
          "２026-01-05"
        }) {
      assertThat(TextDateTime.plain(s)).as(s).isFalse();
    }
  }

  /** Random plain-looking texts: whatever is plain, HAPI parses to the same value and text. */
  @Test
  void seededSweep_plainImpliesHapiAgrees() {
    SplittableRandom r = new SplittableRandom(11);
    int plain = 0;
    for (int i = 0; i < 5_000; i++) {
      String s =
          String.format(
              java.util.Locale.ROOT,
              "%04d-%02d-%02dT%02d:%02d:%02d%s",
              1890 + r.nextInt(130),
              r.nextInt(14),
              r.nextInt(33),
              r.nextInt(26),
              r.nextInt(62),
              r.nextInt(62),
              r.nextBoolean()
                  ? "Z"
                  : String.format(
                      java.util.Locale.ROOT,
                      "%s%02d:%02d",
                      r.nextBoolean() ? "+" : "-",
                      r.nextInt(16),
                      r.nextInt(61)));
      String t = r.nextInt(4) == 0 ? s.substring(0, 10) : s;
      if (TextDateTime.plain(t)) {
        plain++;
        assertAsHapi(t);
      }
    }
    assertThat(plain).isGreaterThan(500);
  }
}
