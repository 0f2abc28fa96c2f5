package org.ccmkit.fhir.r4;

import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.ccmkit.core.json.CcmJson;
import org.ccmkit.core.rule.Decision;
import org.ccmkit.fhir.r4.internal.Contexts;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Writes NDJSON lines: FHIR resources as compact JSON (one resource per line, as Bulk Data and the
 * month-end outputs require) with the shared R4 context, and decisions as the SDK's own
 * deterministic JSON ({@link CcmJson}).
 *
 * @since 0.1.0
 */
public final class R4Ndjson {
  private R4Ndjson() {}

  /**
   * Returns a resource as one line of compact JSON, without the line break.
   *
   * @param resource an R4 resource
   * @return the JSON text, free of line breaks
   */
  public static String toLine(IBaseResource resource) {
    IParser parser = Contexts.r4().newJsonParser().setPrettyPrint(false);
    return parser.encodeResourceToString(resource);
  }

  /**
   * Returns a decision as one line of ccmkit JSON, without the line break.
   *
   * @param decision a decision
   * @return the JSON text
   */
  public static String toLine(Decision decision) {
    return CcmJson.write(decision);
  }

  /**
   * Writes resources, one per line, each line ended by {@code \n}.
   *
   * @param out where to write; not closed
   * @param resources the resources
   * @throws UncheckedIOException if writing fails
   */
  public static void writeResources(Writer out, Iterable<? extends IBaseResource> resources) {
    try {
      for (IBaseResource r : resources) {
        out.write(toLine(r));
        out.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes decisions, one per line, each line ended by {@code \n}.
   *
   * @param out where to write; not closed
   * @param decisions the decisions
   * @throws UncheckedIOException if writing fails
   */
  public static void writeDecisions(Writer out, Iterable<Decision> decisions) {
    try {
      for (Decision d : decisions) {
        out.write(toLine(d));
        out.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
