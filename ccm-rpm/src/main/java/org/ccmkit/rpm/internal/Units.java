package org.ccmkit.rpm.internal;

import com.google.common.collect.ImmutableMap;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import org.ccmkit.core.model.Measurement;
import org.ccmkit.rpm.Metric;

/**
 * Exact unit conversion to each metric's canonical unit. Every factor converts by multiplication,
 * so no rounding happens: {@code [lb_av]} to {@code kg} × 0.45359237 (the international avoirdupois
 * pound, exact by definition), glucose {@code mmol/L} to {@code mg/dL} × 18.0156 (molar mass of
 * glucose 180.156 g/mol, so 3.9 mmol/L ≈ 70.3 mg/dL and 3.0 mmol/L ≈ 54.0 mg/dL, the ADA
 * equivalents). Units are matched on UCUM codes and on the common spellings devices send.
 */
public final class Units {
  private Units() {}

  /** The pound in kilograms, exact. */
  static final BigDecimal KG_PER_LB = new BigDecimal("0.45359237");

  /** Glucose: mg/dL per mmol/L. */
  static final BigDecimal MGDL_PER_MMOLL = new BigDecimal("18.0156");

  private enum Unit {
    MMHG,
    PER_MIN,
    MG_DL,
    MMOL_L,
    PERCENT,
    KG,
    LB,
    G
  }

  private static final ImmutableMap<String, Unit> SPELLINGS =
      ImmutableMap.<String, Unit>builder()
          .put("mm[hg]", Unit.MMHG)
          .put("mmhg", Unit.MMHG)
          .put("/min", Unit.PER_MIN)
          .put("{beats}/min", Unit.PER_MIN)
          .put("beats/min", Unit.PER_MIN)
          .put("bpm", Unit.PER_MIN)
          .put("1/min", Unit.PER_MIN)
          .put("mg/dl", Unit.MG_DL)
          .put("mmol/l", Unit.MMOL_L)
          .put("%", Unit.PERCENT)
          .put("kg", Unit.KG)
          .put("[lb_av]", Unit.LB)
          .put("lb", Unit.LB)
          .put("lbs", Unit.LB)
          .put("g", Unit.G)
          .buildOrThrow();

  /**
   * The spellings above plus the UCUM codes as written (mixed case), looked up before trimming and
   * lower-casing: most inputs use one of these exactly, and each maps to what its lower-cased form
   * maps to.
   */
  private static final ImmutableMap<String, Unit> AS_WRITTEN =
      ImmutableMap.<String, Unit>builder()
          .putAll(SPELLINGS)
          .put("mm[Hg]", Unit.MMHG)
          .put("mg/dL", Unit.MG_DL)
          .put("mmol/L", Unit.MMOL_L)
          .buildOrThrow();

  /**
   * Returns {@code m} in the canonical unit of {@code metric}, or empty when its unit does not fit
   * the metric.
   *
   * @param m a measurement
   * @param metric the metric it measures
   * @return the exact value in {@link Metric#canonicalUnit()}
   */
  public static Optional<BigDecimal> toCanonical(Measurement m, Metric metric) {
    Unit u = AS_WRITTEN.get(m.unit());
    if (u == null) {
      u = SPELLINGS.get(m.unit().trim().toLowerCase(Locale.ROOT));
    }
    if (u == null) {
      return Optional.empty();
    }
    BigDecimal v = m.value();
    return switch (metric) {
      case SYSTOLIC_BP, DIASTOLIC_BP -> u == Unit.MMHG ? Optional.of(v) : Optional.empty();
      case HEART_RATE -> u == Unit.PER_MIN ? Optional.of(v) : Optional.empty();
      case SPO2 -> u == Unit.PERCENT ? Optional.of(v) : Optional.empty();
      case GLUCOSE ->
          switch (u) {
            case MG_DL -> Optional.of(v);
            case MMOL_L -> Optional.of(v.multiply(MGDL_PER_MMOLL));
            default -> Optional.empty();
          };
      case BODY_WEIGHT ->
          switch (u) {
            case KG -> Optional.of(v);
            case LB -> Optional.of(v.multiply(KG_PER_LB));
            case G -> Optional.of(v.movePointLeft(3));
            default -> Optional.empty();
          };
    };
  }

  /**
   * Returns {@code value} (in the metric's canonical unit) in {@code unit}, for display, rounded
   * half-even to {@code scale} decimals.
   *
   * @param value a canonical value
   * @param metric its metric
   * @param unit the wanted unit
   * @param scale decimals
   * @return the value, or empty when the unit does not fit
   */
  public static Optional<BigDecimal> fromCanonical(
      BigDecimal value, Metric metric, String unit, int scale) {
    Optional<BigDecimal> one = toCanonical(Measurement.of(BigDecimal.ONE, unit), metric);
    return one.map(
        f -> value.divide(f, scale, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros());
  }
}
