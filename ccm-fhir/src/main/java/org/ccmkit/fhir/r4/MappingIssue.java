package org.ccmkit.fhir.r4;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.Serializable;
import java.util.Comparator;
import java.util.Optional;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.core.rule.Severity;
import org.immutables.value.Value;

/**
 * One thing the mapper found while reading: a stable {@link #code()}, its severity, where it was
 * ({@link #location()}), the resource type and id when they could be read, the field, and an
 * English message that never contains PHI (it names fields and codes, never values such as names,
 * dates or identifiers). Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableMappingIssue.class)
@JsonDeserialize(as = ImmutableMappingIssue.class)
public abstract class MappingIssue implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The order issues are listed in: location, then severity, code, path and message. */
  public static final Comparator<MappingIssue> ORDER =
      Comparator.comparing(MappingIssue::location)
          .thenComparing(MappingIssue::severity)
          .thenComparing(MappingIssue::code)
          .thenComparing(i -> i.path().orElse(""))
          .thenComparing(MappingIssue::message);

  MappingIssue() {}

  /** Where the resource (or unreadable input) was. */
  public abstract SourceLocation location();

  /** The stable code. */
  public abstract MappingIssueCode code();

  /** The severity; the code's severity unless stated otherwise. */
  @Value.Default
  public Severity severity() {
    return code().severity();
  }

  /** The resource type, when it could be read. */
  public abstract Optional<String> resourceType();

  /** The resource's logical id, when it could be read. */
  public abstract Optional<String> resourceId();

  /** The field concerned, e.g. {@code Procedure.performedPeriod.end}, when there is one. */
  public abstract Optional<String> path();

  /** What was expected and what was found, in English, without PHI. */
  public abstract String message();

  /** Returns what the issue does to its resource (the code's effect). */
  @JsonIgnore
  public IssueEffect effect() {
    return code().effect();
  }

  /** Returns {@code Type/id} of the resource, when both are known. */
  @JsonIgnore
  public Optional<SourceRef> resource() {
    if (resourceType().isPresent() && resourceId().isPresent()) {
      return Optional.of(SourceRef.of(resourceType().get(), resourceId().get()));
    }
    return Optional.empty();
  }

  /** Returns a new builder. */
  public static ImmutableMappingIssue.Builder builder() {
    return ImmutableMappingIssue.builder();
  }

  /** Returns e.g. {@code ERROR MISSING_REQUIRED_FIELD Procedure/p1 at f.ndjson:3: message}. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder().append(severity()).append(' ').append(code());
    resourceType().ifPresent(t -> s.append(' ').append(t));
    resourceId().ifPresent(id -> s.append(resourceType().isPresent() ? "/" : " ").append(id));
    s.append(" at ").append(location());
    path().ifPresent(p -> s.append(" (").append(p).append(')'));
    return s.append(": ").append(message()).toString();
  }
}
