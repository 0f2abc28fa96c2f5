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
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationComponentComponent;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Procedure.ProcedurePerformerComponent;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;

/**
 * The hot path of the high-volume types: builds the HAPI {@link Observation} or {@link Procedure}
 * the per-type mapper reads straight from the JSON tree the input reader already holds, instead of
 * having HAPI's parser walk the text again. It takes only the contract's plain shapes: a resource
 * with any element, JSON type or value it does not fully understand (an unknown or extension
 * element, {@code meta}, a narrative, a contained resource, an empty or padded string, an unknown
 * status code, a {@code #local} reference, an invalid date) returns null, and the engine parses
 * that resource with HAPI as before. Whatever it accepts is a resource HAPI's parser would read
 * without a complaint into the same values for every field the mappers read, so the mapping result
 * (records, counts, issues) is the same either way; {@code FastReaderEquivalenceTest} checks this.
 * Switched by {@link org.ccmkit.fhir.r4.MappingOptions#fastReader()}.
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
    return type.equals("Observation") || type.equals("Procedure");
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

  private static DateTimeType dateTime(JsonNode v) throws Fallback {
    return new DateTimeType(string(v));
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

  /** A non-empty string without surrounding white space. */
  private static String string(JsonNode v) throws Fallback {
    if (!v.isTextual()) {
      throw Fallback.INSTANCE;
    }
    String s = v.textValue();
    if (s.isEmpty()
        || Character.isWhitespace(s.charAt(0))
        || Character.isWhitespace(s.charAt(s.length() - 1))) {
      throw Fallback.INSTANCE;
    }
    return s;
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
