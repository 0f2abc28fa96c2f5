/**
 * Chronic-condition classification: a {@link org.ccmkit.core.condition.ChronicConditionClassifier}
 * says whether a diagnosis code is a chronic disease and which disease group it belongs to, so that
 * several codes of one disease count once. {@link
 * org.ccmkit.core.condition.ChronicConditionClassifiers#standard()} combines ICD-10-CM (the AHRQ
 * HCUP Chronic Condition Indicator, grouped by the CMS Chronic Conditions Warehouse categories) and
 * SNOMED CT (a curated concept list); integrators can load a newer AHRQ file or plug their own.
 */
@NullMarked
@CheckReturnValue
@CcmStyle
package org.ccmkit.core.condition;

import com.google.errorprone.annotations.CheckReturnValue;
import org.ccmkit.core.annotation.CcmStyle;
import org.jspecify.annotations.NullMarked;
