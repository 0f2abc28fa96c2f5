package org.ccmkit.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A property test: a JUnit 5 {@code @ParameterizedTest} of one {@code long seed} parameter, run
 * once for each of {@link Seeds#defaults()}, with each case named {@code seed=N} and a failure
 * reporting its seed ({@link SeedReporter}). The test builds its input from the seed, usually with
 * {@link Scenarios#random(long)}.
 *
 * <pre>{@code
 * @PropertyTest
 * void accrual_isDeterministic(long seed) {
 *   Scenario s = Scenarios.random(seed);
 *   assertThat(rules.accrue(s.query(), s.context())).isEqualTo(rules.accrue(s.query(), s.context()));
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ParameterizedTest(name = "seed={0}")
@MethodSource("org.ccmkit.testing.Seeds#defaults")
@ExtendWith(SeedReporter.class)
public @interface PropertyTest {}
