package org.ccmkit.testing;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ccmkit.core.model.Attestation;
import org.ccmkit.core.model.AttestationKind;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.ClinicalStatus;
import org.ccmkit.core.model.Code;
import org.ccmkit.core.model.ConditionRecord;
import org.ccmkit.core.model.Consent;
import org.ccmkit.core.model.ConsentStatus;
import org.ccmkit.core.model.Coverage;
import org.ccmkit.core.model.CoverageKind;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.model.Enrollment;
import org.ccmkit.core.model.ImmutableConditionRecord;
import org.ccmkit.core.model.ImmutableConsent;
import org.ccmkit.core.model.ImmutablePatient;
import org.ccmkit.core.model.ImmutableTimeEntry;
import org.ccmkit.core.model.Patient;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.model.Practitioner;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.model.ServiceMonth;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.core.model.StaffRole;
import org.ccmkit.core.model.TimeEntry;
import org.ccmkit.core.model.VerificationStatus;
import org.ccmkit.core.model.Visit;

/**
 * Seeded generators of synthetic CCM scenarios, for property tests. {@link #random(long)} draws a
 * practice zone and a service month (CY2025 or CY2026, often one with a daylight-saving
 * transition), then a patient record with everything the core rules read:
 *
 * <ul>
 *   <li>people of every {@link StaffRole}: the billing practitioner, another practitioner, clinical
 *       staff and non-clinical staff;
 *   <li>chronic and non-chronic conditions in ICD-10-CM ({@code E11.9}, {@code I10}, {@code J44.9},
 *       {@code N18.4}, {@code F32.9}, {@code Z68.41}, {@code S82.001A}, …) and SNOMED CT ({@code
 *       44054006}, {@code 38341003}, …), with every clinical and verification status, onsets and
 *       abatements on both sides of the month's end;
 *   <li>enrollments, consents (some given mid-month, some withdrawn, declined, or given to another
 *       practitioner), significant-risk and complex-MDM attestations, visits (some 99211, some
 *       annual wellness visits) and coverages;
 *   <li>time entries around the month's boundaries and the zone's daylight-saving transitions, with
 *       partial minutes, overlaps by one person, back-to-back entries, and minutes one person
 *       tagged to two programs.
 * </ul>
 *
 * <p>Everything is a function of the seed alone ({@link SplittableRandom}): no clock, no default
 * zone or locale, no shared state. The same seed gives an equal scenario on every machine, so a
 * failing seed can be replayed.
 *
 * @since 0.1.0
 */
public final class Scenarios {
  /** The first service month generated: parameters ship for CY2025 and CY2026. */
  public static final YearMonth FIRST_MONTH = YearMonth.of(2025, 1);

  /** The last service month generated. */
  public static final YearMonth LAST_MONTH = YearMonth.of(2026, 12);

  private static final ImmutableList<ZoneId> ZONES =
      ImmutableList.of(
          ZoneId.of("America/New_York"),
          ZoneId.of("Europe/London"),
          ZoneId.of("Australia/Lord_Howe"), // daylight saving of 30 minutes
          ZoneId.of("Pacific/Kiritimati"), // UTC+14
          ZoneId.of("Asia/Kolkata"), // UTC+5:30, no daylight saving
          ZoneId.of("America/St_Johns"), // UTC-3:30 with daylight saving
          ZoneId.of("Pacific/Chatham"), // UTC+12:45 with daylight saving
          ZoneId.of("UTC"));

