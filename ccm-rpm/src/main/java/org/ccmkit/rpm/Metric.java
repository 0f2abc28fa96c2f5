package org.ccmkit.rpm;

/**
 * A physiologic quantity that thresholds are set on, with the canonical unit readings are converted
 * to before they are compared (UCUM codes). Which reading codes measure which metric is data
 * ({@link AlertParameters#metricCodes()}).
 *
 * @since 0.1.0
 */
public enum Metric {
  /** Systolic blood pressure, in {@code mm[Hg]}. */
  SYSTOLIC_BP("mm[Hg]"),
  /** Diastolic blood pressure, in {@code mm[Hg]}. */
  DIASTOLIC_BP("mm[Hg]"),
  /** Heart rate, in beats per minute ({@code /min}). */
  HEART_RATE("/min"),
  /** Blood glucose, in {@code mg/dL} ({@code mmol/L} readings are converted). */
  GLUCOSE("mg/dL"),
  /** Oxygen saturation by pulse oximetry, in {@code %}. */
  SPO2("%"),
  /** Body weight, in {@code kg} ({@code [lb_av]} readings are converted). */
  BODY_WEIGHT("kg");

  private final String canonicalUnit;

  Metric(String canonicalUnit) {
    this.canonicalUnit = canonicalUnit;
  }

  /** Returns the UCUM unit values of this metric are compared in. */
  public String canonicalUnit() {
    return canonicalUnit;
  }
}
