package org.ccmkit.fhir.r4.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ccmkit.core.model.Attestation;
import org.ccmkit.core.model.AttestationKind;
import org.ccmkit.core.model.Code;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.fhir.r4.MappedReading;
import org.ccmkit.fhir.r4.MappingIssueCode;
import org.ccmkit.fhir.r4.ReadingKind;
import org.ccmkit.fhir.r4.ReadingValue;
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
    List<ReadingValue> values = new ArrayList<>();
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
        values.add(value(Code.of(system, part), comp.getValueQuantity()));
      }
    } else {
      if (!r.hasValueQuantity() || !r.getValueQuantity().hasValue()) {
        return c.missing(item, "Observation.valueQuantity");
      }
      values.add(value(Code.of(system, code), r.getValueQuantity()));
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
            boolean transmitted = device != null;
            if (device != null && deviceRef.isEmpty()) {
              l.ledger.note(
                  item,
                  MappingIssueCode.REFERENCE_DROPPED,
                  "Observation.device",
                  "the device reference does not resolve; the reading still counts as transmitted");
            } else if (deviceRef.isPresent()
                && !deviceRef.get().resourceType().startsWith("Device")) {
              transmitted = false;
              l.ledger.note(
                  item,
                  MappingIssueCode.REFERENCE_DROPPED,
                  "Observation.device",
                  "Observation.device names a "
                      + deviceRef.get().resourceType()
                      + ", not a Device; the reading counts as manual");
              deviceRef = Optional.empty();
            }
            l.readings.add(
                MappedReading.builder()
                    .source(item.ref())
                    .patient(p.get())
                    .kind(kind)
                    .effective(effective)
                    .values(values)
                    .deviceTransmitted(transmitted)
                    .device(deviceRef)
                    .identifier(foundIdentifier)
                    .build());
            l.ledger.used(item);
          }
        });
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

  private static ReadingValue value(Code code, Quantity q) {
    BigDecimal v = q.getValue();
    Optional<String> unit =
        q.hasCode()
            ? Optional.of(q.getCode())
            : q.hasUnit() ? Optional.of(q.getUnit()) : Optional.empty();
    return ReadingValue.of(code, v, unit);
  }
}
