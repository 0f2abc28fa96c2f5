/**
 * Rule parameters as versioned data. Thresholds, code sets and options live in JSON files keyed by
 * effective date (one per rule year, CY2025, CY2026, …), never as constants in rule bodies. {@link
 * org.ccmkit.core.params.ParameterCatalog} picks the set in effect on a date; {@link
 * org.ccmkit.core.params.CoreParameters} holds the core rules' parameters and {@link
 * org.ccmkit.core.params.CoreParameters#builtIn()} loads the shipped years.
 */
@NullMarked
@CheckReturnValue
@CcmStyle
package org.ccmkit.core.params;

import com.google.errorprone.annotations.CheckReturnValue;
import org.ccmkit.core.annotation.CcmStyle;
import org.jspecify.annotations.NullMarked;
