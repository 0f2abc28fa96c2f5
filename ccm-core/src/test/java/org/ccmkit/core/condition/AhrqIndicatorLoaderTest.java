package org.ccmkit.core.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.ccmkit.core.model.Code;
import org.ccmkit.core.rule.CcmException;
import org.ccmkit.core.rule.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading a newer AHRQ file (CCIR v2023 layout; docs/rules/chronic-conditions.md §5; CODESET-T02)
 * and rejecting malformed tables with {@link ErrorCode#INVALID_CODE_TABLE}.
 */
class AhrqIndicatorLoaderTest {
  private static final String SYNTHETIC = "ccir-v2023-synthetic.csv";
  private static final String HEADER =
      "'ICD-10-CM CODE','ICD-10-CM CODE DESCRIPTION','CHRONIC INDICATOR'\n";

  private static Reader resource(String name) {
    InputStream in =
        Objects.requireNonNull(AhrqIndicatorLoaderTest.class.getResourceAsStream(name), name);
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  private static ChronicConditionClassifier synthetic() {
    return ChronicConditionClassifiers.ahrqIndicator(resource(SYNTHETIC), "ccir-test-v2023.1");
  }

  private static ChronicConditionClassifier load(String text) {
    return ChronicConditionClassifiers.ahrqIndicator(new StringReader(text), "table.csv");
  }

  private static Chronicity chronicity(ChronicConditionClassifier c, String icd) {
    return c.classify(Code.icd10cm(icd))
        .map(ConditionClass::chronicity)
        .orElseThrow(() -> new AssertionError("not classified: " + icd));
  }

  @Test
  void ahrqIndicator_ccirLayout_readsCodesAndFlags() {
    ChronicConditionClassifier c = synthetic();

    assertThat(chronicity(c, "E11.9")).isEqualTo(Chronicity.CHRONIC);
    assertThat(chronicity(c, "I10")).isEqualTo(Chronicity.CHRONIC);
    assertThat(chronicity(c, "R73.03")).isEqualTo(Chronicity.NOT_CHRONIC);
    assertThat(c.id()).isEqualTo("ccir-test-v2023.1");
    assertThat(c.classify(Code.icd10cm("E11.9")).map(ConditionClass::source))
        .contains("ccir-test-v2023.1");
  }

  @Test
  void ahrqIndicator_newerCodesKnown_groupedByTheShippedCcwTable() {
    ChronicConditionClassifier c = synthetic();

    // N18.30 is missing from the shipped v2019.1 table but on the CCW CKD list.
    assertThat(c.classify(Code.icd10cm("N18.30")))
        .contains(
            ConditionClass.of(
                Code.icd10cm("N18.30"), Chronicity.CHRONIC, "CHRNKDN", "ccir-test-v2023.1"));
    assertThat(c.classify(Code.icd10cm("G40.909")).map(ConditionClass::group)).contains("EPILEPSY");
  }

  @Test
  void codesetT02_nineInALoadedTable_undeterminedAndNotChronic() {
    ConditionClass postCovid =
        synthetic().classify(Code.icd10cm("U09.9")).orElseThrow(AssertionError::new);

    assertThat(postCovid.chronicity()).isEqualTo(Chronicity.UNDETERMINED);
    assertThat(postCovid.isChronic()).isFalse();
  }

  @Test
  void ahrqIndicator_bmiOverrideStillApplies() {
    assertThat(chronicity(synthetic(), "Z68.41")).isEqualTo(Chronicity.NOT_CHRONIC);
  }

  @Test
  void ahrqIndicator_codeNotInTheFile_unknown() {
    assertThat(synthetic().classify(Code.icd10cm("J45.909"))).isEmpty();
  }

  @Test
  void ahrqIndicator_preambleLineThatMentionsCodes_skipped() {
    // The loader skips every line before the row whose first cell is ICD-10-CM CODE (§5).
    ChronicConditionClassifier c =
        load(
            "Chronic Condition Indicator Refined, v2023.1\n"
                + "ICD-10-CM codes, FY2023\n"
                + HEADER
                + "'I10',\"Essential (primary) hypertension\",'1'\n");

    assertThat(chronicity(c, "I10")).isEqualTo(Chronicity.CHRONIC);
  }

  @Test
  void ahrqIndicator_original2019Layout_readsTheIndicatorColumn() {
    ChronicConditionClassifier c =
        load(
            """
            'ICD-10-CM CODE','ICD-10-CM CODE DESCRIPTION','CHRONIC INDICATOR','BODY SYSTEM'
            'A000',"Cholera due to Vibrio cholerae 01, biovar cholerae",'0','1'
            'E119',"Type 2 diabetes mellitus without complications",'1','3'
            """);

    assertThat(chronicity(c, "A00.0")).isEqualTo(Chronicity.NOT_CHRONIC);
    assertThat(chronicity(c, "E11.9")).isEqualTo(Chronicity.CHRONIC);
  }

  @Test
  void ahrqIndicator_compactLayoutWithBom_read() {
    ChronicConditionClassifier c = load("\uFEFF# comment\ncode,chronic\nI10,1\nJ189,0\n");

    assertThat(chronicity(c, "I10")).isEqualTo(Chronicity.CHRONIC);
    assertThat(chronicity(c, "J18.9")).isEqualTo(Chronicity.NOT_CHRONIC);
  }

  @Test
  void ahrqIndicator_fromPath(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("CCIR_v2023-1.csv");
    Files.writeString(file, HEADER + "'I10',\"Essential (primary) hypertension\",'1'\n");

    assertThat(chronicity(ChronicConditionClassifiers.ahrqIndicator(file, "ccir"), "I10"))
        .isEqualTo(Chronicity.CHRONIC);
  }

  @Test
  void ahrqIndicator_badIndicator_invalidCodeTableNamingTheLine() {
    assertInvalid(
        "title\n" + HEADER + "'I10',\"Essential (primary) hypertension\",'2'\n",
        "table.csv line 3: chronic indicator must be 0, 1 or 9, found '2'");
  }

  @Test
  void ahrqIndicator_missingColumns_invalidCodeTableNamingTheLine() {
    assertInvalid(
        HEADER + "'I10',\"Essential (primary) hypertension\",'1'\n'E119','1'\n",
        "table.csv line 3: expected at least 3 fields, found 2");
  }

  @Test
  void ahrqIndicator_notACode_invalidCodeTableNamingTheLine() {
    assertInvalid(HEADER + "'E1',\"short\",'1'\n", "table.csv line 2: not an ICD-10-CM code: 'E1'");
  }

  @Test
  void ahrqIndicator_noHeader_invalidCodeTable() {
    assertInvalid("just a title\nanother line\n", "no header");
  }

  @Test
  void ahrqIndicator_noRows_invalidCodeTable() {
    assertInvalid("title\n" + HEADER, "the table has no rows");
  }

  @Test
  void ahrqIndicator_blankId_rejected() {
    assertThatThrownBy(() -> ChronicConditionClassifiers.ahrqIndicator(resource(SYNTHETIC), " "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void assertInvalid(String table, String message) {
    assertThatThrownBy(() -> load(table))
        .isInstanceOf(CcmException.class)
        .hasMessageContaining(message)
        .satisfies(
            e ->
                assertThat(((CcmException) e).errorCode()).isEqualTo(ErrorCode.INVALID_CODE_TABLE));
  }
}
