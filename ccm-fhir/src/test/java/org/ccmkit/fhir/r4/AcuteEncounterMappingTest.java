package org.ccmkit.fhir.r4;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableSet;
import java.time.LocalDate;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.model.PractitionerRef;
import org.ccmkit.core.model.SourceRef;
import org.ccmkit.core.model.Visit;
import org.junit.jupiter.api.Test;

/** Encounters of an acute class (EMER, IMP, ACUTE, OBSENC) become visits without billing codes. */
class AcuteEncounterMappingTest {
  private static final String ED =
      """
      {"resourceType":"Bundle","type":"collection","entry":[
       {"resource":{"resourceType":"Encounter","id":"enc-ed","status":"finished",
        "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"EMER"},
        "type":[{"coding":[{"system":"http://snomed.info/sct","code":"50849002"}]}],
        "subject":{"reference":"Patient/pat-1"},
        "participant":[{"individual":{"reference":"Practitioner/dr-1"}}],
        "period":{"start":"2026-02-10T22:00:00-05:00"}}},
       {"resource":{"resourceType":"Encounter","id":"enc-ip","status":"finished",
        "class":{"code":"IMP"},
        "subject":{"reference":"Patient/pat-1"},
        "period":{"start":"2026-01-05"}}},
       {"resource":{"resourceType":"Encounter","id":"enc-amb","status":"finished",
        "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},
        "type":[{"coding":[{"system":"http://snomed.info/sct","code":"185349003"}]}],
        "subject":{"reference":"Patient/pat-1"},
        "period":{"start":"2026-01-06"}}},
       {"resource":{"resourceType":"Encounter","id":"enc-ip-now","status":"in-progress",
        "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"IMP"},
        "subject":{"reference":"Patient/pat-1"}}},
       {"resource":{"resourceType":"Encounter","id":"enc-em-ed","status":"finished",
        "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"EMER"},
        "type":[{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"99284"}]}],
        "subject":{"reference":"Patient/pat-1"},
        "period":{"start":"2026-01-07"}}}
      ]}
      """;

  @Test
  void acuteClassWithoutBillingCode_isAVisitWithItsClass() {
    MappingResult r = Fixtures.mapWithPeople(ED);
    PatientRecord pat = r.records().get(0);

    Visit ed = visit(pat, "enc-ed");
    assertThat(ed.encounterClass()).contains("EMER");
    assertThat(ed.codes()).isEmpty();
    assertThat(ed.date()).isEqualTo(LocalDate.of(2026, 2, 10));
    assertThat(ed.practitioners()).containsExactly(PractitionerRef.of("dr-1"));
    assertThat(visit(pat, "enc-ip").encounterClass()).contains("IMP");
    assertThat(visit(pat, "enc-em-ed").encounterClass()).contains("EMER");
    assertThat(visit(pat, "enc-em-ed").codes()).isNotEmpty();
    assertThat(pat.visits()).noneMatch(v -> v.source().id().equals("enc-amb"));
    // an acute encounter without a billing code that is not finished and dated stays ignored
    assertThat(pat.visits()).noneMatch(v -> v.source().id().equals("enc-ip-now"));
    assertThat(r.issues())
        .anySatisfy(
            i -> {
              assertThat(i.resource()).contains(SourceRef.of("Encounter", "enc-ip-now"));
              assertThat(i.code()).isEqualTo(MappingIssueCode.UNSUPPORTED_CODE);
            });
    assertThat(r.issues())
        .anySatisfy(
            i -> {
              assertThat(i.resource()).contains(SourceRef.of("Encounter", "enc-amb"));
              assertThat(i.code()).isEqualTo(MappingIssueCode.UNSUPPORTED_CODE);
            });
    assertThat(r.counts().read())
        .isEqualTo(r.counts().used() + r.counts().ignored() + r.counts().rejected());
  }

  @Test
  void noAcuteClasses_keepsOnlyBillingCodedVisits() {
    MappingResult r =
        Fixtures.mapWithPeople(
            MappingOptions.builder().acuteEncounterClasses(ImmutableSet.of()).build(), ED);
    PatientRecord pat = r.records().get(0);

    assertThat(pat.visits()).extracting(v -> v.source().id()).containsExactly("enc-em-ed");
    assertThat(pat.visits().get(0).encounterClass()).isEmpty();
  }

  private static Visit visit(PatientRecord pat, String id) {
    return pat.visits().stream().filter(v -> v.source().id().equals(id)).findFirst().orElseThrow();
  }
}
