package org.ccmkit.fhir.r4;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.stream.Collectors;
import org.ccmkit.core.rule.CcmException;
import org.ccmkit.core.rule.ErrorCode;

/**
 * Thrown by {@link MappingResult#orThrow()}, and by {@link R4Mapper} in strict mode, when mapping
 * found ERROR issues. The message names the number of errors and the first few (code, location,
 * resource type and id), never PHI.
 *
 * @since 0.1.0
 */
public final class MappingException extends CcmException {
  private static final long serialVersionUID = 1L;
  private static final int SHOWN = 5;

  @SuppressWarnings("serial") // ImmutableList of serializable issues
  private final ImmutableList<MappingIssue> errors;

  /**
   * Creates the exception.
   *
   * @param errors the ERROR issues, in order; at least one
   */
  public MappingException(List<MappingIssue> errors) {
    super(ErrorCode.INVALID_FHIR_INPUT, "%s", describe(errors));
    this.errors = ImmutableList.copyOf(errors);
  }

  /** Returns the ERROR issues, in order. */
  public ImmutableList<MappingIssue> errors() {
    return errors;
  }

  private static String describe(List<MappingIssue> errors) {
    String first =
        errors.stream().limit(SHOWN).map(MappingIssue::toString).collect(Collectors.joining("; "));
    return errors.size()
        + " mapping error(s): "
        + first
        + (errors.size() > SHOWN ? "; and " + (errors.size() - SHOWN) + " more" : "");
  }
}
