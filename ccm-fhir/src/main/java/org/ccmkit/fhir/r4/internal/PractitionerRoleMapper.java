package org.ccmkit.fhir.r4.internal;

import java.util.Optional;
import org.ccmkit.core.model.StaffRole;
import org.ccmkit.fhir.r4.MappingIssueCode;
import org.hl7.fhir.r4.model.PractitionerRole;

/**
 * PractitionerRole → the role of its practitioner ({@code code}, NUCC taxonomy), which must be a
 * Practitioner read (by reference or NPI identifier). An inactive role ({@code active} false) is
 * ignored.
 */
final class PractitionerRoleMapper implements ResourceMapper<PractitionerRole> {
  @Override
  public Class<PractitionerRole> type() {
    return PractitionerRole.class;
  }

  @Override
  public Optional<Pending> map(PractitionerRole r, Item item, MapContext c) {
    if (r.hasActive() && !r.getActive()) {
      return c.ignore(
          item,
          MappingIssueCode.STATUS_NOT_COUNTED,
          "PractitionerRole.active",
          "the role is not active");
    }
    RawRef practitioner = RawRef.of(r.getPractitioner());
    Optional<StaffRole> role = c.codes.role(r.getCode());
    return Optional.of(
        new Pending(item) {
          @Override
          int stage() {
            return ROLES;
          }

          @Override
          void link(Linker l) {
            l.addRole(item, practitioner, role);
          }
        });
  }
}
