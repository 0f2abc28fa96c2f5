package org.ccmkit.fhir.r4;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.ccmkit.core.model.Code;
import org.ccmkit.core.model.Measurement;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.model.Reading;
import org.ccmkit.core.model.SourceRef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RPM readings (Observation → ccm-core {@link Reading} in the patient's record) and devices. */
class ReadingMappingTest {
  private static final String LOINC = "http://loinc.org";
  private static MappingResult all;

  @BeforeAll
  static void mapAll() {
    all = R4Mapper.create().map(Fixtures.syntheticFiles());
  }

  private static Reading reading(String id) {
    return all.readings().stream()
        .filter(r -> r.source().id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  /** An Observation of pat-1 as JSON; {@code extra} is spliced in (device, identifier, ...). */
  static String observation(String id, String code, String value, String extra) {
    return "{\"resourceType\":\"Observation\",\"id\":\""
        + id
        + "\",\"status\":\"final\","
        + "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\""
        + code
        + "\"}]},"
        + "\"subject\":{\"reference\":\"Patient/pat-1\"},"
        + "\"effectiveDateTime\":\"2026-03-02T08:00:00Z\""
        + extra
        + ","
        + value
        + "}";
  }

  static String bp(String id, String panel, String extra) {
    return observation(
        id,
        panel,
        "\"component\":["
            + "{\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"8480-6\"}]},"
            + "\"valueQuantity\":{\"value\":150,\"unit\":\"mmHg\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"mm[Hg]\"}},"
            + "{\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"8462-4\"}]},"
            + "\"valueQuantity\":{\"value\":95,\"unit\":\"mmHg\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"mm[Hg]\"}}]",
        extra);
  }

  static String bundle(String... resources) {
    StringBuilder s =
        new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[");
    for (int i = 0; i < resources.length; i++) {
      s.append(i == 0 ? "" : ",").append("{\"resource\":").append(resources[i]).append('}');
    }
    return s.append("]}").toString();
  }

  @Test
  void bloodPressure_withDevice_isTransmittedWithSystolicAndDiastolic() {
    Reading r = reading("bp-1");
    assertThat(r.patient()).isEqualTo(PatientRef.of("pat-1"));
    assertThat(r.code()).isEqualTo(Code.of(LOINC, "85354-9"));
    assertThat(r.effective()).isEqualTo(Instant.parse("2026-03-02T12:15:00Z"));
    assertThat(r.values().keySet()).containsExactly("8462-4", "8480-6");
    assertThat(r.value("8480-6")).contains(Measurement.of("142", "mm[Hg]"));
    assertThat(r.value("8462-4")).contains(Measurement.of("91", "mm[Hg]"));
    assertThat(r.isDeviceTransmitted()).isTrue();
    assertThat(r.device()).contains(SourceRef.of("Device", "dev-bp"));
    assertThat(r.identifier())
        .contains("urn:ietf:rfc:3986|urn:uuid:6f1c2a9e-0d1b-4c1e-9a57-2f3c9b1d0001");
    assertThat(r.toString()).doesNotContain("6f1c2a9e");
  }

  @Test
  void readings_liveInThePatientRecord() {
    assertThat(all.record(PatientRef.of("pat-1")).orElseThrow().readings())
        .extracting(Reading::source)
        .contains(SourceRef.of("Observation", "bp-1"), SourceRef.of("Observation", "wt-1"));
    assertThat(all.readings())
        .hasSameSizeAs(all.records().stream().flatMap(x -> x.readings().stream()).toList());
  }

  @Test
  void legacyPanel_withoutDevice_isManualBloodPressure() {
    Reading r = reading("bp-legacy");
    assertThat(r.code()).isEqualTo(Code.of(LOINC, "55284-4"));
    assertThat(r.value("8480-6")).isPresent();
    assertThat(r.value("8462-4")).isPresent();
    assertThat(r.isDeviceTransmitted()).isFalse();
    assertThat(r.device()).isEmpty();
  }

  @Test
  void bothPanels_giveTheSameComponents_deviceOrNot() {
    MappingResult r =
        Fixtures.mapWithPeople(
            bundle(
                bp("p-new", "85354-9", ",\"device\":{\"reference\":\"Device/cuff-1\"}"),
                bp("p-old", "55284-4", "")));
    assertThat(r.readings()).hasSize(2);
    Reading modern =
        r.readings().stream()
            .filter(x -> x.source().id().equals("p-new"))
            .findFirst()
            .orElseThrow();
    Reading legacy =
        r.readings().stream()
            .filter(x -> x.source().id().equals("p-old"))
            .findFirst()
            .orElseThrow();
    assertThat(modern.values()).isEqualTo(legacy.values());
    assertThat(modern.value("8480-6")).contains(Measurement.of("150", "mm[Hg]"));
    assertThat(modern.isDeviceTransmitted()).isTrue();
    assertThat(modern.device()).contains(SourceRef.of("Device", "cuff-1"));
    assertThat(legacy.isDeviceTransmitted()).isFalse();
  }

  @Test
  void weight_amendedDateOnly_isMidnightInThePracticeZone() {
    Reading r = reading("wt-1");
    assertThat(r.code()).isEqualTo(Code.of(LOINC, "29463-7"));
    assertThat(r.effective()).isEqualTo(Instant.parse("2026-03-02T05:00:00Z"));
    assertThat(r.values()).containsOnlyKeys("29463-7");
    assertThat(r.value("29463-7").orElseThrow().value()).isEqualByComparingTo("82.5");
    assertThat(r.value("29463-7").orElseThrow().unit()).isEqualTo("kg");
  }

  @Test
  void units_preferTheUcumCode_thenTheUnitText_andAReadingNeedsOne() {
    String ucum =
        observation(
            "hr-1",
            "8867-4",
            "\"valueQuantity\":{\"value\":72,\"unit\":\"beats/minute\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"/min\"}",
            "");
    String text =
        observation("hr-2", "8867-4", "\"valueQuantity\":{\"value\":73.0,\"unit\":\"bpm\"}", "");
    String none = observation("hr-3", "8867-4", "\"valueQuantity\":{\"value\":74}", "");
    MappingResult r = Fixtures.mapWithPeople(bundle(ucum, text, none));
    assertThat(r.readings())
        .extracting(x -> x.value("8867-4").orElseThrow().toString())
        .containsExactly("72 /min", "73.0 bpm");
    assertThat(r.issues())
        .anySatisfy(
            i -> {
              assertThat(i.resource()).contains(SourceRef.of("Observation", "hr-3"));
              assertThat(i.code()).isEqualTo(MappingIssueCode.MISSING_REQUIRED_FIELD);
            });
  }

  @Test
  void duplicatesByIdentifier_countOnce() {
    String ident = ",\"identifier\":[{\"system\":\"urn:example:dev\",\"value\":\"r-42\"}]";
    MappingResult r =
        Fixtures.mapWithPeople(
            bundle(
                bp("dup-a", "85354-9", ident + ",\"device\":{\"reference\":\"Device/cuff-1\"}"),
                bp("dup-b", "85354-9", ident + ",\"device\":{\"reference\":\"Device/cuff-1\"}"),
                bp(
                    "other",
                    "85354-9",
                    ",\"identifier\":[{\"system\":\"urn:example:dev\",\"value\":\"r-43\"}]")));
    assertThat(r.readings()).extracting(x -> x.source().id()).containsExactly("dup-a", "other");
    assertThat(r.issues())
        .anySatisfy(
            i -> {
              assertThat(i.resource()).contains(SourceRef.of("Observation", "dup-b"));
              assertThat(i.code()).isEqualTo(MappingIssueCode.DUPLICATE_IDENTIFIER);
            });
  }

  @Test
  void unresolvableDeviceIdentifier_stillCountsAsTransmitted_withoutShowingTheIdentifier() {
    MappingResult r =
        Fixtures.mapWithPeople(
            bp(
                "p-id",
                "85354-9",
                ",\"device\":{\"identifier\":{\"system\":\"urn:sn\",\"value\":\"SN-777\"}}"));
    Reading x = r.readings().get(0);
    assertThat(x.isDeviceTransmitted()).isTrue();
    assertThat(x.device().orElseThrow().id()).startsWith("unresolved-").doesNotContain("777");
  }

  @Test
  void hba1c_isNotAReading() {
    assertThat(all.issues())
        .anySatisfy(
            i -> {
              assertThat(i.resource()).contains(SourceRef.of("Observation", "a1c-1"));
              assertThat(i.code()).isEqualTo(MappingIssueCode.UNSUPPORTED_CODE);
            });
  }

  @Test
  void device_isMappedWithItsPatientAndType() {
    MappedDevice d =
        all.devices().stream()
            .filter(x -> x.source().id().equals("dev-bp"))
            .findFirst()
            .orElseThrow();
    assertThat(d.patient()).contains(PatientRef.of("pat-1"));
    assertThat(d.types()).containsExactly(Code.snomed("258057004"));
  }

  @Test
  void customReadingCodes_addAKind() {
    MappingOptions options =
        MappingOptions.builder()
            .from(MappingOptions.defaults())
            .putReadingCode("8310-5", ReadingKind.HEART_RATE)
            .build();
    String json =
        "{\"resourceType\":\"Observation\",\"id\":\"t\",\"status\":\"final\","
            + "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"8310-5\"}]},"
            + "\"subject\":{\"reference\":\"Patient/pat-1\"},\"effectiveDateTime\":\"2026-03-02T08:00:00Z\","
            + "\"valueQuantity\":{\"value\":37.1,\"unit\":\"C\"}}";
    assertThat(Fixtures.mapWithPeople(json).readings()).isEmpty();
    assertThat(Fixtures.mapWithPeople(options, json).readings())
        .singleElement()
        .satisfies(r -> assertThat(r.value("8310-5").orElseThrow().unit()).isEqualTo("C"));
  }
}
