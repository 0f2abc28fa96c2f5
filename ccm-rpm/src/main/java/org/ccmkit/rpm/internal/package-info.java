/**
 * The implementation behind {@link org.ccmkit.rpm.RpmRules}; not API. {@link
 * org.ccmkit.rpm.internal.DeviceDayCounter} counts device days per 30-day period, {@link
 * org.ccmkit.rpm.internal.RpmBillingEngine} turns periods and minutes into code lines, {@link
 * org.ccmkit.rpm.internal.MonitoringStartRule} checks the established-patient and RPM/RTM rules,
 * and {@link org.ccmkit.rpm.internal.AlertEngine} groups threshold breaches into alerts. {@link
 * org.ccmkit.rpm.internal.Units} converts measurement units exactly.
 */
@NullMarked
@CheckReturnValue
package org.ccmkit.rpm.internal;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
