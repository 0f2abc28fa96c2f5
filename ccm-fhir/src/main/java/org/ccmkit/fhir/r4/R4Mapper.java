package org.ccmkit.fhir.r4;

import static com.google.common.base.Preconditions.checkNotNull;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.FhirVersionEnum;
import com.google.common.base.Preconditions;
import java.io.Reader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import org.ccmkit.fhir.r4.internal.Contexts;
import org.ccmkit.fhir.r4.internal.MappingEngine;

/**
 * The entry point of the FHIR R4 edge: reads Bundles (any type), single-resource JSON files and
 * Bulk Data NDJSON into ccm-core values, following the FHIR contract with the {@link
 * MappingOptions} given. Mapping never throws on bad data: every resource read ends used, ignored
 * or rejected, with {@link MappingIssue}s saying why (strict mode throws a {@link MappingException}
 * instead when errors were found). Immutable and thread-safe; each call uses its own session.
 *
 * <pre>{@code
 * MappingResult result = R4Mapper.create().map(Path.of("export/"));
 * for (PatientRecord record : result.records()) { ... }
 * result.issues().forEach(System.err::println);   // no PHI
 * }</pre>
 *
 * @since 0.1.0
 */
public final class R4Mapper {
  private final MappingOptions options;
  private final FhirContext context;

  private R4Mapper(MappingOptions options, FhirContext context) {
    this.options = options;
    this.context = context;
  }

  /** Returns a mapper with the contract's default options. */
  public static R4Mapper create() {
    return create(MappingOptions.defaults());
  }

  /**
   * Returns a mapper with {@code options}, using the process-wide {@link #sharedContext()}.
   *
   * @param options the options
   * @return the mapper
   */
  public static R4Mapper create(MappingOptions options) {
    return new R4Mapper(checkNotNull(options, "options"), Contexts.r4());
  }

  /**
   * Returns a mapper with {@code options} and the integrator's own R4 {@link FhirContext} (one per
   * process, as HAPI advises; it is not modified).
   *
   * @param options the options
   * @param context an R4 context
   * @return the mapper
   * @throws IllegalArgumentException if {@code context} is not an R4 context
   */
  public static R4Mapper create(MappingOptions options, FhirContext context) {
    Preconditions.checkArgument(
        context.getVersion().getVersion() == FhirVersionEnum.R4,
        "an R4 FhirContext is needed, found %s",
        context.getVersion().getVersion());
    return new R4Mapper(checkNotNull(options, "options"), context);
  }

  /** Returns the process-wide R4 context ccmkit uses when none is given; created on first use. */
  public static FhirContext sharedContext() {
    return Contexts.r4();
  }

  /** Returns the options. */
  public MappingOptions options() {
    return options;
  }

  /** Returns a new session, for adding inputs one by one. */
  public MappingSession newSession() {
    return new MappingEngine(options, context);
  }

  /**
   * Maps files and directories (directories are walked in sorted order).
   *
   * @param paths files or directories
   * @return the result
   * @throws MappingException in strict mode, if any issue is an ERROR
   */
  public MappingResult map(Path... paths) {
    return map(Arrays.asList(paths));
  }

  /**
   * Maps files and directories, in the order given (directories are walked in sorted order).
   *
   * @param paths files or directories
   * @return the result
   * @throws MappingException in strict mode, if any issue is an ERROR
   */
  public MappingResult map(Collection<Path> paths) {
    MappingSession session = newSession();
    for (Path p : paths) {
      session.addPath(p);
    }
    return session.finish();
  }

  /**
   * Maps JSON text holding a Bundle or a single resource.
   *
   * @param sourceName the name issues give as the source; not blank
   * @param json the JSON text
   * @return the result
   * @throws IllegalArgumentException if {@code sourceName} is blank
   * @throws MappingException in strict mode, if any issue is an ERROR
   */
  public MappingResult mapJson(String sourceName, String json) {
    return newSession().addJson(sourceName, json).finish();
  }

  /**
   * Maps NDJSON read line by line from {@code reader} (which the caller closes).
   *
   * @param sourceName the name issues give as the source; not blank
   * @param reader the NDJSON text
   * @return the result
   * @throws IllegalArgumentException if {@code sourceName} is blank
   * @throws MappingException in strict mode, if any issue is an ERROR
   */
  public MappingResult mapNdjson(String sourceName, Reader reader) {
    return newSession().addNdjson(sourceName, reader).finish();
  }
}
