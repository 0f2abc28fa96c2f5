/**
 * Annotations shared by every ccmkit module: {@link org.ccmkit.core.annotation.CcmStyle}, the one
 * Immutables style; {@link org.ccmkit.core.annotation.Internal} for members public for technical
 * reasons only; and {@link org.ccmkit.core.annotation.Experimental} for API that may still change.
 */
@NullMarked
@CheckReturnValue
package org.ccmkit.core.annotation;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
