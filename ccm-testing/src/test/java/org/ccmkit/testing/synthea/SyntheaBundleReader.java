package org.ccmkit.testing.synthea;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.ccmkit.core.model.ClinicalStatus;
import org.ccmkit.core.model.Code;
import org.ccmkit.core.model.ConditionRecord;
import org.ccmkit.core.model.ImmutableConditionRecord;
import org.ccmkit.core.model.ImmutablePatient;
import org.ccmkit.core.model.ImmutablePatientRecord;
import org.ccmkit.core.model.Patient;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.core.model.VerificationStatus;

/**
 * A test-only reader of Synthea FHIR R4 transaction bundles, until ccm-fhir maps them: it streams a
 * bundle one entry at a time and keeps only the Patient ({@code id}, {@code birthDate}, {@code
 * deceased[x]}) and its Conditions ({@code code.coding}, {@code clinicalStatus}, {@code
 * verificationStatus}, {@code onset[x]}, {@code abatement[x]}); other resources are skipped without
 * being built. Dates keep the calendar date written in the data (Synthea writes UTC).
 */
final class SyntheaBundleReader {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> TYPES = Set.of("Patient", "Condition");
  private static final Set<String> ICD10CM_SYSTEMS =
      Set.of(Code.ICD10CM, "urn:oid:2.16.840.1.113883.6.90");

  private SyntheaBundleReader() {}

