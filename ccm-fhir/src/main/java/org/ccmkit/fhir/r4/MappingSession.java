package org.ccmkit.fhir.r4;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.io.Reader;
import java.nio.file.Path;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * One mapping run that takes inputs one by one (files, directories, JSON text, NDJSON streams,
 * parsed resources) and resolves references across all of them when {@link #finish()} is called.
 * Not thread-safe; use one session per thread. Obtained from {@link R4Mapper#newSession()}.
 *
 * @since 0.1.0
 */
public interface MappingSession {
  /**
   * Reads a file or walks a directory (in sorted path order, reading {@code *.json} and {@code
   * *.ndjson}, case-insensitive). A path that cannot be read becomes an issue, never an exception.
   *
   * @param path a file or directory
   * @return this session
   */
  @CanIgnoreReturnValue
  MappingSession addPath(Path path);

  /**
   * Reads JSON text holding a Bundle or a single resource.
   *
   * @param sourceName the name issues give as the source, e.g. a file name; not blank
   * @param json the JSON text
   * @return this session
   * @throws IllegalArgumentException if {@code sourceName} is blank
   */
  @CanIgnoreReturnValue
  MappingSession addJson(String sourceName, String json);

  /**
   * Reads NDJSON (one resource per line) line by line from {@code reader}, which the caller closes.
   *
   * @param sourceName the name issues give as the source; not blank
   * @param reader the NDJSON text
   * @return this session
   * @throws IllegalArgumentException if {@code sourceName} is blank
   */
  @CanIgnoreReturnValue
  MappingSession addNdjson(String sourceName, Reader reader);

  /**
   * Reads a resource the caller already holds (a Bundle is read entry by entry). The resource is
   * encoded and parsed again, so the session keeps no reference to it.
   *
   * @param sourceName the name issues give as the source; not blank
   * @param resource the resource
   * @return this session
   * @throws IllegalArgumentException if {@code sourceName} is blank
   */
  @CanIgnoreReturnValue
  MappingSession addResource(String sourceName, IBaseResource resource);

  /**
   * Resolves references across everything added and returns the result. A session can be finished
   * once.
   *
   * @return the result
   * @throws IllegalStateException if the session was already finished
   * @throws MappingException in strict mode, if any issue is an ERROR
   */
  MappingResult finish();
}
