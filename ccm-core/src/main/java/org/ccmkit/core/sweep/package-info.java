/**
 * The eligibility sweep: which patients of a practice are not enrolled in CCM or PCM but qualify or
 * nearly qualify, ranked by an explainable score. {@link org.ccmkit.core.sweep.EligibilitySweep}
 * screens one {@link org.ccmkit.core.model.PatientRecord} at a time into a {@link
 * org.ccmkit.core.sweep.Screening} (status, qualifying conditions, coverage found, initiating
 * visit, consent disclosures, score components) with the core eligibility and initiating-visit
 * rules; the score's weights are versioned data ({@link org.ccmkit.core.sweep.SweepParameters}).
 * See {@code docs/eligibility-sweep.md}.
 */
@NullMarked
@CheckReturnValue
@CcmStyle
package org.ccmkit.core.sweep;

import com.google.errorprone.annotations.CheckReturnValue;
import org.ccmkit.core.annotation.CcmStyle;
import org.jspecify.annotations.NullMarked;