  /** Condition codings: single codes, and one disease coded in both systems. */
  private static final ImmutableList<ImmutableList<Code>> CONDITION_CODES =
      ImmutableList.of(
          ImmutableList.of(Code.icd10cm("E11.9")), // type 2 diabetes: chronic
          ImmutableList.of(Code.icd10cm("I10")), // hypertension: chronic
          ImmutableList.of(Code.icd10cm("J44.9")), // COPD: chronic
          ImmutableList.of(Code.icd10cm("N18.4")), // CKD stage 4: chronic
          ImmutableList.of(Code.icd10cm("F32.9")), // depression: chronic
          ImmutableList.of(Code.icd10cm("E78.5")), // hyperlipidaemia: chronic
          ImmutableList.of(Code.icd10cm("Z68.41")), // BMI 40-44.9: a finding, not counted
          ImmutableList.of(Code.icd10cm("S82.001A")), // fracture of patella: acute
          ImmutableList.of(Code.icd10cm("J06.9")), // upper respiratory infection: acute
          ImmutableList.of(Code.snomed("44054006")), // type 2 diabetes
          ImmutableList.of(Code.snomed("38341003")), // hypertension
          ImmutableList.of(Code.snomed("13645005")), // COPD
          ImmutableList.of(Code.snomed("49436004")), // atrial fibrillation
          ImmutableList.of(Code.snomed("10509002")), // acute bronchitis: not in the curated list
          ImmutableList.of(Code.icd10cm("E11.9"), Code.snomed("44054006")),
          ImmutableList.of(Code.icd10cm("I10"), Code.snomed("38341003")));

  private static final ImmutableList<String> VISIT_CODES =
      ImmutableList.of("99211", "99211", "99212", "99213", "99214", "99202", "G0438", "G0439");

  private static final ImmutableList<CareProgram> OTHER_PROGRAMS =
      ImmutableList.of(CareProgram.PCM, CareProgram.BHI, CareProgram.RPM, CareProgram.APCM);

  private Scenarios() {}

  /** Returns the zones {@link #random(long)} draws from (all with odd offsets or transitions). */
  public static ImmutableList<ZoneId> zones() {
    return ZONES;
  }

  /**
   * Returns the scenario of {@code seed}: a zone, a service month and a record drawn at random.
   *
   * @param seed the seed
   * @return the scenario
   */
  public static Scenario random(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    ZoneId zone = pick(r, ZONES);
    return generate(seed, r, zone, month(r, zone));
  }

  /**
   * Returns the scenario of {@code seed} in a given practice zone; the month is drawn at random,
   * more often one in which the zone changes its offset.
   *
   * @param seed the seed
   * @param zone the practice's zone
   * @return the scenario
   */
  public static Scenario random(long seed, ZoneId zone) {
    checkNotNull(zone, "zone");
    SplittableRandom r = new SplittableRandom(seed);
    return generate(seed, r, zone, month(r, zone));
  }

  /**
   * Returns the scenario of {@code seed} for a given zone and service month.
   *
   * @param seed the seed
   * @param zone the practice's zone
   * @param month the service month, from {@link #FIRST_MONTH} to {@link #LAST_MONTH}
   * @return the scenario
   * @throws IllegalArgumentException if the month is outside that range
   */
  public static Scenario random(long seed, ZoneId zone, YearMonth month) {
    checkNotNull(zone, "zone");
    checkArgument(
        !month.isBefore(FIRST_MONTH) && !month.isAfter(LAST_MONTH),
        "month %s is outside %s..%s",
        month,
        FIRST_MONTH,
        LAST_MONTH);
    return generate(seed, new SplittableRandom(seed), zone, month);
  }

  /**
   * Returns {@code record} rebuilt from its lists in an order shuffled by {@code seed}. The result
   * must equal {@code record}; a rule that gives a different answer for it depends on input order.
   *
   * @param record the record
   * @param seed the seed of the shuffle
   * @return the rebuilt record
   */
  public static PatientRecord shuffled(PatientRecord record, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    return PatientRecord.builder()
        .patient(record.patient())
        .conditions(shuffle(record.conditions(), r))
        .enrollments(shuffle(record.enrollments(), r))
        .consents(shuffle(record.consents(), r))
        .timeEntries(shuffle(record.timeEntries(), r))
        .attestations(shuffle(record.attestations(), r))
        .coverages(shuffle(record.coverages(), r))
        .visits(shuffle(record.visits(), r))
        .build();
  }

  /**
   * Returns a copy of {@code list} in an order drawn from {@code random} (Fisher-Yates).
   *
   * @param list the items
   * @param random the source of randomness
   * @param <T> the item type
   * @return the shuffled copy
   */
  public static <T> List<T> shuffle(List<T> list, SplittableRandom random) {
    List<T> out = new ArrayList<>(list);
    for (int i = out.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      T t = out.get(i);
      out.set(i, out.get(j));
      out.set(j, t);
    }
    return out;
  }

