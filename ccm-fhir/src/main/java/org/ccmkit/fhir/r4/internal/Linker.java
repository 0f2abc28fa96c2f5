package org.ccmkit.fhir.r4.internal;

import com.google.common.collect.ImmutableList;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.ccmkit.billing.PriorClaim;
import org.ccmkit.core.model.Attestation;
import org.ccmkit.core.model.CarePlanRecord;
import org.ccmkit.core.model.ConditionRecord;
import org.ccmkit.core.model.Consent;
import org.ccmkit.core.model.Coverage;
import org.ccmkit.core.model.CoverageKind;
import org.ccmkit.core.model.Enrollment;
import org.ccmkit.core.model.Patient;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.model.Practitioner;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.model.Reading;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.core.model.StaffRole;
import org.ccmkit.core.model.TimeEntry;
import org.ccmkit.core.model.Visit;
import org.ccmkit.fhir.r4.DeductibleStatus;
import org.ccmkit.fhir.r4.MappedDevice;
import org.ccmkit.fhir.r4.MappingIssueCode;
import org.ccmkit.fhir.r4.MappingOptions;
import org.jspecify.annotations.Nullable;

/**
 * The second pass: resolves references against everything read (fullUrl, {@code Type/id}, absolute
 * URLs ending in {@code Type/id}, NPI identifiers) and collects the ccm-core values per patient.
 */
final class Linker {
  final MappingOptions options;
  final Codes codes;
  final Ledger ledger;
  final ZoneId zone;

  private final Map<String, String> fullUrls;
  private final Set<String> resourceTypes;
  private final Map<String, PersonInfo> people = new HashMap<>();
  private final Map<String, String> practitionerByNpi = new HashMap<>();
  private final Map<String, RoleInfo> roles = new HashMap<>();
  private final Map<String, Patient> patients = new HashMap<>();
  private final Map<String, CoverageKind> coverageKinds = new HashMap<>();
  private final Map<PatientRef, Bucket> buckets = new TreeMap<>();
  private final Set<String> readingIdentifiers = new HashSet<>();
  private boolean peopleFinished;

  final List<MappedDevice> devices = new ArrayList<>();
  final List<PriorClaim> priorClaims = new ArrayList<>();
  final List<DeductibleStatus> deductibles = new ArrayList<>();

  /** A person as a reference resolves: who, in which role, and whether their resource was read. */
  static final class Person {
    final PractitionerRef ref;
    final StaffRole role;
    final boolean known;
    final Optional<String> npi;

    Person(PractitionerRef ref, StaffRole role, boolean known, Optional<String> npi) {
      this.ref = ref;
      this.role = role;
      this.known = known;
      this.npi = npi;
    }
  }

  static final class PersonInfo {
    final SourceRef source;
    final Optional<String> npi;
    final Optional<StaffRole> qualification;
    final List<StaffRole> roles = new ArrayList<>();
    StaffRole best = StaffRole.OTHER;

    PersonInfo(SourceRef source, Optional<String> npi, Optional<StaffRole> qualification) {
      this.source = source;
      this.npi = npi;
      this.qualification = qualification;
    }
  }

  static final class RoleInfo {
    final String practitionerId;
    final Optional<StaffRole> role;

    RoleInfo(String practitionerId, Optional<StaffRole> role) {
      this.practitionerId = practitionerId;
      this.role = role;
    }
  }

  static final class Bucket {
    final List<ConditionRecord> conditions = new ArrayList<>();
    final List<Enrollment> enrollments = new ArrayList<>();
    final List<Consent> consents = new ArrayList<>();
    final List<TimeEntry> timeEntries = new ArrayList<>();
    final List<Attestation> attestations = new ArrayList<>();
    final List<Coverage> coverages = new ArrayList<>();
    final List<Visit> visits = new ArrayList<>();
    final List<Reading> readings = new ArrayList<>();
    final List<CarePlanRecord> carePlans = new ArrayList<>();
  }

  Linker(
      MappingOptions options,
      Ledger ledger,
      Map<String, String> fullUrls,
      Set<String> resourceTypes) {
    this.options = options;
    this.codes = new Codes(options);
    this.ledger = ledger;
    this.zone = options.zone();
    this.fullUrls = fullUrls;
    this.resourceTypes = resourceTypes;
  }

  /** Every resource kept in the first pass, by {@code Type/id}, for care-plan parts. */
  private Map<String, Pending> pendings = Map.of();

  /** Gives the linker the resources kept in the first pass. */
  void pendings(Map<String, Pending> byKey) {
    this.pendings = byKey;
  }

  /** The Goal or CareTeam a reference resolves to, when it was read and kept. */
  Optional<CarePlanParts.Part> part(RawRef r) {
    return resolve(r)
        .map(s -> pendings.get(s.resourceType() + "/" + s.id()))
        .filter(CarePlanParts.Part.class::isInstance)
        .map(CarePlanParts.Part.class::cast);
  }

  // ---------------------------------------------------------------- resolution

