package org.ccmkit.fhir.r4.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ccmkit.core.model.Code;
import org.ccmkit.core.model.StaffRole;
import org.ccmkit.fhir.r4.MappingOptions;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.jspecify.annotations.Nullable;

/** Coding helpers that apply the options' system aliases and code lists. */
final class Codes {
  private final MappingOptions options;

  Codes(MappingOptions options) {
    this.options = options;
  }

  /** Returns the coding's system with aliases applied, or "" when it has none. */
  String system(Coding c) {
    if (!c.hasSystem()) {
      return "";
    }
    String s = c.getSystem().trim();
    return options.systemAliases().getOrDefault(s, s);
  }

  /** Returns the coding's code, trimmed, or "" when it has none. */
  static String code(Coding c) {
    return c.hasCode() ? c.getCode().trim() : "";
  }

  /** Returns the codings of {@code concepts} in {@code system} that have a code, in order. */
  List<String> codesIn(List<CodeableConcept> concepts, String system) {
    List<String> out = new ArrayList<>();
    for (CodeableConcept cc : concepts) {
      for (Coding c : cc.getCoding()) {
        if (system.equals(system(c)) && !code(c).isEmpty()) {
          out.add(code(c));
        }
      }
    }
    return out;
  }

  List<String> codesIn(@Nullable CodeableConcept concept, String system) {
    return concept == null ? List.of() : codesIn(List.of(concept), system);
  }

  /** Returns whether {@code concept} has a coding {@code system|code}. */
  boolean has(@Nullable CodeableConcept concept, String system, String code) {
    return codesIn(concept, system).contains(code);
  }

  /**
   * Returns the ccm-core code of a coding in {@code systems}, or empty. ICD-10-CM codes are
   * normalised (upper case, with the dot); a code that cannot be normalised gives empty.
   */
  Optional<Code> toCode(Coding c, List<String> systems) {
    String system = system(c);
    String code = code(c);
    if (code.isEmpty() || !systems.contains(system)) {
      return Optional.empty();
    }
    if (Code.ICD10CM.equals(system)) {
      String bare = code.replace(".", "");
      return bare.length() < 3 ? Optional.empty() : Optional.of(Code.icd10cm(code));
    }
    return Optional.of(Code.of(system, code));
  }

  /**
   * Returns the role the taxonomy codings of {@code concepts} give: the most qualified one found
   * (practitioner before clinical staff before other); OTHER when taxonomy codings are present but
   * none matches a prefix; empty when there is no taxonomy coding at all.
   */
  Optional<StaffRole> role(List<CodeableConcept> concepts) {
    List<String> codes = codesIn(concepts, options.taxonomySystem());
    if (codes.isEmpty()) {
      return Optional.empty();
    }
    StaffRole best = StaffRole.OTHER;
    for (String code : codes) {
      StaffRole r = roleOf(code);
      best = best(best, r);
    }
    return Optional.of(best);
  }

  private StaffRole roleOf(String code) {
    for (String p : options.practitionerTaxonomyPrefixes()) {
      if (code.startsWith(p)) {
        return StaffRole.PRACTITIONER;
      }
    }
    for (String p : options.clinicalStaffTaxonomyPrefixes()) {
      if (code.startsWith(p)) {
        return StaffRole.CLINICAL_STAFF;
      }
    }
    return StaffRole.OTHER;
  }

  /** Returns the more qualified of two roles. */
  static StaffRole best(StaffRole a, StaffRole b) {
    return rank(a) <= rank(b) ? a : b;
  }

  private static int rank(StaffRole r) {
    return switch (r) {
      case PRACTITIONER -> 0;
      case CLINICAL_STAFF -> 1;
      case OTHER -> 2;
    };
  }
}
