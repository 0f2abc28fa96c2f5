package org.ccmkit.core.rule;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.Serializable;
import java.util.Comparator;
import java.util.Optional;
import org.ccmkit.core.model.SourceRef;
import org.immutables.value.Value;

/**
 * A piece of input a decision rests on: the resource it came from, the field, a display value
 * without PHI, its role, and for excluded evidence the reason code. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableEvidence.class)
@JsonDeserialize(as = ImmutableEvidence.class)
public abstract class Evidence implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The order evidence is listed in a decision: source, path, role, value, reason. */
  static final Comparator<Evidence> ORDER = Evidence::compareInOrder;

  Evidence() {}

  /**
   * {@link #ORDER}, written out rather than as a comparator chain (every decision checks its
   * evidence is in order).
   */
  private static int compareInOrder(Evidence a, Evidence b) {
    if (a == b) {
      return 0;
    }
    int c = a.source().compareTo(b.source());
    if (c != 0) {
      return c;
    }
    c = a.path().compareTo(b.path());
    if (c != 0) {
      return c;
    }
    c = a.role().compareTo(b.role());
    if (c != 0) {
      return c;
    }
    c = a.value().compareTo(b.value());
    if (c != 0) {
      return c;
    }
    return a.reason().orElse("").compareTo(b.reason().orElse(""));
  }

  /** The resource. */
  public abstract SourceRef source();

  /** The field that mattered, e.g. {@code Procedure.performedPeriod}. */
  public abstract String path();

  /** A display value without PHI, e.g. {@code 25 min CLINICAL_STAFF}. */
  @Value.Default
  public String value() {
    return "";
  }

  /** How the evidence took part. */
  public abstract EvidenceRole role();

  /** For {@link EvidenceRole#EXCLUDED} (and some context) evidence: the reason code. */
  public abstract Optional<String> reason();

  /**
   * Returns counted evidence.
   *
   * @param source the resource
   * @param path the field
   * @param value a display value without PHI
   * @return the evidence
   */
  public static Evidence counted(SourceRef source, String path, String value) {
    return builder().source(source).path(path).value(value).role(EvidenceRole.COUNTED).build();
  }

  /**
   * Returns context evidence.
   *
   * @param source the resource
   * @param path the field
   * @param value a display value without PHI
   * @return the evidence
   */
  public static Evidence context(SourceRef source, String path, String value) {
    return builder().source(source).path(path).value(value).role(EvidenceRole.CONTEXT).build();
  }

  /**
   * Returns excluded evidence with the reason it was left out.
   *
   * @param source the resource
   * @param path the field
   * @param value a display value without PHI
   * @param reason why it was left out
   * @return the evidence
   */
  public static Evidence excluded(SourceRef source, String path, String value, ReasonCode reason) {
    return builder()
        .source(source)
        .path(path)
        .value(value)
        .role(EvidenceRole.EXCLUDED)
        .reason(reason.name())
        .build();
  }

  /** Returns a new builder. */
  public static ImmutableEvidence.Builder builder() {
    return ImmutableEvidence.builder();
  }
}
