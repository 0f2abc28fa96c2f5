package org.ccmkit.fhir.r4.internal;

import java.util.Optional;
import java.util.TreeSet;
import org.ccmkit.core.model.Code;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.fhir.r4.MappedDevice;
import org.ccmkit.fhir.r4.MappingIssueCode;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Device;

/** Device → MappedDevice: {@code id}, the codings of {@code type}, {@code patient} (optional). */
final class DeviceMapper implements ResourceMapper<Device> {
  @Override
  public Class<Device> type() {
    return Device.class;
  }

  @Override
  public Optional<Pending> map(Device r, Item item, MapContext c) {
    String status = MapContext.status(r.getStatusElement());
    if ("entered-in-error".equals(status)) {
      return c.ignore(
          item, MappingIssueCode.ENTERED_IN_ERROR, "Device.status", "status is entered-in-error");
    }
    TreeSet<Code> types = new TreeSet<>();
    for (Coding coding : r.getType().getCoding()) {
      String system = c.codes.system(coding);
      String code = Codes.code(coding);
      if (!system.isEmpty() && !code.isEmpty()) {
        types.add(Code.of(system, code));
      }
    }
    RawRef patient = RawRef.of(r.getPatient());
    return Optional.of(
        new Pending(item) {
          @Override
          int stage() {
            return OTHERS;
          }

          @Override
          void link(Linker l) {
            Optional<PatientRef> owner = Optional.empty();
            if (patient != null) {
              Optional<SourceRef> t = l.resolve(patient);
              if (t.isPresent()
                  && "Patient".equals(t.get().resourceType())
                  && l.hasPatient(t.get())) {
                owner = Optional.of(PatientRef.of(t.get().id()));
              } else {
                l.ledger.note(
                    item,
                    MappingIssueCode.REFERENCE_DROPPED,
                    "Device.patient",
                    "Device.patient does not name a Patient that was read; left out");
              }
            }
            l.devices.add(
                MappedDevice.builder().source(item.ref()).patient(owner).types(types).build());
            l.ledger.used(item);
          }
        });
  }
}
