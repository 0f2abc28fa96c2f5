package org.ccmkit.core.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import com.google.common.testing.SerializableTester;
import java.util.Optional;
import org.ccmkit.core.model.Code;
import org.junit.jupiter.api.Test;

/** The shipped classifiers (docs/rules/chronic-conditions.md §1, §2; CODESET-T01). */
class ChronicConditionClassifiersTest {
  private static final ChronicConditionClassifier STANDARD = ChronicConditionClassifiers.standard();
  private static final String AHRQ_2019 = "ahrq-cci-icd10cm-v2019.1";
  private static final String SNOMED_LIST = "ccmkit-snomed-chronic-v1";

  private static ConditionClass classify(Code code) {
    return STANDARD.classify(code).orElseThrow(() -> new AssertionError("not classified: " + code));
  }

  @Test
  void codesetT01_hypertensionIsChronicWithTheShippedTable() {
    assertThat(classify(Code.icd10cm("I10")))
        .isEqualTo(ConditionClass.of(Code.icd10cm("I10"), Chronicity.CHRONIC, "HYPERT", AHRQ_2019));
  }

  @Test
  void classify_dottedUndottedAndLowerCaseCodes_sameAnswer() {
    for (String given : new String[] {"E11.9", "E119", "e11.9", "e119", " E11.9 "}) {
      ConditionClass c = classify(Code.of(Code.ICD10CM, given));

      assertThat(c.chronicity()).as(given).isEqualTo(Chronicity.CHRONIC);
      assertThat(c.group()).as(given).isEqualTo("DIABETES");
      assertThat(c.code().code()).as(given).isEqualTo(given);
    }
  }

  @Test
  void icd10cm_normalisesCase_andDot() {
    assertThat(Code.icd10cm("e119")).isEqualTo(Code.of(Code.ICD10CM, "E11.9"));
    assertThat(Code.icd10cm("I10")).isEqualTo(Code.of(Code.ICD10CM, "I10"));
    assertThatThrownBy(() -> Code.icd10cm("E1")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void classify_notChronicCode_categoryGroup() {
    assertThat(classify(Code.icd10cm("J18.9")))
        .isEqualTo(
            ConditionClass.of(
                Code.icd10cm("J18.9"), Chronicity.NOT_CHRONIC, "ICD10CM:J18", AHRQ_2019));
  }

  @Test
  void classify_bmiCode_overriddenToNotChronic() {
    ConditionClass bmi = classify(Code.icd10cm("Z68.41"));

    assertThat(bmi.chronicity()).isEqualTo(Chronicity.NOT_CHRONIC);
    assertThat(bmi.isChronic()).isFalse();
    assertThat(bmi.group()).isEqualTo("FINDING");
  }

  @Test
  void classify_icdCodeWithoutCcwGroup_aliasGroup() {
    assertThat(classify(Code.icd10cm("G40.909")).group()).isEqualTo("EPILEPSY");
    assertThat(classify(Code.icd10cm("G47.33")).group()).isEqualTo("SLEEP_APNEA");
  }

  @Test
  void classify_snomedConcept_curatedGroup() {
    assertThat(classify(Code.snomed("44054006")))
        .isEqualTo(
            ConditionClass.of(
                Code.snomed("44054006"), Chronicity.CHRONIC, "DIABETES", SNOMED_LIST));
    assertThat(classify(Code.snomed("84757009")).group()).isEqualTo("EPILEPSY");
  }

  @Test
  void classify_unknownCodes_empty() {
    assertThat(STANDARD.classify(Code.icd10cm("N18.30"))).isEmpty();
    assertThat(STANDARD.classify(Code.of(Code.ICD10CM, "E1"))).isEmpty();
    assertThat(STANDARD.classify(Code.snomed("999999999"))).isEmpty();
    assertThat(STANDARD.classify(Code.of(Code.CPT, "99490"))).isEmpty();
  }

  @Test
  void singleSystemClassifiers_ignoreOtherSystems() {
    assertThat(ChronicConditionClassifiers.icd10cm().classify(Code.snomed("44054006"))).isEmpty();
    assertThat(ChronicConditionClassifiers.snomedCt().classify(Code.icd10cm("I10"))).isEmpty();
    assertThat(ChronicConditionClassifiers.icd10cm().id()).isEqualTo(AHRQ_2019);
    assertThat(ChronicConditionClassifiers.snomedCt().id()).isEqualTo(SNOMED_LIST);
    assertThat(STANDARD.id()).isEqualTo(AHRQ_2019 + "+" + SNOMED_LIST);
  }

  @Test
  void firstKnown_asksInOrderAndFirstThatKnowsAnswers() {
    ChronicConditionClassifier payer = new OneCode(Code.icd10cm("I10"), Chronicity.NOT_CHRONIC);

    ChronicConditionClassifier payerFirst =
        ChronicConditionClassifiers.firstKnown(ImmutableList.of(payer, STANDARD));
    ChronicConditionClassifier standardFirst =
        ChronicConditionClassifiers.firstKnown(ImmutableList.of(STANDARD, payer));

    assertThat(payerFirst.classify(Code.icd10cm("I10")).map(ConditionClass::chronicity))
        .contains(Chronicity.NOT_CHRONIC);
    assertThat(payerFirst.classify(Code.icd10cm("E11.9")).map(ConditionClass::group))
        .contains("DIABETES");
    assertThat(standardFirst.classify(Code.icd10cm("I10")).map(ConditionClass::chronicity))
        .contains(Chronicity.CHRONIC);
    assertThat(payerFirst.id()).isEqualTo("one-code+" + AHRQ_2019 + "+" + SNOMED_LIST);
  }

  @Test
  void standard_javaSerialization_classifiesTheSame() {
    ChronicConditionClassifier copy = SerializableTester.reserialize(STANDARD);

    for (Code code :
        ImmutableList.of(
            Code.icd10cm("Z68.41"), Code.icd10cm("G40.909"), Code.snomed("44054006"))) {
      assertThat(copy.classify(code)).as(code.toString()).isEqualTo(STANDARD.classify(code));
    }
  }

  @Test
  void firstKnown_noClassifiers_rejected() {
    assertThatThrownBy(() -> ChronicConditionClassifiers.firstKnown(ImmutableList.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** An integrator's classifier that knows one code. */
  private static final class OneCode implements ChronicConditionClassifier {
    private final Code code;
    private final Chronicity chronicity;

    OneCode(Code code, Chronicity chronicity) {
      this.code = code;
      this.chronicity = chronicity;
    }

    @Override
    public Optional<ConditionClass> classify(Code c) {
      return c.equals(code)
          ? Optional.of(ConditionClass.of(c, chronicity, "PAYER", id()))
          : Optional.empty();
    }

    @Override
    public String id() {
      return "one-code";
    }
  }
}