  /**
   * Resolves a reference to {@code Type/id}: a bundle fullUrl (urn:uuid:, urn:oid:, absolute URL),
   * a relative {@code Type/id} or an absolute URL ending in {@code Type/id} (a {@code _history}
   * suffix is dropped), or an NPI identifier of a Practitioner read. Contained ({@code #id})
   * references and unknown URNs do not resolve.
   */
  Optional<SourceRef> resolve(@Nullable RawRef r) {
    if (r == null) {
      return Optional.empty();
    }
    if (r.reference != null && !r.reference.isBlank()) {
      String ref = r.reference.trim();
      if (ref.startsWith("#")) {
        return Optional.empty();
      }
      String known = fullUrls.get(ref);
      if (known != null) {
        return Optional.of(SourceRef.parse(known));
      }
      if (ref.startsWith("urn:")) {
        return Optional.empty();
      }
      String[] seg = RawRef.stripHistory(ref).split("/", -1);
      if (seg.length >= 2) {
        String type = seg[seg.length - 2];
        String id = seg[seg.length - 1];
        if (resourceTypes.contains(type) && !id.isBlank()) {
          return Optional.of(SourceRef.of(type, id));
        }
      }
      return Optional.empty();
    }
    if (r.identifierValue != null
        && options.npiSystem().equals(r.identifierSystem)
        && (r.type == null || "Practitioner".equals(r.type))) {
      String id = practitionerByNpi.get(r.identifierValue.trim());
      if (id != null) {
        return Optional.of(SourceRef.of("Practitioner", id));
      }
    }
    return Optional.empty();
  }

  /**
   * Resolves the patient a resource belongs to. Rejects the item (and returns empty) when the
   * reference is absent, does not resolve, is not a Patient, or names a Patient that was not read
   * and used.
   */
  Optional<PatientRef> patient(Item item, @Nullable RawRef r, String path) {
    if (r == null) {
      ledger.reject(
          item, MappingIssueCode.MISSING_REQUIRED_FIELD, path, path + " is required but absent");
      return Optional.empty();
    }
    Optional<SourceRef> target = resolve(r);
    if (target.isEmpty()) {
      ledger.reject(
          item,
          MappingIssueCode.UNRESOLVED_REFERENCE,
          path,
          path + " does not resolve (" + describe(r) + ")");
      return Optional.empty();
    }
    SourceRef t = target.get();
    if (!"Patient".equals(t.resourceType())) {
      ledger.reject(
          item,
          MappingIssueCode.INVALID_VALUE,
          path,
          path + " must reference a Patient, found a reference to " + t.resourceType());
      return Optional.empty();
    }
    Patient p = patients.get(t.id());
    if (p == null) {
      ledger.reject(
          item,
          MappingIssueCode.UNRESOLVED_REFERENCE,
          path,
          path + " names " + t + ", which was not read or not used");
      return Optional.empty();
    }
    return Optional.of(p.ref());
  }

  /**
   * Resolves the first reference in {@code refs} that names a Practitioner or PractitionerRole
   * (others, e.g. a Patient, are skipped). When none does: a required person rejects the item, an
   * optional one is noted as dropped; either way the result is empty.
   */
  Optional<Person> person(Item item, List<RawRef> refs, String path, boolean required) {
    boolean unresolved = false;
    for (RawRef r : refs) {
      Optional<SourceRef> t = resolve(r);
      if (t.isEmpty()) {
        unresolved = true;
        continue;
      }
      String type = t.get().resourceType();
      String id = t.get().id();
      if ("Practitioner".equals(type)) {
        PersonInfo info = people.get(id);
        if (info == null) {
          ledger.note(
              item,
              MappingIssueCode.PRACTITIONER_NOT_FOUND,
              path,
              path + " names " + t.get() + ", which was not read: role unknown (OTHER)");
          return Optional.of(
              new Person(PractitionerRef.of(id), StaffRole.OTHER, false, Optional.empty()));
        }
        return Optional.of(new Person(PractitionerRef.of(id), info.best, true, info.npi));
      }
      if ("PractitionerRole".equals(type)) {
        RoleInfo role = roles.get(id);
        if (role == null) {
          unresolved = true;
          continue;
        }
        PersonInfo info = people.get(role.practitionerId);
        StaffRole acting = role.role.orElse(info == null ? StaffRole.OTHER : info.best);
        return Optional.of(
            new Person(
                PractitionerRef.of(role.practitionerId),
                acting,
                info != null,
                info == null ? Optional.empty() : info.npi));
      }
    }
    String why =
        refs.isEmpty()
            ? path + " is required but absent"
            : unresolved
                ? path + " does not resolve to a Practitioner or PractitionerRole read"
                : path + " names no Practitioner or PractitionerRole";
    if (required) {
      ledger.reject(
          item,
          refs.isEmpty() || !unresolved
              ? MappingIssueCode.MISSING_REQUIRED_FIELD
              : MappingIssueCode.UNRESOLVED_REFERENCE,
          path,
          why);
    } else if (!refs.isEmpty()) {
      ledger.note(item, MappingIssueCode.REFERENCE_DROPPED, path, why + "; left out");
    }
    return Optional.empty();
  }

