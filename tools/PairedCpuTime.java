import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Paired CPU-time comparison of PatientMonthBenchmark in two (or more) benchmark jars, for a
 * machine shared with other work: each jar is loaded in its own class loader in one JVM, all are
 * warmed up, then measured in alternating rounds on the same thread, so every jar sees the same
 * load. Prints the CPU time per patient-month of each jar.
 *
 * <pre>{@code
 * java tools/PairedCpuTime.java rpm 8 1000 /tmp/ccm-perf/p10k before.jar after.jar
 * }</pre>
 *
 * Arguments: the patient set (enrolled or rpm), rounds, evaluations per round and jar, the
 * practice folder, then the jars (built with package; copy each away before building the next).
 */
public final class PairedCpuTime {
  private PairedCpuTime() {}

  private static final class Bench {
    final Object benchmark;
    final Method op;
    final Object blackhole;
    final String name;

    Bench(String jar, String set, String practice) throws Exception {
      name = Path.of(jar).getFileName().toString();
      URLClassLoader loader =
          new URLClassLoader(
              new URL[] {Path.of(jar).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
      Class<?> c = loader.loadClass("org.ccmkit.benchmarks.PatientMonthBenchmark");
      benchmark = c.getConstructor().newInstance();
      c.getField("practice").set(benchmark, practice);
      c.getField("patients").set(benchmark, set);
      c.getMethod("setUp").invoke(benchmark);
      Class<?> bh = loader.loadClass("org.openjdk.jmh.infra.Blackhole");
      blackhole =
          bh.getConstructor(String.class)
              .newInstance(
                  "Today's password is swordfish. I understand instantiating Blackholes directly"
                      + " is dangerous.");
      op = c.getMethod("patientMonth", bh);
    }

    void run(int n) throws Exception {
      for (int i = 0; i < n; i++) {
        op.invoke(benchmark, blackhole);
      }
    }
  }

  public static void main(String[] args) throws Exception {
    String set = args[0];
    int rounds = Integer.parseInt(args[1]);
    int perRound = Integer.parseInt(args[2]);
    String practice = args[3];
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Bench[] benches = new Bench[args.length - 4];
    for (int i = 4; i < args.length; i++) {
      benches[i - 4] = new Bench(args[i], set, practice);
    }
    for (Bench b : benches) {
      b.run(perRound * 4);
    }
    long[] cpu = new long[benches.length];
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < benches.length; i++) {
        long start = threads.getCurrentThreadCpuTime();
        benches[i].run(perRound);
        cpu[i] += threads.getCurrentThreadCpuTime() - start;
      }
    }
    for (int i = 0; i < benches.length; i++) {
      System.out.printf(
          Locale.ROOT,
          "patient-month (%s) %s: %.1f us CPU/op over %d ops%n",
          set,
          benches[i].name,
          cpu[i] / 1000.0 / rounds / perRound,
          rounds * perRound);
    }
  }
}
