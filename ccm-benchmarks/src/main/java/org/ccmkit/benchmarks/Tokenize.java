package org.ccmkit.benchmarks;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The floor: plain Jackson tokenizing of every line of the {@code .ndjson} files under the folders
 * given, read as the month-end reads them (UTF-8 lines, one parser per line), on one thread. Prints
 * one line: {@code tokenize: <lines> lines, <tokens> tokens, <ms> ms, <lines/s> lines/s}.
 *
 * <pre>{@code java -cp ccm-benchmarks.jar org.ccmkit.benchmarks.Tokenize /tmp/ccm-perf/p100k}</pre>
 */
public final class Tokenize {
  private Tokenize() {}

  /**
   * Tokenizes the folders' NDJSON.
   *
   * @param args folders or files
   * @throws IOException if a file cannot be read
   */
  public static void main(String[] args) throws IOException {
    JsonFactory factory = new JsonFactory();
    long started = System.nanoTime();
    long lines = 0;
    long tokens = 0;
    for (String a : args) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(Path.of(a))) {
        files = walk.filter(p -> p.toString().endsWith(".ndjson")).sorted().toList();
      }
      for (Path f : files) {
        try (BufferedReader r = Files.newBufferedReader(f, UTF_8)) {
          for (String l = r.readLine(); l != null; l = r.readLine()) {
            lines++;
            try (JsonParser p = factory.createParser(l)) {
              while (p.nextToken() != null) {
                tokens++;
              }
            } catch (JsonProcessingException malformed) {
              // counted as a line; its tokens up to the error are counted
            }
          }
        }
      }
    }
    long ms = (System.nanoTime() - started) / 1_000_000;
    System.out.printf(
        Locale.ROOT,
        "tokenize: %d lines, %d tokens, %d ms, %.0f lines/s%n",
        lines,
        tokens,
        ms,
        lines * 1000.0 / Math.max(1, ms));
  }
}
