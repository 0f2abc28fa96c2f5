package org.ccmkit.core.condition;

import java.util.Optional;
import org.ccmkit.core.model.Code;

/**
 * Classifies diagnosis codes as chronic diseases and groups them by disease. Implementations are
 * immutable and thread-safe; integrators can supply their own (a payer's list, a newer AHRQ file, a
 * terminology server's answers cached in memory).
 *
 * @since 0.1.0
 */
public interface ChronicConditionClassifier {
  /**
   * Classifies one code.
   *
   * @param code a diagnosis code
   * @return the classification, or empty when this classifier does not know the code (its code
   *     system or the code itself)
   */
  Optional<ConditionClass> classify(Code code);

  /** A short, stable name of the classifier and its data version, written into decisions. */
  String id();
}
