package org.ccmkit.fhir.r4;

import com.google.common.hash.Hashing;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.ccmkit.core.annotation.Experimental;
import org.ccmkit.core.model.Code;
import org.ccmkit.core.model.DateRange;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Claim.ItemComponent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.SimpleQuantity;

/**
 * Writes a {@link ClaimDraft} as a FHIR R4 {@code Claim}, as the contract's {@code claims.ndjson}
 * asks: {@code use} claim, {@code type} professional, {@code patient}, {@code provider} = the
 * billing Practitioner (with its NPI), {@code billablePeriod} = the month, {@code
 * insurance.coverage}, {@code diagnosis} = the ICD-10-CM codes, and per line {@code
 * productOrService} (CPT or HCPCS system), {@code quantity} = units, {@code servicedDate} or {@code
 * servicedPeriod}, {@code unitPrice} and {@code net} = the allowed amount, and the estimated
 * patient share in the extension {@value #PATIENT_SHARE_EXTENSION}. <b>Experimental</b>: its input
 * is a stand-in until ccm-billing's output types land.
 *
 * @since 0.1.0
 */
@Experimental(until = "0.2.0")
public final class R4Claims {
  /** Extension (valueMoney) on {@code Claim.item}: the estimated patient share, {@value}. */
  public static final String PATIENT_SHARE_EXTENSION =
      "https://ccmkit.org/fhir/StructureDefinition/estimated-patient-share";

  private static final String CLAIM_TYPE = "http://terminology.hl7.org/CodeSystem/claim-type";
  private static final String PRIORITY = "http://terminology.hl7.org/CodeSystem/processpriority";

  private R4Claims() {}

  /**
   * Returns the Claim of a draft. Its id is derived from patient, practitioner and month, so a
   * re-run gives the same id.
   *
   * @param draft the claim's content
   * @param created the date the claim is created (a parameter: the writer reads no clock)
   * @return the Claim
   */
  public static Claim toClaim(ClaimDraft draft, LocalDate created) {
    Claim c = new Claim();
    String key =
        draft.patient().id() + "|" + draft.billingPractitioner().id() + "|" + draft.month();
    c.setIdElement(
        new IdType(
            "Claim",
            "claim-" + Hashing.murmur3_128().hashString(key, StandardCharsets.UTF_8).toString()));
    c.setStatus(Claim.ClaimStatus.ACTIVE);
    c.setUse(Claim.Use.CLAIM);
    c.setType(new CodeableConcept().addCoding(new Coding(CLAIM_TYPE, "professional", null)));
    c.setPatient(new Reference(draft.patient().toString()));
    c.setCreatedElement(new org.hl7.fhir.r4.model.DateTimeType(created.toString()));
    Reference provider = new Reference(draft.billingPractitioner().toString());
    draft
        .billingNpi()
        .ifPresent(
            npi ->
                provider.setIdentifier(
                    new Identifier().setSystem(MappingOptions.NPI_SYSTEM).setValue(npi)));
    c.setProvider(provider);
    c.setPriority(new CodeableConcept().addCoding(new Coding(PRIORITY, "normal", null)));
    c.setBillablePeriod(
        period(DateRange.ofClosed(draft.month().atDay(1), draft.month().atEndOfMonth())));
    c.addInsurance()
        .setSequence(1)
        .setFocal(true)
        .setCoverage(
            draft
                .coverage()
                .map(cov -> new Reference(cov.toString()))
                .orElseGet(() -> new Reference().setDisplay("coverage not on file")));
    int seq = 1;
    for (Code d : draft.diagnoses()) {
      c.addDiagnosis()
          .setSequence(seq++)
          .setDiagnosis(new CodeableConcept().addCoding(new Coding(d.system(), d.code(), null)));
    }
    BigDecimal total = BigDecimal.ZERO;
    int line = 1;
    for (ClaimLine l : draft.lines()) {
      ItemComponent item = c.addItem().setSequence(line++);
      for (int i = 1; i <= draft.diagnoses().size() && i <= 4; i++) {
        item.getDiagnosisSequence().add(new PositiveIntType(i));
      }
      item.setProductOrService(
          new CodeableConcept().addCoding(new Coding(l.code().system(), l.code().code(), null)));
      SimpleQuantity q = new SimpleQuantity();
      q.setValue(l.units());
      item.setQuantity(q);
      LocalDate from = l.served().start();
      LocalDate to = l.served().endInclusive().orElse(from);
      if (from.equals(to)) {
        item.setServiced(new DateType(from.toString()));
      } else {
        item.setServiced(period(l.served()));
      }
      BigDecimal net = l.allowedUnitPrice().multiply(BigDecimal.valueOf(l.units()));
      item.setUnitPrice(money(l.allowedUnitPrice(), draft.currency()));
      item.setNet(money(net, draft.currency()));
      l.estimatedPatientShare()
          .ifPresent(s -> item.addExtension(PATIENT_SHARE_EXTENSION, money(s, draft.currency())));
      total = total.add(net);
    }
    c.setTotal(money(total, draft.currency()));
    return c;
  }

  private static Period period(DateRange r) {
    Period p = new Period();
    p.setStartElement(new org.hl7.fhir.r4.model.DateTimeType(r.start().toString()));
    r.endInclusive()
        .ifPresent(e -> p.setEndElement(new org.hl7.fhir.r4.model.DateTimeType(e.toString())));
    return p;
  }

  private static Money money(BigDecimal amount, String currency) {
    Money m = new Money();
    m.setValue(amount);
    m.setCurrency(currency);
    return m;
  }
}
