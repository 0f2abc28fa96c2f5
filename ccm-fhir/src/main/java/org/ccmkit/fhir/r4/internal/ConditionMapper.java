package org.ccmkit.fhir.r4.internal;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import org.ccmkit.core.model.ClinicalStatus;
import org.ccmkit.core.model.Code;
import org.ccmkit.core.model.ConditionRecord;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.model.VerificationStatus;
import org.ccmkit.fhir.r4.MappingIssueCode;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.jspecify.annotations.Nullable;

/**
 * Condition → ConditionRecord: {@code subject}, the codings of {@code code} in the configured
 * systems (ICD-10-CM normalised with its dot), {@code clinicalStatus}, {@code verificationStatus}
 * ({@code entered-in-error} is ignored), {@code onset[x]} and {@code abatement[x]} as dates.
 */
final class ConditionMapper implements ResourceMapper<Condition> {
  @Override
  public Class<Condition> type() {
    return Condition.class;
  }

  @Override
  public Optional<Pending> map(Condition r, Item item, MapContext c) {
    String verification = first(r.getVerificationStatus());
    if ("entered-in-error".equals(verification)) {
      return c.ignore(
          item,
          MappingIssueCode.ENTERED_IN_ERROR,
          "Condition.verificationStatus",
          "verificationStatus is entered-in-error");
    }
    RawRef subject = RawRef.of(r.getSubject());
    if (subject == null) {
      return c.missing(item, "Condition.subject");
    }
    if (!r.hasCode()) {
      return c.missing(item, "Condition.code");
    }
    TreeSet<Code> codes = new TreeSet<>();
    for (Coding coding : r.getCode().getCoding()) {
      Optional<Code> code = c.codes.toCode(coding, c.options.conditionCodeSystems());
      if (code.isPresent()) {
        codes.add(code.get());
      } else if (Code.ICD10CM.equals(c.codes.system(coding))) {
        c.note(
            item,
            MappingIssueCode.VALUE_DROPPED,
            "Condition.code",
            "an ICD-10-CM coding without a usable code (3 or more characters) was left out");
      }
    }
    if (codes.isEmpty()) {
      return c.ignore(
          item,
          MappingIssueCode.UNSUPPORTED_CODE,
          "Condition.code",
          "no coding in " + String.join(" or ", c.options.conditionCodeSystems()));
    }
    ClinicalStatus clinical = clinical(first(r.getClinicalStatus()), item, c);
    VerificationStatus verified = verification(verification, item, c);
    LocalDate onset = null;
    if (r.hasOnsetDateTimeType()) {
      onset =
          c.time(item, r.getOnsetDateTimeType(), "Condition.onsetDateTime")
              .map(t -> t.date)
              .orElse(null);
    } else if (r.hasOnsetPeriod()) {
      onset = c.days(item, r.getOnsetPeriod(), "Condition.onsetPeriod").start;
    }
    LocalDate abatement = null;
    boolean abatedWithoutDate = false;
    if (r.hasAbatementDateTimeType()) {
      abatement =
          c.time(item, r.getAbatementDateTimeType(), "Condition.abatementDateTime")
              .map(t -> t.date)
              .orElse(null);
      abatedWithoutDate = abatement == null;
    } else if (r.hasAbatementPeriod()) {
      MapContext.Days d = c.days(item, r.getAbatementPeriod(), "Condition.abatementPeriod");
      abatement = d.start != null ? d.start : d.end;
      abatedWithoutDate = abatement == null;
    } else if (r.hasAbatement()) {
      abatedWithoutDate = true; // Age, Range or string: abated, date unknown
    }
    Optional<LocalDate> onsetDate = Optional.ofNullable(onset);
    Optional<LocalDate> abatementDate = Optional.ofNullable(abatement);
    boolean abatedNoDate = abatedWithoutDate;
    return Optional.of(
        new Pending(item) {
          @Override
          int stage() {
            return OTHERS;
          }

          @Override
          void link(Linker l) {
            Optional<PatientRef> p = l.patient(item, subject, "Condition.subject");
            if (p.isEmpty()) {
              return;
            }
            ConditionRecord record =
                ConditionRecord.builder()
                    .source(item.ref())
                    .patient(p.get())
                    .codes(codes)
                    .clinicalStatus(clinical)
                    .verificationStatus(verified)
                    .onset(onsetDate)
                    .abatement(abatementDate)
                    .abatedWithoutDate(abatedNoDate)
                    .build();
            l.bucket(p.get()).conditions.add(record);
            l.ledger.used(item);
          }
        });
  }

  private static @Nullable String first(CodeableConcept cc) {
    for (Coding coding : cc.getCoding()) {
      String code = Codes.code(coding);
      if (!code.isEmpty()) {
        return code;
      }
    }
    return null;
  }

  private static ClinicalStatus clinical(@Nullable String code, Item item, MapContext c) {
    if (code == null) {
      return ClinicalStatus.UNKNOWN;
    }
    return switch (code) {
      case "active" -> ClinicalStatus.ACTIVE;
      case "recurrence" -> ClinicalStatus.RECURRENCE;
      case "relapse" -> ClinicalStatus.RELAPSE;
      case "inactive" -> ClinicalStatus.INACTIVE;
      case "remission" -> ClinicalStatus.REMISSION;
      case "resolved" -> ClinicalStatus.RESOLVED;
      default -> {
        c.note(
            item,
            MappingIssueCode.VALUE_DROPPED,
            "Condition.clinicalStatus",
            "unknown clinicalStatus code; read as UNKNOWN");
        yield ClinicalStatus.UNKNOWN;
      }
    };
  }

  private static VerificationStatus verification(@Nullable String code, Item item, MapContext c) {
    if (code == null) {
      return VerificationStatus.UNKNOWN;
    }
    return switch (code) {
      case "unconfirmed", "provisional", "differential", "confirmed", "refuted" ->
          VerificationStatus.valueOf(code.toUpperCase(Locale.ROOT));
      default -> {
        c.note(
            item,
            MappingIssueCode.VALUE_DROPPED,
            "Condition.verificationStatus",
            "unknown verificationStatus code; read as UNKNOWN");
        yield VerificationStatus.UNKNOWN;
      }
    };
  }
}
