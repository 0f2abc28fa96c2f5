package org.ccmkit.rpm;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.ccmkit.core.model.Code;
import org.ccmkit.core.model.ImmutablePatientRecord;
import org.ccmkit.core.model.ImmutableReading;
import org.ccmkit.core.model.Measurement;
import org.ccmkit.core.model.Reading;
import org.ccmkit.core.model.SourceRef;

/**
 * A small seeded generator of synthetic RPM scenarios for property tests (no jqwik: see the style
 * guide). Every value comes from {@link #seed()}, which the tests print in their names, so a
 * failing case replays with the same seed.
 */
final class RpmGen {
  static final List<ZoneId> ZONES =
      List.of(
          Fixtures.NEW_YORK,
          Fixtures.LORD_HOWE,
          Fixtures.KOLKATA,
          Fixtures.LOS_ANGELES,
          ZoneId.of("Pacific/Chatham"),
          ZoneId.of("Europe/London"));

  private final long seed;
  private final Random random;
  private int next;

  private RpmGen(long seed) {
    this.seed = seed;
    this.random = new Random(seed);
  }

  static RpmGen of(long seed) {
    return new RpmGen(seed);
  }

  /** Seeds for {@code @MethodSource}. */
  static LongStream seeds() {
    return LongStream.rangeClosed(1, 60).map(i -> i * 7919L);
  }

  long seed() {
    return seed;
  }

  Random random() {
    return random;
  }

  ZoneId zone() {
    return ZONES.get(random.nextInt(ZONES.size()));
  }

  /** An RPM start between 2025-01-05 and about 2026-09. */
  LocalDate start() {
    return LocalDate.of(2025, 1, 5).plusDays(random.nextInt(600));
  }

  /** A patient in RPM from {@code start}, with {@code n} random readings over 100 days. */
  ImmutablePatientRecord.Builder record(LocalDate start, ZoneId zone, int n) {
    return Fixtures.enrolled(start).addAllReadings(readings(start.minusDays(5), zone, 100, n));
  }

  /** {@code n} random readings between {@code from} and {@code days} later, local times. */
  List<Reading> readings(LocalDate from, ZoneId zone, int days, int n) {
    List<Reading> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(reading(from, zone, days));
    }
    return out;
  }

  /** One random reading: weight, BP or glucose, from one of three devices, sometimes typed in. */
  Reading reading(LocalDate from, ZoneId zone, int days) {
    Instant t =
        from.plusDays(random.nextInt(days))
            .atStartOfDay(zone)
            .plusMinutes(random.nextInt(24 * 60))
            .toInstant();
    String id = "g" + seed + "-" + next++;
    ImmutableReading.Builder b = builderFor(random.nextInt(3), id, t);
    int device = random.nextInt(4);
    if (device < 3) {
      b.device(SourceRef.of("Device", "d" + device));
    }
    if (random.nextInt(10) == 0) {
      b.manual(true);
    }
    if (random.nextInt(3) == 0) {
      b.identifier("urn:gen|" + id);
    }
    return b.build();
  }

  private ImmutableReading.Builder builderFor(int kind, String id, Instant t) {
    ImmutableReading.Builder b =
        Reading.builder().source(SourceRef.of("Observation", id)).patient(Fixtures.P).effective(t);
    switch (kind) {
      case 0 ->
          b.code(Code.of("http://loinc.org", Fixtures.WEIGHT))
              .putValue(Fixtures.WEIGHT, Measurement.of(decimal(60, 120, 1), "kg"));
      case 1 ->
          b.code(Code.of("http://loinc.org", Fixtures.BP))
              .putValue(Fixtures.SYS, Measurement.of(decimal(85, 200, 0), "mm[Hg]"))
              .putValue(Fixtures.DIA, Measurement.of(decimal(50, 125, 0), "mm[Hg]"));
      default ->
          b.code(Code.of("http://loinc.org", Fixtures.GLUCOSE))
              .putValue(Fixtures.GLUCOSE, Measurement.of(decimal(45, 300, 0), "mg/dL"));
    }
    return b;
  }

  /** A decimal between {@code lo} and {@code hi} with {@code scale} decimals. */
  String decimal(int lo, int hi, int scale) {
    int whole = lo + random.nextInt(hi - lo + 1);
    if (scale == 0) {
      return Integer.toString(whole);
    }
    return whole + "." + random.nextInt(10);
  }

  /** Exact copies of some readings under new sources: duplicates by content. */
  List<Reading> duplicatesOf(List<Reading> readings) {
    List<Reading> out = new ArrayList<>();
    for (Reading r : readings) {
      if (random.nextInt(3) == 0) {
        out.add(
            Reading.builder()
                .from(r)
                .source(SourceRef.of("Observation", r.source().id() + "-dup"))
                .build());
      }
    }
    return out;
  }

  /** A shuffled copy. */
  <T> List<T> shuffled(List<T> items) {
    List<T> copy = new ArrayList<>(items);
    Collections.shuffle(copy, random);
    return copy;
  }
}