  /** Reads the one patient of {@code bundle} with their conditions. */
  static PatientRecord read(Path bundle) {
    List<JsonNode> patients = new ArrayList<>();
    List<JsonNode> conditions = new ArrayList<>();
    try (JsonParser p = MAPPER.getFactory().createParser(bundle.toFile())) {
      expect(p, p.nextToken(), JsonToken.START_OBJECT);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        if (p.nextToken() == JsonToken.START_ARRAY && field.equals("entry")) {
          while (p.nextToken() == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String name = p.currentName();
              if (p.nextToken() == JsonToken.START_OBJECT && name.equals("resource")) {
                readResource(p)
                    .ifPresent(
                        r ->
                            (r.path("resourceType").asText().equals("Patient")
                                    ? patients
                                    : conditions)
                                .add(r));
              } else {
                p.skipChildren();
              }
            }
          }
        } else {
          p.skipChildren();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + bundle.getFileName(), e);
    }
    if (patients.size() != 1) {
      throw new IllegalStateException(
          bundle.getFileName() + " holds " + patients.size() + " patients, expected one");
    }
    Patient patient = patient(patients.get(0));
    ImmutablePatientRecord.Builder record = PatientRecord.builder().patient(patient);
    for (JsonNode c : conditions) {
      String subject = c.path("subject").path("reference").asText();
      if (!subject.endsWith(patient.ref().id())) {
        throw new IllegalStateException(
            "Condition/" + c.path("id").asText() + " belongs to another patient: " + subject);
      }
      condition(c, patient.ref()).ifPresent(record::addCondition);
    }
    return record.build();
  }

  private static void expect(JsonParser p, JsonToken actual, JsonToken expected)
      throws IOException {
    if (actual != expected) {
      throw new IOException(
          "expected " + expected + " but found " + actual + " at " + p.currentLocation());
    }
  }

  /**
   * Reads the resource object the parser stands on. Synthea writes {@code resourceType} first, so
   * resources of other types are skipped unread; returns empty for those.
   */
  private static Optional<JsonNode> readResource(JsonParser p) throws IOException {
    ObjectNode node = MAPPER.createObjectNode();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      if (field.equals("resourceType") && !TYPES.contains(p.getText())) {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          p.nextToken();
          p.skipChildren();
        }
        return Optional.empty();
      }
      node.set(field, MAPPER.readTree(p));
    }
    return TYPES.contains(node.path("resourceType").asText())
        ? Optional.of(node)
        : Optional.empty();
  }

  private static Patient patient(JsonNode r) {
    ImmutablePatient.Builder b = Patient.builder().ref(PatientRef.of(r.path("id").asText()));
    date(r.path("birthDate")).ifPresent(b::birthDate);
    if (r.has("deceasedDateTime")) {
      b.deathDate(date(r.path("deceasedDateTime")).orElseThrow());
    } else if (r.path("deceasedBoolean").asBoolean(false)) {
      b.deceased(true);
    }
    return b.build();
  }

  private static Optional<ConditionRecord> condition(JsonNode r, PatientRef patient) {
    ImmutableConditionRecord.Builder b =
        ConditionRecord.builder()
            .source(SourceRef.of("Condition", r.path("id").asText()))
            .patient(patient)
            .clinicalStatus(clinicalStatus(firstCode(r.path("clinicalStatus"))))
            .verificationStatus(verificationStatus(firstCode(r.path("verificationStatus"))));
    int codes = 0;
    for (JsonNode coding : r.path("code").path("coding")) {
      String system = coding.path("system").asText("");
      String code = coding.path("code").asText("").trim();
      if (system.isEmpty() || code.isEmpty()) {
        continue;
      }
      b.addCode(
          ICD10CM_SYSTEMS.contains(system)
              ? Code.icd10cm(code)
              : system.equals(Code.SNOMED) ? Code.snomed(code) : Code.of(system, code));
      codes++;
    }
    if (codes == 0) {
      return Optional.empty();
    }
    date(r.has("onsetDateTime") ? r.path("onsetDateTime") : r.path("onsetPeriod").path("start"))
        .ifPresent(b::onset);
    Optional<LocalDate> abatement =
        date(
            r.has("abatementDateTime")
                ? r.path("abatementDateTime")
                : r.path("abatementPeriod").path("end"));
    if (abatement.isPresent()) {
      b.abatement(abatement.get());
    } else if (hasFieldStartingWith(r, "abatement")) {
      b.abatedWithoutDate(true); // abatementBoolean, abatementString, abatementAge, ...
    }
    return Optional.of(b.build());
  }

  private static boolean hasFieldStartingWith(JsonNode r, String prefix) {
    for (var it = r.fieldNames(); it.hasNext(); ) {
      if (it.next().startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static String firstCode(JsonNode concept) {
    for (JsonNode coding : concept.path("coding")) {
      if (!coding.path("code").asText("").isEmpty()) {
        return coding.path("code").asText();
      }
    }
    return "";
  }

  private static ClinicalStatus clinicalStatus(String code) {
    return switch (code) {
      case "active" -> ClinicalStatus.ACTIVE;
      case "recurrence" -> ClinicalStatus.RECURRENCE;
      case "relapse" -> ClinicalStatus.RELAPSE;
      case "inactive" -> ClinicalStatus.INACTIVE;
      case "remission" -> ClinicalStatus.REMISSION;
      case "resolved" -> ClinicalStatus.RESOLVED;
      default -> ClinicalStatus.UNKNOWN;
    };
  }

  private static VerificationStatus verificationStatus(String code) {
    return switch (code) {
      case "confirmed" -> VerificationStatus.CONFIRMED;
      case "provisional" -> VerificationStatus.PROVISIONAL;
      case "differential" -> VerificationStatus.DIFFERENTIAL;
      case "unconfirmed" -> VerificationStatus.UNCONFIRMED;
      case "refuted" -> VerificationStatus.REFUTED;
      case "entered-in-error" -> VerificationStatus.ENTERED_IN_ERROR;
      default -> VerificationStatus.UNKNOWN;
    };
  }

  /** The calendar date written in a FHIR date or dateTime (with or without an offset). */
  private static Optional<LocalDate> date(JsonNode node) {
    String text = node.asText("").trim();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    if (text.length() == 10) {
      return Optional.of(LocalDate.parse(text));
    }
    if (text.length() < 10) {
      return Optional.empty(); // a year or year-month: no day to decide on
    }
    return Optional.of(OffsetDateTime.parse(text.toUpperCase(Locale.ROOT)).toLocalDate());
  }
}
