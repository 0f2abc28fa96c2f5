package org.ccmkit.core.condition;

import com.google.common.collect.ImmutableMap;
import java.io.Serializable;
import java.util.Map;
import java.util.Optional;
import org.ccmkit.core.model.Code;

/** SNOMED CT classification from a curated concept list: concept id to (chronicity, group). */
final class SnomedConceptClassifier implements ChronicConditionClassifier, Serializable {
  private static final long serialVersionUID = 1L;

  private final String id;
  private final ImmutableMap<String, Entry> concepts;

  /** One curated concept. */
  record Entry(Chronicity chronicity, String group) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  SnomedConceptClassifier(String id, Map<String, Entry> concepts) {
    this.id = id;
    this.concepts = ImmutableMap.copyOf(concepts);
  }

  @Override
  public Optional<ConditionClass> classify(Code code) {
    if (!Code.SNOMED.equals(code.system())) {
      return Optional.empty();
    }
    Entry e = concepts.get(code.code().trim());
    return e == null
        ? Optional.empty()
        : Optional.of(ConditionClass.of(code, e.chronicity(), e.group(), id));
  }

  /** Returns the number of curated concepts. */
  int size() {
    return concepts.size();
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String toString() {
    return "SnomedConceptClassifier[" + id + ", " + concepts.size() + " concepts]";
  }
}
