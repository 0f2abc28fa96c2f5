package org.ccmkit.fhir.r4.internal;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.util.Date;
import java.util.TimeZone;
import org.hl7.fhir.r4.model.DateTimeType;
import org.jspecify.annotations.Nullable;

/**
 * A {@code dateTime} the fast reader builds from a plain text it has checked itself ({@link
 * #plain}): it keeps the text and leaves HAPI's parse (a {@code GregorianCalendar} per value, the
 * largest cost of building a resource) until something asks for more than the text. The mappers
 * read only {@link #getValueAsString()} (through {@code Times.read}); HAPI keeps a parsed value's
 * text as given, so that is the same text either way. Anything else ({@link #getValue()}, the
 * precision, the time zone, a copy) parses first, exactly as {@code new DateTimeType(text)} would.
 */
final class TextDateTime extends DateTimeType {
  private static final long serialVersionUID = 1L;

  private boolean parsed;

  /** Only for a text {@link #plain} accepts. */
  TextDateTime(String text) {
    super();
    setValueAsString(text);
  }

  /**
   * Whether {@code s} is {@code YYYY-MM-DD}, or {@code YYYY-MM-DDThh:mm:ss} with {@code Z} or an
   * offset {@code ±hh:mm} up to 14 hours, every field in range (a year from 1900 to 2999, a day
   * that exists in its month): a subset of what HAPI's parser takes without a complaint.
   */
  static boolean plain(String s) {
    int n = s.length();
    if (n != 10 && n != 20 && n != 25) {
      return false;
    }
    if (s.charAt(4) != '-' || s.charAt(7) != '-') {
      return false;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) {
      return false;
    }
    if (day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
      return false;
    }
    if (n == 10) {
      return true;
    }
    if (s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return false;
    }
    int hh = digits(s, 11, 2);
    int mm = digits(s, 14, 2);
    int ss = digits(s, 17, 2);
    if (hh < 0 || hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 59) {
      return false;
    }
    if (n == 20) {
      return s.charAt(19) == 'Z';
    }
    char sign = s.charAt(19);
    if ((sign != '+' && sign != '-') || s.charAt(22) != ':') {
      return false;
    }
    int oh = digits(s, 20, 2);
    int om = digits(s, 23, 2);
    return oh >= 0 && oh <= 14 && om >= 0 && om <= 59;
  }

  /** The decimal value of {@code count} ASCII digits from {@code at}, or -1. */
  private static int digits(String s, int at, int count) {
    int v = 0;
    for (int i = at; i < at + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = 10 * v + (c - '0');
    }
    return v;
  }

  @Override
  protected @Nullable Date parse(String value) {
    return parsed ? super.parse(value) : null;
  }

  /** Parses the text as HAPI would have on reading it (once). */
  private void materialize() {
    if (!parsed) {
      parsed = true;
      setValueAsString(getValueAsString());
    }
  }

  @Override
  public Date getValue() {
    materialize();
    return super.getValue();
  }

  @Override
  public TemporalPrecisionEnum getPrecision() {
    materialize();
    return super.getPrecision();
  }

  @Override
  public TimeZone getTimeZone() {
    materialize();
    return super.getTimeZone();
  }

  @Override
  public DateTimeType copy() {
    materialize();
    return super.copy();
  }
}
