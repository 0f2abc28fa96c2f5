package org.ccmkit.fhir.r4.internal;

import org.hl7.fhir.r4.model.Reference;
import org.jspecify.annotations.Nullable;

/**
 * A reference as written: the reference text, the declared type, and a logical identifier. Keeps no
 * HAPI object, so that pending resources hold little memory.
 */
final class RawRef {
  final @Nullable String reference;
  final @Nullable String type;
  final @Nullable String identifierSystem;
  final @Nullable String identifierValue;

  private RawRef(
      @Nullable String reference,
      @Nullable String type,
      @Nullable String identifierSystem,
      @Nullable String identifierValue) {
    this.reference = reference;
    this.type = type;
    this.identifierSystem = identifierSystem;
    this.identifierValue = identifierValue;
  }

  /** Returns the reference, or null when it names nothing (no reference and no identifier). */
  static @Nullable RawRef of(@Nullable Reference r) {
    if (r == null || r.isEmpty()) {
      return null;
    }
    String ref = r.hasReference() ? r.getReference() : null;
    String type = r.hasType() ? r.getType() : null;
    String sys = null;
    String val = null;
    if (r.hasIdentifier() && r.getIdentifier().hasValue()) {
      sys = r.getIdentifier().hasSystem() ? r.getIdentifier().getSystem() : null;
      val = r.getIdentifier().getValue();
    }
    if (ref == null && val == null) {
      return null;
    }
    return new RawRef(ref, type, sys, val);
  }

  /** Returns the resource type the reference text names, or its declared type, when known. */
  @Nullable String namedType() {
    if (reference != null && !reference.startsWith("#") && !reference.startsWith("urn:")) {
      String[] seg = stripHistory(reference).split("/", -1);
      if (seg.length >= 2) {
        return seg[seg.length - 2];
      }
    }
    return type;
  }

  static String stripHistory(String ref) {
    int h = ref.indexOf("/_history/");
    return h >= 0 ? ref.substring(0, h) : ref;
  }
}
