package org.ccmkit.fhir.r4;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import com.google.common.escape.Escaper;
import com.google.common.html.HtmlEscapers;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ccmkit.core.model.CarePlanElement;
import org.ccmkit.core.model.CareProgram;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;

/**
 * Builds the skeleton of a comprehensive care plan (rules reference §6.1) as FHIR R4 resources: a
 * {@code CarePlan} (US Core: narrative, status, intent {@code plan}, category {@code assess-plan},
 * subject; MCC eCare Plan category SNOMED CT 734163000) that addresses the patient's problems, its
 * {@code Goal}s (lifecycle status, description, subject, target measure and due date) and a {@code
 * CareTeam} (status, subject, participants with role and member). Every one of the nine CMS
 * elements gets a place a clinician fills in: the problem list is {@code addresses}, the goals
 * {@code goal}, coordination the {@code careTeam}, and the others an {@code activity} whose {@code
 * detail.code} is the element's code in {@value CarePlanElement#SYSTEM}, filled by {@link
 * #fill(CarePlanElement, String)} or marked {@link #notApplicable(CarePlanElement)}. The mapping is
 * documented in {@code docs/fhir-mapping.md}; {@link R4Mapper} reads the result back.
 *
 * <pre>{@code
 * R4CarePlanBuilder.Result plan =
 *     R4CarePlanBuilder.forPatient("p1", "cp1", LocalDate.of(2026, 3, 2))
 *         .program(CareProgram.CCM)
 *         .author("dr-a")
 *         .addProblem("cond-diabetes")
 *         .addGoal(R4CarePlanBuilder.goal("HbA1c below 7 %", loinc("4548-4"), "<7 %", due))
 *         .addCareTeamMember("dr-a", "billing practitioner")
 *         .fill(CarePlanElement.SYMPTOM_MANAGEMENT, "Hypoglycaemia plan reviewed")
 *         .build();
 * }</pre>
 *
 * <p>Not thread-safe; build one plan per builder.
 *
 * @since 0.2.0
 */
public final class R4CarePlanBuilder {
  /** The code system of the not-applicable marker, {@value}. */
  public static final String ELEMENT_STATUS_SYSTEM =
      "https://ccmkit.org/fhir/CodeSystem/care-plan-element-status";

  /** The marker code for an element a clinician marked not applicable, {@value}. */
  public static final String NOT_APPLICABLE = "not-applicable";

  /** The extension (valueDateTime) recording when a copy went to the patient or caregiver. */
  public static final String SHARED_WITH_PATIENT_URL =
      "https://ccmkit.org/fhir/StructureDefinition/care-plan-shared-with-patient";

  /** The extension (valueDate or valueDateTime) recording the last review of the plan. */
  public static final String LAST_REVIEWED_URL =
      "https://ccmkit.org/fhir/StructureDefinition/care-plan-last-reviewed";

  /** The US Core CarePlan category system, {@value}. */
  public static final String US_CORE_CATEGORY_SYSTEM =
      "http://hl7.org/fhir/us/core/CodeSystem/careplan-category";

  /** The MCC eCare Plan category: SNOMED CT 734163000 (care plan), {@value}. */
  public static final String MCC_CATEGORY_CODE = "734163000";

  private static final String SNOMED = "http://snomed.info/sct";

  /** The elements that are an activity slot (the others live in addresses, goal, careTeam). */
  static final EnumSet<CarePlanElement> ACTIVITY_SLOTS =
      EnumSet.of(
          CarePlanElement.EXPECTED_OUTCOME,
          CarePlanElement.SYMPTOM_MANAGEMENT,
          CarePlanElement.PLANNED_INTERVENTIONS,
          CarePlanElement.MEDICATION_MANAGEMENT,
          CarePlanElement.COMMUNITY_SERVICES,
          CarePlanElement.REVIEW_SCHEDULE);