  private static String describe(RawRef r) {
    if (r.reference != null) {
      String ref = r.reference;
      if (ref.startsWith("#")) {
        return "a contained resource";
      }
      if (ref.startsWith("urn:")) {
        return "a URN not among the bundle entries read";
      }
      return "not a Type/id reference";
    }
    return "a logical identifier that names no resource read";
  }

  // ---------------------------------------------------------------- people

  void addPractitioner(Item item, Optional<String> npi, Optional<StaffRole> qualification) {
    String id = item.ref().id();
    people.put(id, new PersonInfo(item.ref(), npi, qualification));
    npi.ifPresent(n -> practitionerByNpi.putIfAbsent(n, id));
    ledger.used(item);
  }

  /** Resolves a PractitionerRole's practitioner; rejects the item when it was not read. */
  void addRole(Item item, @Nullable RawRef practitioner, Optional<StaffRole> role) {
    Optional<SourceRef> t = resolve(practitioner);
    String path = "PractitionerRole.practitioner";
    if (practitioner == null) {
      ledger.reject(
          item, MappingIssueCode.MISSING_REQUIRED_FIELD, path, path + " is required but absent");
      return;
    }
    if (t.isEmpty()
        || !"Practitioner".equals(t.get().resourceType())
        || !people.containsKey(t.get().id())) {
      ledger.reject(
          item,
          MappingIssueCode.UNRESOLVED_REFERENCE,
          path,
          path + " does not name a Practitioner that was read");
      return;
    }
    String pid = t.get().id();
    roles.put(item.ref().id(), new RoleInfo(pid, role));
    PersonInfo person = people.get(pid);
    if (person != null) {
      role.ifPresent(person.roles::add);
    }
    ledger.used(item);
  }

  /** Settles each person's role: the most qualified of their qualification and their roles. */
  void finishPeople() {
    if (peopleFinished) {
      return;
    }
    peopleFinished = true;
    for (PersonInfo p : people.values()) {
      StaffRole best = p.qualification.orElse(StaffRole.OTHER);
      for (StaffRole r : p.roles) {
        best = Codes.best(best, r);
      }
      p.best = best;
    }
  }

  ImmutableList<Practitioner> practitioners() {
    finishPeople();
    return people.values().stream()
        .map(
            p ->
                Practitioner.builder()
                    .ref(PractitionerRef.of(p.source.id()))
                    .source(p.source)
                    .role(p.best)
                    .npi(p.npi)
                    .build())
        .sorted(Comparator.comparing(Practitioner::ref))
        .collect(ImmutableList.toImmutableList());
  }

  // ---------------------------------------------------------------- patients and their data

  void addPatient(Item item, Patient patient) {
    patients.put(item.ref().id(), patient);
    buckets.put(patient.ref(), new Bucket());
    ledger.used(item);
  }

  boolean hasPatient(SourceRef patient) {
    return patients.containsKey(patient.id());
  }

  Bucket bucket(PatientRef patient) {
    Bucket b = buckets.get(patient);
    if (b == null) {
      throw new IllegalStateException("no bucket for " + patient);
    }
    return b;
  }

  void coverageKind(SourceRef coverage, CoverageKind kind) {
    coverageKinds.put(coverage.id(), kind);
  }

  Optional<CoverageKind> coverageKind(SourceRef coverage) {
    return "Coverage".equals(coverage.resourceType())
        ? Optional.ofNullable(coverageKinds.get(coverage.id()))
        : Optional.empty();
  }

  Optional<String> npiOf(SourceRef practitioner) {
    PersonInfo p =
        "Practitioner".equals(practitioner.resourceType()) ? people.get(practitioner.id()) : null;
    return p == null ? Optional.empty() : p.npi;
  }

  /** Returns the Practitioner read with this NPI (the lowest id when several carry it). */
  Optional<PractitionerRef> practitionerByNpi(String npi) {
    return people.entrySet().stream()
        .filter(e -> e.getValue().npi.equals(Optional.of(npi)))
        .map(e -> PractitionerRef.of(e.getKey()))
        .sorted()
        .findFirst();
  }

  /** Returns false (and the caller ignores the reading) when the patient's identifier was seen. */
  boolean firstReading(PatientRef patient, String identifier) {
    return readingIdentifiers.add(patient.id() + "\u0000" + identifier);
  }

  ImmutableList<PatientRecord> records() {
    ImmutableList.Builder<PatientRecord> out = ImmutableList.builder();
    for (Map.Entry<PatientRef, Bucket> e : buckets.entrySet()) {
      Patient p = patients.get(e.getKey().id());
      if (p == null) {
        throw new IllegalStateException("bucket without patient " + e.getKey());
      }
      Bucket b = e.getValue();
      out.add(
          PatientRecord.builder()
              .patient(p)
              .conditions(b.conditions)
              .enrollments(b.enrollments)
              .consents(b.consents)
              .timeEntries(b.timeEntries)
              .attestations(b.attestations)
              .coverages(b.coverages)
              .visits(b.visits)
              .readings(b.readings)
              .carePlans(b.carePlans)
              .build());
    }
    return out.build();
  }
}
