package org.ccmkit.core.condition;

/**
 * Whether a code names a chronic disease, in the sense of the CCM criteria: expected to last at
 * least 12 months (or until death) and needing ongoing care.
 *
 * @since 0.1.0
 */
public enum Chronicity {
  /** Chronic (AHRQ indicator 1, or a curated chronic concept): counts toward eligibility. */
  CHRONIC,
  /** Not chronic (AHRQ indicator 0, or a curated non-chronic concept): never counts. */
  NOT_CHRONIC,
  /** No determination (AHRQ indicator 9): does not count. */
  UNDETERMINED
}
