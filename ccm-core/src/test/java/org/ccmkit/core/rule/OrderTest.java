package org.ccmkit.core.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.ccmkit.core.model.ImmutableSourceRef;
import org.ccmkit.core.model.SourceRef;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The written-out orders of {@link SourceRef}, {@link Evidence} and {@link Reason} against the
 * comparator chains they replaced (2026-11-27), on seeded values built to tie on every prefix of
 * the keys.
 */
class OrderTest {
  private static final Comparator<SourceRef> SOURCE_CHAIN =
      Comparator.comparing(SourceRef::resourceType)
          .thenComparing(SourceRef::id)
          .thenComparing(r -> r.versionId().orElse(""));
  private static final Comparator<Evidence> EVIDENCE_CHAIN =
      Comparator.comparing(Evidence::source, SOURCE_CHAIN)
          .thenComparing(Evidence::path)
          .thenComparing(Evidence::role)
          .thenComparing(Evidence::value)
          .thenComparing(e -> e.reason().orElse(""));
  private static final Comparator<Reason> REASON_CHAIN =
      Comparator.comparing(Reason::severity)
          .thenComparing(Reason::code)
          .thenComparing(Reason::message)
          .thenComparing(r -> r.details().toString());

  static LongStream seeds() {
    return new SplittableRandom(0x0_7DE7L).longs(40);
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void writtenOutOrders_areTheComparatorChains(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Evidence> evidence = new ArrayList<>();
    List<Reason> reasons = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      evidence.add(evidence(random));
      reasons.add(reason(random));
    }
    for (Evidence a : evidence) {
      for (Evidence b : evidence) {
        assertThat(Integer.signum(a.source().compareTo(b.source())))
            .isEqualTo(Integer.signum(SOURCE_CHAIN.compare(a.source(), b.source())));
        assertThat(Integer.signum(Evidence.ORDER.compare(a, b)))
            .isEqualTo(Integer.signum(EVIDENCE_CHAIN.compare(a, b)));
      }
    }
    for (Reason a : reasons) {
      for (Reason b : reasons) {
        assertThat(Integer.signum(Reason.ORDER.compare(a, b)))
            .isEqualTo(Integer.signum(REASON_CHAIN.compare(a, b)));
      }
    }
  }

  private static Evidence evidence(SplittableRandom random) {
    ImmutableSourceRef.Builder source =
        ImmutableSourceRef.builder()
            .resourceType(pick(random, "Observation", "Procedure"))
            .id(pick(random, "a", "b", "a1"));
    if (random.nextBoolean()) {
      source.versionId(pick(random, "1", "2", ""));
    }
    ImmutableEvidence.Builder e =
        Evidence.builder()
            .source(source.build())
            .path(pick(random, "Observation.value", "Observation.effective"))
            .value(pick(random, "", "x", "y"))
            .role(pick(random, EvidenceRole.values()));
    if (random.nextBoolean()) {
      e.reason(pick(random, "", "R1", "R2"));
    }
    return e.build();
  }

  private static Reason reason(SplittableRandom random) {
    ImmutableReason.Builder r =
        Reason.builder()
            .severity(pick(random, Severity.values()))
            .code(pick(random, "A", "B"))
            .message(pick(random, "m", "n"));
    if (random.nextBoolean()) {
      r.putDetail(pick(random, "k", "l"), pick(random, "1", "2"));
    }
    return r.build();
  }

  @SafeVarargs
  private static <T> T pick(SplittableRandom random, T... options) {
    return options[random.nextInt(options.length)];
  }
}
