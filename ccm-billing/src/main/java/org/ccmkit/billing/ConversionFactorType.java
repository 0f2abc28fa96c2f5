package org.ccmkit.billing;

/**
 * Which Medicare physician fee schedule conversion factor an amount was computed with (rules
 * reference §8.1): one factor through 2025, and from 2026 one for Qualifying APM Participants and
 * one for everyone else.
 *
 * @since 0.1.0
 */
public enum ConversionFactorType {
  /** The single conversion factor of years before 2026; applies to QP and non-QP alike. */
  SINGLE,
  /** The factor for practitioners who are not Qualifying APM Participants (2026: $33.4009). */
  NON_QP,
  /** The factor for Qualifying APM Participants (2026: $33.5675). */
  QP
}