  /** A month in range, half the time one in which the zone changes its offset (if it does). */
  private static YearMonth month(SplittableRandom r, ZoneId zone) {
    List<YearMonth> transitions = new ArrayList<>();
    ZoneRules rules = zone.getRules();
    Instant from = FIRST_MONTH.atDay(1).atStartOfDay(zone).toInstant();
    Instant to = LAST_MONTH.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    for (ZoneOffsetTransition t = rules.nextTransition(from);
        t != null && t.getInstant().isBefore(to);
        t = rules.nextTransition(t.getInstant())) {
      transitions.add(YearMonth.from(t.getInstant().atZone(zone)));
    }
    if (!transitions.isEmpty() && r.nextBoolean()) {
      return pick(r, transitions);
    }
    return FIRST_MONTH.plusMonths(r.nextInt(24));
  }

  private static Scenario generate(long seed, SplittableRandom r, ZoneId zone, YearMonth month) {
    ServiceMonth sm = ServiceMonth.of(month, zone);
    LocalDate first = sm.firstDay();
    LocalDate asOf = sm.lastDay();
    PatientRef patient = PatientRef.of("pt-" + Long.toHexString(seed));

    Practitioner billing = practitioner("pr-bill", StaffRole.PRACTITIONER, "1000000001");
    Practitioner other = practitioner("pr-other", StaffRole.PRACTITIONER, "1000000002");
    List<Practitioner> people = new ArrayList<>(List.of(billing, other));
    int staff = r.nextInt(1, 3);
    for (int i = 1; i <= staff; i++) {
      people.add(Practitioner.of("cs-" + i, StaffRole.CLINICAL_STAFF));
    }
    people.add(Practitioner.of("ot-1", StaffRole.OTHER));
    PractitionerRef bill = billing.ref();
    PractitionerRef oth = other.ref();

    PatientRecord record =
        PatientRecord.builder()
            .patient(patient(r, patient, first))
            .conditions(conditions(r, patient, asOf))
            .enrollments(enrollments(r, patient, first, bill, oth))
            .consents(consents(r, patient, first, bill, oth))
            .attestations(attestations(r, patient, asOf, bill, oth))
            .visits(visits(r, patient, first, bill, oth))
            .coverages(coverages(r, patient))
            .timeEntries(timeEntries(r, patient, sm, people))
            .build();
    return Scenario.builder()
        .seed(seed)
        .zone(zone)
        .month(month)
        .program(CareProgram.CCM)
        .billingPractitioner(bill)
        .practitioners(people)
        .record(record)
        .build();
  }

  private static Practitioner practitioner(String id, StaffRole role, String npi) {
    return Practitioner.builder().ref(PractitionerRef.of(id)).role(role).npi(npi).build();
  }

  /** Mostly alive; some die around the month, a few are deceased without a date. */
  private static Patient patient(SplittableRandom r, PatientRef ref, LocalDate first) {
    ImmutablePatient.Builder b =
        Patient.builder()
            .ref(ref)
            .birthDate(LocalDate.of(1930 + r.nextInt(35), 1, 1).plusDays(r.nextInt(365)));
    int p = r.nextInt(100);
    if (p < 12) {
      b.deathDate(first.plusDays(r.nextInt(-20, 50)));
    } else if (p < 15) {
      b.deceased(true);
    }
    return b.build();
  }

  private static List<ConditionRecord> conditions(
      SplittableRandom r, PatientRef patient, LocalDate asOf) {
    List<ConditionRecord> out = new ArrayList<>();
    int n = r.nextInt(7);
    for (int i = 0; i < n; i++) {
      ImmutableConditionRecord.Builder b =
          ConditionRecord.builder()
              .source(SourceRef.of("Condition", "cond-" + i))
              .patient(patient)
              .codes(pick(r, CONDITION_CODES))
              .clinicalStatus(clinicalStatus(r))
              .verificationStatus(verificationStatus(r));
      LocalDate onset = asOf.minusDays(r.nextInt(-30, 4000));
      if (r.nextInt(100) < 80) {
        b.onset(onset);
      }
      int a = r.nextInt(100);
      if (a < 15) {
        b.abatement(onset.plusDays(r.nextInt(0, 4100)));
      } else if (a < 18) {
        b.abatedWithoutDate(true);
      }
      out.add(b.build());
    }
    return out;
  }

