package org.ccmkit.testing;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

/**
 * Seeds for property tests. {@link #defaults()} feeds {@code @MethodSource} (or {@link
 * PropertyTest @PropertyTest}) with a fixed, reproducible list of seeds, so every build runs the
 * same cases; {@link #describe(long)} names a seed in an assertion message.
 *
 * <p>Two system properties steer the seeds: {@code -Dccm.seed=N} replays the single seed {@code N}
 * (the one a failure printed), and {@code -Dccm.seeds=N} runs {@code N} seeds instead of {@value
 * #DEFAULT_COUNT}.
 *
 * @since 0.1.0
 */
public final class Seeds {
  /** The system property that replays one seed, {@value}. */
  public static final String SEED_PROPERTY = "ccm.seed";

  /** The system property that sets how many seeds {@link #defaults()} returns, {@value}. */
  public static final String COUNT_PROPERTY = "ccm.seeds";

  /** How many seeds {@link #defaults()} returns unless {@value #COUNT_PROPERTY} is set. */
  public static final int DEFAULT_COUNT = 300;

  private static final long BASE = 0x5EED_CC3_2025L;
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private Seeds() {}

  /**
   * Returns the default seeds: {@value #DEFAULT_COUNT} (or {@code -Dccm.seeds}) fixed seeds, or
   * only the seed given by {@code -Dccm.seed}.
   *
   * @return the seeds
   * @throws IllegalArgumentException if a property is set but is not a number
   */
  public static LongStream defaults() {
    return of(count(DEFAULT_COUNT));
  }

  /**
   * Returns {@code count} fixed seeds, or only the seed given by {@code -Dccm.seed}.
   *
   * @param count how many seeds, at least one
   * @return the seeds
   * @throws IllegalArgumentException if {@code count} is not positive, or {@code -Dccm.seed} is set
   *     but is not a number
   */
  public static LongStream of(int count) {
    checkArgument(count > 0, "count must be positive: %s", count);
    Optional<Long> replay = replay();
    if (replay.isPresent()) {
      return LongStream.of(replay.get());
    }
    return new SplittableRandom(BASE).longs(count);
  }

  /**
   * Returns the seed given by {@code -Dccm.seed}, if any.
   *
   * @return the seed to replay
   * @throws IllegalArgumentException if the property is set but is not a number
   */
  public static Optional<Long> replay() {
    String s = System.getProperty(SEED_PROPERTY, "").trim();
    if (s.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(s));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("-D" + SEED_PROPERTY + " is not a number: '" + s + "'", e);
    }
  }

  /**
   * Returns the seed count given by {@code -Dccm.seeds}, else {@code fallback}; a test that needs
   * fewer seeds than the default (because each case is slow) scales its own count with it.
   *
   * @param fallback the count when the property is not set
   * @return the count
   * @throws IllegalArgumentException if the property is set but is not a positive number
   */
  public static int count(int fallback) {
    String s = System.getProperty(COUNT_PROPERTY, "").trim();
    if (s.isEmpty()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(s);
      checkArgument(n > 0, "-D%s must be positive: %s", COUNT_PROPERTY, n);
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "-D" + COUNT_PROPERTY + " is not a number: '" + s + "'", e);
    }
  }

  /**
   * Derives another seed from {@code seed}, e.g. the seed of a shuffle of the scenario of {@code
   * seed}. Different salts give independent seeds.
   *
   * @param seed the seed
   * @param salt what the derived seed is for
   * @return the derived seed
   */
  public static long derive(long seed, long salt) {
    return new SplittableRandom(seed ^ (salt * GOLDEN_GAMMA)).nextLong();
  }

  /**
   * Describes {@code seed} for an assertion message, with the flag that replays it.
   *
   * @param seed the seed
   * @return e.g. {@code "seed 42 (replay with -Dccm.seed=42)"}
   */
  public static String describe(long seed) {
    return "seed " + seed + " (replay with -D" + SEED_PROPERTY + "=" + seed + ")";
  }
}
