package org.ccmkit.fhir.r4;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.hash.Hashing;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.ccmkit.billing.BillingResult;
import org.ccmkit.billing.ClaimLine;
import org.ccmkit.billing.LineShare;
import org.ccmkit.billing.PractitionerClaim;
import org.ccmkit.core.annotation.Experimental;
import org.ccmkit.core.model.Code;
import org.ccmkit.core.model.ConditionRecord;
import org.ccmkit.core.model.Coverage;
import org.ccmkit.core.model.CoverageKind;
import org.ccmkit.core.model.DateRange;
import org.ccmkit.core.model.Money;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.model.PatientRef;
import org.ccmkit.core.model.Practitioner;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.core.model.VerificationStatus;
import org.ccmkit.core.rule.Decision;
import org.ccmkit.core.rule.Evidence;
import org.ccmkit.core.rule.EvidenceRole;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Claim.ItemComponent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.SimpleQuantity;

/**
 * Writes ccm-billing's {@link BillingResult} as FHIR R4 {@code Claim}s, one per patient × billing
 * practitioner × service month, as the contract's {@code claims.ndjson} asks: {@code use} claim,
 * {@code type} professional, {@code patient}, {@code provider} = the billing Practitioner (with its
 * NPI when known), {@code billablePeriod} = the month, {@code insurance.coverage} = the Medicare
 * Coverage (else a placeholder reference whose display is {@value #COVERAGE_NOT_ON_FILE}), {@code
 * diagnosis} = the qualifying conditions as ICD-10-CM, and per line {@code productOrService} (CPT
 * or HCPCS system), {@code quantity} = units, {@code servicedDate} or {@code servicedPeriod},
 * {@code unitPrice} and {@code net} = the allowed amount used, and the estimated patient share in
 * the complex extension {@value #PATIENT_SHARE_EXTENSION} (sub-extensions {@code low} and {@code
 * high}, each a {@code valueMoney}).
 *
 * <p>Lines already on file ({@link ClaimLine#onFile()}) are left out (they were submitted before);
 * a practitioner whose lines are all on file gets no Claim. Claim ids are derived from patient,
 * practitioner and month ({@link #claimId}), so a re-run gives the same ids.
 *
 * @since 0.1.0
 */
@Experimental(until = "0.2.0")
public final class R4Claims {
  /**
   * Complex extension on {@code Claim.item}: the estimated patient share, {@value}; sub-extensions
   * {@code low} and {@code high} (valueMoney) give the range of {@link LineShare}. Absent when no
   * estimate was made (Medicare Advantage without plan data).
   */
  public static final String PATIENT_SHARE_EXTENSION =
      "https://ccmkit.org/fhir/StructureDefinition/estimated-patient-share";

  /**
   * The display of the placeholder {@code insurance.coverage} when no Medicare Coverage is known.
   */
  public static final String COVERAGE_NOT_ON_FILE = "Medicare coverage not on file";

  private static final String CLAIM_TYPE = "http://terminology.hl7.org/CodeSystem/claim-type";
  private static final String PRIORITY = "http://terminology.hl7.org/CodeSystem/processpriority";

  private R4Claims() {}

  /**
   * Returns the Claims of one patient's billing result, taking the record and practitioners from a
   * mapping result.
   *
   * @param billing the billing engine's result for the patient and month
   * @param mapping the mapping result the billing input was built from
   * @param created the date the claims are created (a parameter: the writer reads no clock)
   * @return the Claims and notes
   * @throws IllegalArgumentException if the mapping result has no record of the billed patient
   */
  public static WrittenClaims toClaims(
      BillingResult billing, MappingResult mapping, LocalDate created) {
    PatientRecord record =
        mapping
            .record(billing.patient())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no record of " + billing.patient() + " in the mapping result"));
    return toClaims(billing, record, mapping.practitioners(), created);
  }

  /**
   * Returns the Claims of one patient's billing result: one per {@link PractitionerClaim} with at
   * least one line not already on file, sorted by practitioner id.
   *
   * @param billing the billing engine's result for the patient and month
   * @param record the patient's record (for the Medicare Coverage and the conditions)
   * @param practitioners known practitioners (for the billing practitioner's NPI); may be empty
   * @param created the date the claims are created (a parameter: the writer reads no clock)
   * @return the Claims and notes
   * @throws IllegalArgumentException if the record is not that of the billed patient
   */
  public static WrittenClaims toClaims(
      BillingResult billing,
      PatientRecord record,
      List<Practitioner> practitioners,
      LocalDate created) {
    requireNonNull(created, "created");
    if (!record.ref().equals(billing.patient())) {
      throw new IllegalArgumentException(
          "the record is of " + record.ref() + ", the billing result of " + billing.patient());
    }
    List<LineShare> shares = new ArrayList<>(billing.estimate().lines());
    ImmutableList.Builder<Claim> claims = ImmutableList.builder();
    List<MappingIssue> issues = new ArrayList<>();
    for (PractitionerClaim pc : billing.claims()) {
      List<ClaimLine> lines = new ArrayList<>();
      for (ClaimLine l : pc.lines()) {
        if (l.onFile().isEmpty()) {
          lines.add(l);
        }
      }
      if (lines.isEmpty()) {
        continue;
      }
      Optional<String> npi =
          practitioners.stream()
              .filter(p -> p.ref().equals(pc.practitioner()))
              .findFirst()
              .flatMap(Practitioner::npi);
      claims.add(claim(billing, pc.practitioner(), lines, shares, record, npi, created, issues));
    }
    return new WrittenClaims(claims.build(), ImmutableList.copyOf(issues));
  }

