package org.ccmkit.testing;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.opentest4j.TestAbortedException;

/**
 * A JUnit 5 extension that names the seed of a failing parameterized case: when an invocation whose
 * arguments include a seed (the first {@code long} argument, else the seed of the first {@link
 * Scenario} argument) fails, it rethrows the failure as an {@link AssertionError} whose message
 * starts with the seed and the flag that replays it ({@code -Dccm.seed=N}), with the original
 * failure as its cause. Skipped cases ({@link TestAbortedException}) pass through. Register it with
 * {@code @ExtendWith(SeedReporter.class)}, or use {@link PropertyTest}. Stateless.
 *
 * @since 0.1.0
 */
public final class SeedReporter implements InvocationInterceptor {
  /** Creates the extension; JUnit calls this. */
  public SeedReporter() {}

  @Override
  public void interceptTestTemplateMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext extensionContext)
      throws Throwable {
    try {
      invocation.proceed();
    } catch (TestAbortedException e) {
      throw e;
    } catch (Throwable t) {
      Optional<Long> seed = seedOf(invocationContext.getArguments());
      if (seed.isEmpty()) {
        throw t;
      }
      extensionContext.publishReportEntry("seed", Long.toString(seed.get()));
      throw withSeed(t, seed.get());
    }
  }

  /** The failure {@code t} with the seed and its replay flag in front of its message. */
  static AssertionError withSeed(Throwable t, long seed) {
    AssertionError e = new AssertionError(Seeds.describe(seed) + ": " + t, t);
    e.setStackTrace(t.getStackTrace());
    return e;
  }

  /** The first {@code long} argument, else the seed of the first scenario argument. */
  static Optional<Long> seedOf(List<Object> arguments) {
    for (Object a : arguments) {
      if (a instanceof Long l) {
        return Optional.of(l);
      }
    }
    for (Object a : arguments) {
      if (a instanceof Scenario s) {
        return Optional.of(s.seed());
      }
    }
    return Optional.empty();
  }
}
