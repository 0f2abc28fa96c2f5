package org.ccmkit.fhir.r4.internal;

import ca.uhn.fhir.parser.DataFormatException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationComponentComponent;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Procedure.ProcedurePerformerComponent;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;

/**
 * The hot path of reading: builds the HAPI resource the per-type mapper reads (an {@link
 * Observation}, {@link Procedure}, {@link Patient}, {@link Condition}, {@link Coverage}, {@link
 * Consent}, {@link Encounter}, {@link EpisodeOfCare}, {@link Device}, {@link Practitioner} or
 * {@link PractitionerRole}) straight from the JSON tree the input reader already holds, instead of
 * having HAPI's parser walk the text again; plain date-times stay text until asked ({@link
 * TextDateTime}). It takes only the contract's plain shapes: a resource with any element, JSON type
 * or value it does not fully understand (an unknown or extension element, {@code meta}, a
 * narrative, a contained resource, an empty or padded string, an unknown status code, a {@code
 * #local} reference, an invalid date) returns null, and the engine parses that resource with HAPI
 * as before. Whatever it accepts is a resource HAPI's parser would read without a complaint into
 * the same values for every field the mappers read, so the mapping result (records, counts, issues)
 * is the same either way; {@code FastReaderEquivalenceTest} checks this. Switched by {@link
 * org.ccmkit.fhir.r4.MappingOptions#fastReader()}.
 */
final class FastReader {
  /** Thrown to fall back to HAPI; no stack trace (it is control flow, and rare). */
  private static final class Fallback extends Exception {
    private static final long serialVersionUID = 1L;
    static final Fallback INSTANCE = new Fallback();

    private Fallback() {
      super("fallback", null, false, false);
    }
  }

  private FastReader() {}

  /** Returns whether the reader handles the type at all. */
  static boolean handles(String type) {
    return switch (type) {
      case "Observation",
          "Procedure",
          "Patient",
          "Condition",
          "Coverage",
          "Consent",
          "Encounter",
          "EpisodeOfCare",
          "Device",
          "Practitioner",
          "PractitionerRole" ->
          true;
      default -> false;
    };
  }

  /**
   * Returns the resource built from {@code node}, or null when HAPI must parse it.
   *
   * @param type the resource type (the node's {@code resourceType})
   * @param node the resource's JSON
   * @return the resource, or null
   */
  static @Nullable Resource read(String type, ObjectNode node) {
    try {
      return switch (type) {
        case "Observation" -> observation(node);
        case "Procedure" -> procedure(node);
        case "Patient" -> patient(node);
        case "Condition" -> condition(node);
        case "Coverage" -> coverage(node);
        case "Consent" -> consent(node);
        case "Encounter" -> encounter(node);
        case "EpisodeOfCare" -> episodeOfCare(node);
        case "Device" -> device(node);
        case "Practitioner" -> practitioner(node);
        case "PractitionerRole" -> practitionerRole(node);
        default -> null;
      };
    } catch (Fallback | DataFormatException | FHIRException | IllegalArgumentException e) {
      return null;
    }
  }

  // ---------------------------------------------------------------- resources

  private static Observation observation(ObjectNode node) throws Fallback {
    Observation o = new Observation();
    for (Map.Entry<String, JsonNode> f : node.properties()) {
      JsonNode v = f.getValue();
      switch (f.getKey()) {
        case "resourceType" -> {}
        case "id" -> id(v);
        case "status" -> o.setStatus(Observation.ObservationStatus.fromCode(string(v)));
        case "identifier" -> {
          for (JsonNode i : array(v)) {
            o.addIdentifier(identifier(i));
          }
        }
        case "category" -> {
          for (JsonNode c : array(v)) {
            o.addCategory(concept(c));
          }
        }
        case "code" -> o.setCode(concept(v));
        case "subject" -> o.setSubject(reference(v));
        case "effectiveDateTime" -> o.setEffective(dateTime(v));
        case "performer" -> {
          for (JsonNode p : array(v)) {
            o.addPerformer(reference(p));
          }
        }
        case "valueBoolean" -> {
          if (!v.isBoolean()) {
            throw Fallback.INSTANCE;
          }
          o.setValue(new BooleanType(v.booleanValue()));
        }
        case "valueQuantity" -> o.setValue(quantity(v));
        case "device" -> o.setDevice(reference(v));
        case "component" -> {
          for (JsonNode c : array(v)) {
            o.addComponent(component(c));
          }
        }
        default -> throw Fallback.INSTANCE;
      }
    }
    return o;
  }

