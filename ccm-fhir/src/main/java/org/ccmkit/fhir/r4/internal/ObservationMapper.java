package org.ccmkit.fhir.r4.internal;

import com.google.common.hash.Hashing;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.ccmkit.core.model.Attestation;
import org.ccmkit.core.model.AttestationKind;
import org.ccmkit.core.model.Code;
import org.ccmkit.core.model.Measurement;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.model.Reading;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.fhir.r4.MappingIssueCode;
import org.ccmkit.fhir.r4.MappingOptions;
import org.ccmkit.fhir.r4.ReadingKind;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationComponentComponent;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Type;
import org.jspecify.annotations.Nullable;

/**
 * Observation → an Attestation (a care-attestation {@code code}) or an RPM reading (a reading LOINC
 * {@code code}); any other Observation is ignored. Attestations: {@code status} final, {@code
 * subject}, {@code effective[x]} (its date), {@code performer} = the billing practitioner, {@code
 * valueBoolean}. Readings: {@code status} final, amended or corrected, {@code subject}, {@code
 * effective[x]} (its instant), {@code valueQuantity} or the systolic and diastolic {@code
 * component}s, {@code device} (transmitted when present), the first {@code identifier}.
 */
final class ObservationMapper implements ResourceMapper<Observation> {
  @Override
  public Class<Observation> type() {
    return Observation.class;
  }

  @Override
  public Optional<Pending> map(Observation r, Item item, MapContext c) {
    String status = MapContext.status(r.getStatusElement());
    if ("entered-in-error".equals(status)) {
      return c.ignore(
          item,
          MappingIssueCode.ENTERED_IN_ERROR,
          "Observation.status",
          "status is entered-in-error");
    }
    List<String> attestation = c.codes.codesIn(r.getCode(), c.options.attestationSystem());
    if (!attestation.isEmpty()) {
      return attestation(r, item, c, status, attestation.get(0));
    }
    for (String code : c.codes.codesIn(r.getCode(), c.options.readingSystem())) {
      ReadingKind kind = c.options.readingCodes().get(code);
      if (kind != null) {
        return reading(r, item, c, status, code, kind);
      }
    }
    return c.ignore(
        item,
        MappingIssueCode.UNSUPPORTED_CODE,
        "Observation.code",
        "neither an attestation code nor a reading code of the options");
  }

  private static @Nullable Type effective(Observation r) {
    if (r.hasEffectiveDateTimeType()) {
      return r.getEffectiveDateTimeType();
    }
    if (r.hasEffectiveInstantType()) {
      return r.getEffectiveInstantType();
    }
    if (r.hasEffectivePeriod() && r.getEffectivePeriod().hasStart()) {
      return r.getEffectivePeriod().getStartElement();
    }
    return null;
  }

  private static Optional<Times.Value> effectiveTime(Observation r, Item item, MapContext c) {
    Type t = effective(r);
    return t instanceof org.hl7.fhir.r4.model.BaseDateTimeType dt
        ? c.time(item, dt, "Observation.effective")
        : Optional.empty();
  }

  // ---------------------------------------------------------------- attestations

  private static Optional<Pending> attestation(
      Observation r, Item item, MapContext c, @Nullable String status, String code) {
    AttestationKind kind = c.options.attestationCodes().get(code);
    if (kind == null) {
      return c.reject(
          item,
          MappingIssueCode.UNKNOWN_CODE,
          "Observation.code",
          "attestation code " + code + " is not in the options' attestation codes");
    }
    if (status == null || !c.options.attestationStatuses().contains(status)) {
      return c.ignore(
          item,
          MappingIssueCode.STATUS_NOT_COUNTED,
          "Observation.status",
          "an attestation counts only with status " + c.options.attestationStatuses());
    }
    RawRef subject = RawRef.of(r.getSubject());
    if (subject == null) {
      return c.missing(item, "Observation.subject");
    }
    Optional<Times.Value> when = effectiveTime(r, item, c);
    if (when.isEmpty()) {
      return c.missing(item, "Observation.effective");
    }
    if (!r.hasValue()) {
      return c.missing(item, "Observation.valueBoolean");
    }
    if (!r.hasValueBooleanType()) {
      return c.reject(
          item,
          MappingIssueCode.INVALID_VALUE,
          "Observation.value[x]",
          "an attestation's value is a boolean (valueBoolean)");
    }
    boolean value = r.getValueBooleanType().booleanValue();
    List<RawRef> performers = MapContext.refs(r.getPerformer());
    LocalDate date = when.get().date;
    return Optional.of(
        new Pending(item) {
          @Override
          int stage() {
            return OTHERS;
          }

          @Override
          void link(Linker l) {
            Optional<PatientRef> p = l.patient(item, subject, "Observation.subject");
            if (p.isEmpty()) {
              return;
            }
            Optional<Linker.Person> who = l.person(item, performers, "Observation.performer", true);
            if (who.isEmpty()) {
              return;
            }
            Attestation a =
                Attestation.builder()
                    .source(item.ref())
                    .patient(p.get())
                    .kind(kind)
                    .practitioner(who.get().ref)
                    .date(date)
                    .value(value)
                    .build();
            l.bucket(p.get()).attestations.add(a);
            l.ledger.used(item);
          }
        });
  }

