package org.ccmkit.examples;

import static org.ccmkit.examples.Report.esc;

import java.util.Map;
import org.ccmkit.core.sweep.CandidateShare;
import org.ccmkit.core.sweep.CandidateStatus;
import org.ccmkit.core.sweep.Screening;

/**
 * Renders the eligibility sweep's {@code report.html}: one self-contained page (inline CSS, no
 * script, no network) in the month-end report's style, with the candidates section: every candidate
 * by id, rank, status, score and its components, the qualifying and not-counted conditions,
 * coverage found, the share quote, whether an initiating visit is needed and what consent must
 * cover. Every text is HTML-escaped.
 */
final class EligibleReport {
  private EligibleReport() {}

  static String render(Eligible.Result r) {
    StringBuilder h = new StringBuilder(64 * 1024);
    Eligible.Options o = r.options();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>ccmkit eligibility sweep ")
        .append(esc(o.asOf().toString()))
        .append("</title>\n<style>")
        .append(Report.STYLE)
        .append("</style></head><body>\n");
    h.append("<h1>Care-management candidates as of ")
        .append(esc(o.asOf().toString()))
        .append("</h1><p class=\"muted\">Practice zone ")
        .append(esc(o.zone().getId()))
        .append(", input: ")
        .append(esc(r.inputName()))
        .append(", score weights ")
        .append(esc(r.parametersVersion()))
        .append(". Patients not enrolled in CCM or PCM who qualify or nearly qualify, ranked by")
        .append(" score (ties by id). Patients are shown by id only; not billing advice.</p>\n");

    Map<CandidateStatus, Integer> by = r.byStatus();
    h.append("<h2>The sweep in figures</h2><div class=\"cards\">");
    card(h, "patients screened", Integer.toString(r.screenings().size()));
    card(h, "candidates", Integer.toString(r.ranked().size()));
    for (CandidateStatus s : CandidateStatus.values()) {
      card(h, s.label(), Integer.toString(by.getOrDefault(s, 0)));
    }
    h.append("</div>\n");
    Report.appendAccounting(h, r.mapping());

    h.append("<h2>Candidates</h2>");
    if (r.ranked().isEmpty()) {
      h.append("<p>No candidates.</p>\n");
    } else {
      h.append(
          "<table><tr><th>#</th><th>Patient</th><th>Status</th><th>Score</th>"
              + "<th>Why this rank</th><th>Qualifying conditions</th><th>Not counted</th>"
              + "<th>Medicare coverage</th><th>Est. monthly share</th>"
              + "<th>Initiating visit first</th><th>Consent must cover</th></tr>");
      int rank = 0;
      for (Screening s : r.ranked()) {
        rank++;
        h.append("<tr><td class=\"n\">")
            .append(rank)
            .append("</td><td>")
            .append(esc(s.patient().id()))
            .append("</td><td>")
            .append(esc(s.status().label()))
            .append("</td><td class=\"n\">")
            .append(s.score())
            .append("</td><td>")
            .append(esc(Eligible.components(s)))
            .append("</td><td>")
            .append(esc(Eligible.conditions(s, true)))
            .append("</td><td>")
            .append(esc(Eligible.conditions(s, false)))
            .append("</td><td>")
            .append(esc(Eligible.coverage(s)))
            .append("</td><td>")
            .append(esc(share(s)))
            .append("</td><td>")
            .append(s.initiatingVisitRequired() ? "yes" : "no")
            .append("</td><td>")
            .append(esc(String.join(", ", s.disclosures().stream().map(d -> d.code()).toList())))
            .append("</td></tr>");
      }
      h.append("</table>\n");
    }
    h.append("<p class=\"muted\">Score = the weight of each counted chronic-condition group +")
        .append(" points per recent emergency or inpatient encounter + points once for a")
        .append(" condition remote monitoring serves; weights are versioned data")
        .append(" (docs/eligibility-sweep.md). Each candidate's decisions: candidates.ndjson;")
        .append(" the FHIR Group: candidates.json; for outreach: candidates.csv.</p>\n")
        .append("</body></html>\n");
    return h.toString();
  }

  private static String share(Screening s) {
    if (s.share().isEmpty()) {
      return "";
    }
    CandidateShare c = s.share().get();
    if (!c.estimated()) {
      return c.code() + ": not estimated (" + c.basis() + ")";
    }
    String range =
        c.low().equals(c.high())
            ? Report.money(c.low().amount())
            : Report.money(c.low().amount()) + " – " + Report.money(c.high().amount());
    return c.code()
        + ": "
        + range
        + " ("
        + c.basis()
        + (c.patientMayBeBilled() ? "" : ", may not be billed")
        + ")"
        + (s.coverages().isEmpty() ? "; no coverage on file: assuming Original Medicare" : "");
  }

  private static void card(StringBuilder h, String label, String value) {
    h.append("<div class=\"card\"><b>")
        .append(esc(value))
        .append("</b>")
        .append(esc(label))
        .append("</div>");
  }
}
