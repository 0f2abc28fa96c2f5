/**
 * The implementation of ccm-billing; not API. {@link org.ccmkit.billing.internal.MonthlyBilling}
 * runs one patient-month: it asks ccm-core's rules for eligibility, consent, initiating visit and
 * counted minutes per program and practitioner, builds the billing options per code family,
 * resolves the single-practitioner rule and concurrency conflicts, dates and prices the lines, and
 * estimates the patient's share. {@link org.ccmkit.billing.internal.CatalogFiles} loads and
 * validates the shipped data files.
 */
@NullMarked
@CheckReturnValue
@CcmStyle
package org.ccmkit.billing.internal;

import com.google.errorprone.annotations.CheckReturnValue;
import org.ccmkit.core.annotation.CcmStyle;
import org.jspecify.annotations.NullMarked;
