/**
 * The core care-management rules, each a pure function returning a {@link
 * org.ccmkit.core.rule.Decision}: {@link org.ccmkit.core.rules.CoreRules#eligibility()} (two or
 * more chronic conditions for CCM, one for PCM, pending a significant-risk attestation), {@link
 * org.ccmkit.core.rules.CoreRules#consent()} (the days of a month consent covers), {@link
 * org.ccmkit.core.rules.CoreRules#initiatingVisit()} and {@link
 * org.ccmkit.core.rules.CoreRules#timeAccrual()} (whole minutes per role in a service month, with
 * every excluded entry and its reason). Each rule takes a {@link org.ccmkit.core.rules.CareQuery}
 * and reads its thresholds from versioned {@link org.ccmkit.core.params.CoreParameters}.
 */
@NullMarked
@CheckReturnValue
@CcmStyle
package org.ccmkit.core.rules;

import com.google.errorprone.annotations.CheckReturnValue;
import org.ccmkit.core.annotation.CcmStyle;
import org.jspecify.annotations.NullMarked;
