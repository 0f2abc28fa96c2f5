/**
 * The rule API: a {@link org.ccmkit.core.rule.Rule} is a pure function from an input and an {@link
 * org.ccmkit.core.rule.EvaluationContext} to a {@link org.ccmkit.core.rule.Decision}, which carries
 * its {@link org.ccmkit.core.rule.Outcome}, its {@link org.ccmkit.core.rule.Reason}s with stable
 * codes, and the {@link org.ccmkit.core.rule.Evidence} (resource type and id) it rests on. Errors
 * that are not decisions are {@link org.ccmkit.core.rule.CcmException}s with an {@link
 * org.ccmkit.core.rule.ErrorCode}.
 */
@NullMarked
@CheckReturnValue
@CcmStyle
package org.ccmkit.core.rule;

import com.google.errorprone.annotations.CheckReturnValue;
import org.ccmkit.core.annotation.CcmStyle;
import org.jspecify.annotations.NullMarked;
