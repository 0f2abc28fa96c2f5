package org.ccmkit.rpm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.ccmkit.core.model.Code;
import org.ccmkit.core.model.ImmutableReading;
import org.ccmkit.core.model.ImmutableSourceRef;
import org.ccmkit.core.model.Measurement;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.model.Reading;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.testing.PropertyTest;
import org.junit.jupiter.api.Test;

/**
 * {@link ReadingSet} against the implementation it replaced (kept below as {@link Reference}: a
 * comparator chain and a content key of stripped decimals in a list), on seeded readings built to
 * collide: shared identifiers, equal content at other scales, the same resource listed twice,
 * devices with and without versions.
 */
class ReadingSetTest {
  private static final PatientRef P = PatientRef.of("p1");
  private static final List<String> ZONES =
      List.of("America/New_York", "Pacific/Kiritimati", "Asia/Kolkata", "Australia/Lord_Howe");

  @PropertyTest
  void sameKeptReadingsAndDuplicates_asTheReference(long seed) {
    List<Reading> readings = readings(new SplittableRandom(seed));

    ReadingSet set = ReadingSet.of(readings);
    Reference ref = Reference.of(readings);

    assertThat(set.kept()).isEqualTo(ref.kept);
    assertThat(set.hasDuplicates()).isEqualTo(!ref.duplicateOf.isEmpty());
    for (Reading r : readings) {
      assertThat(set.duplicateOf(r.source()))
          .as("duplicate of %s", r.source())
          .isEqualTo(Optional.ofNullable(ref.duplicateOf.get(r.source())));
    }
    ZoneId zone = ZoneId.of(ZONES.get((int) Math.floorMod(seed, (long) ZONES.size())));
    for (Reading r : readings) {
      assertThat(ReadingSet.day(r, zone)).isEqualTo(r.effective().atZone(zone).toLocalDate());
    }
  }

  @PropertyTest
  void chronologicalOrder_isTheComparatorChain(long seed) {
    List<Reading> readings = readings(new SplittableRandom(seed));
    Comparator<Reading> chain =
        Comparator.comparing(Reading::effective).thenComparing(Reading::source);
    for (Reading a : readings) {
      for (Reading b : readings) {
        assertThat(Integer.signum(ReadingSet.CHRONOLOGICAL.compare(a, b)))
            .isEqualTo(Integer.signum(chain.compare(a, b)));
      }
    }
  }

  @Test
  void equalNumbersAtOtherScales_areOneReading_otherUnitsOrDevicesAreNot() {
    Instant t = Instant.parse("2026-03-02T12:00:00Z");
    Reading a = reading("o1", t, "80.0", "kg", Optional.of(SourceRef.of("Device", "d1")));
    Reading b = reading("o2", t, "80.00", "kg", Optional.of(SourceRef.of("Device", "d1")));
    Reading c = reading("o3", t, "80", "[lb_av]", Optional.of(SourceRef.of("Device", "d1")));
    Reading d = reading("o4", t, "80", "kg", Optional.of(SourceRef.of("Device", "d2")));
    Reading e = reading("o5", t, "0.0", "kg", Optional.empty());
    Reading f = reading("o6", t, "0", "kg", Optional.empty());

    ReadingSet set = ReadingSet.of(List.of(f, e, d, c, b, a));

    assertThat(set.kept()).containsExactly(a, c, d, e);
    assertThat(set.duplicateOf(b.source())).contains(a.source());
    assertThat(set.duplicateOf(f.source())).contains(e.source());
    assertThat(set.duplicateOf(c.source())).isEmpty();
  }