  private final String patientId;
  private final String carePlanId;
  private final LocalDate start;
  private CarePlan.CarePlanStatus status = CarePlan.CarePlanStatus.DRAFT;
  private @Nullable CareProgram program;
  private @Nullable String author;
  private final List<String> problems = new ArrayList<>();
  private final List<GoalSpec> goals = new ArrayList<>();
  private final List<String[]> team = new ArrayList<>();
  private final Map<CarePlanElement, String> filled = new EnumMap<>(CarePlanElement.class);
  private final Map<CarePlanElement, String> responsible = new EnumMap<>(CarePlanElement.class);
  private final EnumSet<CarePlanElement> notApplicable = EnumSet.noneOf(CarePlanElement.class);
  private @Nullable LocalDate nextReview;
  private @Nullable LocalDate sharedWithPatient;
  private boolean built;

  private R4CarePlanBuilder(String patientId, String carePlanId, LocalDate start) {
    this.patientId = patientId;
    this.carePlanId = carePlanId;
    this.start = start;
  }

  /**
   * Starts a plan for a patient.
   *
   * @param patientId the Patient's logical id
   * @param carePlanId the CarePlan's logical id (Goals and the CareTeam derive theirs from it)
   * @param start the first day of the plan (also its creation date)
   * @return the builder
   * @throws IllegalArgumentException if an id is blank
   */
  public static R4CarePlanBuilder forPatient(String patientId, String carePlanId, LocalDate start) {
    checkArgument(!checkNotNull(patientId, "patientId").isBlank(), "patientId is blank");
    checkArgument(!checkNotNull(carePlanId, "carePlanId").isBlank(), "carePlanId is blank");
    return new R4CarePlanBuilder(patientId, carePlanId, checkNotNull(start, "start"));
  }

  /**
   * Describes a measurable goal: a target on a measure (e.g. LOINC 4548-4, HbA1c) by a due date.
   *
   * @param description what the patient and team aim for, in words
   * @param measure the measure's code
   * @param target the target value in words (e.g. {@code "<7 %"})
   * @param due the date the target is due
   * @return the goal
   */
  public static GoalSpec goal(String description, Coding measure, String target, LocalDate due) {
    return new GoalSpec(
        checkNotNull(description, "description"),
        checkNotNull(measure, "measure"),
        checkNotNull(target, "target"),
        checkNotNull(due, "due"));
  }

  /**
   * A measurable goal for {@link #addGoal(GoalSpec)}.
   *
   * @param description what the patient and team aim for
   * @param measure the measure's code
   * @param target the target value in words
   * @param due the due date
   */
  public record GoalSpec(String description, Coding measure, String target, LocalDate due) {}

  /**
   * The built resources. HAPI resources are mutable: the caller owns them.
   *
   * @param carePlan the CarePlan
   * @param goals the Goals, in the order added
   * @param careTeam the CareTeam
   */
  public record Result(CarePlan carePlan, ImmutableList<Goal> goals, CareTeam careTeam) {
    /** Returns the resources as a {@code collection} Bundle: plan, goals, care team. */
    public Bundle bundle() {
      Bundle b = new Bundle().setType(Bundle.BundleType.COLLECTION);
      List<Resource> all = new ArrayList<>();
      all.add(carePlan);
      all.addAll(goals);
      all.add(careTeam);
      for (Resource r : all) {
        b.addEntry()
            .setFullUrl(r.getResourceType().name() + "/" + r.getIdElement().getIdPart())
            .setResource(r);
      }
      return b;
    }
  }

  /**
   * Sets the plan's status to {@code active} (the default is {@code draft}: a skeleton is not in
   * effect until a clinician activates it).
   *
   * @return this builder
   */
  @CanIgnoreReturnValue
  public R4CarePlanBuilder active() {
    this.status = CarePlan.CarePlanStatus.ACTIVE;
    return this;
  }

  /**
   * Tags the plan with a care program (a category in the care-program code system).
   *
   * @param program the program
   * @return this builder
   */
  @CanIgnoreReturnValue
  public R4CarePlanBuilder program(CareProgram program) {
    this.program = checkNotNull(program, "program");
    return this;
  }

  /**
   * Sets the author.
   *
   * @param practitionerId the Practitioner's logical id
   * @return this builder
   */
  @CanIgnoreReturnValue
  public R4CarePlanBuilder author(String practitionerId) {
    this.author = checkNotNull(practitionerId, "practitionerId");
    return this;
  }

