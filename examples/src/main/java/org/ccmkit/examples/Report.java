package org.ccmkit.examples;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.ccmkit.billing.BillingResult;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.rule.Decision;
import org.ccmkit.core.rule.Reason;
import org.ccmkit.core.rules.CoreReasonCode;
import org.ccmkit.fhir.r4.MappingResult;
import org.ccmkit.rpm.AlertSeverity;

/**
 * Renders {@code report.html}: one self-contained page (inline CSS and SVG, no script, no network)
 * for a practice manager. It names patients by id only. Every text is HTML-escaped.
 */
final class Report {

  private Report() {}

  static String render(MonthEnd.Result r) {
    StringWriter w = new StringWriter();
    try {
      write(r, w);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  /** The look of ccmkit's HTML reports (the eligibility sweep's too; docs/month-end.md). */
  static final String STYLE =
      "body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:24px;"
          + "color:#1d2733;background:#f6f8fa}h1{font-size:22px;margin:0 0 4px}"
          + "h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #d0d7de;"
          + "padding-bottom:4px}.muted{color:#57606a}.cards{display:flex;flex-wrap:wrap;"
          + "gap:12px}.card{background:#fff;border:1px solid #d0d7de;border-radius:8px;"
          + "padding:10px 14px;min-width:130px}.card b{display:block;font-size:22px}"
          + "table{border-collapse:collapse;background:#fff;margin:4px 0}"
          + "td,th{border:1px solid #d0d7de;padding:4px 8px;text-align:left;"
          + "vertical-align:top}th{background:#eef1f4}td.n{text-align:right}";

  /**
   * Writes the page to {@code out} section by section, so that a large practice's page is never
   * held whole in memory.
   *
   * @throws IOException if {@code out} cannot be written
   */
  static void write(MonthEnd.Result r, Writer out) throws IOException {
    StringBuilder h = new StringBuilder(64 * 1024);
    MonthEnd.Options o = r.options();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>ccmkit month end ")
        .append(esc(o.month().toString()))
        .append("</title>\n<style>")
        .append(STYLE)
        .append(
            ".sev-high{color:#b3261e;font-weight:600}.sev-moderate{color:#9a6700}"
                + ".sev-low{color:#57606a}svg{background:#fff;border:1px solid #d0d7de;"
                + "border-radius:8px}")
        .append("</style></head><body>\n");
    h.append("<h1>Care management month end: ")
        .append(esc(o.month().toString()))
        .append("</h1><p class=\"muted\">Practice zone ")
        .append(esc(o.zone().getId()))
        .append(", as of ")
        .append(esc(o.asOf().toString()))
        .append(", input: ")
        .append(esc(r.inputName()))
        .append(". Patients are shown by id only. Amounts are Medicare allowed amounts as")
        .append(" estimated by ccmkit; not billing advice.</p>\n");

    // Figures
    int ccmMinutes = 0;
    for (MonthEnd.PatientRow pm : r.rows()) {
      for (MonthEnd.Minutes m : pm.minutes()) {
        ccmMinutes += m.minutes();
      }
    }
    h.append("<h2>The month in figures</h2><div class=\"cards\">");
    card(h, "patients evaluated", Integer.toString(r.rows().size()));
    card(h, "enrolled", Long.toString(r.enrolled()));
    card(h, "billable", Long.toString(r.billable()));
    card(h, "minutes counted (CCM, PCM)", Integer.toString(ccmMinutes));
    card(h, "claims", Integer.toString(r.claims()));
    card(h, "allowed", money(r.allowed()));
    card(h, "patient share (est.)", money(r.shareLow()) + " – " + money(r.shareHigh()));
    card(h, "blocked", Integer.toString(r.blockedCount()));
    card(h, "alerts", Integer.toString(r.totalAlerts()));
    h.append("</div>\n");
    appendAccounting(h, r.mapping());

    // Claims by code
    h.append("<h2>Claims by code</h2>");
    if (r.byCode().isEmpty()) {
      h.append("<p>No claim lines this month.</p>");
    } else {
      h.append("<table><tr><th>Code</th><th>Units</th><th>Allowed</th></tr>");
      r.byCode()
          .forEach(
              (code, t) ->
                  h.append("<tr><td>")
                      .append(esc(code))
                      .append("</td><td class=\"n\">")
                      .append(t.units())
                      .append("</td><td class=\"n\">")
                      .append(esc(money(t.allowed())))
                      .append("</td></tr>"));
      h.append("<tr><th>Total</th><th class=\"n\">")
          .append(r.lines())
          .append(" lines</th><th class=\"n\">")
          .append(esc(money(r.allowed())))
          .append("</th></tr></table>\n");
    }
    flush(h, out);
    minutesChart(h, r);
    flush(h, out);
    worklist(h, r);
    flush(h, out);
    devices(h, r);
    flush(h, out);
    alerts(h, r);
    flush(h, out);
    blocked(h, r);
    flush(h, out);
    documentation(h, r);
    h.append("<p class=\"muted\">Generated by ccmkit. Decisions with every reason and its")
        .append(" evidence: decisions.ndjson.</p>\n</body></html>\n");
    flush(h, out);
  }

  private static void flush(StringBuilder h, Writer out) throws IOException {
    out.append(h);
    h.setLength(0);
  }

  private static void card(StringBuilder h, String label, String value) {
    h.append("<div class=\"card\"><b>")
        .append(esc(value))
        .append("</b>")
        .append(esc(label))
        .append("</div>");
  }

  private static void minutesChart(StringBuilder h, MonthEnd.Result r) {
    ImmutableList<Integer> ccm = r.thresholds().of(CareProgram.CCM);
    h.append("<h2>Minutes per patient against the ")
        .append(esc(ccm.stream().map(String::valueOf).collect(Collectors.joining("/"))))
        .append("-minute CCM thresholds</h2>");
    List<String[]> rows = new ArrayList<>();
    List<Integer> values = new ArrayList<>();
    for (MonthEnd.PatientRow pm : r.rows()) {
      for (MonthEnd.Minutes m : pm.minutes()) {
        rows.add(new String[] {pm.id(), m.program().name()});
        values.add(m.minutes());
      }
    }
    if (rows.isEmpty()) {
      h.append("<p>No patient enrolled in CCM or PCM this month.</p>");
      return;
    }
    int max = Math.max(75, values.stream().mapToInt(Integer::intValue).max().orElse(0) + 5);
    int label = 190;
    int width = 900;
    int plot = width - label - 20;
    int bar = 14;
    int height = rows.size() * (bar + 4) + 40;
    h.append("<svg role=\"img\" aria-label=\"minutes per patient\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"11\">");
    for (int i = 0; i < rows.size(); i++) {
      int y = 20 + i * (bar + 4);
      int v = values.get(i);
      int w = (int) Math.round((double) v * plot / max);
      String color = !ccm.isEmpty() && v >= ccm.get(0) ? "#2da44e" : "#d4a72c";
      h.append("<text x=\"4\" y=\"")
          .append(y + bar - 3)
          .append("\">")
          .append(esc(rows.get(i)[0] + " " + rows.get(i)[1]))
          .append("</text><rect x=\"")
          .append(label)
          .append("\" y=\"")
          .append(y)
          .append("\" width=\"")
          .append(w)
          .append("\" height=\"")
          .append(bar)
          .append("\" fill=\"")
          .append(color)
          .append("\"/><text x=\"")
          .append(label + w + 4)
          .append("\" y=\"")
          .append(y + bar - 3)
          .append("\">")
          .append(v)
          .append("</text>");
    }
    for (int t : ccm) {
      int x = label + (int) Math.round((double) t * plot / max);
      h.append("<line x1=\"")
          .append(x)
          .append("\" x2=\"")
          .append(x)
          .append("\" y1=\"14\" y2=\"")
          .append(height - 4)
          .append("\" stroke=\"#cf222e\" stroke-dasharray=\"4 3\"/><text x=\"")
          .append(x - 10)
          .append("\" y=\"11\" fill=\"#cf222e\">")
          .append(t)
          .append(" min</text>");
    }
    h.append("</svg>\n");
  }

  private static void worklist(StringBuilder h, MonthEnd.Result r) {
    long days = MonthEnd.daysLeft(r.options());
    h.append("<h2>Worklist: nearest to the next threshold</h2><p class=\"muted\">")
        .append(days)
        .append(" day(s) left in ")
        .append(esc(r.options().month().toString()))
        .append(" as of ")
        .append(esc(r.options().asOf().toString()))
        .append(".</p>");
    record Row(String id, CareProgram program, int minutes, int next) {}
    List<Row> rows = new ArrayList<>();
    for (MonthEnd.PatientRow pm : r.rows()) {
      for (MonthEnd.Minutes m : pm.minutes()) {
        for (int t : r.thresholds().of(m.program())) {
          if (m.minutes() < t) {
            rows.add(new Row(pm.id(), m.program(), m.minutes(), t));
            break;
          }
        }
      }
    }
    rows.sort(
        Comparator.comparingInt((Row x) -> x.next() - x.minutes())
            .thenComparing(Row::id)
            .thenComparing(Row::program));
    if (rows.isEmpty()) {
      h.append("<p>Every enrolled patient has passed the last threshold of their program.</p>");
      return;
    }
    h.append(
        "<table><tr><th>Patient</th><th>Program</th><th>Minutes</th><th>Next threshold</th>"
            + "<th>Minutes short</th><th>Days left</th></tr>");
    for (Row x : rows.subList(0, Math.min(15, rows.size()))) {
      h.append("<tr><td>")
          .append(esc(x.id()))
          .append("</td><td>")
          .append(x.program().name())
          .append("</td><td class=\"n\">")
          .append(x.minutes())
          .append("</td><td class=\"n\">")
          .append(x.next())
          .append("</td><td class=\"n\">")
          .append(x.next() - x.minutes())
          .append("</td><td class=\"n\">")
          .append(days)
          .append("</td></tr>");
    }
    h.append("</table>\n");
  }

  private static void devices(StringBuilder h, MonthEnd.Result r) {
    h.append("<h2>RPM device-day progress</h2>");
    List<String> rows = new ArrayList<>();
    for (MonthEnd.PatientRow pm : r.rows()) {
      for (MonthEnd.PeriodRow p : pm.periods()) {
        int n = p.dataDays();
        int length = p.length();
        int w = Math.min(200, n * 200 / length);
        int target = Math.min(200, r.thresholds().deviceDays() * 200 / length);
        rows.add(
            "<tr><td>"
                + esc(pm.id())
                + "</td><td>"
                + esc(p.start() + " – " + p.endInclusive())
                + (p.open() ? " (open)" : "")
                + "</td><td class=\"n\">"
                + n
                + "</td><td><svg width=\"210\" height=\"14\" xmlns=\"http://www.w3.org/2000/svg\">"
                + "<rect x=\"0\" y=\"2\" width=\"200\" height=\"10\" fill=\"#eef1f4\"/>"
                + "<rect x=\"0\" y=\"2\" width=\""
                + w
                + "\" height=\"10\" fill=\""
                + (n >= r.thresholds().deviceDays() ? "#2da44e" : "#d4a72c")
                + "\"/><line x1=\""
                + target
                + "\" x2=\""
                + target
                + "\" y1=\"0\" y2=\"14\" stroke=\"#cf222e\"/></svg></td></tr>");
      }
    }
    if (rows.isEmpty()) {
      h.append(
          "<p>No RPM device period this month (no RPM enrollment, or no device readings in the"
              + " input).</p>");
      return;
    }
    h.append(
        "<table><tr><th>Patient</th><th>30-day period</th><th>Days with data</th>"
            + "<th>Progress (red mark: "
            + r.thresholds().deviceDays()
            + " days)</th></tr>");
    rows.forEach(h::append);
    h.append("</table>\n");
  }

  private static void alerts(StringBuilder h, MonthEnd.Result r) {
    h.append("<h2>Alerts by severity</h2><div class=\"cards\">");
    for (AlertSeverity s : AlertSeverity.values()) {
      card(h, s.fhirCode(), Integer.toString(r.alertsBySeverity().getOrDefault(s, 0)));
    }
    h.append("</div>");
    if (r.totalAlerts() > 0) {
      h.append("<table><tr><th>Patient</th><th>Severity</th><th>Alert</th><th>Breaches</th></tr>");
      for (MonthEnd.PatientRow pm : r.rows()) {
        for (MonthEnd.AlertRow a : pm.alerts()) {
          String sev = a.severity().fhirCode();
          h.append("<tr><td>")
              .append(esc(pm.id()))
              .append("</td><td class=\"sev-")
              .append(esc(sev))
              .append("\">")
              .append(esc(sev))
              .append("</td><td>")
              .append(esc(a.label()))
              .append("</td><td class=\"n\">")
              .append(a.breachCount())
              .append("</td></tr>");
        }
      }
      h.append("</table>");
    }
    h.append('\n');
  }

  private static void blocked(StringBuilder h, MonthEnd.Result r) {
    h.append("<h2>Blocked claims and why</h2>");
    if (r.blockedCount() == 0) {
      h.append("<p>No claim was blocked.</p>");
      return;
    }
    h.append(
        "<table><tr><th>Patient</th><th>Program</th><th>Practitioner</th><th>Outcome</th>"
            + "<th>Reason</th></tr>");
    for (MonthEnd.PatientRow pm : r.rows()) {
      for (MonthEnd.BlockedRow d : pm.blocked()) {
        h.append("<tr><td>")
            .append(esc(pm.id()))
            .append("</td><td>")
            .append(esc(d.program()))
            .append("</td><td>")
            .append(esc(d.practitioner()))
            .append("</td><td>")
            .append(esc(d.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ')))
            .append("</td><td>")
            .append(esc(d.why()))
            .append("</td></tr>");
      }
    }
    h.append("</table>\n");
  }

  /** The reason codes of the documentation worklist (care plan, consent disclosures). */
  private static final ImmutableSet<String> DOCUMENTATION_FINDINGS =
      ImmutableSet.of(
          CoreReasonCode.CARE_PLAN_MISSING.name(),
          CoreReasonCode.CARE_PLAN_INCOMPLETE.name(),
          CoreReasonCode.CARE_PLAN_REVIEW_OVERDUE.name(),
          CoreReasonCode.CARE_PLAN_NOT_SHARED.name(),
          CoreReasonCode.CONSENT_INCOMPLETE.name());

  /**
   * The documentation worklist: care-plan and consent-record findings on the month's CCM/PCM
   * billing decisions (docs/rules/care-plan.md), one line per patient, program and finding.
   */
  private static void documentation(StringBuilder h, MonthEnd.Result r) {
    h.append("<h2>Worklist: care plans and consent records</h2>");
    StringBuilder rows = new StringBuilder();
    int count = 0;
    for (MonthEnd.PatientRow pm : r.rows()) {
      for (MonthEnd.FindingRow f : pm.findings()) {
        count++;
        rows.append("<tr><td>")
            .append(esc(pm.id()))
            .append("</td><td>")
            .append(esc(f.program()))
            .append("</td><td>")
            .append(esc(f.code()))
            .append("</td><td>")
            .append(esc(f.severity().name().toLowerCase(Locale.ROOT)))
            .append("</td><td>")
            .append(esc(f.message()))
            .append("</td></tr>");
      }
    }
    if (count == 0) {
      h.append("<p>Every billed care-management month has a complete, current care plan and a")
          .append(" complete consent record.</p>\n");
      return;
    }
    h.append("<p class=\"muted\">")
        .append(count)
        .append(" finding(s): a warning does not stop the claim; an error (by configuration) does.")
        .append("</p><table><tr><th>Patient</th><th>Program</th><th>Finding</th>")
        .append("<th>Severity</th><th>What to do</th></tr>")
        .append(rows)
        .append("</table>\n");
  }

  /**
   * The documentation findings of one patient-month's billing decisions: one per program, reason
   * code and message, in decision order.
   */
  static ImmutableList<MonthEnd.FindingRow> findings(BillingResult billing) {
    ImmutableList.Builder<MonthEnd.FindingRow> out = ImmutableList.builder();
    Set<String> seen = new LinkedHashSet<>();
    for (Decision d : billing.decisions()) {
      for (Reason reason : d.reasons()) {
        if (!DOCUMENTATION_FINDINGS.contains(reason.code())) {
          continue;
        }
        String program = d.program().map(Enum::name).orElse("");
        if (seen.add(program + "|" + reason.code() + "|" + reason.message())) {
          out.add(
              new MonthEnd.FindingRow(program, reason.code(), reason.severity(), reason.message()));
        }
      }
    }
    return out.build();
  }

  static String money(BigDecimal amount) {
    return "$" + String.format(Locale.ROOT, "%,.2f", amount.setScale(2, RoundingMode.HALF_UP));
  }

  /** HTML-escapes text for element content and double-quoted attributes. */
  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * Appends the line saying how the input resources were accounted for (read = used + ignored +
   * rejected). Shared by the month-end and eligibility-sweep reports.
   */
  static void appendAccounting(StringBuilder h, MappingResult mapping) {
    h.append("<p class=\"muted\">Input resources: ")
        .append(mapping.counts().read())
        .append(" read = ")
        .append(mapping.counts().used())
        .append(" used + ")
        .append(mapping.counts().ignored())
        .append(" ignored + ")
        .append(mapping.counts().rejected())
        .append(" rejected (each ignored or rejected one is in outcomes.ndjson).</p>\n");
  }
}
