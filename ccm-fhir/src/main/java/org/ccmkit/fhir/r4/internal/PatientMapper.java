package org.ccmkit.fhir.r4.internal;

import java.util.Optional;
import org.ccmkit.core.model.ImmutablePatient;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.fhir.r4.MappingIssueCode;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;

/**
 * Patient → ccm-core Patient: id, birthDate, deceased[x] (a date-time gives the date of death in
 * the practice's zone; {@code true} gives deceased without a date), the MBI identifier.
 */
final class PatientMapper implements ResourceMapper<Patient> {
  @Override
  public Class<Patient> type() {
    return Patient.class;
  }

  @Override
  public Optional<Pending> map(Patient r, Item item, MapContext c) {
    ImmutablePatient.Builder b =
        org.ccmkit.core.model.Patient.builder()
            .ref(PatientRef.of(item.ref().id()))
            .source(item.ref());
    if (r.hasBirthDateElement()) {
      c.time(item, r.getBirthDateElement(), "Patient.birthDate")
          .ifPresent(t -> b.birthDate(t.date));
    }
    if (r.hasDeceasedDateTimeType()) {
      Optional<Times.Value> death =
          c.time(item, r.getDeceasedDateTimeType(), "Patient.deceasedDateTime");
      if (death.isPresent()) {
        b.deathDate(death.get().date);
      } else {
        c.note(
            item,
            MappingIssueCode.VALUE_DROPPED,
            "Patient.deceasedDateTime",
            "deceasedDateTime has no usable value; the patient is taken as deceased without a date");
      }
      b.deceased(true);
    } else if (r.hasDeceasedBooleanType() && r.getDeceasedBooleanType().booleanValue()) {
      b.deceased(true);
    }
    for (Identifier id : r.getIdentifier()) {
      if (id.hasValue() && c.options.mbiSystem().equals(id.getSystem())) {
        b.mbi(id.getValue().trim());
        break;
      }
    }
    org.ccmkit.core.model.Patient patient = b.build();
    return Optional.of(
        new Pending(item) {
          @Override
          int stage() {
            return PATIENTS;
          }

          @Override
          void link(Linker l) {
            l.addPatient(item, patient);
          }
        });
  }
}
