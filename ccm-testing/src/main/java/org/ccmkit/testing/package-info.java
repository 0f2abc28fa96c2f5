/**
 * Test support for code built on ccmkit. {@link org.ccmkit.testing.Scenarios} generates a whole
 * synthetic {@link org.ccmkit.testing.Scenario} (patient record, staff, zone and service month)
 * from one seed, and {@link org.ccmkit.testing.Seeds} with {@link
 * org.ccmkit.testing.PropertyTest @PropertyTest} runs a JUnit 5 parameterized test over many seeds,
 * printing the seed of any failing case so it can be replayed with {@code -Dccm.seed=N}. {@link
 * org.ccmkit.testing.DecisionAssert} holds AssertJ assertions for decisions, and {@link
 * org.ccmkit.testing.GoldenFiles} compares JSON output with reviewed files. Generated data is
 * synthetic only and depends on nothing but the seed: no clock, no default time zone or locale, no
 * shared mutable state.
 */
@NullMarked
@CheckReturnValue
@CcmStyle
package org.ccmkit.testing;

import com.google.errorprone.annotations.CheckReturnValue;
import org.ccmkit.core.annotation.CcmStyle;
import org.jspecify.annotations.NullMarked;
