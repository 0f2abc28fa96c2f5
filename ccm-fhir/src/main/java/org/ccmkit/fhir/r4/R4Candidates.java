package org.ccmkit.fhir.r4;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.ccmkit.core.annotation.Experimental;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.ConsentDisclosure;
import org.ccmkit.core.model.Coverage;
import org.ccmkit.core.model.Money;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.core.sweep.CandidateShare;
import org.ccmkit.core.sweep.ConditionFinding;
import org.ccmkit.core.sweep.ScoreComponent;
import org.ccmkit.core.sweep.Screening;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * Writes the eligibility sweep's ranked candidates as one FHIR R4 {@code Group} ({@code type}
 * person, {@code actual} true, {@code code} {@value #SWEEP_SYSTEM}{@code #candidates}, one {@code
 * characteristic} per program candidates are listed for, valued with the care-program code and the
 * as-of date as its {@code period}). Each {@code member} is a candidate in rank order: {@code
 * entity} = the Patient, {@code period.start} = the as-of date, and the complex extension {@value
 * #CANDIDATE_EXTENSION} with sub-extensions {@code rank}, {@code score}, {@code status} (code of
 * {@value #STATUS_SYSTEM}), {@code program}, {@code component} (per score component: {@code code}
 * of {@value #SCORE_SYSTEM}, {@code points}, {@code detail}, {@code evidence} references), {@code
 * condition} (the qualifying Conditions), {@code coverage} (the active Coverages; none = no
 * Medicare coverage found), {@code initiatingVisitRequired}, {@code shareCode}, {@code shareBasis},
 * {@code shareLow} and {@code shareHigh} (Money), {@code patientMayBeBilled}, and {@code
 * disclosure} (codes of {@link ConsentDisclosure#SYSTEM}). No names, birth dates or MBIs. See
 * docs/eligibility-sweep.md.
 *
 * @since 0.2.0
 */
@Experimental(until = "0.3.0")
public final class R4Candidates {
  /** The code system of the Group's code and characteristics, {@value}. */
  public static final String SWEEP_SYSTEM = "https://ccmkit.org/fhir/CodeSystem/eligibility-sweep";

  /** The code system of a candidate's status ({@code ccm-pending-attestation} …), {@value}. */
  public static final String STATUS_SYSTEM =
      "https://ccmkit.org/fhir/CodeSystem/eligibility-candidate-status";

  /** The code system of score components ({@code CHRONIC_CONDITION} …), {@value}. */
  public static final String SCORE_SYSTEM =
      "https://ccmkit.org/fhir/CodeSystem/eligibility-score-component";

  /** The URL of the per-member candidate extension, {@value}. */
  public static final String CANDIDATE_EXTENSION =
      "https://ccmkit.org/fhir/StructureDefinition/eligibility-candidate";

  private R4Candidates() {}

  /**
   * Returns the Group of ranked candidates.
   *
   * @param ranked the candidates, in rank order (see {@code EligibilitySweep.rank})
   * @param asOf the date the sweep screened for
   * @return the Group, id {@code eligibility-sweep-<asOf>}
   * @throws IllegalArgumentException if a screening is not a candidate or is for another date
   */
  public static Group toGroup(List<Screening> ranked, LocalDate asOf) {
    checkNotNull(ranked, "ranked");
    checkNotNull(asOf, "asOf");
    Group g = new Group();
    g.setIdElement(new IdType("Group", "eligibility-sweep-" + asOf));
    g.setActive(true);
    g.setType(Group.GroupType.PERSON);
    g.setActual(true);
    g.setCode(
        new CodeableConcept()
            .addCoding(new Coding(SWEEP_SYSTEM, "candidates", "Care-management candidates")));
    g.setName("CCM and PCM candidates as of " + asOf);
    g.setQuantity(ranked.size());
    Period day = new Period();
    day.setStartElement(new org.hl7.fhir.r4.model.DateTimeType(asOf.toString()));
    day.setEndElement(new org.hl7.fhir.r4.model.DateTimeType(asOf.toString()));
    for (CareProgram p : List.of(CareProgram.CCM, CareProgram.PCM)) {
      g.addCharacteristic()
          .setCode(
              new CodeableConcept()
                  .addCoding(new Coding(SWEEP_SYSTEM, "candidate-for", "Candidate for program")))
          .setValue(new CodeableConcept().addCoding(new Coding(CareProgram.SYSTEM, p.code(), null)))
          .setExclude(false)
          .setPeriod(day.copy());
    }
    int rank = 0;
    for (Screening s : ranked) {
      checkArgument(s.isCandidate(), "%s is not a candidate (%s)", s.patient(), s.status());
      checkArgument(
          s.asOf().equals(asOf), "%s was screened for %s, not %s", s.patient(), s.asOf(), asOf);
      rank++;
      Group.GroupMemberComponent m = g.addMember();
      m.setEntity(new Reference("Patient/" + s.patient().id()));
      Period p = new Period();
      p.setStartElement(new org.hl7.fhir.r4.model.DateTimeType(asOf.toString()));
      m.setPeriod(p);
      m.addExtension(candidate(s, rank));
    }
    return g;
  }

  private static Extension candidate(Screening s, int rank) {
    Extension e = new Extension(CANDIDATE_EXTENSION);
    e.addExtension("rank", new IntegerType(rank));
    e.addExtension("score", new IntegerType(s.score()));
    e.addExtension("status", new Coding(STATUS_SYSTEM, statusCode(s), s.status().label()));
    CareProgram program = s.status().program().orElseThrow();
    e.addExtension("program", new Coding(CareProgram.SYSTEM, program.code(), null));
    for (ScoreComponent c : s.components()) {
      Extension ce = new Extension("component");
      ce.addExtension("code", new Coding(SCORE_SYSTEM, c.code().name(), null));
      ce.addExtension("points", new IntegerType(c.points()));
      ce.addExtension("detail", new StringType(c.detail()));
      for (SourceRef r : c.evidence()) {
        ce.addExtension("evidence", reference(r));
      }
      e.addExtension(ce);
    }
    for (ConditionFinding c : s.qualifyingConditions()) {
      e.addExtension("condition", reference(c.source()));
    }
    for (Coverage c : s.coverages()) {
      e.addExtension("coverage", reference(c.source()));
    }
    e.addExtension("initiatingVisitRequired", new BooleanType(s.initiatingVisitRequired()));
    if (s.share().isPresent()) {
      CandidateShare share = s.share().get();
      e.addExtension("shareCode", new CodeType(share.code()));
      e.addExtension("shareBasis", new CodeType(share.basis()));
      if (share.estimated()) {
        e.addExtension("shareLow", money(share.low()));
        e.addExtension("shareHigh", money(share.high()));
      }
      e.addExtension("patientMayBeBilled", new BooleanType(share.patientMayBeBilled()));
    }
    for (ConsentDisclosure d : s.disclosures()) {
      e.addExtension("disclosure", new Coding(ConsentDisclosure.SYSTEM, d.code(), null));
    }
    return e;
  }

  /** The status code, e.g. {@code ccm-pending-attestation}. */
  static String statusCode(Screening s) {
    return s.status().name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static Reference reference(SourceRef r) {
    return new Reference(r.resourceType() + "/" + r.id());
  }

  private static org.hl7.fhir.r4.model.Money money(Money m) {
    org.hl7.fhir.r4.model.Money f = new org.hl7.fhir.r4.model.Money();
    f.setValue(m.amount());
    f.setCurrency(m.currency());
    return f;
  }
}