  /** Up to 40 readings over a few days, many of them equal in some way. */
  private static List<Reading> readings(SplittableRandom random) {
    int n = random.nextInt(41);
    List<Reading> out = new ArrayList<>();
    Instant base = LocalDate.of(2026, 3, 1).atStartOfDay(ZoneId.of("UTC")).toInstant();
    for (int i = 0; i < n; i++) {
      if (!out.isEmpty() && random.nextInt(8) == 0) {
        out.add(out.get(random.nextInt(out.size()))); // the same resource twice
        continue;
      }
      if (!out.isEmpty() && random.nextInt(5) == 0) {
        Reading like = out.get(random.nextInt(out.size()));
        ImmutableReading.Builder b =
            Reading.builder().from(like).source(SourceRef.of("Observation", "o" + i));
        if (random.nextBoolean()) {
          b.values(rescaled(like.values(), random));
        }
        out.add(b.build());
        continue;
      }
      Instant t = base.plusSeconds(3600L * random.nextInt(72) + 60L * random.nextInt(3));
      ImmutableReading.Builder b =
          Reading.builder()
              .source(
                  random.nextInt(6) == 0
                      ? SourceRef.of("Observation", "o" + random.nextInt(Math.max(1, i)))
                      : SourceRef.of("Observation", "o" + i))
              .patient(P)
              .effective(t);
      if (random.nextBoolean()) {
        b.code(Code.of("http://loinc.org", "85354-9"))
            .putValue("8480-6", Measurement.of(decimal(random, 120, 123), "mm[Hg]"))
            .putValue("8462-4", Measurement.of(decimal(random, 80, 81), unit(random)));
      } else {
        b.code(Code.of(random.nextInt(4) == 0 ? "urn:other" : "http://loinc.org", "29463-7"))
            .putValue("29463-7", Measurement.of(decimal(random, 70, 71), "kg"));
      }
      int device = random.nextInt(4);
      if (device < 2) {
        b.device(SourceRef.of("Device", "d" + device));
      } else if (device == 2) {
        b.device(
            ImmutableSourceRef.builder().resourceType("Device").id("d0").versionId("2").build());
      }
      if (random.nextInt(3) == 0) {
        b.identifier("urn:x|" + random.nextInt(Math.max(1, n / 3)));
      }
      out.add(b.build());
    }
    List<Reading> shuffled = new ArrayList<>(out);
    Collections.shuffle(shuffled, new java.util.Random(random.nextLong()));
    return shuffled;
  }

  private static Map<String, Measurement> rescaled(
      Map<String, Measurement> values, SplittableRandom random) {
    Map<String, Measurement> out = new LinkedHashMap<>();
    values.forEach(
        (k, m) ->
            out.put(
                k,
                Measurement.of(
                    m.value().setScale(m.value().scale() + random.nextInt(3)), m.unit())));
    return out;
  }

  private static String decimal(SplittableRandom random, int lo, int hi) {
    int whole = lo + random.nextInt(hi - lo + 1);
    return switch (random.nextInt(3)) {
      case 0 -> Integer.toString(whole);
      case 1 -> whole + ".0";
      default -> whole + "." + random.nextInt(3) + "0";
    };
  }

  private static String unit(SplittableRandom random) {
    return random.nextInt(5) == 0 ? "mmHg" : "mm[Hg]";
  }

  private static Reading reading(
      String id, Instant t, String value, String unit, Optional<SourceRef> device) {
    return Reading.builder()
        .source(SourceRef.of("Observation", id))
        .patient(P)
        .effective(t)
        .code(Code.of("http://loinc.org", "29463-7"))
        .putValue("29463-7", Measurement.of(value, unit))
        .device(device)
        .build();
  }

  /** The implementation before the content key compared in place (2026-11-27), for reference. */
  private static final class Reference {
    final List<Reading> kept;
    final Map<SourceRef, SourceRef> duplicateOf;

    private Reference(List<Reading> kept, Map<SourceRef, SourceRef> duplicateOf) {
      this.kept = kept;
      this.duplicateOf = duplicateOf;
    }

    static Reference of(List<Reading> readings) {
      List<Reading> sorted =
          ImmutableList.sortedCopyOf(
              Comparator.comparing(Reading::effective).thenComparing(Reading::source), readings);
      Map<String, SourceRef> byIdentifier = new HashMap<>();
      Map<ContentKey, SourceRef> byContent = new HashMap<>();
      List<Reading> kept = new ArrayList<>();
      Map<SourceRef, SourceRef> dup = new LinkedHashMap<>();
      for (Reading r : sorted) {
        Optional<SourceRef> first = Optional.empty();
        if (r.identifier().isPresent()) {
          first = Optional.ofNullable(byIdentifier.get(r.identifier().get()));
        }
        ContentKey content = ContentKey.of(r);
        if (first.isEmpty()) {
          first = Optional.ofNullable(byContent.get(content));
        }
        if (first.isPresent() && !first.get().equals(r.source())) {
          dup.putIfAbsent(r.source(), first.get());
          continue;
        }
        if (first.isPresent()) {
          continue;
        }
        r.identifier().ifPresent(id -> byIdentifier.put(id, r.source()));
        byContent.put(content, r.source());
        kept.add(r);
      }
      return new Reference(kept, dup);
    }

    private record ContentKey(
        String deviceType,
        String deviceId,
        String system,
        String code,
        Instant effective,
        List<Object> values) {
      static ContentKey of(Reading r) {
        List<Object> values = new ArrayList<>();
        for (Map.Entry<String, Measurement> e : r.values().entrySet()) {
          values.add(e.getKey());
          BigDecimal v = e.getValue().value();
          values.add(v.stripTrailingZeros());
          values.add(e.getValue().unit());
        }
        return new ContentKey(
            r.device().map(SourceRef::resourceType).orElse("-"),
            r.device().map(SourceRef::id).orElse(""),
            r.code().system(),
            r.code().code(),
            r.effective(),
            values);
      }
    }
  }
}
