package org.ccmkit.fhir.r4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.core.model.StaffRole;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Containers (Bundles, JSON files, NDJSON, directories), reference forms and accounting. */
class ContainerTest {
  @Test
  void transactionBundle_urnUuidReferences_resolveAndIdsComeFromFullUrl() {
    MappingResult r = Fixtures.map("bundle-scenario-ccm-month.json");
    String patientId = "00000000-0000-4000-8000-000000000001";
    PatientRecord rec = r.record(PatientRef.of(patientId)).orElseThrow();
    assertThat(rec.conditions()).hasSize(3);
    assertThat(rec.coverages()).hasSize(2);
    assertThat(rec.enrollments())
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.billingPractitioner().id())
                    .isEqualTo("00000000-0000-4000-8000-000000000002"));
    assertThat(rec.timeEntries()).hasSize(3);
    // the RN's time counts in the role her PractitionerRole (by urn:uuid) gives
    assertThat(rec.timeEntries().get(0).performerRole()).isEqualTo(StaffRole.CLINICAL_STAFF);
    assertThat(r.practitioners())
        .extracting(p -> p.role())
        .containsExactly(StaffRole.PRACTITIONER, StaffRole.CLINICAL_STAFF);
    assertThat(r.issues())
        .extracting(MappingIssue::code)
        .containsExactlyInAnyOrder(
            MappingIssueCode.MISSING_REQUIRED_FIELD, MappingIssueCode.UNSUPPORTED_TYPE);
    // the fixture's CarePlan has neither period nor created date: rejected, nothing lost
    assertThat(r.counts()).isEqualTo(MappingCounts.of(19, 17, 1, 1));
    assertThat(rec.carePlans()).isEmpty();
  }

  @Test
  void references_absoluteUrlsAndHistorySuffixes_resolve() {
    String bundle =
        "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":["
            + "{\"fullUrl\":\"https://ehr.example.org/fhir/Patient/abs\",\"resource\":{\"resourceType\":\"Patient\"}},"
            + "{\"fullUrl\":\"https://ehr.example.org/fhir/Condition/c1\",\"resource\":{\"resourceType\":\"Condition\","
            + "\"code\":{\"coding\":[{\"system\":\"http://hl7.org/fhir/sid/icd-10-cm\",\"code\":\"I10\"}]},"
            + "\"subject\":{\"reference\":\"https://ehr.example.org/fhir/Patient/abs/_history/2\"}}},"
            + "{\"resource\":{\"resourceType\":\"Condition\",\"id\":\"c2\","
            + "\"code\":{\"coding\":[{\"system\":\"http://hl7.org/fhir/sid/icd-10-cm\",\"code\":\"E78.5\"}]},"
            + "\"subject\":{\"reference\":\"Patient/abs\"}}}]}";
    MappingResult r = R4Mapper.create().mapJson("search.json", bundle);
    assertThat(r.record(PatientRef.of("abs")).orElseThrow().conditions())
        .extracting(c -> c.source().id())
        .containsExactly("c1", "c2");
    assertThat(r.issues()).isEmpty();
  }

  @Test
  void ndjsonScenario_mixedTypes_areReadLineByLine() {
    MappingResult r = Fixtures.map("ndjson-scenario-rpm-month.ndjson");
    PatientRecord rec = r.record(PatientRef.of("rpm-pat")).orElseThrow();
    assertThat(rec.enrollments()).hasSize(1);
    assertThat(rec.consents()).hasSize(1);
    assertThat(rec.timeEntries())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.performer()).isEqualTo(PractitionerRef.of("rpm-ma"));
              assertThat(e.performerRole()).isEqualTo(StaffRole.PRACTITIONER); // PA, via NPI
              assertThat(e.interactive()).isTrue();
            });
    assertThat(r.readings()).hasSize(7);
    assertThat(r.readings())
        .filteredOn(org.ccmkit.core.model.Reading::isDeviceTransmitted)
        .hasSize(6);
    // a Type/id reference names its target even when that resource is not among the inputs
    assertThat(r.readings())
        .filteredOn(x -> x.source().id().equals("rpm-glucose-1"))
        .singleElement()
        .satisfies(x -> assertThat(x.device()).contains(SourceRef.of("Device", "not-sent")));
    assertThat(r.priorClaims())
        .hasSize(2)
        .allSatisfy(c -> assertThat(c.practitioner()).isEqualTo(PractitionerRef.of("elsewhere-1")));
    assertThat(r.issues())
        .extracting(MappingIssue::code)
        .containsExactlyInAnyOrder(
            MappingIssueCode.DUPLICATE_IDENTIFIER, MappingIssueCode.NOT_REFERENCED);
  }

  @Test
  void ndjson_isReadIncrementally_neverWhole() {
    int lines = 50_000;
    CountingReader reader = new CountingReader(lines);
    MappingResult r = R4Mapper.create().mapNdjson("generated.ndjson", reader);
    assertThat(r.counts()).isEqualTo(MappingCounts.of(lines, 0, lines, 0));
    assertThat(reader.produced).isGreaterThan(2_000_000L);
    // the reader is asked for small chunks (BufferedReader's buffer), never for the whole stream
    assertThat(reader.largestRequest).isLessThanOrEqualTo(8192);
  }

  /** Produces {@code lines} Basic resources on demand, recording how much it was asked for. */
  private static final class CountingReader extends Reader {
    private final int lines;
    private int line;
    private String current = "";
    private int pos;
    long produced;
    int largestRequest;

    CountingReader(int lines) {
      this.lines = lines;
    }

    @Override
    public int read(char[] buf, int off, int len) {
      largestRequest = Math.max(largestRequest, len);
      if (pos == current.length()) {
        if (line == lines) {
          return -1;
        }
        current =
            "{\"resourceType\":\"Basic\",\"id\":\"b"
                + line++
                + "\",\"code\":{\"text\":\"generated\"}}\n";
        pos = 0;
      }
      int n = Math.min(len, current.length() - pos);
      current.getChars(pos, pos + n, buf, off);
      pos += n;
      produced += n;
      return n;
    }

    @Override
    public void close() {}
  }

  @Test
  void directory_isWalkedInSortedOrder_andNonFhirFilesAreSkipped() {
    MappingResult r = R4Mapper.create().map(Fixtures.THIRD_PARTY.resolve("mcc-careplan"));
    assertThat(r.skippedFiles())
        .containsExactly(Fixtures.THIRD_PARTY.resolve("mcc-careplan/LICENSE").toString());
    assertThat(r.issues()).isSortedAccordingTo(MappingIssue.ORDER);
  }

  @Test
  void missingPath_isAnUnreadableInput() {
    MappingResult r = R4Mapper.create().map(Path.of("no/such/file.json"));
    assertThat(r.counts()).isEqualTo(MappingCounts.of(1, 0, 0, 1));
    assertThat(r.issues())
        .singleElement()
        .satisfies(i -> assertThat(i.code()).isEqualTo(MappingIssueCode.UNREADABLE_INPUT));
  }

  @Test
  void addResource_readsAParsedBundleEntryByEntry() {
    Bundle b = new Bundle().setType(Bundle.BundleType.COLLECTION);
    b.addEntry()
        .setFullUrl("urn:uuid:aaaaaaaa-1111-4111-8111-111111111111")
        .setResource(new Patient());
    Condition c = new Condition();
    c.setId("c1");
    c.getCode().addCoding().setSystem("http://hl7.org/fhir/sid/icd-10-cm").setCode("I10");
    c.setSubject(new Reference("urn:uuid:aaaaaaaa-1111-4111-8111-111111111111"));
    b.addEntry().setResource(c);
    MappingResult r = R4Mapper.create().newSession().addResource("in-memory", b).finish();
    assertThat(
            r.record(PatientRef.of("aaaaaaaa-1111-4111-8111-111111111111"))
                .orElseThrow()
                .conditions())
        .hasSize(1);
  }

  @Test
  void session_canBeFinishedOnce() {
    MappingSession s = R4Mapper.create().newSession();
    MappingResult unused = s.finish();
    assertThatThrownBy(s::finish).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> s.addJson("x", "{}")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> R4Mapper.create().mapNdjson(" ", new StringReader("")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void inputOrder_doesNotChangeTheDomainValues(long seed) {
    List<Path> files = new ArrayList<>(Fixtures.syntheticFiles());
    MappingResult sorted = R4Mapper.create().map(files);
    Collections.shuffle(files, new Random(seed));
    MappingResult shuffled = R4Mapper.create().map(files);
    assertThat(shuffled.records()).as("seed %s", seed).isEqualTo(sorted.records());
    assertThat(shuffled.practitioners()).isEqualTo(sorted.practitioners());
    assertThat(shuffled.readings()).isEqualTo(sorted.readings());
    assertThat(shuffled.counts()).isEqualTo(sorted.counts());
    assertThat(shuffled.issues()).isEqualTo(sorted.issues());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "bad",
        "thirdparty/hl7-r4-examples",
        "thirdparty/us-core-8.0.0",
        "thirdparty/mcc-careplan",
        "thirdparty/synthea-bulk"
      })
  void accounting_readIsUsedPlusIgnoredPlusRejected(String dir) {
    MappingResult r = R4Mapper.create().map(dir.isEmpty() ? Fixtures.R4 : Fixtures.R4.resolve(dir));
    MappingCounts c = r.counts();
    assertThat(c.read()).isPositive().isEqualTo(c.used() + c.ignored() + c.rejected());
    long settling = r.issues().stream().filter(i -> i.effect() != IssueEffect.NOTE).count();
    assertThat(settling).isEqualTo(c.ignored() + c.rejected());
    assertThat(r.countsByType().values().stream().mapToInt(MappingCounts::read).sum())
        .isEqualTo(c.read());
  }
}
