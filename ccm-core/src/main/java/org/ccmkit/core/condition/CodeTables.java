package org.ccmkit.core.condition;

import com.google.common.collect.ImmutableList;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ccmkit.core.rule.CcmException;
import org.ccmkit.core.rule.ErrorCode;

/** Reads the small CSV code tables behind the classifiers. Package-private. */
final class CodeTables {
  private CodeTables() {}

  /**
   * Reads an AHRQ chronic-condition indicator table: the 2019.1 CCI layout (header first), the CCIR
   * v2023+ layout (preamble lines, then a header; single-quoted, dot-less codes; 0/1/9), or
   * ccmkit's compact {@code code,chronic} layout. The code is in the first column. Lines before the
   * header row (first cell {@code ICD-10-CM CODE} or {@code code}) and {@code #} comment lines are
   * skipped.
   */
  static Map<String, Chronicity> readIndicatorTable(Reader reader, String origin) {
    Map<String, Chronicity> table = new LinkedHashMap<>();
    int codeColumn = -1;
    int flagColumn = -1;
    int lineNo = 0;
    try (BufferedReader in = new BufferedReader(reader)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNo++;
        if (lineNo == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        List<String> fields = splitCsv(line);
        if (codeColumn < 0) {
          if (isHeader(fields)) {
            codeColumn = 0;
            flagColumn = flagColumn(fields);
          }
          continue; // the header, or a preamble line before it
        }
        if (fields.size() <= Math.max(codeColumn, flagColumn)) {
          throw invalid(
              origin,
              lineNo,
              "expected at least %d fields, found %d",
              Math.max(codeColumn, flagColumn) + 1,
              fields.size());
        }
        String code = IcdIndicatorClassifier.normalize(fields.get(codeColumn));
        if (code.length() < 3) {
          throw invalid(origin, lineNo, "not an ICD-10-CM code: '%s'", code);
        }
        table.put(code, chronicity(fields.get(flagColumn), origin, lineNo));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read code table " + origin, e);
    }
    if (codeColumn < 0) {
      throw invalid(origin, lineNo, "no header row whose first cell is 'ICD-10-CM CODE' or 'code'");
    }
    if (table.isEmpty()) {
      throw invalid(origin, lineNo, "the table has no rows");
    }
    return table;
  }

  /** Reads the rows of a simple table with a header line; {@code #} lines are comments. */
  static List<List<String>> readRows(Reader reader, String origin, String... header) {
    List<List<String>> rows = new ArrayList<>();
    boolean seenHeader = false;
    int lineNo = 0;
    try (BufferedReader in = new BufferedReader(reader)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNo++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        List<String> fields = splitCsv(line);
        if (!seenHeader) {
          if (!fields.subList(0, Math.min(fields.size(), header.length)).equals(List.of(header))) {
            throw invalid(origin, lineNo, "expected header %s", String.join(",", header));
          }
          seenHeader = true;
          continue;
        }
        if (fields.size() < header.length) {
          throw invalid(origin, lineNo, "expected %d fields", header.length);
        }
        rows.add(fields);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read code table " + origin, e);
    }
    return rows;
  }

  static Chronicity chronicity(String flag, String origin, int lineNo) {
    return switch (flag.trim()) {
      case "1" -> Chronicity.CHRONIC;
      case "0" -> Chronicity.NOT_CHRONIC;
      case "9" -> Chronicity.UNDETERMINED;
      default ->
          throw invalid(origin, lineNo, "chronic indicator must be 0, 1 or 9, found '%s'", flag);
    };
  }

  /** Splits one CSV line; fields may be double-quoted (with "" escapes) or single-quoted. */
  static List<String> splitCsv(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean inDouble = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (inDouble) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          inDouble = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        inDouble = true;
      } else if (c == ',') {
        out.add(unquoteSingle(field.toString()));
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    out.add(unquoteSingle(field.toString()));
    return ImmutableList.copyOf(out);
  }

  private static String unquoteSingle(String s) {
    String t = s.trim();
    if (t.length() >= 2 && t.startsWith("'") && t.endsWith("'")) {
      return t.substring(1, t.length() - 1).trim();
    }
    return t;
  }

  /**
   * Whether {@code fields} is the header row: its first cell, quotes removed, is {@code ICD-10-CM
   * CODE} (AHRQ CCI and CCIR) or {@code code} (ccmkit's compact layout). Title lines of a CCIR
   * preamble may mention codes too, so nothing looser is accepted.
   */
  private static boolean isHeader(List<String> fields) {
    String first = fields.get(0).toUpperCase(Locale.ROOT);
    return fields.size() > 1 && (first.equals("ICD-10-CM CODE") || first.equals("CODE"));
  }

  /** The indicator column of a header: the one named CHRONIC or INDICATOR, else the last one. */
  private static int flagColumn(List<String> header) {
    int column = indexOf(header, "CHRONIC", "DESCRIPTION");
    if (column < 1) {
      column = indexOf(header, "INDICATOR", "DESCRIPTION");
    }
    return column < 1 ? header.size() - 1 : column;
  }

  private static int indexOf(List<String> fields, String must, String mustNot) {
    for (int i = 0; i < fields.size(); i++) {
      String f = fields.get(i).toUpperCase(Locale.ROOT);
      if (f.contains(must) && !f.contains(mustNot) && f.length() <= 40) {
        return i;
      }
    }
    return -1;
  }

  private static CcmException invalid(String origin, int lineNo, String format, Object... args) {
    return new CcmException(
        ErrorCode.INVALID_CODE_TABLE,
        "%s line %d: %s",
        origin,
        lineNo,
        String.format(Locale.ROOT, format, args));
  }
}
