package org.ccmkit.fhir.r4.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ccmkit.core.model.StaffRole;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Practitioner;

/**
 * Practitioner → ccm-core Practitioner: id, the NPI identifier, and the role the taxonomy codes of
 * {@code qualification.code} give (combined with the person's PractitionerRoles in the second
 * pass).
 */
final class PractitionerMapper implements ResourceMapper<Practitioner> {
  @Override
  public Class<Practitioner> type() {
    return Practitioner.class;
  }

  @Override
  public Optional<Pending> map(Practitioner r, Item item, MapContext c) {
    Optional<String> npi = Optional.empty();
    for (Identifier id : r.getIdentifier()) {
      if (id.hasValue() && c.options.npiSystem().equals(id.getSystem())) {
        npi = Optional.of(id.getValue().trim());
        break;
      }
    }
    List<CodeableConcept> codes = new ArrayList<>();
    r.getQualification().forEach(q -> codes.add(q.getCode()));
    Optional<StaffRole> role = c.codes.role(codes);
    Optional<String> foundNpi = npi;
    return Optional.of(
        new Pending(item) {
          @Override
          int stage() {
            return PRACTITIONERS;
          }

          @Override
          void link(Linker l) {
            l.addPractitioner(item, foundNpi, role);
          }
        });
  }
}
