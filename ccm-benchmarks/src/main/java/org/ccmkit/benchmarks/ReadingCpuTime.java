package org.ccmkit.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The CPU time (not wall time) of {@link ReadingBenchmark}'s reading runs, for machines shared with
 * other work: for each of Jackson tokenizing, a Jackson tree per line and the mapping with the fast
 * reader, warms up for {@code warmup} runs over the benchmark's lines, then measures {@code runs}
 * with the thread's CPU clock and prints resources per CPU-second. The thread's clock leaves out
 * the JIT compilers and the garbage collector, which run on their own threads.
 *
 * <pre>{@code java -cp ccm-benchmarks.jar org.ccmkit.benchmarks.ReadingCpuTime [practice] [runs]}
 * </pre>
 */
public final class ReadingCpuTime {
  /** {@link ReadingBenchmark}'s lines per run. */
  private static final int LINES = 20_000;

  private ReadingCpuTime() {}

  private interface Run {
    void run() throws IOException;
  }

  /**
   * Measures.
   *
   * @param args the practice folder (default {@value Practices#DEFAULT}) and the number of measured
   *     runs (default 20; as many again warm up)
   * @throws IOException if the practice cannot be read
   */
  public static void main(String[] args) throws IOException {
    ReadingBenchmark b = new ReadingBenchmark();
    b.practice = args.length > 0 ? args[0] : Practices.DEFAULT;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    b.setUp();
    Blackhole bh =
        new Blackhole(
            "Today's password is swordfish. I understand instantiating Blackholes directly is"
                + " dangerous.");
    measure("jacksonTokenize", runs, () -> bh.consume(b.jacksonTokenize()));
    measure("jacksonTree", runs, () -> b.jacksonTree(bh));
    measure("mapFastReader", runs, () -> bh.consume(b.mapFastReader()));
  }

  private static void measure(String name, int runs, Run run) throws IOException {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int i = 0; i < runs; i++) {
      run.run();
    }
    long cpu = threads.getCurrentThreadCpuTime();
    long wall = System.nanoTime();
    for (int i = 0; i < runs; i++) {
      run.run();
    }
    cpu = threads.getCurrentThreadCpuTime() - cpu;
    wall = System.nanoTime() - wall;
    double resources = (double) LINES * runs;
    System.out.printf(
        Locale.ROOT,
        "%s: %,.0f resources per CPU-second (%.2f us CPU, %.2f us wall per resource) over %d runs"
            + " of %d%n",
        name,
        resources / (cpu / 1e9),
        cpu / 1000.0 / resources,
        wall / 1000.0 / resources,
        runs,
        LINES);
  }
}