  // ---------------------------------------------------------------- readings

  private static Optional<Pending> reading(
      Observation r,
      Item item,
      MapContext c,
      @Nullable String status,
      String code,
      ReadingKind kind) {
    if (status == null || !c.options.readingStatuses().contains(status)) {
      return c.ignore(
          item,
          MappingIssueCode.STATUS_NOT_COUNTED,
          "Observation.status",
          "a reading counts only with status " + c.options.readingStatuses());
    }
    RawRef subject = RawRef.of(r.getSubject());
    if (subject == null) {
      return c.missing(item, "Observation.subject");
    }
    Optional<Times.Value> when = effectiveTime(r, item, c);
    if (when.isEmpty()) {
      return c.missing(item, "Observation.effective");
    }
    String system = c.options.readingSystem();
    Map<String, Measurement> values = new TreeMap<>();
    if (r.hasDataAbsentReason()) {
      return c.ignore(
          item,
          MappingIssueCode.OUT_OF_SCOPE,
          "Observation.dataAbsentReason",
          "the value is absent (dataAbsentReason): no reading");
    }
    if (kind == ReadingKind.BLOOD_PRESSURE) {
      for (String part : List.of(c.options.systolicCode(), c.options.diastolicCode())) {
        ObservationComponentComponent comp = component(r, c, part);
        if (comp != null && comp.hasDataAbsentReason()) {
          return c.ignore(
              item,
              MappingIssueCode.OUT_OF_SCOPE,
              "Observation.component.dataAbsentReason",
              "the " + part + " value is absent (dataAbsentReason): no reading");
        }
        if (comp == null || !comp.hasValueQuantity() || !comp.getValueQuantity().hasValue()) {
          return c.reject(
              item,
              MappingIssueCode.MISSING_REQUIRED_FIELD,
              "Observation.component.valueQuantity",
              "the component " + part + " with a valueQuantity is required but absent");
        }
        Optional<Measurement> m = measurement(comp.getValueQuantity());
        if (m.isEmpty()) {
          return c.missing(item, "Observation.component.valueQuantity.code");
        }
        values.put(part, m.get());
      }
    } else {
      if (!r.hasValueQuantity() || !r.getValueQuantity().hasValue()) {
        return c.missing(item, "Observation.valueQuantity");
      }
      Optional<Measurement> m = measurement(r.getValueQuantity());
      if (m.isEmpty()) {
        return c.missing(item, "Observation.valueQuantity.code");
      }
      values.put(code, m.get());
    }
    String[] implausible = implausible(kind, values, c);
    if (implausible != null) {
      return c.reject(item, MappingIssueCode.INVALID_VALUE, implausible[0], implausible[1]);
    }
    if (c.options.notAfter().isPresent()
        && when.get().instant.isAfter(c.options.notAfter().get())) {
      return c.ignore(
          item,
          MappingIssueCode.OUT_OF_SCOPE,
          "Observation.effective",
          "the reading was taken after the run's as-of time (MappingOptions.notAfter)");
    }
    RawRef device = RawRef.of(r.getDevice());
    String identifier = null;
    for (Identifier id : r.getIdentifier()) {
      if (id.hasValue()) {
        identifier = (id.hasSystem() ? id.getSystem() : "") + "|" + id.getValue();
        break;
      }
    }
    Instant effective = when.get().instant;
    Optional<String> foundIdentifier = Optional.ofNullable(identifier);
    Code readingCode = Code.of(system, code);
    return Optional.of(
        new Pending(item) {
          @Override
          int stage() {
            return OTHERS;
          }

          @Override
          void link(Linker l) {
            Optional<PatientRef> p = l.patient(item, subject, "Observation.subject");
            if (p.isEmpty()) {
              return;
            }
            if (foundIdentifier.isPresent() && !l.firstReading(p.get(), foundIdentifier.get())) {
              l.ledger.ignore(
                  item,
                  MappingIssueCode.DUPLICATE_IDENTIFIER,
                  "Observation.identifier",
                  "a reading of this patient with the same identifier was already read");
              return;
            }
            Optional<SourceRef> deviceRef = l.resolve(device);
            if (device != null && deviceRef.isEmpty()) {
              deviceRef = Optional.of(unresolvedDevice(device));
              l.ledger.note(
                  item,
                  MappingIssueCode.REFERENCE_DROPPED,
                  "Observation.device",
                  "the device reference does not resolve; the reading still counts as transmitted"
                      + " (device "
                      + deviceRef.get()
                      + ")");
            } else if (deviceRef.isPresent()
                && !deviceRef.get().resourceType().startsWith("Device")) {
              l.ledger.note(
                  item,
                  MappingIssueCode.REFERENCE_DROPPED,
                  "Observation.device",
                  "Observation.device names a "
                      + deviceRef.get().resourceType()
                      + ", not a Device; the reading counts as manual");
              deviceRef = Optional.empty();
            }
            l.bucket(p.get())
                .readings
                .add(
                    Reading.builder()
                        .source(item.ref())
                        .patient(p.get())
                        .code(readingCode)
                        .effective(effective)
                        .values(values)
                        .device(deviceRef)
                        .identifier(foundIdentifier)
                        .build());
            l.ledger.used(item);
          }
        });
  }

