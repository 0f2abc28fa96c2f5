package org.ccmkit.fhir.r4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ccmkit.fhir.r4.MappingIssueCode.*;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.rule.ErrorCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input set ({@code fixtures/r4/bad}): wrong JSON types, missing fields, unknown codes,
 * broken references, duplicate ids, malformed and empty lines, BOM, CRLF, Latin-1. Each input ends
 * with exactly the documented issues; nothing throws; the counts add up.
 */
class BadInputTest {
  private static MappingResult result;

  @BeforeAll
  static void mapBad() {
    result = R4Mapper.create().map(Fixtures.BAD);
  }

  /** The codes raised at each location (file, line, entry), in issue order. */
  private static Map<String, List<MappingIssueCode>> codesByLocation() {
    String prefix = Fixtures.BAD + "/";
    return result.issues().stream()
        .collect(
            Collectors.groupingBy(
                i -> i.location().toString().replace(prefix, ""),
                TreeMap::new,
                Collectors.mapping(MappingIssue::code, Collectors.toList())));
  }

  static Stream<Arguments> expectations() {
    return Stream.of(
        Arguments.of("bulk-malformed-crlf-bom.ndjson:2", List.of(MALFORMED_JSON)),
        Arguments.of("bulk-malformed-crlf-bom.ndjson:5", List.of(NOT_A_RESOURCE)),
        Arguments.of("bulk-malformed-crlf-bom.ndjson:6", List.of(NOT_A_RESOURCE)),
        Arguments.of("bulk-malformed-crlf-bom.ndjson:7", List.of(NOT_A_RESOURCE)),
        Arguments.of("bulk-malformed-crlf-bom.ndjson:8", List.of(PARSER_INVALID_VALUE)),
        Arguments.of("bulk-malformed-crlf-bom.ndjson:9", List.of(ENTERED_IN_ERROR)),
        Arguments.of("bulk-malformed-crlf-bom.ndjson:11", List.of(DUPLICATE_RESOURCE)),
        Arguments.of("bulk-malformed-crlf-bom.ndjson:12", List.of(DUPLICATE_ID_CONFLICT)),
        Arguments.of("bulk-malformed-crlf-bom.ndjson:13", List.of(PARSER_UNKNOWN_ELEMENT)),
        Arguments.of(
            "bundle-duplicates-and-odd-entries.json:23#entry[1]", List.of(DUPLICATE_RESOURCE)),
        Arguments.of(
            "bundle-duplicates-and-odd-entries.json:44#entry[2]", List.of(DUPLICATE_ID_CONFLICT)),
        Arguments.of("bundle-duplicates-and-odd-entries.json:61#entry[3]", List.of(SUPERSEDED)),
        Arguments.of("bundle-duplicates-and-odd-entries.json:101#entry[5]", List.of(DELETE_ENTRY)),
        Arguments.of(
            "bundle-duplicates-and-odd-entries.json:107#entry[6]", List.of(MISSING_RESOURCE)),
        Arguments.of(
            "bundle-duplicates-and-odd-entries.json:135#entry[8]", List.of(NOT_A_RESOURCE)),
        Arguments.of("bundle-duplicates-and-odd-entries.json:138#entry[9]", List.of(MISSING_ID)),
        Arguments.of("condition-invalid-onset-date.json", List.of(PARSER_INVALID_VALUE)),
        Arguments.of("condition-missing-subject.json", List.of(MISSING_REQUIRED_FIELD)),
        Arguments.of(
            "condition-wrong-json-types.json",
            List.of(MISSING_REQUIRED_FIELD, PARSER_INCORRECT_JSON_TYPE)),
        Arguments.of("consent-broken-reference.json", List.of(UNRESOLVED_REFERENCE)),
        Arguments.of("consent-patient-only-performer.json", List.of(MISSING_REQUIRED_FIELD)),
        Arguments.of("consent-withdrawn-before-given.json", List.of(INVALID_VALUE)),
        Arguments.of("coverage-medigap-bad-letter.json", List.of(VALUE_DROPPED)),
        Arguments.of("coverage-subject-not-patient.json", List.of(INVALID_VALUE)),
        Arguments.of("duplicate-keys.json", List.of(MALFORMED_JSON)),
        Arguments.of("empty.json", List.of(MALFORMED_JSON)),
        Arguments.of("episodeofcare-no-care-manager.json", List.of(MISSING_REQUIRED_FIELD)),
        Arguments.of("episodeofcare-no-start.json", List.of(MISSING_REQUIRED_FIELD)),
        Arguments.of("latin1.json", List.of(UNREADABLE_INPUT)),
        Arguments.of("not-json.json", List.of(MALFORMED_JSON)),
        Arguments.of("observation-attestation-string-value.json", List.of(INVALID_VALUE)),
        Arguments.of("observation-bp-missing-diastolic.json", List.of(MISSING_REQUIRED_FIELD)),
        Arguments.of("observation-unknown-attestation-code.json", List.of(UNKNOWN_CODE)),
        Arguments.of("patient-no-id.json", List.of(MISSING_ID)),
        Arguments.of("practitionerrole-unknown-practitioner.json", List.of(UNRESOLVED_REFERENCE)),
        Arguments.of("procedure-contained-patient.json", List.of(UNRESOLVED_REFERENCE)),
        Arguments.of("procedure-date-only-period.json", List.of(INVALID_VALUE)),
        Arguments.of("procedure-ends-before-start.json", List.of(INVALID_VALUE)),
        Arguments.of("procedure-missing-period.json", List.of(MISSING_REQUIRED_FIELD)),
        Arguments.of("procedure-no-performer.json", List.of(MISSING_REQUIRED_FIELD)),
        Arguments.of(
            "procedure-time-without-offset.json",
            List.of(TIME_WITHOUT_OFFSET, TIME_WITHOUT_OFFSET)),
        Arguments.of("procedure-two-programs.json", List.of(CONFLICTING_VALUES)),
        Arguments.of("procedure-unknown-program.json", List.of(UNKNOWN_CODE)),
        Arguments.of("top-level-array.json", List.of(NOT_A_RESOURCE)),
        Arguments.of("trailing-content.json", List.of(MALFORMED_JSON)),
        Arguments.of("unknown-resource-type.json", List.of(NOT_A_RESOURCE)));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("expectations")
  void badInput_givesExactlyTheDocumentedIssues(String location, List<MappingIssueCode> codes) {
    assertThat(codesByLocation()).containsEntry(location, codes);
  }

  @Test
  void badInput_everyLocationWithAnIssueIsExpected() {
    List<String> expected =
        expectations().map(a -> (String) a.get()[0]).collect(Collectors.toList());
    assertThat(codesByLocation().keySet()).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void badInput_countsAddUpAndNothingIsAMapperFailure() {
    MappingCounts c = result.counts();
    assertThat(c).isEqualTo(MappingCounts.of(55, 14, 5, 36));
    assertThat(c.read()).isEqualTo(c.used() + c.ignored() + c.rejected());
    assertThat(result.countsByType().get("(unreadable)")).isEqualTo(MappingCounts.of(12, 0, 0, 12));
    assertThat(result.issues()).noneMatch(i -> i.code() == MAPPER_FAILURE);
    // one rejecting or ignoring issue per rejected or ignored input
    assertThat(result.issues().stream().filter(i -> i.effect() == IssueEffect.REJECTS))
        .hasSize(c.rejected());
    assertThat(result.issues().stream().filter(i -> i.effect() == IssueEffect.IGNORES))
        .hasSize(c.ignored());
  }

  @Test
  void badInput_whatIsGoodIsStillUsed() {
    // BOM patient, the NDJSON patient (first copy), its conditions, the kept duplicates.
    assertThat(result.records())
        .extracting(r -> r.ref().id())
        .containsExactly("bad-pat", "bom-pat", "nd-pat");
    assertThat(result.record(PatientRef.of("nd-pat")).orElseThrow().conditions())
        .extracting(c -> c.source().id())
        .containsExactly("nd-c2", "nd-c3", "nd-c4");
    assertThat(result.record(PatientRef.of("bad-pat")).orElseThrow().conditions())
        .extracting(c -> c.source().id())
        .containsExactly("bad-cond-date", "dup-cond", "dup-newer", "nested-cond");
    assertThat(result.record(PatientRef.of("bad-pat")).orElseThrow().conditions())
        .filteredOn(c -> c.source().id().equals("dup-newer"))
        .singleElement()
        .satisfies(c -> assertThat(c.codes().first().code()).isEqualTo("N18.4"));
  }

  @Test
  void badInput_messagesCarryNoPhi() {
    // values in the bad inputs that must never appear in a message
    List<String> phi =
        List.of("1950-01-01", "1951-01-01", "2019-13-45", "Müller", "not-a-date", "yes");
    assertThat(result.issues())
        .allSatisfy(i -> phi.forEach(v -> assertThat(i.message()).doesNotContain(v)));
  }

  @Test
  void strictMode_throwsWithTheErrors_andRejectsParserComplaints() {
    R4Mapper strict = R4Mapper.create(MappingOptions.builder().strict(true).build());
    assertThatThrownBy(() -> strict.map(Fixtures.BAD))
        .isInstanceOfSatisfying(
            MappingException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_FHIR_INPUT);
              assertThat(e.errors()).hasSize(36 + 3); // + three parser complaints now rejecting
              assertThat(e.errors()).anyMatch(i -> i.code() == STRICT_PARSER_COMPLAINT);
              assertThat(e.getMessage()).startsWith("INVALID_FHIR_INPUT: 39 mapping error(s)");
            });
  }

  @Test
  void orThrow_onAResultWithErrors_throws_andOnACleanResultReturnsIt() {
    assertThatThrownBy(result::orThrow).isInstanceOf(MappingException.class);
    MappingResult clean = Fixtures.map("patient-basic.json");
    assertThat(clean.orThrow()).isSameAs(clean);
  }

  @Test
  void strictMode_cleanInput_doesNotThrow() {
    MappingResult r =
        R4Mapper.create(MappingOptions.builder().strict(true).build())
            .map(
                Fixtures.r4("patient-basic.json"),
                Fixtures.r4("condition-icd10-snomed-active.json"));
    assertThat(r.hasErrors()).isFalse();
  }
}