  private static ClinicalStatus clinicalStatus(SplittableRandom r) {
    int p = r.nextInt(100);
    if (p < 70) {
      return ClinicalStatus.ACTIVE;
    } else if (p < 73) {
      return ClinicalStatus.RECURRENCE;
    } else if (p < 75) {
      return ClinicalStatus.RELAPSE;
    } else if (p < 80) {
      return ClinicalStatus.INACTIVE;
    } else if (p < 85) {
      return ClinicalStatus.REMISSION;
    } else if (p < 95) {
      return ClinicalStatus.RESOLVED;
    }
    return ClinicalStatus.UNKNOWN;
  }

  private static VerificationStatus verificationStatus(SplittableRandom r) {
    int p = r.nextInt(100);
    if (p < 60) {
      return VerificationStatus.CONFIRMED;
    } else if (p < 80) {
      return VerificationStatus.UNKNOWN;
    } else if (p < 85) {
      return VerificationStatus.PROVISIONAL;
    } else if (p < 88) {
      return VerificationStatus.DIFFERENTIAL;
    } else if (p < 91) {
      return VerificationStatus.UNCONFIRMED;
    } else if (p < 96) {
      return VerificationStatus.REFUTED;
    }
    return VerificationStatus.ENTERED_IN_ERROR;
  }

  private static List<Enrollment> enrollments(
      SplittableRandom r,
      PatientRef patient,
      LocalDate first,
      PractitionerRef bill,
      PractitionerRef other) {
    List<Enrollment> out = new ArrayList<>();
    if (r.nextInt(100) < 90) {
      out.add(enrollment(r, patient, "ep-ccm-bill", CareProgram.CCM, bill, first));
    }
    if (r.nextInt(100) < 30) {
      out.add(enrollment(r, patient, "ep-ccm-other", CareProgram.CCM, other, first));
    }
    if (r.nextInt(100) < 30) {
      out.add(enrollment(r, patient, "ep-other-program", pick(r, OTHER_PROGRAMS), bill, first));
    }
    return out;
  }

  private static Enrollment enrollment(
      SplittableRandom r,
      PatientRef patient,
      String id,
      CareProgram program,
      PractitionerRef practitioner,
      LocalDate first) {
    LocalDate start = first.plusDays(r.nextInt(-400, 28));
    DateRange period =
        r.nextInt(100) < 70
            ? DateRange.startingOn(start)
            : DateRange.ofClosed(start, start.plusDays(r.nextInt(0, 500)));
    return Enrollment.builder()
        .source(SourceRef.of("EpisodeOfCare", id))
        .patient(patient)
        .program(program)
        .billingPractitioner(practitioner)
        .period(period)
        .build();
  }

  private static List<Consent> consents(
      SplittableRandom r,
      PatientRef patient,
      LocalDate first,
      PractitionerRef bill,
      PractitionerRef other) {
    List<Consent> out = new ArrayList<>();
    if (r.nextInt(100) < 85) {
      out.add(consent(r, patient, "cons-bill", List.of(CareProgram.CCM), bill, first));
    }
    if (r.nextInt(100) < 15) { // a second consent to the same practitioner, e.g. after withdrawing
      out.add(consent(r, patient, "cons-bill-2", List.of(CareProgram.CCM), bill, first));
    }
    if (r.nextInt(100) < 25) {
      out.add(consent(r, patient, "cons-other", List.of(CareProgram.CCM), other, first));
    }
    if (r.nextInt(100) < 20) {
      out.add(
          consent(
              r,
              patient,
              "cons-multi",
              List.of(CareProgram.CCM, pick(r, OTHER_PROGRAMS)),
              r.nextBoolean() ? bill : other,
              first));
    }
    return out;
  }

