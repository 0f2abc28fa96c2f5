package org.ccmkit.core.condition;

import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.util.Optional;
import java.util.stream.Collectors;
import org.ccmkit.core.model.Code;

/** Asks each classifier in turn; the first that knows the code answers. */
final class CompositeClassifier implements ChronicConditionClassifier, Serializable {
  private static final long serialVersionUID = 1L;

  private final ImmutableList<ChronicConditionClassifier> delegates;

  CompositeClassifier(ImmutableList<ChronicConditionClassifier> delegates) {
    this.delegates = delegates;
  }

  @Override
  public Optional<ConditionClass> classify(Code code) {
    for (ChronicConditionClassifier c : delegates) {
      Optional<ConditionClass> r = c.classify(code);
      if (r.isPresent()) {
        return r;
      }
    }
    return Optional.empty();
  }

  @Override
  public String id() {
    return delegates.stream().map(ChronicConditionClassifier::id).collect(Collectors.joining("+"));
  }

  @Override
  public String toString() {
    return "CompositeClassifier" + delegates;
  }
}
