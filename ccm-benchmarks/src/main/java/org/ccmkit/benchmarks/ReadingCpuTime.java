package org.ccmkit.benchmarks;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.ccmkit.fhir.r4.MappingOptions;
import org.ccmkit.fhir.r4.R4Mapper;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The CPU time (not wall time) of {@link ReadingBenchmark}'s reading runs, for machines shared with
 * other work: for each of Jackson tokenizing, a Jackson tree per line and the mapping with the fast
 * reader, warms up for {@code warmup} runs over the benchmark's lines, then measures {@code runs}
 * with the thread's CPU clock and prints resources per CPU-second. The thread's clock leaves out
 * the JIT compilers and the garbage collector, which run on their own threads.
 *
 * <p>With a third argument {@code practice}, measures the whole practice instead (every file and
 * type, through {@code R4Mapper.map(folder)}), next to tokenizing the same files; {@code
 * -Dccm.bench.skipHapi=true} leaves out the HAPI-only mapping run.
 *
 * <pre>{@code
 * java -cp ccm-benchmarks.jar org.ccmkit.benchmarks.ReadingCpuTime [practice] [runs] [practice]
 * }</pre>
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
    String practice = args.length > 0 ? args[0] : Practices.DEFAULT;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    Blackhole bh =
        new Blackhole(
            "Today's password is swordfish. I understand instantiating Blackholes directly is"
                + " dangerous.");
    if (args.length > 2 && args[2].equals("practice")) {
      practice(Practices.require(practice), runs, bh);
      return;
    }
    ReadingBenchmark b = new ReadingBenchmark();
    b.practice = practice;
    b.setUp();
    measure("jacksonTokenize", runs, LINES, () -> bh.consume(b.jacksonTokenize()));
    measure("jacksonTree", runs, LINES, () -> b.jacksonTree(bh));
    measure("mapFastReader", runs, LINES, () -> bh.consume(b.mapFastReader()));
  }

  /**
   * The whole practice, every file and type: Jackson tokenizing of its files as {@link Tokenize}
   * reads them, then the first and second mapping pass of {@code R4Mapper.map(folder)} with the
   * default options (fast reader on), then with HAPI only; the ratio of each to the tokenizing.
   */
  private static void practice(Path dir, int runs, Blackhole bh) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(p -> p.toString().endsWith(".ndjson")).sorted().toList();
    }
    JsonFactory factory = new JsonFactory();
    long[] lines = new long[1];
    Run tokenize =
        () -> {
          long n = 0;
          long tokens = 0;
          for (Path f : files) {
            try (BufferedReader r = Files.newBufferedReader(f, UTF_8)) {
              for (String l = r.readLine(); l != null; l = r.readLine()) {
                n++;
                try (JsonParser p = factory.createParser(l)) {
                  while (p.nextToken() != null) {
                    tokens++;
                  }
                } catch (JsonProcessingException malformed) {
                  // counted as a line
                }
              }
            }
          }
          lines[0] = n;
          bh.consume(tokens);
        };
    tokenize.run();
    int perRun = Math.toIntExact(lines[0]);
    R4Mapper fast = R4Mapper.create(MappingOptions.builder().fastReader(true).build());
    R4Mapper hapi = R4Mapper.create(MappingOptions.builder().fastReader(false).build());
    double floor = measure("practiceTokenize", runs, perRun, tokenize);
    double mapped = measure("practiceMapFastReader", runs, perRun, () -> bh.consume(fast.map(dir)));
    System.out.printf(Locale.ROOT, "  ratio to tokenize: %.2f x%n", floor / mapped);
    if (!Boolean.getBoolean("ccm.bench.skipHapi")) {
      double h = measure("practiceMapHapiOnly", runs, perRun, () -> bh.consume(hapi.map(dir)));
      System.out.printf(Locale.ROOT, "  ratio to tokenize: %.2f x%n", floor / h);
    }
  }

  /** Returns resources per CPU-second. */
  private static double measure(String name, int runs, int lines, Run run) throws IOException {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int i = 0; i < runs; i++) {
      run.run();
    }
    long cpu = 0;
    long best = Long.MAX_VALUE;
    long wall = System.nanoTime();
    for (int i = 0; i < runs; i++) {
      long c = threads.getCurrentThreadCpuTime();
      run.run();
      c = threads.getCurrentThreadCpuTime() - c;
      cpu += c;
      best = Math.min(best, c);
    }
    wall = System.nanoTime() - wall;
    double resources = (double) lines * runs;
    System.out.printf(
        Locale.ROOT,
        "%s: %,.0f resources per CPU-second (%.2f us CPU, %.2f us wall per resource) over %d runs"
            + " of %d; best run %,.0f per CPU-second%n",
        name,
        resources / (cpu / 1e9),
        cpu / 1000.0 / resources,
        wall / 1000.0 / resources,
        runs,
        lines,
        lines / (best / 1e9));
    return resources / (cpu / 1e9);
  }
}