  private static Consent consent(
      SplittableRandom r,
      PatientRef patient,
      String id,
      List<CareProgram> programs,
      PractitionerRef practitioner,
      LocalDate first) {
    LocalDate given = first.plusDays(r.nextInt(-300, 31)); // from long before to after the month
    int s = r.nextInt(100);
    ConsentStatus status =
        s < 85
            ? ConsentStatus.ACTIVE
            : s < 90
                ? ConsentStatus.REJECTED
                : s < 95 ? ConsentStatus.INACTIVE : ConsentStatus.PROPOSED;
    ImmutableConsent.Builder b =
        Consent.builder()
            .source(SourceRef.of("Consent", id))
            .patient(patient)
            .programs(programs)
            .status(status)
            .givenDate(given)
            .practitioner(practitioner);
    if (r.nextInt(100) < 20) {
      b.withdrawalDate(given.plusDays(r.nextInt(0, 120)));
    }
    return b.build();
  }

  private static List<Attestation> attestations(
      SplittableRandom r,
      PatientRef patient,
      LocalDate asOf,
      PractitionerRef bill,
      PractitionerRef other) {
    List<Attestation> out = new ArrayList<>();
    int n = r.nextInt(3);
    for (int i = 0; i < n; i++) {
      out.add(
          Attestation.builder()
              .source(SourceRef.of("Observation", "risk-" + i))
              .patient(patient)
              .kind(AttestationKind.SIGNIFICANT_RISK)
              .practitioner(r.nextInt(100) < 80 ? bill : other)
              .date(asOf.minusDays(r.nextInt(-30, 400)))
              .value(r.nextInt(100) < 85)
              .build());
    }
    if (r.nextInt(100) < 30) {
      out.add(
          Attestation.builder()
              .source(SourceRef.of("Observation", "mdm-0"))
              .patient(patient)
              .kind(AttestationKind.COMPLEX_MDM)
              .practitioner(bill)
              .date(asOf.minusDays(r.nextInt(0, 45)))
              .build());
    }
    return out;
  }

  private static List<Visit> visits(
      SplittableRandom r,
      PatientRef patient,
      LocalDate first,
      PractitionerRef bill,
      PractitionerRef other) {
    List<Visit> out = new ArrayList<>();
    int n = r.nextInt(5);
    for (int i = 0; i < n; i++) {
      int who = r.nextInt(100);
      List<PractitionerRef> with =
          who < 60 ? List.of(bill) : who < 85 ? List.of(other) : List.of(bill, other);
      out.add(
          Visit.builder()
              .source(SourceRef.of("Encounter", "enc-" + i))
              .patient(patient)
              .practitioners(with)
              .date(first.plusDays(r.nextInt(-500, 31)))
              .addCode(Code.of(Code.CPT, pick(r, VISIT_CODES)))
              .finished(r.nextInt(100) < 90)
              .build());
    }
    return out;
  }

  private static List<Coverage> coverages(SplittableRandom r, PatientRef patient) {
    List<Coverage> out = new ArrayList<>();
    if (r.nextInt(100) < 90) {
      out.add(
          Coverage.builder()
              .source(SourceRef.of("Coverage", "cov-b"))
              .patient(patient)
              .kind(CoverageKind.ORIGINAL_MEDICARE)
              .build());
    }
    if (r.nextInt(100) < 20) {
      out.add(
          Coverage.builder()
              .source(SourceRef.of("Coverage", "cov-medigap"))
              .patient(patient)
              .kind(CoverageKind.MEDIGAP)
              .medigapPlan("G")
              .build());
    }
    return out;
  }