  /**
   * Adds a problem the plan addresses (element 1).
   *
   * @param conditionId the Condition's logical id
   * @return this builder
   */
  @CanIgnoreReturnValue
  public R4CarePlanBuilder addProblem(String conditionId) {
    problems.add(checkNotNull(conditionId, "conditionId"));
    return this;
  }

  /**
   * Adds a measurable goal (element 3).
   *
   * @param goal the goal
   * @return this builder
   */
  @CanIgnoreReturnValue
  public R4CarePlanBuilder addGoal(GoalSpec goal) {
    goals.add(checkNotNull(goal, "goal"));
    return this;
  }

  /**
   * Adds a care-team member (element 8).
   *
   * @param practitionerId the Practitioner's logical id
   * @param role the member's role in words (e.g. {@code "care manager"})
   * @return this builder
   */
  @CanIgnoreReturnValue
  public R4CarePlanBuilder addCareTeamMember(String practitionerId, String role) {
    team.add(new String[] {checkNotNull(practitionerId, "practitionerId"), checkNotNull(role)});
    return this;
  }

  /**
   * Fills an activity element (2, 4, 5, 6 or 7) with the clinician's text.
   *
   * @param element the element
   * @param text what the plan says for it
   * @return this builder
   * @throws IllegalArgumentException if the element is not an activity element or the text is blank
   */
  @CanIgnoreReturnValue
  public R4CarePlanBuilder fill(CarePlanElement element, String text) {
    checkArgument(
        ACTIVITY_SLOTS.contains(element) && element != CarePlanElement.REVIEW_SCHEDULE,
        "%s is not filled with text",
        element);
    checkArgument(!checkNotNull(text, "text").isBlank(), "text is blank");
    filled.put(element, text);
    notApplicable.remove(element);
    return this;
  }

  /**
   * Fills an activity element with the clinician's text and the practitioner responsible for it
   * (element 5 needs one).
   *
   * @param element the element
   * @param text what the plan says for it
   * @param practitionerId the responsible Practitioner's logical id
   * @return this builder
   * @throws IllegalArgumentException as {@link #fill(CarePlanElement, String)}
   */
  @CanIgnoreReturnValue
  public R4CarePlanBuilder fill(CarePlanElement element, String text, String practitionerId) {
    fill(element, text);
    responsible.put(element, checkNotNull(practitionerId, "practitionerId"));
    return this;
  }

  /**
   * Marks an activity element as not applicable to this patient.
   *
   * @param element the element
   * @return this builder
   * @throws IllegalArgumentException if the element is not an activity element
   */
  @CanIgnoreReturnValue
  public R4CarePlanBuilder notApplicable(CarePlanElement element) {
    checkArgument(ACTIVITY_SLOTS.contains(element), "%s has no activity slot", element);
    filled.remove(element);
    notApplicable.add(element);
    return this;
  }

  /**
   * Schedules the next review (element 9).
   *
   * @param date the date the next review is due
   * @return this builder
   */
  @CanIgnoreReturnValue
  public R4CarePlanBuilder nextReview(LocalDate date) {
    this.nextReview = checkNotNull(date, "date");
    return this;
  }

  /**
   * Records that a copy went to the patient or caregiver (rules reference §6.2).
   *
   * @param date the date
   * @return this builder
   */
  @CanIgnoreReturnValue
  public R4CarePlanBuilder sharedWithPatient(LocalDate date) {
    this.sharedWithPatient = checkNotNull(date, "date");
    return this;
  }

