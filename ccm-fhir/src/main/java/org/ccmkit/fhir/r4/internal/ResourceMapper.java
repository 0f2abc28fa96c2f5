package org.ccmkit.fhir.r4.internal;

import java.util.Optional;
import org.hl7.fhir.r4.model.Resource;

/**
 * Maps one resource type in the first pass: settles the item at once (ignored or rejected) and
 * returns empty, or returns the pending values for the second pass.
 */
interface ResourceMapper<R extends Resource> {
  /** The HAPI class of the resource type. */
  Class<R> type();

  /** Maps a parsed resource. */
  Optional<Pending> map(R resource, Item item, MapContext context);
}