  /**
   * Time entries near the month's start and end and the zone's transitions, spread over the month,
   * in the months before and after, overlapping, back to back, and tagged to two programs.
   */
  private static List<TimeEntry> timeEntries(
      SplittableRandom r, PatientRef patient, ServiceMonth sm, List<Practitioner> people) {
    List<Instant> anchors = new ArrayList<>(List.of(sm.startInclusive(), sm.endExclusive()));
    ZoneRules rules = sm.zone().getRules();
    Instant windowEnd = sm.endExclusive().plus(Duration.ofDays(1));
    for (ZoneOffsetTransition t =
            rules.nextTransition(sm.startInclusive().minus(Duration.ofDays(1)));
        t != null && t.getInstant().isBefore(windowEnd);
        t = rules.nextTransition(t.getInstant())) {
      anchors.add(t.getInstant());
    }
    long monthSeconds = Duration.between(sm.startInclusive(), sm.endExclusive()).toSeconds();

    List<TimeEntry> out = new ArrayList<>();
    int n = r.nextInt(4, 26);
    for (int i = 0; i < n; i++) {
      Practitioner person = pickPerson(r, people);
      StaffRole role = person.role();
      CareProgram program = r.nextInt(100) < 85 ? CareProgram.CCM : pick(r, OTHER_PROGRAMS);
      Instant start;
      int kind = r.nextInt(100);
      TimeEntry earlier = out.isEmpty() ? null : pick(r, out);
      if (earlier != null && kind < 15) { // overlaps an earlier entry of the same person
        person = find(people, earlier.performer());
        role = earlier.performerRole();
        program = earlier.program();
        start = earlier.start().plusSeconds(r.nextLong(-600, earlier.duration().toSeconds() + 1));
      } else if (earlier != null && kind < 25) { // starts when an earlier one ends
        person = find(people, earlier.performer());
        role = earlier.performerRole();
        program = earlier.program();
        start = earlier.end();
      } else if (earlier != null && kind < 35) { // the same person's minutes tagged to two programs
        person = find(people, earlier.performer());
        role = earlier.performerRole();
        program = earlier.program() == CareProgram.CCM ? pick(r, OTHER_PROGRAMS) : CareProgram.CCM;
        start = earlier.start().plusSeconds(r.nextLong(-900, earlier.duration().toSeconds() + 1));
      } else if (kind < 65) { // near the month's boundaries or a transition
        start = pick(r, anchors).plusSeconds(r.nextLong(-3 * 3600, 3 * 3600));
      } else if (kind < 70) { // wholly in the month before or after
        start =
            r.nextBoolean()
                ? sm.startInclusive().minusSeconds(r.nextLong(3600, 20 * 86400))
                : sm.endExclusive().plusSeconds(r.nextLong(3600, 20 * 86400));
      } else {
        start = sm.startInclusive().plusSeconds(r.nextLong(monthSeconds));
      }
      if (r.nextBoolean()) {
        start = Instant.ofEpochSecond(Math.floorDiv(start.getEpochSecond(), 60) * 60);
      }
      if (role == StaffRole.PRACTITIONER && r.nextInt(100) < 10) {
        role = StaffRole.CLINICAL_STAFF; // a practitioner's time logged as staff time
      }
      Duration length =
          r.nextInt(100) < 3
              ? Duration.ZERO
              : Duration.ofMinutes(r.nextInt(1, 76))
                  .plusSeconds(r.nextBoolean() ? 0 : r.nextInt(60));
      ImmutableTimeEntry.Builder b =
          TimeEntry.builder()
              .source(SourceRef.of("Procedure", "te-" + i))
              .patient(patient)
              .performer(person.ref())
              .performerRole(role)
              .program(program)
              .start(start)
              .end(start.plus(length))
              .interactive(r.nextInt(100) < 30);
      if (r.nextInt(100) < 10) {
        b.note("synthetic note " + i);
      }
      out.add(b.build());
    }
    return out;
  }

  private static Practitioner pickPerson(SplittableRandom r, List<Practitioner> people) {
    int p = r.nextInt(100);
    if (p < 25) {
      return people.get(0); // the billing practitioner
    } else if (p < 35) {
      return people.get(1); // the other practitioner
    } else if (p < 90) {
      List<Practitioner> staff =
          people.stream().filter(x -> x.role() == StaffRole.CLINICAL_STAFF).toList();
      return pick(r, staff);
    }
    return people.get(people.size() - 1); // non-clinical staff
  }

  private static Practitioner find(List<Practitioner> people, PractitionerRef ref) {
    return people.stream().filter(p -> p.ref().equals(ref)).findFirst().orElseThrow();
  }

  private static <T> T pick(SplittableRandom r, List<T> items) {
    return items.get(r.nextInt(items.size()));
  }
}
