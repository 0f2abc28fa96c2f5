package org.ccmkit.core.rule;

/**
 * A stable reason code. Each module declares its codes as one enum implementing this interface, so
 * that codes are unique by construction; the {@link #name()} is what decisions carry and what
 * integrators match on. A code, once released, is never renamed.
 *
 * @since 0.1.0
 */
public interface ReasonCode {
  /** The stable code, e.g. {@code CONSENT_MISSING}. */
  String name();

  /** The severity a reason with this code has by default. */
  Severity severity();
}
