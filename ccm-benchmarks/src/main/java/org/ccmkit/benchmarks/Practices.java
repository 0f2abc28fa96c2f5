package org.ccmkit.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the benchmarks find a generated practice ({@code ccm.jar generate}). */
final class Practices {
  /** The default practice folder, written by {@code tools/perf-e2e.sh} or by hand. */
  static final String DEFAULT = "/tmp/ccm-perf/p10k";

  private Practices() {}

  static Path require(String dir) {
    Path p = Path.of(dir);
    if (!Files.isDirectory(p)) {
      throw new IllegalStateException(
          "no generated practice at "
              + dir
              + "; run: java -jar examples/target/ccm.jar generate --patients 10000 --out "
              + dir
              + " (or pass -p practice=DIR)");
    }
    return p;
  }
}