  /**
   * The Device an unresolvable reference names: {@code Device/<id>} when the text says so, else
   * {@code Device/unresolved-<hash>} (a hash of the reference, so no identifier value shows).
   */
  private static SourceRef unresolvedDevice(RawRef device) {
    if (device.reference != null) {
      String[] seg = RawRef.stripHistory(device.reference.trim()).split("/", -1);
      if (seg.length >= 2
          && seg[seg.length - 2].equals("Device")
          && !seg[seg.length - 1].isBlank()) {
        return SourceRef.of("Device", seg[seg.length - 1]);
      }
    }
    String key =
        String.valueOf(device.reference)
            + "|"
            + device.identifierSystem
            + "|"
            + device.identifierValue;
    return SourceRef.of(
        "Device", "unresolved-" + Hashing.murmur3_128().hashString(key, StandardCharsets.UTF_8));
  }

  private static @Nullable ObservationComponentComponent component(
      Observation r, MapContext c, String code) {
    for (ObservationComponentComponent comp : r.getComponent()) {
      if (c.codes.has(comp.getCode(), c.options.readingSystem(), code)) {
        return comp;
      }
    }
    return null;
  }

  /**
   * Returns the path and message that reject a reading whose unit is not one {@link
   * MappingOptions#readingLimits()} accepts for its kind, or whose value is not above zero or is
   * above the largest plausible value; null when the reading passes.
   */
  private static String @Nullable [] implausible(
      ReadingKind kind, Map<String, Measurement> values, MapContext c) {
    for (Map.Entry<String, Measurement> e : values.entrySet()) {
      Map<String, BigDecimal> limits = c.options.readingLimits().get(e.getKey());
      if (limits == null) {
        continue;
      }
      Measurement m = e.getValue();
      BigDecimal max = limits.get(m.unit().trim().toLowerCase(Locale.ROOT));
      if (max == null) {
        return new String[] {
          "Observation.valueQuantity.code",
          "the unit is not one accepted for " + e.getKey() + " (" + kind + ") " + limits.keySet()
        };
      }
      if (m.value().signum() <= 0 || m.value().compareTo(max) > 0) {
        return new String[] {
          "Observation.valueQuantity.value",
          "a "
              + e.getKey()
              + " ("
              + kind
              + ") value must be above 0 and at most "
              + max.toPlainString()
              + " "
              + m.unit()
        };
      }
    }
    return null;
  }

  /** The measurement of a quantity: its value and its UCUM code, else its unit text. */
  private static Optional<Measurement> measurement(Quantity q) {
    String unit =
        q.hasCode() && !q.getCode().isBlank()
            ? q.getCode()
            : q.hasUnit() && !q.getUnit().isBlank() ? q.getUnit() : null;
    return unit == null ? Optional.empty() : Optional.of(Measurement.of(q.getValue(), unit));
  }
}
