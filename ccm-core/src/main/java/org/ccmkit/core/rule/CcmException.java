package org.ccmkit.core.rule;

import com.google.errorprone.annotations.FormatMethod;
import com.google.errorprone.annotations.FormatString;
import org.jspecify.annotations.Nullable;

/**
 * The root of ccmkit's exceptions, all unchecked, each with a stable {@link ErrorCode}. Messages
 * say what was expected and what was found, and never contain PHI.
 *
 * @since 0.1.0
 */
public class CcmException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode errorCode;

  /**
   * Creates an exception with a formatted message.
   *
   * @param errorCode the stable code
   * @param format a {@link String#format} template
   * @param args the template's arguments, without PHI
   */
  @FormatMethod
  public CcmException(ErrorCode errorCode, @FormatString String format, @Nullable Object... args) {
    super(errorCode + ": " + String.format(java.util.Locale.ROOT, format, args));
    this.errorCode = errorCode;
  }

  /**
   * Creates an exception with a cause.
   *
   * @param errorCode the stable code
   * @param message the message, without PHI
   * @param cause the cause
   */
  public CcmException(ErrorCode errorCode, String message, Throwable cause) {
    super(errorCode + ": " + message, cause);
    this.errorCode = errorCode;
  }

  /** Returns the stable error code. */
  public ErrorCode errorCode() {
    return errorCode;
  }
}
