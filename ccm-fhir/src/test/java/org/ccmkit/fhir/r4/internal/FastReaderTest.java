package org.ccmkit.fhir.r4.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the fast reader takes itself and what it leaves to HAPI. */
class FastReaderTest {
  /** Configured as the input reader's ({@code JsonInputs}). */
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  private static final String BP =
      "{\"resourceType\":\"Observation\",\"id\":\"bp-1\",\"status\":\"final\","
          + "\"identifier\":[{\"system\":\"https://d.example.org/r\",\"value\":\"r-1\"}],"
          + "\"category\":[{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/"
          + "observation-category\",\"code\":\"vital-signs\"}]}],"
          + "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"85354-9\"}]},"
          + "\"subject\":{\"reference\":\"Patient/p1\"},"
          + "\"effectiveDateTime\":\"2026-03-02T07:15:00-05:00\","
          + "\"device\":{\"reference\":\"Device/d1\"},"
          + "\"component\":[{\"code\":{\"coding\":[{\"system\":\"http://loinc.org\","
          + "\"code\":\"8480-6\"}]},\"valueQuantity\":{\"value\":142,\"unit\":\"mmHg\","
          + "\"system\":\"http://unitsofmeasure.org\",\"code\":\"mm[Hg]\"}}]}";

  private static final String TIME =
      "{\"resourceType\":\"Procedure\",\"id\":\"t-1\",\"status\":\"completed\","
          + "\"category\":{\"coding\":[{\"system\":\"https://ccmkit.org/fhir/CodeSystem/"
          + "care-program\",\"code\":\"ccm\"}]},\"subject\":{\"reference\":\"Patient/p1\"},"
          + "\"performedPeriod\":{\"start\":\"2026-03-02T10:00:00-05:00\","
          + "\"end\":\"2026-03-02T10:20:00-05:00\"},"
          + "\"performer\":[{\"actor\":{\"reference\":\"Practitioner/rn\"}}],"
          + "\"note\":[{\"text\":\"called\"}]}";

  private static @Nullable Resource read(String json) throws Exception {
    ObjectNode node = (ObjectNode) JSON.readTree(json);
    return FastReader.read(node.get("resourceType").asText(), node);
  }