  /**
   * Returns the id of the Claim of a patient, billing practitioner and month: {@code claim-} and a
   * hash of the three, so equal inputs give equal ids and no patient identifier shows.
   *
   * @param patient the patient
   * @param practitioner the billing practitioner
   * @param month the service month
   * @return the logical id
   */
  public static String claimId(PatientRef patient, PractitionerRef practitioner, YearMonth month) {
    String key = patient.id() + "|" + practitioner.id() + "|" + month;
    return "claim-" + Hashing.murmur3_128().hashString(key, StandardCharsets.UTF_8);
  }

  private static Claim claim(
      BillingResult billing,
      PractitionerRef practitioner,
      List<ClaimLine> lines,
      List<LineShare> shares,
      PatientRecord record,
      Optional<String> npi,
      LocalDate created,
      List<MappingIssue> issues) {
    YearMonth month = billing.month();
    String id = claimId(billing.patient(), practitioner, month);
    Claim c = new Claim();
    c.setIdElement(new IdType("Claim", id));
    c.setStatus(Claim.ClaimStatus.ACTIVE);
    c.setUse(Claim.Use.CLAIM);
    c.setType(new CodeableConcept().addCoding(new Coding(CLAIM_TYPE, "professional", null)));
    c.setPatient(new Reference(billing.patient().toString()));
    c.setCreatedElement(new DateTimeType(created.toString()));
    Reference provider = new Reference(practitioner.toString());
    npi.ifPresent(
        n ->
            provider.setIdentifier(
                new Identifier().setSystem(MappingOptions.NPI_SYSTEM).setValue(n)));
    c.setProvider(provider);
    c.setPriority(new CodeableConcept().addCoding(new Coding(PRIORITY, "normal", null)));
    c.setBillablePeriod(period(DateRange.ofClosed(month.atDay(1), month.atEndOfMonth())));
    c.addInsurance()
        .setSequence(1)
        .setFocal(true)
        .setCoverage(
            medicareCoverage(record, month)
                .map(cov -> new Reference(cov.toString()))
                .orElseGet(() -> new Reference().setDisplay(COVERAGE_NOT_ON_FILE)));
    Set<Code> diagnoses = new LinkedHashSet<>();
    for (ConditionRecord cond : qualifyingConditions(billing, practitioner, record, month)) {
      Optional<Code> icd =
          cond.codes().stream().filter(k -> k.system().equals(Code.ICD10CM)).findFirst();
      if (icd.isPresent()) {
        diagnoses.add(icd.get());
      } else {
        Set<String> systems = new TreeSet<>();
        cond.codes().forEach(k -> systems.add(k.system()));
        issues.add(
            MappingIssue.builder()
                .location(SourceLocation.of("Claim/" + id))
                .code(MappingIssueCode.DIAGNOSIS_NEEDS_ICD10CM)
                .resourceType(cond.source().resourceType())
                .resourceId(cond.source().id())
                .path("Condition.code")
                .message(
                    "a qualifying condition has no ICD-10-CM code (found systems "
                        + systems
                        + "); it is left off Claim.diagnosis and the claim needs an ICD-10-CM"
                        + " code before submission")
                .build());
      }
    }
    int seq = 1;
    for (Code d : diagnoses) {
      c.addDiagnosis()
          .setSequence(seq++)
          .setDiagnosis(new CodeableConcept().addCoding(new Coding(d.system(), d.code(), null)));
    }
    BigDecimal total = BigDecimal.ZERO;
    String currency = Money.USD;
    boolean anyAmount = false;
    int line = 1;
    for (ClaimLine l : lines) {
      ItemComponent item = c.addItem().setSequence(line++);
      for (int i = 1; i <= diagnoses.size() && i <= 4; i++) {
        item.getDiagnosisSequence().add(new PositiveIntType(i));
      }
      Code code = billingCode(l.code());
      item.setProductOrService(
          new CodeableConcept().addCoding(new Coding(code.system(), code.code(), null)));
      SimpleQuantity q = new SimpleQuantity();
      q.setValue(l.units());
      item.setQuantity(q);
      Optional<DateRange> served =
          l.servicePeriod().filter(p -> !p.endInclusive().orElse(p.start()).equals(p.start()));
      if (served.isPresent() && served.get().endInclusive().isPresent()) {
        item.setServiced(period(served.get()));
      } else {
        item.setServiced(new DateType(l.serviceDate().toString()));
      }
      l.unitAmount().ifPresent(u -> item.setUnitPrice(money(u)));
      if (l.allowed().isPresent()) {
        Money allowed = l.allowed().get();
        item.setNet(money(allowed));
        total = total.add(allowed.amount());
        currency = allowed.currency();
        anyAmount = true;
      }
      if (billing.estimate().estimated()) {
        takeShare(shares, l).ifPresent(s -> item.addExtension(shareExtension(s)));
      }
    }
    if (anyAmount) {
      c.setTotal(money(Money.of(total, currency)));
    }
    return c;
  }

