package org.ccmkit.core.condition;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ccmkit.core.rule.CcmException;
import org.ccmkit.core.rule.ErrorCode;

/**
 * Factories for {@link ChronicConditionClassifier}s.
 *
 * <p>The {@linkplain #standard() standard} classifier asks ICD-10-CM first, then SNOMED CT:
 *
 * <ul>
 *   <li>ICD-10-CM: the AHRQ HCUP Chronic Condition Indicator v2019.1 (codes and flags only,
 *       shipped; 1 = chronic, 0 = not, 9 = no determination), grouped by the CMS Chronic Conditions
 *       Warehouse condition of the code (Feb 2022 lists), else by its 3-character category. {@link
 *       #ahrqIndicator(Path, String)} loads a newer AHRQ CCIR file instead.
 *   <li>SNOMED CT: a curated list of concepts with the same disease groups (see {@code
 *       docs/rules/chronic-conditions.md}); concepts not in it are unknown.
 * </ul>
 *
 * @since 0.1.0
 */
public final class ChronicConditionClassifiers {
  private static final String AHRQ_2019 = "ahrq-cci-icd10cm-v2019.1.csv";
  private static final String CCW_GROUPS = "ccw-icd10cm-groups.csv";
  private static final String SNOMED = "snomed-chronic-concepts.csv";
  private static final String ALIASES = "icd10cm-group-aliases.csv";

  private ChronicConditionClassifiers() {}

  /**
   * Returns the standard classifier: ICD-10-CM by the shipped AHRQ table, then SNOMED CT by the
   * curated list. Loaded once; immutable.
   *
   * @return the classifier
   */
  public static ChronicConditionClassifier standard() {
    return Standard.INSTANCE;
  }

  /** Returns the shipped ICD-10-CM classifier (AHRQ CCI v2019.1, CCW groups). */
  public static ChronicConditionClassifier icd10cm() {
    return Standard.ICD;
  }

  /** Returns the shipped, curated SNOMED CT classifier. */
  public static ChronicConditionClassifier snomedCt() {
    return Standard.SNOMED;
  }

  /**
   * Loads an AHRQ chronic-condition indicator file the user downloaded (CCIR v2023 onwards: three
   * preamble lines, a header, single-quoted dot-less codes, indicator 0/1/9; the older CCI layout
   * is read too), grouped by the shipped CCW groups.
   *
   * @param file the CSV file
   * @param id a name for the table written into decisions, e.g. {@code ahrq-ccir-v2026.1}
   * @return the classifier
   * @throws CcmException with {@link ErrorCode#INVALID_CODE_TABLE} if the file is malformed
   * @throws UncheckedIOException if the file cannot be read
   */
  public static ChronicConditionClassifier ahrqIndicator(Path file, String id) {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return ahrqIndicator(r, id);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file.getFileName(), e);
    }
  }

  /**
   * Reads an AHRQ chronic-condition indicator table from {@code reader}; see {@link
   * #ahrqIndicator(Path, String)}.
   *
   * @param reader the table's text; closed when done
   * @param id a name for the table written into decisions
   * @return the classifier
   * @throws CcmException with {@link ErrorCode#INVALID_CODE_TABLE} if the table is malformed
   */
  public static ChronicConditionClassifier ahrqIndicator(Reader reader, String id) {
    checkArgument(!id.isBlank(), "id must not be blank");
    return new IcdIndicatorClassifier(
        id, CodeTables.readIndicatorTable(reader, id), Standard.CCW_GROUP_MAP, Standard.ALIAS_MAP);
  }

  /**
   * Returns a classifier that asks each of {@code classifiers} in turn; the first that knows a code
   * answers.
   *
   * @param classifiers the classifiers, in the order to ask them
   * @return the composite
   */
  public static ChronicConditionClassifier firstKnown(
      List<? extends ChronicConditionClassifier> classifiers) {
    checkArgument(!classifiers.isEmpty(), "at least one classifier");
    return new CompositeClassifier(ImmutableList.copyOf(classifiers));
  }

  private static Map<String, String> loadCcwGroups() {
    Map<String, String> groups = new LinkedHashMap<>();
    for (List<String> row :
        CodeTables.readRows(resource(CCW_GROUPS), CCW_GROUPS, "code", "group")) {
      groups.put(IcdIndicatorClassifier.normalize(row.get(0)), row.get(1));
    }
    return groups;
  }

  private static Map<String, IcdIndicatorClassifier.Alias> loadAliases() {
    Map<String, IcdIndicatorClassifier.Alias> aliases = new LinkedHashMap<>();
    int line = 0;
    for (List<String> row :
        CodeTables.readRows(resource(ALIASES), ALIASES, "prefix", "group", "chronic")) {
      line++;
      Chronicity override =
          row.get(2).isEmpty() ? null : CodeTables.chronicity(row.get(2), ALIASES, line);
      aliases.put(
          IcdIndicatorClassifier.normalize(row.get(0)),
          new IcdIndicatorClassifier.Alias(row.get(1), override));
    }
    return aliases;
  }

  private static SnomedConceptClassifier loadSnomed() {
    Map<String, SnomedConceptClassifier.Entry> concepts = new LinkedHashMap<>();
    int line = 0;
    for (List<String> row :
        CodeTables.readRows(resource(SNOMED), SNOMED, "conceptId", "group", "chronic", "label")) {
      line++;
      SnomedConceptClassifier.Entry previous =
          concepts.put(
              row.get(0),
              new SnomedConceptClassifier.Entry(
                  CodeTables.chronicity(row.get(2), SNOMED, line), row.get(1)));
      if (previous != null) {
        throw new CcmException(
            ErrorCode.INVALID_CODE_TABLE, "%s lists concept %s twice", SNOMED, row.get(0));
      }
    }
    return new SnomedConceptClassifier("ccmkit-snomed-chronic-v1", concepts);
  }

  private static Reader resource(String name) {
    InputStream in = ChronicConditionClassifiers.class.getResourceAsStream(name);
    if (in == null) {
      throw new CcmException(ErrorCode.INVALID_CODE_TABLE, "resource %s is missing", name);
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  /** The shipped tables, loaded once on first use. */
  private static final class Standard {
    static final ImmutableMap<String, String> CCW_GROUP_MAP = ImmutableMap.copyOf(loadCcwGroups());
    static final ImmutableMap<String, IcdIndicatorClassifier.Alias> ALIAS_MAP =
        ImmutableMap.copyOf(loadAliases());
    static final ChronicConditionClassifier ICD =
        new IcdIndicatorClassifier(
            "ahrq-cci-icd10cm-v2019.1",
            CodeTables.readIndicatorTable(resource(AHRQ_2019), AHRQ_2019),
            CCW_GROUP_MAP,
            ALIAS_MAP);
    static final ChronicConditionClassifier SNOMED = loadSnomed();
    static final ChronicConditionClassifier INSTANCE =
        new CompositeClassifier(ImmutableList.of(ICD, SNOMED));
  }
}
