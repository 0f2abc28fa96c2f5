package org.ccmkit.fhir.r4;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.ccmkit.core.json.CcmJson;
import org.junit.jupiter.api.Test;

/**
 * The fast reader against HAPI's parser on systematically spoilt lines: one plain line of every
 * type the fast reader handles (the shapes a generated practice and a Bulk export carry), then, for
 * every node of each, copies with one edit (a padded, empty or mistyped string, an odd date, an
 * unknown code, an added extension, id or unknown element, an empty or null array entry...). Each
 * copy gets its own id, so no duplicate hides another; all of them are mapped together with and
 * without the fast reader, and the two results must be equal and serialize byte-identically.
 */
class FastReaderMutationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** People first, so that references resolve and the second pass does its real work. */
  private static final List<String> BASE =
      List.of(
          "{\"resourceType\":\"Practitioner\",\"id\":\"gp-0\",\"active\":true,"
              + "\"identifier\":[{\"system\":\"http://hl7.org/fhir/sid/us-npi\","
              + "\"value\":\"1000000004\"}],\"name\":[{\"use\":\"official\",\"family\":\"Doe\","
              + "\"given\":[\"Jo\",\"Ann\"],\"prefix\":[\"Dr.\"]}],\"gender\":\"female\","
              + "\"qualification\":[{\"code\":{\"coding\":[{\"system\":"
              + "\"http://nucc.org/provider-taxonomy\",\"code\":\"207Q00000X\"}]}}]}",
          "{\"resourceType\":\"Practitioner\",\"id\":\"gs-0\",\"identifier\":[{\"system\":"
              + "\"http://hl7.org/fhir/sid/us-npi\",\"value\":\"1000000012\"}]}",
          "{\"resourceType\":\"PractitionerRole\",\"id\":\"gs-0-role\",\"active\":true,"
              + "\"practitioner\":{\"reference\":\"Practitioner/gs-0\"},\"code\":[{\"coding\":"
              + "[{\"system\":\"http://nucc.org/provider-taxonomy\",\"code\":\"163W00000X\"}]}]}",
          "{\"resourceType\":\"Patient\",\"id\":\"pt0\",\"identifier\":[{\"system\":"
              + "\"http://hl7.org/fhir/sid/us-mbi\",\"value\":\"1EG4TE500K00000\"}],"
              + "\"name\":[{\"family\":\"Synthetic0\",\"given\":[\"Pat\"],\"text\":\"Pat S\"}],"
              + "\"gender\":\"male\",\"birthDate\":\"1943-06-03\","
              + "\"deceasedDateTime\":\"2026-03-20T10:00:00-05:00\"}",
          "{\"resourceType\":\"Patient\",\"id\":\"pt1\",\"active\":true,"
              + "\"birthDate\":\"1950-01-02\",\"deceasedBoolean\":false}",
          "{\"resourceType\":\"Coverage\",\"id\":\"pt0-cov\",\"status\":\"active\","
              + "\"type\":{\"coding\":[{\"system\":\"https://nahdo.org/sopt\",\"code\":\"1\"}]},"
              + "\"subscriberId\":\"1EG4TE500K00000\","
              + "\"beneficiary\":{\"reference\":\"Patient/pt0\"},"
              + "\"period\":{\"start\":\"2020-01-01\",\"end\":\"2030-12-31\"},"
              + "\"payor\":[{\"display\":\"CMS\"}]}",
          "{\"resourceType\":\"Coverage\",\"id\":\"pt0-mcd\",\"status\":\"active\","
              + "\"type\":{\"coding\":[{\"system\":\"https://nahdo.org/sopt\",\"code\":\"2\"}]},"
              + "\"beneficiary\":{\"reference\":\"Patient/pt0\"},"
              + "\"period\":{\"start\":\"2020-01-01\"},\"class\":[{\"type\":{\"coding\":"
              + "[{\"system\":\"http://terminology.hl7.org/CodeSystem/coverage-class\","
              + "\"code\":\"plan\"}]},\"value\":\"QMB\",\"name\":\"QMB plan\"}]}",
          "{\"resourceType\":\"Condition\",\"id\":\"pt0-cond-1\",\"clinicalStatus\":{\"coding\":"
              + "[{\"system\":\"http://terminology.hl7.org/CodeSystem/condition-clinical\","
              + "\"code\":\"active\"}]},\"verificationStatus\":{\"coding\":[{\"system\":"
              + "\"http://terminology.hl7.org/CodeSystem/condition-ver-status\","
              + "\"code\":\"confirmed\"}]},\"category\":[{\"coding\":[{\"system\":"
              + "\"http://terminology.hl7.org/CodeSystem/condition-category\","
              + "\"code\":\"problem-list-item\"}]}],\"code\":{\"coding\":[{\"system\":"
              + "\"http://hl7.org/fhir/sid/icd-10-cm\",\"code\":\"E11.9\",\"display\":\"T2D\"},"
              + "{\"system\":\"http://snomed.info/sct\",\"code\":\"44054006\"}],\"text\":\"d\"},"
              + "\"subject\":{\"reference\":\"Patient/pt0\"},"
              + "\"encounter\":{\"reference\":\"Encounter/pt0-enc-awv\"},"
              + "\"onsetDateTime\":\"2018-12-01\",\"recordedDate\":\"2018-12-02\"}",
          "{\"resourceType\":\"Condition\",\"id\":\"pt0-cond-2\",\"code\":{\"coding\":[{"
              + "\"system\":\"http://hl7.org/fhir/sid/icd-10-cm\",\"code\":\"I10\"}]},"
              + "\"subject\":{\"reference\":\"Patient/pt0\"},"
              + "\"abatementDateTime\":\"2025-12-01T10:00:00Z\"}",
          "{\"resourceType\":\"EpisodeOfCare\",\"id\":\"pt0-eoc-ccm\",\"status\":\"active\","
              + "\"type\":[{\"coding\":[{\"system\":"
              + "\"https://ccmkit.org/fhir/CodeSystem/care-program\",\"code\":\"ccm\"}]}],"
              + "\"patient\":{\"reference\":\"Patient/pt0\"},\"period\":{\"start\":\"2025-06-01\"},"
              + "\"careManager\":{\"reference\":\"Practitioner/gp-0\"}}",
          "{\"resourceType\":\"Consent\",\"id\":\"pt0-consent-ccm\",\"status\":\"active\","
              + "\"scope\":{\"coding\":[{\"system\":"
              + "\"http://terminology.hl7.org/CodeSystem/consentscope\",\"code\":\"treatment\"}]},"
              + "\"category\":[{\"coding\":[{\"system\":"
              + "\"https://ccmkit.org/fhir/CodeSystem/care-program\",\"code\":\"ccm\"}]}],"
              + "\"patient\":{\"reference\":\"Patient/pt0\"},\"dateTime\":\"2025-06-01\","
              + "\"performer\":[{\"reference\":\"Practitioner/gp-0\"}],"
              + "\"provision\":{\"period\":{\"start\":\"2025-06-01\",\"end\":\"2026-03-15\"},"
              + "\"code\":[{\"coding\":[{\"system\":"
              + "\"https://ccmkit.org/fhir/CodeSystem/consent-disclosure\","
              + "\"code\":\"cost-sharing\"}]}]}}",
          "{\"resourceType\":\"Encounter\",\"id\":\"pt0-enc-awv\",\"status\":\"finished\","
              + "\"class\":{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActCode\","
              + "\"code\":\"AMB\"},\"type\":[{\"coding\":[{\"system\":"
              + "\"http://www.ama-assn.org/go/cpt\",\"code\":\"99214\"}]}],"
              + "\"subject\":{\"reference\":\"Patient/pt0\"},"
              + "\"participant\":[{\"individual\":{\"reference\":\"Practitioner/gp-0\"}}],"
              + "\"period\":{\"start\":\"2025-05-05T10:00:00-04:00\","
              + "\"end\":\"2025-05-05T10:30:00-04:00\"}}",
          "{\"resourceType\":\"Encounter\",\"id\":\"pt0-enc-ed\",\"status\":\"finished\","
              + "\"class\":{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActCode\","
              + "\"code\":\"EMER\"},\"subject\":{\"reference\":\"Patient/pt0\"},"
              + "\"period\":{\"start\":\"2026-03-02T10:00:00Z\"}}",
          "{\"resourceType\":\"Device\",\"id\":\"pt0-cuff\",\"status\":\"active\","
              + "\"type\":{\"coding\":[{\"system\":\"http://snomed.info/sct\","
              + "\"code\":\"258057004\"}]},\"patient\":{\"reference\":\"Patient/pt0\"}}",
          "{\"resourceType\":\"Observation\",\"id\":\"pt0-bp-1\",\"status\":\"final\","
              + "\"identifier\":[{\"system\":\"https://devices.example.org/reading\","
              + "\"value\":\"r-pt0-1\"}],\"category\":[{\"coding\":[{\"system\":"
              + "\"http://terminology.hl7.org/CodeSystem/observation-category\","
              + "\"code\":\"vital-signs\"}]}],\"code\":{\"coding\":[{\"system\":"
              + "\"http://loinc.org\",\"code\":\"85354-9\"}]},"
              + "\"subject\":{\"reference\":\"Patient/pt0\"},"
              + "\"effectiveDateTime\":\"2026-03-05T07:05:00-05:00\","
              + "\"device\":{\"reference\":\"Device/pt0-cuff\"},\"component\":[{\"code\":"
              + "{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"8480-6\"}]},"
              + "\"valueQuantity\":{\"value\":138,\"unit\":\"mmHg\","
              + "\"system\":\"http://unitsofmeasure.org\",\"code\":\"mm[Hg]\"}},{\"code\":"
              + "{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"8462-4\"}]},"
              + "\"valueQuantity\":{\"value\":83.5,\"unit\":\"mmHg\","
              + "\"system\":\"http://unitsofmeasure.org\",\"code\":\"mm[Hg]\"}}]}",
          "{\"resourceType\":\"Procedure\",\"id\":\"pt0-t-1\",\"status\":\"completed\","
              + "\"category\":{\"coding\":[{\"system\":"
              + "\"https://ccmkit.org/fhir/CodeSystem/care-program\",\"code\":\"ccm\"}]},"
              + "\"subject\":{\"reference\":\"Patient/pt0\"},"
              + "\"performedPeriod\":{\"start\":\"2026-03-08T15:20:00-05:00\","
              + "\"end\":\"2026-03-08T15:42:00-05:00\"},"
              + "\"performer\":[{\"actor\":{\"reference\":\"Practitioner/gs-0\"}}],"
              + "\"note\":[{\"text\":\"called\"}]}");

  /** What a string value becomes. */
  private static final List<JsonNode> STRING_EDITS =
      List.of(
          F.textNode(""),
          F.textNode(" "),
          F.numberNode(1),
          F.booleanNode(true),
          F.nullNode(),
          F.objectNode(),
          F.arrayNode().add("x"),
          F.textNode("unknown-code"),
          F.textNode("Patient/pt0/_history/2"),
          F.textNode("#pt0"),
          F.textNode("urn:uuid:0f3a"),
          F.textNode("2026-02-30"),
          F.textNode("2026"),
          F.textNode("2026-03"),
          F.textNode("2026-03-05T10:00:00"),
          F.textNode("2026-03-05T10:00Z"),
          F.textNode("2026-03-05T10:00:00.123+01:00"),
          F.textNode("2026-03-05T24:00:00Z"),
          F.textNode("20260305"));

  @Test
  void everySingleEdit_sameResultWithAndWithoutTheFastReader() throws Exception {
    List<String> lines = new ArrayList<>(BASE);
    int[] n = {0};
    for (String base : BASE) {
      ObjectNode root = (ObjectNode) JSON.readTree(base);
      List<Consumer<ObjectNode>> edits = new ArrayList<>();
      collect(root, List.of(), edits);
      for (Consumer<ObjectNode> edit : edits) {
        ObjectNode copy = root.deepCopy();
        String id = copy.get("id").asText() + "-m" + n[0]++;
        copy.put("id", id);
        edit.accept(copy);
        lines.add(copy.toString());
        if (n[0] % 7 == 0) {
          lines.add(reversed(copy).toString()); // the same content again: a duplicate
        }
      }
    }
    String ndjson = String.join("\n", lines) + "\n";
    MappingResult fast =
        R4Mapper.create(MappingOptions.builder().fastReader(true).build())
            .mapNdjson("mutations.ndjson", new StringReader(ndjson));
    MappingResult hapi =
        R4Mapper.create(MappingOptions.builder().fastReader(false).build())
            .mapNdjson("mutations.ndjson", new StringReader(ndjson));
    assertThat(lines).hasSizeGreaterThan(1000);
    assertThat(fast.counts().read()).isEqualTo(lines.size());
    assertThat(fast.issues()).anyMatch(i -> i.code() == MappingIssueCode.DUPLICATE_RESOURCE);
    String fastJson = CcmJson.write(fast);
    String hapiJson = CcmJson.write(hapi);
    if (!fastJson.equals(hapiJson)) { // for the diff: target/mutations-{fast,hapi}.json
      java.nio.file.Files.writeString(
          java.nio.file.Path.of("target/mutations-fast.json"), fastJson);
      java.nio.file.Files.writeString(
          java.nio.file.Path.of("target/mutations-hapi.json"), hapiJson);
      java.nio.file.Files.writeString(java.nio.file.Path.of("target/mutations.ndjson"), ndjson);
    }
    assertThat(fastJson).isEqualTo(hapiJson);
    assertThat(fast).isEqualTo(hapi);
  }

  /** Collects one edit per (node, variant): applied to a deep copy by following the path. */
  private static void collect(JsonNode node, List<Object> path, List<Consumer<ObjectNode>> out) {
    if (path.isEmpty()) {
      for (String extra :
          List.of(
              "{\"meta\":{\"lastUpdated\":\"2026-01-01T00:00:00Z\"}}",
              "{\"text\":{\"status\":\"generated\",\"div\":\"<div>x</div>\"}}",
              "{\"_status\":{\"id\":\"s\"}}",
              "{\"modifierExtension\":[{\"url\":\"http://x\",\"valueBoolean\":true}]}",
              "{\"contained\":[{\"resourceType\":\"Patient\",\"id\":\"c\"}]}",
              "{\"implicitRules\":\"http://x\"}",
              "{\"language\":\"en\"}")) {
        out.add(root -> merge(root, extra));
      }
    }
    if (node.isObject()) {
      if (!path.isEmpty()) {
        out.add(root -> ((ObjectNode) at(root, path)).put("id", "e1"));
        out.add(root -> set(root, path, F.objectNode()));
        out.add(root -> set(root, path, F.textNode("x")));
      }
      out.add(root -> ((ObjectNode) at(root, path)).set("extension", F.arrayNode().add(ext())));
      out.add(root -> ((ObjectNode) at(root, path)).put("unknownElement", "x"));
      for (Map.Entry<String, JsonNode> f : node.properties()) {
        if (path.isEmpty() && f.getKey().equals("resourceType")) {
          continue;
        }
        List<Object> p = new ArrayList<>(path);
        p.add(f.getKey());
        collect(f.getValue(), p, out);
      }
    } else if (node.isArray()) {
      out.add(root -> set(root, path, F.arrayNode()));
      out.add(root -> ((ArrayNode) at(root, path)).addNull());
      out.add(root -> set(root, path, at(root, path).get(0)));
      for (int i = 0; i < node.size(); i++) {
        List<Object> p = new ArrayList<>(path);
        p.add(i);
        collect(node.get(i), p, out);
      }
    } else if (node.isTextual()) {
      String s = node.asText();
      out.add(root -> set(root, path, F.textNode(" " + s)));
      out.add(root -> set(root, path, F.textNode(s + " ")));
      out.add(root -> set(root, path, F.textNode(s + "\u0001")));
      out.add(root -> set(root, path, F.textNode(s.toUpperCase(java.util.Locale.ROOT))));
      for (JsonNode e : STRING_EDITS) {
        out.add(root -> set(root, path, e.deepCopy()));
      }
    } else if (node.isNumber()) {
      out.add(root -> set(root, path, F.numberNode(new java.math.BigDecimal("138.0"))));
      out.add(root -> set(root, path, F.numberNode(new java.math.BigDecimal("1.38E+2"))));
      out.add(root -> set(root, path, F.numberNode(-0.25)));
      out.add(root -> set(root, path, F.textNode(node.asText())));
    } else if (node.isBoolean()) {
      out.add(root -> set(root, path, F.textNode(node.asText())));
      out.add(root -> set(root, path, F.booleanNode(!node.booleanValue())));
      out.add(root -> set(root, path, F.numberNode(1)));
    }
  }

  /** The same JSON with every object's properties in reverse order. */
  private static JsonNode reversed(JsonNode node) {
    if (node.isObject()) {
      List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
      ObjectNode o = F.objectNode();
      for (int i = fields.size() - 1; i >= 0; i--) {
        o.set(fields.get(i).getKey(), reversed(fields.get(i).getValue()));
      }
      return o;
    }
    if (node.isArray()) {
      ArrayNode a = F.arrayNode();
      node.forEach(e -> a.add(reversed(e)));
      return a;
    }
    return node;
  }

  private static ObjectNode ext() {
    return F.objectNode().put("url", "http://example.org/x").put("valueString", "y");
  }

  private static void merge(ObjectNode root, String json) {
    try {
      root.setAll((ObjectNode) JSON.readTree(json));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static JsonNode at(JsonNode root, List<Object> path) {
    JsonNode n = root;
    for (Object step : path) {
      n = step instanceof Integer i ? n.get(i) : n.get((String) step);
    }
    return n;
  }

  private static void set(ObjectNode root, List<Object> path, JsonNode value) {
    JsonNode parent = at(root, path.subList(0, path.size() - 1));
    Object last = path.get(path.size() - 1);
    if (last instanceof Integer i) {
      ((ArrayNode) parent).set(i, value);
    } else {
      ((ObjectNode) parent).set((String) last, value);
    }
  }
}
