package org.ccmkit.fhir.r4.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.fhir.r4.MappingIssueCode;
import org.ccmkit.fhir.r4.MappingOptions;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.jspecify.annotations.Nullable;

/** What a per-resource mapper needs in the first pass: options, codes, zone and the ledger. */
final class MapContext {
  final MappingOptions options;
  final Codes codes;
  final ZoneId zone;
  final Ledger ledger;

  MapContext(MappingOptions options, Ledger ledger) {
    this.options = options;
    this.codes = new Codes(options);
    this.zone = options.zone();
    this.ledger = ledger;
  }

  /** Ignores the item; returns empty for the mapper to return. */
  Optional<Pending> ignore(Item item, MappingIssueCode code, @Nullable String path, String msg) {
    ledger.ignore(item, code, path, msg);
    return Optional.empty();
  }

  /** Rejects the item; returns empty for the mapper to return. */
  Optional<Pending> reject(Item item, MappingIssueCode code, @Nullable String path, String msg) {
    ledger.reject(item, code, path, msg);
    return Optional.empty();
  }

  Optional<Pending> missing(Item item, String path) {
    return reject(
        item, MappingIssueCode.MISSING_REQUIRED_FIELD, path, path + " is required but absent");
  }

  void note(Item item, MappingIssueCode code, @Nullable String path, String msg) {
    ledger.note(item, code, path, msg);
  }

  /** Reads a date or date-time, noting a missing UTC offset. */
  Optional<Times.Value> time(Item item, @Nullable BaseDateTimeType v, String path) {
    Optional<Times.Value> t = Times.read(v, zone);
    if (t.isPresent() && t.get().missingOffset) {
      note(
          item,
          MappingIssueCode.TIME_WITHOUT_OFFSET,
          path,
          path + " has a time but no UTC offset; read in the practice's zone " + zone.getId());
    }
    return t;
  }

  /** A period read as dates in the practice's zone. */
  static final class Days {
    final @Nullable LocalDate start;
    final @Nullable LocalDate end;

    Days(@Nullable LocalDate start, @Nullable LocalDate end) {
      this.start = start;
      this.end = end;
    }

    /** Returns whether the period ends before it starts. */
    boolean invalid() {
      return start != null && end != null && end.isBefore(start);
    }

    /**
     * Returns the closed range of days; empty without start and end; a period without a start
     * starts on {@link LocalDate#MIN}. Only for valid periods.
     */
    Optional<DateRange> range() {
      if (start == null && end == null) {
        return Optional.empty();
      }
      LocalDate s = start == null ? LocalDate.MIN : start;
      return Optional.of(end == null ? DateRange.startingOn(s) : DateRange.ofClosed(s, end));
    }
  }

  Days days(Item item, @Nullable Period p, String path) {
    if (p == null || p.isEmpty()) {
      return new Days(null, null);
    }
    LocalDate s = time(item, p.getStartElement(), path + ".start").map(t -> t.date).orElse(null);
    LocalDate e = time(item, p.getEndElement(), path + ".end").map(t -> t.date).orElse(null);
    return new Days(s, e);
  }

  /** Returns the references that name something, in order. */
  static List<RawRef> refs(List<Reference> references) {
    List<RawRef> out = new ArrayList<>();
    for (Reference r : references) {
      RawRef raw = RawRef.of(r);
      if (raw != null) {
        out.add(raw);
      }
    }
    return out;
  }

  /** Returns the notes' texts joined by blank lines, or empty. */
  static Optional<String> notes(List<Annotation> notes) {
    List<String> texts = new ArrayList<>();
    for (Annotation a : notes) {
      if (a.hasText()) {
        texts.add(a.getText());
      }
    }
    return texts.isEmpty() ? Optional.empty() : Optional.of(String.join("\n\n", texts));
  }

  /** Returns a status code as written, or null when absent. */
  static @Nullable String status(org.hl7.fhir.r4.model.PrimitiveType<?> status) {
    return status == null || !status.hasValue() ? null : status.getValueAsString();
  }

  /** The care-program codes found in some concepts. */
  static final class Programs {
    final TreeSet<CareProgram> known = new TreeSet<>();
    final List<String> unknown = new ArrayList<>();

    boolean none() {
      return known.isEmpty() && unknown.isEmpty();
    }
  }

  Programs programs(List<CodeableConcept> concepts) {
    Programs p = new Programs();
    for (String code : codes.codesIn(concepts, options.careProgramSystem())) {
      CareProgram program = options.careProgramCodes().get(code);
      if (program == null) {
        p.unknown.add(code);
      } else {
        p.known.add(program);
      }
    }
    return p;
  }

  /**
   * Settles what the care-program codes decide: none = ignored (not care-management data); only
   * unknown codes = rejected; some unknown = noted. Returns empty when the item is settled.
   */
  Optional<Programs> requirePrograms(Item item, List<CodeableConcept> concepts, String path) {
    Programs p = programs(concepts);
    if (p.none()) {
      ledger.ignore(
          item,
          MappingIssueCode.NO_CARE_PROGRAM,
          path,
          "no code from " + options.careProgramSystem());
      return Optional.empty();
    }
    if (p.known.isEmpty()) {
      ledger.reject(
          item,
          MappingIssueCode.UNKNOWN_CODE,
          path,
          "care-program code(s) " + p.unknown + " are not in the options' care-program codes");
      return Optional.empty();
    }
    if (!p.unknown.isEmpty()) {
      note(
          item,
          MappingIssueCode.VALUE_DROPPED,
          path,
          "unknown care-program code(s) " + p.unknown + " left out");
    }
    return Optional.of(p);
  }
}
