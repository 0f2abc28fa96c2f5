package org.ccmkit.fhir.r4;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Paths of the test fixtures and small mapping helpers. */
final class Fixtures {
  /** The synthetic fixtures, named {@code <resource>-<scenario>.json} (module-relative). */
  static final Path R4 = Path.of("src/test/resources/fixtures/r4");

  static final Path BAD = R4.resolve("bad");
  static final Path THIRD_PARTY = R4.resolve("thirdparty");

  private Fixtures() {}

  static Path r4(String name) {
    return R4.resolve(name);
  }

  /** The top-level synthetic fixture files, sorted (not the bad or third-party folders). */
  static List<Path> syntheticFiles() {
    try (Stream<Path> s = Files.list(R4)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Maps the named synthetic fixtures with the default options. */
  static MappingResult map(String... names) {
    MappingSession s = R4Mapper.create().newSession();
    for (String n : names) {
      s.addPath(r4(n));
    }
    return s.finish();
  }

  /**
   * Maps inline JSON together with the basic patient and the physician, nurse and front-desk
   * practitioners.
   */
  static MappingResult mapWithPeople(MappingOptions options, String json) {
    return R4Mapper.create(options)
        .newSession()
        .addPath(r4("patient-basic.json"))
        .addPath(r4("practitioner-physician.json"))
        .addPath(r4("practitioner-nurse.json"))
        .addPath(r4("practitioner-front-desk.json"))
        .addJson("inline.json", json)
        .finish();
  }

  static MappingResult mapWithPeople(String json) {
    return mapWithPeople(MappingOptions.defaults(), json);
  }

  /** Returns the issues raised at the inline input. */
  static List<MappingIssue> inlineIssues(MappingResult r) {
    return r.issues().stream().filter(i -> i.location().source().equals("inline.json")).toList();
  }
}
