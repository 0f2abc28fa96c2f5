package org.ccmkit.fhir.r4;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.ccmkit.core.model.Code;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.model.SourceRef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RPM readings (Observation) and devices. */
class ReadingMappingTest {
  private static MappingResult all;

  @BeforeAll
  static void mapAll() {
    all = R4Mapper.create().map(Fixtures.syntheticFiles());
  }

  private static MappedReading reading(String id) {
    return all.readings().stream()
        .filter(r -> r.source().id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void bloodPressure_withDevice_isTransmittedWithSystolicThenDiastolic() {
    MappedReading r = reading("bp-1");
    assertThat(r.patient()).isEqualTo(PatientRef.of("pat-1"));
    assertThat(r.kind()).isEqualTo(ReadingKind.BLOOD_PRESSURE);
    assertThat(r.effective()).isEqualTo(Instant.parse("2026-03-02T12:15:00Z"));
    assertThat(r.values())
        .containsExactly(
            ReadingValue.of(
                Code.of("http://loinc.org", "8480-6"),
                new BigDecimal("142"),
                Optional.of("mm[Hg]")),
            ReadingValue.of(
                Code.of("http://loinc.org", "8462-4"),
                new BigDecimal("91"),
                Optional.of("mm[Hg]")));
    assertThat(r.deviceTransmitted()).isTrue();
    assertThat(r.device()).contains(SourceRef.of("Device", "dev-bp"));
    assertThat(r.identifier())
        .contains("urn:ietf:rfc:3986|urn:uuid:6f1c2a9e-0d1b-4c1e-9a57-2f3c9b1d0001");
  }

  @Test
  void legacyPanel_withoutDevice_isManualBloodPressure() {
    MappedReading r = reading("bp-legacy");
    assertThat(r.kind()).isEqualTo(ReadingKind.BLOOD_PRESSURE);
    assertThat(r.deviceTransmitted()).isFalse();
    assertThat(r.device()).isEmpty();
  }

  @Test
  void weight_amendedDateOnly_isMidnightInThePracticeZone() {
    MappedReading r = reading("wt-1");
    assertThat(r.kind()).isEqualTo(ReadingKind.BODY_WEIGHT);
    assertThat(r.effective()).isEqualTo(Instant.parse("2026-03-02T05:00:00Z"));
    assertThat(r.values())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.value()).isEqualByComparingTo("82.5");
              assertThat(v.unit()).contains("kg");
            });
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
        .satisfies(r -> assertThat(r.values().get(0).unit()).contains("C"));
  }
}
