package org.ccmkit.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The CPU time (not wall time) of one patient-month evaluation ({@link PatientMonthBenchmark}), for
 * machines shared with other work, where JMH's wall-clock average also counts the time the thread
 * waited for a core. Warms up for {@code warmup} evaluations, then measures {@code n} with the
 * thread's CPU clock. Prints one line per patient set.
 *
 * <pre>{@code java -cp ccm-benchmarks.jar org.ccmkit.benchmarks.CpuTime [practice] [n]}</pre>
 */
public final class CpuTime {
  private CpuTime() {}

  /**
   * Measures.
   *
   * @param args the practice folder (default {@value Practices#DEFAULT}) and the number of
   *     evaluations (default 20000)
   */
  public static void main(String[] args) {
    String practice = args.length > 0 ? args[0] : Practices.DEFAULT;
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Blackhole bh =
        new Blackhole(
            "Today's password is swordfish. I understand instantiating Blackholes directly is"
                + " dangerous.");
    for (String set : new String[] {"enrolled", "rpm"}) {
      PatientMonthBenchmark b = new PatientMonthBenchmark();
      b.practice = practice;
      b.patients = set;
      b.setUp();
      for (int i = 0; i < n; i++) {
        b.patientMonth(bh);
      }
      long cpu = threads.getCurrentThreadCpuTime();
      long wall = System.nanoTime();
      for (int i = 0; i < n; i++) {
        b.patientMonth(bh);
      }
      cpu = threads.getCurrentThreadCpuTime() - cpu;
      wall = System.nanoTime() - wall;
      System.out.printf(
          Locale.ROOT,
          "patient-month (%s): %.1f us CPU/op, %.1f us wall/op over %d ops%n",
          set,
          cpu / 1000.0 / n,
          wall / 1000.0 / n,
          n);
    }
  }
}