  private static ObservationComponentComponent component(JsonNode node) throws Fallback {
    ObservationComponentComponent c = new ObservationComponentComponent();
    for (Map.Entry<String, JsonNode> f : object(node).properties()) {
      switch (f.getKey()) {
        case "code" -> c.setCode(concept(f.getValue()));
        case "valueQuantity" -> c.setValue(quantity(f.getValue()));
        default -> throw Fallback.INSTANCE;
      }
    }
    return c;
  }

  private static Procedure procedure(ObjectNode node) throws Fallback {
    Procedure p = new Procedure();
    for (Map.Entry<String, JsonNode> f : node.properties()) {
      JsonNode v = f.getValue();
      switch (f.getKey()) {
        case "resourceType" -> {}
        case "id" -> id(v);
        case "status" -> p.setStatus(Procedure.ProcedureStatus.fromCode(string(v)));
        case "category" -> p.setCategory(concept(v));
        case "code" -> p.setCode(concept(v));
        case "subject" -> p.setSubject(reference(v));
        case "performedPeriod" -> p.setPerformed(period(v));
        case "performer" -> {
          for (JsonNode e : array(v)) {
            p.addPerformer(performer(e));
          }
        }
        case "note" -> {
          for (JsonNode n : array(v)) {
            p.addNote(note(n));
          }
        }
        default -> throw Fallback.INSTANCE;
      }
    }
    return p;
  }

  private static ProcedurePerformerComponent performer(JsonNode node) throws Fallback {
    ProcedurePerformerComponent c = new ProcedurePerformerComponent();
    for (Map.Entry<String, JsonNode> f : object(node).properties()) {
      if (!f.getKey().equals("actor")) {
        throw Fallback.INSTANCE;
      }
      c.setActor(reference(f.getValue()));
    }
    return c;
  }

  private static Annotation note(JsonNode node) throws Fallback {
    if (object(node).size() != 1 || !node.has("text")) {
      throw Fallback.INSTANCE;
    }
    return new Annotation().setText(string(node.get("text")));
  }

  private static Patient patient(ObjectNode node) throws Fallback {
    Patient r = new Patient();
    boolean deceased = false;
    for (Map.Entry<String, JsonNode> f : node.properties()) {
      JsonNode v = f.getValue();
      switch (f.getKey()) {
        case "resourceType" -> {}
        case "id" -> id(v);
        case "active" -> r.setActive(bool(v));
        case "identifier" -> {
          for (JsonNode i : array(v)) {
            r.addIdentifier(identifier(i));
          }
        }
        case "name" -> {
          for (JsonNode n : array(v)) {
            r.addName(name(n));
          }
        }
        case "gender" -> r.setGender(Enumerations.AdministrativeGender.fromCode(string(v)));
        case "birthDate" -> r.setBirthDateElement(new DateType(string(v)));
        case "deceasedDateTime" -> {
          deceased = once(deceased);
          r.setDeceased(dateTime(v));
        }
        case "deceasedBoolean" -> {
          deceased = once(deceased);
          r.setDeceased(new BooleanType(bool(v)));
        }
        default -> throw Fallback.INSTANCE;
      }
    }
    return r;
  }

  private static Condition condition(ObjectNode node) throws Fallback {
    Condition r = new Condition();
    for (Map.Entry<String, JsonNode> f : node.properties()) {
      JsonNode v = f.getValue();
      switch (f.getKey()) {
        case "resourceType" -> {}
        case "id" -> id(v);
        case "clinicalStatus" -> r.setClinicalStatus(concept(v));
        case "verificationStatus" -> r.setVerificationStatus(concept(v));
        case "category" -> {
          for (JsonNode c : array(v)) {
            r.addCategory(concept(c));
          }
        }
        case "code" -> r.setCode(concept(v));
        case "subject" -> r.setSubject(reference(v));
        case "encounter" -> r.setEncounter(reference(v));
        case "onsetDateTime" -> r.setOnset(dateTime(v));
        case "abatementDateTime" -> r.setAbatement(dateTime(v));
        case "recordedDate" -> r.setRecordedDateElement(dateTime(v));
        default -> throw Fallback.INSTANCE;
      }
    }
    return r;
  }

