/**
 * JSON for ccmkit's own types: {@link org.ccmkit.core.json.CcmJson} is the single, deterministic
 * Jackson setup (sorted properties and map keys, ISO dates, plain decimals) behind every decision
 * line and parameter file.
 */
@NullMarked
@CheckReturnValue
package org.ccmkit.core.json;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
