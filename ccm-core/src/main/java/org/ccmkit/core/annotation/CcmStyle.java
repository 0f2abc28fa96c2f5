package org.ccmkit.core.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of the code base, applied in each model package's {@code
 * package-info.java}.
 *
 * <p>Everything else stays at the Immutables default on purpose: generated types are named {@code
 * Immutable*}, and collections stay Guava's ordered, null-hostile ones.
 *
 * @since 0.1.0
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS) // class retention keeps incremental compilation happy
@Value.Style(
    depluralize = true, // reasons() -> builder.addReason(..)
    redactedMask = "<redacted>", // @Value.Redacted attributes never print
    visibility = Value.Style.ImplementationVisibility.PUBLIC,
    defaults = @Value.Immutable(copy = true))
public @interface CcmStyle {}