  private static Coverage coverage(ObjectNode node) throws Fallback {
    Coverage r = new Coverage();
    for (Map.Entry<String, JsonNode> f : node.properties()) {
      JsonNode v = f.getValue();
      switch (f.getKey()) {
        case "resourceType" -> {}
        case "id" -> id(v);
        case "status" -> r.setStatus(Coverage.CoverageStatus.fromCode(string(v)));
        case "type" -> r.setType(concept(v));
        case "subscriberId" -> r.setSubscriberId(string(v));
        case "beneficiary" -> r.setBeneficiary(reference(v));
        case "period" -> r.setPeriod(period(v));
        case "payor" -> {
          for (JsonNode p : array(v)) {
            r.addPayor(reference(p));
          }
        }
        case "class" -> {
          for (JsonNode c : array(v)) {
            r.addClass_(coverageClass(c));
          }
        }
        default -> throw Fallback.INSTANCE;
      }
    }
    return r;
  }

  private static Coverage.ClassComponent coverageClass(JsonNode node) throws Fallback {
    Coverage.ClassComponent c = new Coverage.ClassComponent();
    for (Map.Entry<String, JsonNode> f : object(node).properties()) {
      switch (f.getKey()) {
        case "type" -> c.setType(concept(f.getValue()));
        case "value" -> c.setValue(string(f.getValue()));
        case "name" -> c.setName(string(f.getValue()));
        default -> throw Fallback.INSTANCE;
      }
    }
    return c;
  }

  private static Consent consent(ObjectNode node) throws Fallback {
    Consent r = new Consent();
    for (Map.Entry<String, JsonNode> f : node.properties()) {
      JsonNode v = f.getValue();
      switch (f.getKey()) {
        case "resourceType" -> {}
        case "id" -> id(v);
        case "status" -> r.setStatus(Consent.ConsentState.fromCode(string(v)));
        case "scope" -> r.setScope(concept(v));
        case "category" -> {
          for (JsonNode c : array(v)) {
            r.addCategory(concept(c));
          }
        }
        case "patient" -> r.setPatient(reference(v));
        case "dateTime" -> r.setDateTimeElement(dateTime(v));
        case "performer" -> {
          for (JsonNode p : array(v)) {
            r.addPerformer(reference(p));
          }
        }
        case "provision" -> r.setProvision(provision(v));
        default -> throw Fallback.INSTANCE;
      }
    }
    return r;
  }

  /** A provision with a period and codes only (no nested provisions, no type). */
  private static Consent.ProvisionComponent provision(JsonNode node) throws Fallback {
    Consent.ProvisionComponent p = new Consent.ProvisionComponent();
    for (Map.Entry<String, JsonNode> f : object(node).properties()) {
      switch (f.getKey()) {
        case "period" -> p.setPeriod(period(f.getValue()));
        case "code" -> {
          for (JsonNode c : array(f.getValue())) {
            p.addCode(concept(c));
          }
        }
        default -> throw Fallback.INSTANCE;
      }
    }
    return p;
  }

  private static Encounter encounter(ObjectNode node) throws Fallback {
    Encounter r = new Encounter();
    for (Map.Entry<String, JsonNode> f : node.properties()) {
      JsonNode v = f.getValue();
      switch (f.getKey()) {
        case "resourceType" -> {}
        case "id" -> id(v);
        case "status" -> r.setStatus(Encounter.EncounterStatus.fromCode(string(v)));
        case "class" -> r.setClass_(coding(v));
        case "type" -> {
          for (JsonNode t : array(v)) {
            r.addType(concept(t));
          }
        }
        case "subject" -> r.setSubject(reference(v));
        case "participant" -> {
          for (JsonNode p : array(v)) {
            r.addParticipant(participant(p));
          }
        }
        case "period" -> r.setPeriod(period(v));
        default -> throw Fallback.INSTANCE;
      }
    }
    return r;
  }

  private static Encounter.EncounterParticipantComponent participant(JsonNode node)
      throws Fallback {
    Encounter.EncounterParticipantComponent c = new Encounter.EncounterParticipantComponent();
    for (Map.Entry<String, JsonNode> f : object(node).properties()) {
      if (!f.getKey().equals("individual")) {
        throw Fallback.INSTANCE;
      }
      c.setIndividual(reference(f.getValue()));
    }
    return c;
  }

  private static EpisodeOfCare episodeOfCare(ObjectNode node) throws Fallback {
    EpisodeOfCare r = new EpisodeOfCare();
    for (Map.Entry<String, JsonNode> f : node.properties()) {
      JsonNode v = f.getValue();
      switch (f.getKey()) {
        case "resourceType" -> {}
        case "id" -> id(v);
        case "status" -> r.setStatus(EpisodeOfCare.EpisodeOfCareStatus.fromCode(string(v)));
        case "type" -> {
          for (JsonNode t : array(v)) {
            r.addType(concept(t));
          }
        }
        case "patient" -> r.setPatient(reference(v));
        case "period" -> r.setPeriod(period(v));
        case "careManager" -> r.setCareManager(reference(v));
        default -> throw Fallback.INSTANCE;
      }
    }
    return r;
  }

