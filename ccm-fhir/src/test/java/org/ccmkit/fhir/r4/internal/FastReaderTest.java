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
    assertThat(FastReader.handles("Patient")).isFalse();
    assertThat(read("{\"resourceType\":\"Patient\",\"id\":\"p1\"}")).isNull();
    assertThat(read(TIME.replace("\"actor\":", "\"function\":{\"text\":\"x\"},\"actor\":")))
        .isNull();
  }
}
