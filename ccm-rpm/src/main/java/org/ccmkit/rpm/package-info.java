/**
 * Remote physiologic monitoring (RPM) rules: device days per 30-day period, the RPM billing codes
 * of a month, and clinical alerts on readings. {@link org.ccmkit.rpm.RpmRules} is the entry point;
 * it computes {@link org.ccmkit.rpm.DeviceDays} (periods with their data days and a live forecast),
 * {@link org.ccmkit.rpm.RpmBilling} (code lines 99453, 99454/99445, 99457/99458/99470 with the
 * decisions behind them) and {@link org.ccmkit.rpm.AlertResult} (one {@link org.ccmkit.rpm.Alert}
 * per breach episode). Thresholds, codes and amounts are year-versioned data in {@link
 * org.ccmkit.rpm.RpmParameters}; every reason carries an {@link org.ccmkit.rpm.RpmReasonCode}. See
 * {@code docs/rpm.md} for each rule, default and source.
 */
@NullMarked
@CheckReturnValue
@CcmStyle
package org.ccmkit.rpm;

import com.google.errorprone.annotations.CheckReturnValue;
import org.ccmkit.core.annotation.CcmStyle;
import org.jspecify.annotations.NullMarked;