  private static Device device(ObjectNode node) throws Fallback {
    Device r = new Device();
    for (Map.Entry<String, JsonNode> f : node.properties()) {
      JsonNode v = f.getValue();
      switch (f.getKey()) {
        case "resourceType" -> {}
        case "id" -> id(v);
        case "status" -> r.setStatus(Device.FHIRDeviceStatus.fromCode(string(v)));
        case "type" -> r.setType(concept(v));
        case "patient" -> r.setPatient(reference(v));
        default -> throw Fallback.INSTANCE;
      }
    }
    return r;
  }

  private static Practitioner practitioner(ObjectNode node) throws Fallback {
    Practitioner r = new Practitioner();
    for (Map.Entry<String, JsonNode> f : node.properties()) {
      JsonNode v = f.getValue();
      switch (f.getKey()) {
        case "resourceType" -> {}
        case "id" -> id(v);
        case "active" -> r.setActive(bool(v));
        case "identifier" -> {
          for (JsonNode i : array(v)) {
            r.addIdentifier(identifier(i));
          }
        }
        case "name" -> {
          for (JsonNode n : array(v)) {
            r.addName(name(n));
          }
        }
        case "gender" -> r.setGender(Enumerations.AdministrativeGender.fromCode(string(v)));
        case "qualification" -> {
          for (JsonNode q : array(v)) {
            r.addQualification(qualification(q));
          }
        }
        default -> throw Fallback.INSTANCE;
      }
    }
    return r;
  }

  private static Practitioner.PractitionerQualificationComponent qualification(JsonNode node)
      throws Fallback {
    Practitioner.PractitionerQualificationComponent c =
        new Practitioner.PractitionerQualificationComponent();
    for (Map.Entry<String, JsonNode> f : object(node).properties()) {
      if (!f.getKey().equals("code")) {
        throw Fallback.INSTANCE;
      }
      c.setCode(concept(f.getValue()));
    }
    return c;
  }

  private static PractitionerRole practitionerRole(ObjectNode node) throws Fallback {
    PractitionerRole r = new PractitionerRole();
    for (Map.Entry<String, JsonNode> f : node.properties()) {
      JsonNode v = f.getValue();
      switch (f.getKey()) {
        case "resourceType" -> {}
        case "id" -> id(v);
        case "active" -> r.setActive(bool(v));
        case "practitioner" -> r.setPractitioner(reference(v));
        case "code" -> {
          for (JsonNode c : array(v)) {
            r.addCode(concept(c));
          }
        }
        default -> throw Fallback.INSTANCE;
      }
    }
    return r;
  }

  // ---------------------------------------------------------------- data types

  /** FHIR's id: 1 to 64 letters, digits, '-' and '.' (checked without a regex: it is per line). */
  private static void id(JsonNode v) throws Fallback {
    String s = string(v);
    if (s.length() > 64) {
      throw Fallback.INSTANCE;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '.';
      if (!ok) {
        throw Fallback.INSTANCE;
      }
    }
  }

  /** A name: family, given, prefix and suffix, text and use. */
  private static HumanName name(JsonNode node) throws Fallback {
    HumanName n = new HumanName();
    for (Map.Entry<String, JsonNode> f : object(node).properties()) {
      JsonNode v = f.getValue();
      switch (f.getKey()) {
        case "use" -> n.setUse(HumanName.NameUse.fromCode(string(v)));
        case "text" -> n.setText(string(v));
        case "family" -> n.setFamily(string(v));
        case "given" -> {
          for (JsonNode g : array(v)) {
            n.addGiven(string(g));
          }
        }
        case "prefix" -> {
          for (JsonNode g : array(v)) {
            n.addPrefix(string(g));
          }
        }
        case "suffix" -> {
          for (JsonNode g : array(v)) {
            n.addSuffix(string(g));
          }
        }
        default -> throw Fallback.INSTANCE;
      }
    }
    return n;
  }

  private static Identifier identifier(JsonNode node) throws Fallback {
    Identifier id = new Identifier();
    for (Map.Entry<String, JsonNode> f : object(node).properties()) {
      switch (f.getKey()) {
        case "system" -> id.setSystem(string(f.getValue()));
        case "value" -> id.setValue(string(f.getValue()));
        default -> throw Fallback.INSTANCE;
      }
    }
    return id;
  }