  /** CPT codes are five digits or four digits and a letter; HCPCS Level II codes start with one. */
  private static Code billingCode(String code) {
    boolean hcpcs = !code.isEmpty() && Character.isLetter(code.charAt(0));
    return Code.of(hcpcs ? Code.HCPCS : Code.CPT, code);
  }

  private static Optional<SourceRef> medicareCoverage(PatientRecord record, YearMonth month) {
    DateRange days = DateRange.ofClosed(month.atDay(1), month.atEndOfMonth());
    for (CoverageKind kind :
        List.of(CoverageKind.ORIGINAL_MEDICARE, CoverageKind.MEDICARE_ADVANTAGE)) {
      for (Coverage cov : record.coverages()) {
        if (cov.kind() == kind
            && cov.active()
            && cov.period().map(p -> p.intersect(days).isPresent()).orElse(true)) {
          return Optional.of(cov.source());
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The conditions the billing decisions about the practitioner counted (COUNTED Condition
   * evidence); when the decisions carry none, the record's conditions that are active, not refuted
   * or entered in error, and not abated before the month. Sorted by source.
   */
  static ImmutableList<ConditionRecord> qualifyingConditions(
      BillingResult billing, PractitionerRef practitioner, PatientRecord record, YearMonth month) {
    Set<SourceRef> counted = new TreeSet<>();
    for (Decision d : billing.decisions()) {
      if (d.practitioner().isPresent() && !d.practitioner().get().equals(practitioner)) {
        continue;
      }
      for (Evidence e : d.evidence()) {
        if (e.role() == EvidenceRole.COUNTED && e.source().resourceType().equals("Condition")) {
          counted.add(e.source());
        }
      }
    }
    ImmutableList.Builder<ConditionRecord> out = ImmutableList.builder();
    for (ConditionRecord c : record.conditions()) {
      if (counted.isEmpty() ? activeIn(c, month) : counted.contains(c.source())) {
        out.add(c);
      }
    }
    return out.build();
  }

  private static boolean activeIn(ConditionRecord c, YearMonth month) {
    return c.clinicalStatus().isActive()
        && c.verificationStatus() != VerificationStatus.REFUTED
        && c.verificationStatus() != VerificationStatus.ENTERED_IN_ERROR
        && !c.abatedWithoutDate()
        && c.abatement().map(a -> !a.isBefore(month.atDay(1))).orElse(true)
        && c.onset().map(o -> !o.isAfter(month.atEndOfMonth())).orElse(true);
  }

  private static Optional<LineShare> takeShare(List<LineShare> shares, ClaimLine l) {
    for (Iterator<LineShare> it = shares.iterator(); it.hasNext(); ) {
      LineShare s = it.next();
      if (s.practitioner().equals(l.practitioner())
          && s.code().equals(l.code())
          && s.serviceDate().equals(l.serviceDate())) {
        it.remove();
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  private static Extension shareExtension(LineShare s) {
    Extension e = new Extension(PATIENT_SHARE_EXTENSION);
    e.addExtension("low", money(s.low()));
    e.addExtension("high", money(s.high()));
    return e;
  }

  private static Period period(DateRange r) {
    Period p = new Period();
    p.setStartElement(new DateTimeType(r.start().toString()));
    r.endInclusive().ifPresent(e -> p.setEndElement(new DateTimeType(e.toString())));
    return p;
  }

  private static org.hl7.fhir.r4.model.Money money(Money amount) {
    org.hl7.fhir.r4.model.Money m = new org.hl7.fhir.r4.model.Money();
    m.setValue(amount.amount());
    m.setCurrency(amount.currency());
    return m;
  }
}
