/**
 * Medicare care-management billing. {@link org.ccmkit.billing.CcmBillingRules} builds a {@link
 * org.ccmkit.billing.BillingEngine}, which turns one patient's {@link
 * org.ccmkit.billing.BillingInput} for a service month into a {@link
 * org.ccmkit.billing.BillingResult}: claim lines grouped by billing practitioner, one {@code
 * Decision} per program and practitioner explaining what was billed or why not, and a patient-share
 * estimate. The codes, thresholds, caps and amounts come from a year-versioned {@link
 * org.ccmkit.billing.CodeCatalog}; deductibles, Medigap shares, concurrency pairs and policies come
 * from year-versioned {@link org.ccmkit.billing.BillingParameters}. Lines that other rules decide
 * (RPM, by ccm-rpm) come in as {@link org.ccmkit.billing.ExternalLine}s and are priced and
 * estimated with the month's own lines. Reasons carry stable {@link
 * org.ccmkit.billing.BillingReasonCode}s.
 */
@NullMarked
@CheckReturnValue
@CcmStyle
package org.ccmkit.billing;

import com.google.errorprone.annotations.CheckReturnValue;
import org.ccmkit.core.annotation.CcmStyle;
import org.jspecify.annotations.NullMarked;
