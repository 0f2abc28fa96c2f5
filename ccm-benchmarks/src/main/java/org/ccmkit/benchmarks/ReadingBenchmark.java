package org.ccmkit.benchmarks;

import static java.nio.charset.StandardCharsets.UTF_8;

import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ccmkit.fhir.r4.MappingOptions;
import org.ccmkit.fhir.r4.MappingResult;
import org.ccmkit.fhir.r4.R4Mapper;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reading NDJSON, in resources per second, on the same {@value #LINES} lines of a generated
 * practice (its Observations then its Procedures, the high-volume types): plain Jackson tokenizing
 * (the floor any JVM reader pays), a Jackson tree per line (what the input reader builds), HAPI's
 * parser alone, and the whole first and second mapping pass with the fast reader and with HAPI
 * only. The mapping runs have no Patients, so their resources end rejected in the second pass; the
 * work per resource is the same.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class ReadingBenchmark {
  static final int LINES = 20_000;

  @Param(Practices.DEFAULT)
  public String practice = Practices.DEFAULT;

  private final JsonFactory factory = new JsonFactory();
  private final ObjectMapper mapper = new ObjectMapper();
  private final IParser hapi = R4Mapper.sharedContext().newJsonParser();
  private final R4Mapper fast = R4Mapper.create(MappingOptions.builder().fastReader(true).build());
  private final R4Mapper hapiOnly =
      R4Mapper.create(MappingOptions.builder().fastReader(false).build());
  private List<String> lines = List.of();
  private String text = "";

  @Setup
  public void setUp() throws IOException {
    Path dir = Practices.require(practice);
    List<String> read = new ArrayList<>();
    for (String f : List.of("Observation.ndjson", "Procedure.ndjson")) {
      try (BufferedReader r = Files.newBufferedReader(dir.resolve(f), UTF_8)) {
        for (String l = r.readLine(); l != null && read.size() < LINES; l = r.readLine()) {
          if (l.endsWith("}")) { // leave out the generator's malformed (truncated) lines
            read.add(l);
          }
        }
      }
    }
    if (read.size() < LINES) {
      throw new IllegalStateException("fewer than " + LINES + " lines in " + practice);
    }
    lines = read;
    text = String.join("\n", read) + "\n";
  }

  @Benchmark
  @OperationsPerInvocation(LINES)
  public long jacksonTokenize() throws IOException {
    long tokens = 0;
    for (String l : lines) {
      try (JsonParser p = factory.createParser(l)) {
        while (p.nextToken() != null) {
          tokens++;
        }
      }
    }
    return tokens;
  }

  @Benchmark
  @OperationsPerInvocation(LINES)
  public void jacksonTree(Blackhole bh) throws IOException {
    for (String l : lines) {
      bh.consume(mapper.readTree(l));
    }
  }

  @Benchmark
  @OperationsPerInvocation(LINES)
  public void hapiParse(Blackhole bh) {
    for (String l : lines) {
      bh.consume(hapi.parseResource(l));
    }
  }

  @Benchmark
  @OperationsPerInvocation(LINES)
  public MappingResult mapFastReader() {
    return fast.mapNdjson("bench.ndjson", new StringReader(text));
  }

  @Benchmark
  @OperationsPerInvocation(LINES)
  public MappingResult mapHapiOnly() {
    return hapiOnly.mapNdjson("bench.ndjson", new StringReader(text));
  }
}
