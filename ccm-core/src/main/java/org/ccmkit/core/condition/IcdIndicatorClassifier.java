package org.ccmkit.core.condition;

import com.google.common.collect.ImmutableMap;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ccmkit.core.model.Code;
import org.jspecify.annotations.Nullable;

/**
 * ICD-10-CM classification from an AHRQ chronic-condition indicator table, grouped by the CMS CCW
 * condition of the code where it has one, else by a ccmkit alias or its 3-character category. Codes
 * are kept in one sorted array with a parallel flag array, which is compact and binary-searched.
 * Codes without a CCW group may have a ccmkit alias group (shared with the SNOMED CT list), which
 * can also override the table's flag (BMI codes are findings, not diseases).
 */
final class IcdIndicatorClassifier implements ChronicConditionClassifier, Serializable {
  private static final long serialVersionUID = 1L;

  /** Prefix of the fallback group: the 3-character ICD-10-CM category. */
  static final String CATEGORY_GROUP_PREFIX = "ICD10CM:";

  private final String id;
  private final String[] codes; // undotted, upper case, sorted
  private final Chronicity[] flags; // parallel to codes
  private final ImmutableMap<String, String> groups; // undotted code -> CCW condition id
  private final ImmutableMap<String, Alias> aliases; // undotted prefix -> ccmkit group

  /**
   * A ccmkit group for codes without a CCW group, optionally overriding the table's flag. The
   * override is held as a nullable component because {@link Optional} is not serializable.
   */
  record Alias(String group, @Nullable Chronicity override) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The flag that replaces the table's, if any. */
    Optional<Chronicity> chronicity() {
      return Optional.ofNullable(override);
    }
  }

  IcdIndicatorClassifier(
      String id,
      Map<String, Chronicity> table,
      Map<String, String> groups,
      Map<String, Alias> aliases) {
    this.id = id;
    this.codes = table.keySet().stream().sorted().toArray(String[]::new);
    this.flags = new Chronicity[codes.length];
    for (int i = 0; i < codes.length; i++) {
      Chronicity c = table.get(codes[i]);
      flags[i] = c == null ? Chronicity.UNDETERMINED : c;
    }
    this.groups = ImmutableMap.copyOf(groups);
    this.aliases = ImmutableMap.copyOf(aliases);
  }

  @Override
  public Optional<ConditionClass> classify(Code code) {
    if (!Code.ICD10CM.equals(code.system())) {
      return Optional.empty();
    }
    String bare = normalize(code.code());
    int i = Arrays.binarySearch(codes, bare);
    if (i < 0 || bare.length() < 3) {
      return Optional.empty();
    }
    Chronicity chronicity = flags[i];
    String group = groups.get(bare);
    if (group == null) {
      Optional<Alias> alias = alias(bare);
      if (alias.isPresent()) {
        group = alias.get().group();
        chronicity = alias.get().chronicity().orElse(chronicity);
      } else {
        group = CATEGORY_GROUP_PREFIX + bare.substring(0, 3);
      }
    }
    return Optional.of(ConditionClass.of(code, chronicity, group, id));
  }

  /** The alias of the longest prefix of {@code bare} that has one. */
  private Optional<Alias> alias(String bare) {
    for (int len = bare.length(); len >= 3; len--) {
      Alias a = aliases.get(bare.substring(0, len));
      if (a != null) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /** Returns the number of codes in the table. */
  int size() {
    return codes.length;
  }

  @Override
  public String id() {
    return id;
  }

  static String normalize(String code) {
    return code.replace(".", "").trim().toUpperCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return "IcdIndicatorClassifier[" + id + ", " + codes.length + " codes]";
  }
}