  /**
   * Builds the resources.
   *
   * @return the CarePlan, Goals and CareTeam
   * @throws IllegalStateException if called twice
   */
  public Result build() {
    checkState(!built, "build() was already called");
    built = true;
    Reference subject = new Reference("Patient/" + patientId);
    String teamId = carePlanId + "-team";

    ImmutableList.Builder<Goal> goalResources = ImmutableList.builder();
    List<Reference> goalRefs = new ArrayList<>();
    for (int i = 0; i < goals.size(); i++) {
      GoalSpec g = goals.get(i);
      Goal goal = new Goal();
      goal.setId(carePlanId + "-goal-" + (i + 1));
      goal.setLifecycleStatus(Goal.GoalLifecycleStatus.ACTIVE);
      goal.setDescription(new CodeableConcept().setText(g.description()));
      goal.setSubject(subject.copy());
      goal.setStart(new DateType(start.toString()));
      goal.addTarget()
          .setMeasure(new CodeableConcept().addCoding(g.measure().copy()))
          .setDetail(new org.hl7.fhir.r4.model.StringType(g.target()))
          .setDue(new DateType(g.due().toString()));
      goal.setText(
          narrative("Goal: " + g.description() + "; target " + g.target() + " by " + g.due()));
      goalResources.add(goal);
      goalRefs.add(new Reference("Goal/" + goal.getIdElement().getIdPart()));
    }

    CareTeam careTeam = new CareTeam();
    careTeam.setId(teamId);
    careTeam.setStatus(CareTeam.CareTeamStatus.ACTIVE);
    careTeam.setSubject(subject.copy());
    for (String[] m : team) {
      careTeam
          .addParticipant()
          .addRole(new CodeableConcept().setText(m[1]))
          .setMember(new Reference("Practitioner/" + m[0]));
    }
    careTeam.setText(narrative("Care team of " + team.size() + " member(s)"));

    CarePlan plan = new CarePlan();
    plan.setId(carePlanId);
    plan.setStatus(status);
    plan.setIntent(CarePlan.CarePlanIntent.PLAN);
    plan.addCategory(
        new CodeableConcept().addCoding(new Coding(US_CORE_CATEGORY_SYSTEM, "assess-plan", null)));
    plan.addCategory(
        new CodeableConcept().addCoding(new Coding(SNOMED, MCC_CATEGORY_CODE, "Care plan")));
    if (program != null) {
      plan.addCategory(
          new CodeableConcept().addCoding(new Coding(CareProgram.SYSTEM, program.code(), null)));
    }
    plan.setSubject(subject.copy());
    plan.setPeriod(new Period().setStartElement(new DateTimeType(start.toString())));
    plan.setCreatedElement(new DateTimeType(start.toString()));
    if (author != null) {
      plan.setAuthor(new Reference("Practitioner/" + author));
    }
    for (String c : problems) {
      plan.addAddresses(new Reference("Condition/" + c));
    }
    plan.setGoal(goalRefs);
    plan.addCareTeam(new Reference("CareTeam/" + teamId));
    for (CarePlanElement e : ACTIVITY_SLOTS) {
      CarePlan.CarePlanActivityDetailComponent d = plan.addActivity().getDetail();
      d.setCode(
          new CodeableConcept().addCoding(new Coding(CarePlanElement.SYSTEM, e.code(), null)));
      d.setStatus(CarePlan.CarePlanActivityStatus.NOTSTARTED);
      if (notApplicable.contains(e)) {
        d.setStatus(CarePlan.CarePlanActivityStatus.CANCELLED);
        d.setStatusReason(
            new CodeableConcept()
                .addCoding(new Coding(ELEMENT_STATUS_SYSTEM, NOT_APPLICABLE, "Not applicable")));
      }
      Optional.ofNullable(filled.get(e)).ifPresent(d::setDescription);
      Optional.ofNullable(responsible.get(e))
          .ifPresent(p -> d.addPerformer(new Reference("Practitioner/" + p)));
      if (e == CarePlanElement.MEDICATION_MANAGEMENT) {
        d.setKind(CarePlan.CarePlanActivityKind.MEDICATIONREQUEST);
      }
      if (e == CarePlanElement.REVIEW_SCHEDULE && nextReview != null) {
        d.setScheduled(new Period().setStartElement(new DateTimeType(nextReview.toString())));
      }
    }
    if (sharedWithPatient != null) {
      plan.addExtension(SHARED_WITH_PATIENT_URL, new DateTimeType(sharedWithPatient.toString()));
    }
    plan.setText(
        narrative(
            "Care plan from "
                + start
                + ": "
                + problems.size()
                + " problem(s), "
                + goals.size()
                + " goal(s), care team of "
                + team.size()));
    return new Result(plan, goalResources.build(), careTeam);
  }

  private static Narrative narrative(String text) {
    Escaper html = HtmlEscapers.htmlEscaper();
    Narrative n = new Narrative();
    n.setStatus(Narrative.NarrativeStatus.GENERATED);
    n.setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\">" + html.escape(text) + "</div>");
    return n;
  }
}
