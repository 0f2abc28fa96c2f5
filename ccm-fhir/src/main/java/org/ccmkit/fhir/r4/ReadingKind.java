package org.ccmkit.fhir.r4;

import org.ccmkit.core.annotation.Experimental;

/**
 * The kind of an RPM reading, as the LOINC codes of {@link MappingOptions#readingCodes()} map it.
 *
 * @since 0.1.0
 */
@Experimental(until = "0.2.0")
public enum ReadingKind {
  /** Blood pressure panel (85354-9, legacy 55284-4) with systolic and diastolic components. */
  BLOOD_PRESSURE,
  /** Heart rate (8867-4). */
  HEART_RATE,
  /** Body weight (29463-7). */
  BODY_WEIGHT,
  /** Oxygen saturation (59408-5, 2708-6). */
  SPO2,
  /** Blood glucose (2339-0, 41653-7). */
  GLUCOSE
}