  @Test
  void plainShapes_areReadWithoutHapi() throws Exception {
    Resource bp = java.util.Objects.requireNonNull(read(BP));
    assertThat(bp).isInstanceOf(Observation.class);
    Observation o = (Observation) bp;
    assertThat(o.getStatus()).isEqualTo(Observation.ObservationStatus.FINAL);
    assertThat(o.getComponentFirstRep().getValueQuantity().getValue()).isEqualByComparingTo("142");
    assertThat(o.getEffectiveDateTimeType().getValueAsString())
        .isEqualTo("2026-03-02T07:15:00-05:00");

    Resource time = java.util.Objects.requireNonNull(read(TIME));
    assertThat(time).isInstanceOf(Procedure.class);
    assertThat(((Procedure) time).getPerformedPeriod().getEndElement().getValueAsString())
        .isEqualTo("2026-03-02T10:20:00-05:00");
    assertThat(((Procedure) time).getNoteFirstRep().getText()).isEqualTo("called");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"status\":\"final\"|\"status\":\"finished\"",
        "\"status\":\"final\"|\"status\":\" final\"",
        "\"status\":\"final\"|\"status\":\"final\",\"meta\":{\"lastUpdated\":\"2026-01-01T00:00:00Z\"}",
        "\"status\":\"final\"|\"status\":\"final\",\"extension\":[{\"url\":\"x\"}]",
        "\"status\":\"final\"|\"status\":\"final\",\"_status\":{\"id\":\"x\"}",
        "\"Patient/p1\"|\"#p1\"",
        "2026-03-02T07:15:00-05:00|2026-13-02T07:15:00-05:00",
        "\"value\":142|\"value\":\"142\"",
        "\"value\":142|\"value\":142.50",
        "\"value\":142|\"value\":1.4e2",
        "\"id\":\"bp-1\"|\"id\":\"bp 1\"",
        "\"id\":\"bp-1\"|\"id\":\"bp_1\"",
        "\"id\":\"bp-1\"|\"id\":\"bp-\u00e91\"",
        "\"identifier\":[{|\"identifier\":[{\"use\":\"usual\",",
        "\"category\":[{|\"category\":[],\"x\":[{"
      })
  void anythingElse_fallsBackToHapi(String edit) throws Exception {
    String[] fromTo = edit.split("\\|", 2);
    assertThat(BP).contains(fromTo[0]);
    assertThat(read(BP.replace(fromTo[0], fromTo[1]))).isNull();
  }

  @Test
  void anIdOf64Characters_isReadWithoutHapi_65FallBack() throws Exception {
    String id = "A-z.0" + "9".repeat(59);
    assertThat(read(BP.replace("\"id\":\"bp-1\"", "\"id\":\"" + id + "\""))).isNotNull();
    assertThat(read(BP.replace("\"id\":\"bp-1\"", "\"id\":\"" + id + "9\""))).isNull();
  }

  @Test
  void otherTypes_areLeftToHapi() throws Exception {
    assertThat(FastReader.handles("ExplanationOfBenefit")).isFalse();
    assertThat(read("{\"resourceType\":\"ExplanationOfBenefit\",\"id\":\"e1\"}")).isNull();
    assertThat(read(TIME.replace("\"actor\":", "\"function\":{\"text\":\"x\"},\"actor\":")))
        .isNull();
  }

  /** One plain line of each type the fast reader took on after Observation and Procedure. */
  private static final String[] PLAIN = {
    "{\"resourceType\":\"Patient\",\"id\":\"pt0\",\"identifier\":[{\"system\":\"http://hl7.org/"
        + "fhir/sid/us-mbi\",\"value\":\"1EG4TE500K00000\"}],\"name\":[{\"family\":\"S\","
        + "\"given\":[\"Pat\"]}],\"gender\":\"male\",\"birthDate\":\"1943-06-03\","
        + "\"deceasedDateTime\":\"2026-03-20\"}",
    "{\"resourceType\":\"Condition\",\"id\":\"c1\",\"clinicalStatus\":{\"coding\":[{\"system\":"
        + "\"http://terminology.hl7.org/CodeSystem/condition-clinical\",\"code\":\"active\"}]},"
        + "\"code\":{\"coding\":[{\"system\":\"http://hl7.org/fhir/sid/icd-10-cm\","
        + "\"code\":\"E11.9\"}]},\"subject\":{\"reference\":\"Patient/pt0\"},"
        + "\"onsetDateTime\":\"2018-12-01\"}",
    "{\"resourceType\":\"Coverage\",\"id\":\"cov\",\"status\":\"active\",\"type\":{\"coding\":"
        + "[{\"system\":\"https://nahdo.org/sopt\",\"code\":\"1\"}]},\"beneficiary\":{\"reference\":"
        + "\"Patient/pt0\"},\"period\":{\"start\":\"2020-01-01\"},\"class\":[{\"type\":{\"coding\":"
        + "[{\"code\":\"plan\"}]},\"value\":\"QMB\"}]}",
    "{\"resourceType\":\"Consent\",\"id\":\"k1\",\"status\":\"active\",\"scope\":{\"coding\":[{"
        + "\"code\":\"treatment\"}]},\"category\":[{\"coding\":[{\"code\":\"ccm\"}]}],\"patient\":"
        + "{\"reference\":\"Patient/pt0\"},\"dateTime\":\"2026-01-26\",\"performer\":[{"
        + "\"reference\":\"Practitioner/gp-0\"}],\"provision\":{\"period\":{\"end\":\"2026-03-01\"}}}",
    "{\"resourceType\":\"Encounter\",\"id\":\"e1\",\"status\":\"finished\",\"class\":{\"system\":"
        + "\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"AMB\"},\"type\":[{"
        + "\"coding\":[{\"code\":\"99214\"}]}],\"subject\":{\"reference\":\"Patient/pt0\"},"
        + "\"participant\":[{\"individual\":{\"reference\":\"Practitioner/gp-0\"}}],\"period\":{"
        + "\"start\":\"2026-01-05T10:00:00-05:00\",\"end\":\"2026-01-05T10:30:00-05:00\"}}",
    "{\"resourceType\":\"EpisodeOfCare\",\"id\":\"eoc\",\"status\":\"active\",\"type\":[{"
        + "\"coding\":[{\"code\":\"pcm\"}]}],\"patient\":{\"reference\":\"Patient/pt0\"},"
        + "\"period\":{\"start\":\"2026-01-26\"},\"careManager\":{\"reference\":\"Practitioner/gp\"}}",
    "{\"resourceType\":\"Device\",\"id\":\"cuff\",\"status\":\"active\",\"type\":{\"coding\":[{"
        + "\"system\":\"http://snomed.info/sct\",\"code\":\"258057004\"}]},\"patient\":{"
        + "\"reference\":\"Patient/pt1\"}}",
    "{\"resourceType\":\"Practitioner\",\"id\":\"gp-0\",\"identifier\":[{\"system\":\"http://hl7"
        + ".org/fhir/sid/us-npi\",\"value\":\"1000000004\"}],\"qualification\":[{\"code\":{"
        + "\"coding\":[{\"code\":\"207Q00000X\"}]}}]}",
    "{\"resourceType\":\"PractitionerRole\",\"id\":\"gs-0-role\",\"practitioner\":{\"reference\":"
        + "\"Practitioner/gs-0\"},\"code\":[{\"coding\":[{\"code\":\"163W00000X\"}]}]}"
  };

  @Test
  void everyContractType_plainShape_isReadWithoutHapi() throws Exception {
    for (String line : PLAIN) {
      Resource r = read(line);
      assertThat(r).as(line).isNotNull();
      assertThat(java.util.Objects.requireNonNull(r).fhirType())
          .isEqualTo(JSON.readTree(line).get("resourceType").asText());
    }
    org.hl7.fhir.r4.model.Patient p =
        (org.hl7.fhir.r4.model.Patient) java.util.Objects.requireNonNull(read(PLAIN[0]));
    assertThat(p.getBirthDateElement().getValueAsString()).isEqualTo("1943-06-03");
    assertThat(p.getDeceasedDateTimeType().getValueAsString()).isEqualTo("2026-03-20");
    assertThat(p.getIdentifierFirstRep().getValue()).isEqualTo("1EG4TE500K00000");
  }

  /** Per type, a line each new path leaves to HAPI: {@code index|from|to} on {@link #PLAIN}. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "0|\"birthDate\":|\"_birthDate\":{\"id\":\"b\"},\"birthDate\":",
        "0|1943-06-03|1943-06-03T10:00:00Z",
        "0|1943-06-03|1943-02-30",
        "0|\"male\"|\"man\"",
        "0|\"deceasedDateTime\":\"2026-03-20\"|\"deceasedBoolean\":true,\"deceasedDateTime\":\"2026-03-20\"",
        "0|\"given\":[\"Pat\"]|\"given\":[\"Pat\",null]",
        "0|\"name\":[{|\"name\":[{\"period\":{\"start\":\"2020\"},",
        "1|\"onsetDateTime\":\"2018-12-01\"|\"onsetPeriod\":{\"start\":\"2018-12-01\"}",
        "1|\"active\"|\"active\\u0001\"",
        "1|\"code\":{|\"bodySite\":[{\"text\":\"x\"}],\"code\":{",
        "2|\"status\":\"active\"|\"status\":\"current\"",
        "2|\"value\":\"QMB\"|\"value\":\"QMB\",\"id\":\"x\"",
        "2|\"period\":|\"costToBeneficiary\":[{\"type\":{\"text\":\"x\"}}],\"period\":",
        "3|\"provision\":{|\"provision\":{\"type\":\"deny\",",
        "3|\"provision\":{|\"provision\":{\"provision\":[{\"type\":\"permit\"}],",
        "3|\"status\":\"active\"|\"status\":\"given\"",
        "4|\"participant\":[{|\"participant\":[{\"type\":[{\"text\":\"x\"}],",
        "4|\"code\":\"AMB\"|\"code\":\"AMB\",\"version\":\"1\"",
        "4|\"status\":\"finished\"|\"status\":\"done\"",
        "5|\"careManager\"|\"team\":[{\"reference\":\"CareTeam/1\"}],\"careManager\"",
        "6|\"patient\"|\"deviceName\":[{\"name\":\"cuff\",\"type\":\"model-name\"}],\"patient\"",
        "6|\"status\":\"active\"|\"status\":true",
        "7|\"qualification\":[{|\"qualification\":[{\"period\":{\"start\":\"2020\"},",
        "7|\"gp-0\"|\"gp-0/_history/1\"",
        "8|\"code\":[|\"period\":{\"start\":\"2020-01-01\"},\"code\":["
      })
  void newTypes_anythingElse_fallsBackToHapi(String edit) throws Exception {
    String[] e = edit.split("\\|", 3);
    String line = PLAIN[Integer.parseInt(e[0])];
    assertThat(line).contains(e[1]);
    assertThat(read(line.replace(e[1], e[2]))).isNull();
  }
}