  private static CodeableConcept concept(JsonNode node) throws Fallback {
    CodeableConcept cc = new CodeableConcept();
    for (Map.Entry<String, JsonNode> f : object(node).properties()) {
      switch (f.getKey()) {
        case "coding" -> {
          for (JsonNode c : array(f.getValue())) {
            cc.addCoding(coding(c));
          }
        }
        case "text" -> cc.setText(string(f.getValue()));
        default -> throw Fallback.INSTANCE;
      }
    }
    return cc;
  }

  private static Coding coding(JsonNode node) throws Fallback {
    Coding c = new Coding();
    for (Map.Entry<String, JsonNode> f : object(node).properties()) {
      switch (f.getKey()) {
        case "system" -> c.setSystem(string(f.getValue()));
        case "code" -> c.setCode(string(f.getValue()));
        case "display" -> c.setDisplay(string(f.getValue()));
        default -> throw Fallback.INSTANCE;
      }
    }
    return c;
  }

  private static Reference reference(JsonNode node) throws Fallback {
    Reference r = new Reference();
    for (Map.Entry<String, JsonNode> f : object(node).properties()) {
      switch (f.getKey()) {
        case "reference" -> {
          String ref = string(f.getValue());
          if (ref.startsWith("#")) {
            throw Fallback.INSTANCE;
          }
          r.setReference(ref);
        }
        case "display" -> r.setDisplay(string(f.getValue()));
        default -> throw Fallback.INSTANCE;
      }
    }
    return r;
  }

  private static Period period(JsonNode node) throws Fallback {
    Period p = new Period();
    for (Map.Entry<String, JsonNode> f : object(node).properties()) {
      switch (f.getKey()) {
        case "start" -> p.setStartElement(dateTime(f.getValue()));
        case "end" -> p.setEndElement(dateTime(f.getValue()));
        default -> throw Fallback.INSTANCE;
      }
    }
    return p;
  }

  /** A plain date or date-time keeps its text, unparsed ({@link TextDateTime}); else HAPI's. */
  private static DateTimeType dateTime(JsonNode v) throws Fallback {
    String s = string(v);
    return TextDateTime.plain(s) ? new TextDateTime(s) : new DateTimeType(s);
  }

  /**
   * A quantity with a value, unit, system and code. A decimal written with trailing zeros falls
   * back: how the JSON text's scale reaches HAPI's {@code DecimalType} is HAPI's business.
   */
  private static Quantity quantity(JsonNode node) throws Fallback {
    Quantity q = new Quantity();
    for (Map.Entry<String, JsonNode> f : object(node).properties()) {
      JsonNode v = f.getValue();
      switch (f.getKey()) {
        case "value" -> {
          if (!v.isIntegralNumber() && !v.isBigDecimal()) {
            throw Fallback.INSTANCE;
          }
          BigDecimal d = v.decimalValue();
          if (!v.isIntegralNumber()
              && (d.scale() <= 0 || d.unscaledValue().mod(BigInteger.TEN).signum() == 0)) {
            throw Fallback.INSTANCE;
          }
          q.setValue(d);
        }
        case "unit" -> q.setUnit(string(v));
        case "system" -> q.setSystem(string(v));
        case "code" -> q.setCode(string(v));
        default -> throw Fallback.INSTANCE;
      }
    }
    return q;
  }

  // ---------------------------------------------------------------- JSON shapes

  private static boolean bool(JsonNode v) throws Fallback {
    if (!v.isBoolean()) {
      throw Fallback.INSTANCE;
    }
    return v.booleanValue();
  }

  /** A choice element ({@code [x]}) given twice, in two types, is HAPI's business. */
  private static boolean once(boolean seen) throws Fallback {
    if (seen) {
      throw Fallback.INSTANCE;
    }
    return true;
  }

  /** A non-empty string without surrounding white space. */
  private static String string(JsonNode v) throws Fallback {
    if (!v.isTextual()) {
      throw Fallback.INSTANCE;
    }
    String s = v.textValue();
    if (s.isEmpty() || padding(s.charAt(0)) || padding(s.charAt(s.length() - 1))) {
      throw Fallback.INSTANCE;
    }
    return s;
  }

  /**
   * What HAPI may strip from either end of a value: white space, and what {@link String#trim()}
   * strips (every control character up to U+0020; HAPI trims codes that way).
   */
  private static boolean padding(char c) {
    return c <= ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  private static JsonNode array(JsonNode v) throws Fallback {
    if (!v.isArray() || v.isEmpty()) {
      throw Fallback.INSTANCE;
    }
    return v;
  }

  private static JsonNode object(JsonNode v) throws Fallback {
    if (!v.isObject() || v.isEmpty()) {
      throw Fallback.INSTANCE;
    }
    return v;
  }
}
