package org.ccmkit.core.model;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.Serializable;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Names the input resource a value came from, by resource type and logical id (for example {@code
 * Procedure/te-17}). It is how decisions point at their evidence without copying protected health
 * information. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableSourceRef.class)
@JsonDeserialize(as = ImmutableSourceRef.class)
public abstract class SourceRef implements Comparable<SourceRef>, Serializable {
  private static final long serialVersionUID = 1L;

  SourceRef() {}

  /** The FHIR resource type, e.g. {@code "Procedure"}. */
  @Value.Parameter
  public abstract String resourceType();

  /** The logical id of the resource within its type. */
  @Value.Parameter
  public abstract String id();

  /** The version id, when the source had one. */
  public abstract Optional<String> versionId();

  /**
   * Returns a reference to {@code resourceType/id}.
   *
   * @param resourceType the resource type, not blank
   * @param id the logical id, not blank
   * @return the reference
   * @throws IllegalArgumentException if either argument is blank
   */
  public static SourceRef of(String resourceType, String id) {
    return ImmutableSourceRef.of(resourceType, id);
  }

  /**
   * Parses {@code Type/id}.
   *
   * @param text a reference such as {@code "Consent/c1"}
   * @return the reference
   * @throws IllegalArgumentException if the text has no type or no id
   */
  public static SourceRef parse(String text) {
    int slash = text.indexOf('/');
    checkArgument(slash > 0 && slash < text.length() - 1, "expected Type/id, found '%s'", text);
    return of(text.substring(0, slash), text.substring(slash + 1));
  }

  @Value.Check
  protected void check() {
    checkArgument(!resourceType().isBlank(), "resourceType must not be blank");
    checkArgument(!id().isBlank(), "id must not be blank");
  }

  /**
   * Orders by resource type, then id, then version id (none before any). Written out rather than as
   * a comparator chain: references are compared in every sort of readings and evidence.
   */
  @Override
  public int compareTo(SourceRef other) {
    if (this == other) {
      return 0;
    }
    int c = resourceType().compareTo(other.resourceType());
    if (c != 0) {
      return c;
    }
    c = id().compareTo(other.id());
    if (c != 0) {
      return c;
    }
    return versionId().orElse("").compareTo(other.versionId().orElse(""));
  }

  /** Returns {@code Type/id}. */
  @Override
  public String toString() {
    return resourceType() + "/" + id();
  }
}
