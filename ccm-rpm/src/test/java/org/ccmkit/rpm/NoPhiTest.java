package org.ccmkit.rpm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccmkit.rpm.Fixtures.CUFF;
import static org.ccmkit.rpm.Fixtures.NEW_YORK;

import java.time.LocalDate;
import java.time.YearMonth;
import org.ccmkit.core.json.CcmJson;
import org.ccmkit.core.model.ImmutablePatientRecord;
import org.ccmkit.core.model.Patient;
import org.ccmkit.core.model.PatientRecord;
import org.ccmkit.core.model.Reading;
import org.junit.jupiter.api.Test;

/** Results and messages never carry the patient's identifiers, birth date or free text. */
class NoPhiTest {
  private static final String MBI = "1EG4TE5MK73";
  private static final LocalDate BIRTH = LocalDate.of(1941, 2, 13);
  private static final String OBS_IDENTIFIER = "urn:vendor|SECRET-7731";

  @Test
  void resultsAndMessages_carryNoPhi() {
    LocalDate start = LocalDate.of(2026, 3, 1);
    ImmutablePatientRecord.Builder b = Fixtures.enrolled(start);
    for (Reading r : Fixtures.daily("r", start, 16, NEW_YORK, CUFF)) {
      b.addReading(Reading.builder().from(r).identifier(OBS_IDENTIFIER + r.source().id()).build());
    }
    b.addReading(Fixtures.bp("bp1", start.atTime(9, 0).atZone(NEW_YORK).toInstant(), 190, 100));
    PatientRecord record =
        ImmutablePatientRecord.builder()
            .from(b.build())
            .patient(Patient.builder().ref(Fixtures.P).birthDate(BIRTH).mbi(MBI).build())
            .build();

    RpmBilling bill =
        Fixtures.RULES.computeBilling(
            RpmQuery.of(record, YearMonth.of(2026, 3)), Fixtures.endOf(2026, 3, NEW_YORK));
    AlertResult alerts =
        Fixtures.RULES.computeAlerts(AlertQuery.of(record), Fixtures.endOf(2026, 3, NEW_YORK));

    for (String text :
        new String[] {
          bill.toString(),
          alerts.toString(),
          CcmJson.write(bill),
          CcmJson.write(alerts),
          record.readings().get(0).toString()
        }) {
      assertThat(text)
          .doesNotContain(MBI)
          .doesNotContain(BIRTH.toString())
          .doesNotContain("SECRET");
    }
    assertThat(alerts.alerts()).isNotEmpty();
    assertThat(bill.lines()).isNotEmpty();
  }
}
