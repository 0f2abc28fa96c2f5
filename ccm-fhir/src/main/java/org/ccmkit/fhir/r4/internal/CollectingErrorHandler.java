package org.ccmkit.fhir.r4.internal;

import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;
import java.util.ArrayList;
import java.util.List;
import org.ccmkit.fhir.r4.MappingIssueCode;
import org.jspecify.annotations.Nullable;

/**
 * An error handler that lets HAPI go on parsing but records every callback, so that each becomes a
 * {@code MappingIssue} (HAPI's lenient handler would only log them). Messages name elements and
 * JSON types, never values.
 */
final class CollectingErrorHandler implements IParserErrorHandler {
  /** One parser complaint. */
  static final class Complaint {
    final MappingIssueCode code;
    final @Nullable String path;
    final String message;

    Complaint(MappingIssueCode code, @Nullable String path, String message) {
      this.code = code;
      this.path = path;
      this.message = message;
    }
  }

  private final List<Complaint> complaints = new ArrayList<>();

  /** Returns and forgets the complaints collected since the last call. */
  List<Complaint> drain() {
    List<Complaint> out = List.copyOf(complaints);
    complaints.clear();
    return out;
  }

  private static @Nullable String parent(@Nullable IParseLocation loc) {
    return loc == null ? null : loc.getParentElementName();
  }

  private static @Nullable String path(@Nullable IParseLocation loc, @Nullable String element) {
    String p = parent(loc);
    if (p == null) {
      return element;
    }
    return element == null ? p : p + "." + element;
  }

  private void add(MappingIssueCode code, @Nullable String path, String message) {
    complaints.add(new Complaint(code, path, message));
  }

  @Override
  public void containedResourceWithNoId(@Nullable IParseLocation loc) {
    add(
        MappingIssueCode.PARSER_CONTAINED_WITHOUT_ID,
        parent(loc),
        "a contained resource has no id and cannot be referenced");
  }

  @Override
  public void incorrectJsonType(
      @Nullable IParseLocation loc,
      @Nullable String element,
      BaseJsonLikeValue.@Nullable ValueType expected,
      BaseJsonLikeValue.@Nullable ScalarType expectedScalar,
      BaseJsonLikeValue.@Nullable ValueType found,
      BaseJsonLikeValue.@Nullable ScalarType foundScalar) {
    add(
        MappingIssueCode.PARSER_INCORRECT_JSON_TYPE,
        path(loc, element),
        "expected JSON "
            + describe(expected, expectedScalar)
            + ", found "
            + describe(found, foundScalar));
  }

  private static String describe(
      BaseJsonLikeValue.@Nullable ValueType t, BaseJsonLikeValue.@Nullable ScalarType s) {
    String type = t == null ? "?" : t.name();
    return s == null ? type : type + " (" + s.name() + ")";
  }

  @Override
  public void invalidValue(
      @Nullable IParseLocation loc, @Nullable String value, @Nullable String error) {
    add(
        MappingIssueCode.PARSER_INVALID_VALUE,
        parent(loc),
        "a value is not valid for its type and was dropped");
  }

  @Override
  public void missingRequiredElement(@Nullable IParseLocation loc, @Nullable String element) {
    add(
        MappingIssueCode.PARSER_MISSING_REQUIRED_ELEMENT,
        path(loc, element),
        "a required element is missing");
  }

  @Override
  public void unexpectedRepeatingElement(@Nullable IParseLocation loc, @Nullable String element) {
    add(
        MappingIssueCode.PARSER_UNEXPECTED_REPEATING_ELEMENT,
        path(loc, element),
        "an element that may occur once is repeated");
  }

  @Override
  public void unknownAttribute(@Nullable IParseLocation loc, @Nullable String attribute) {
    add(
        MappingIssueCode.PARSER_UNKNOWN_ATTRIBUTE,
        path(loc, attribute),
        "an attribute R4 does not define");
  }

  @Override
  public void unknownElement(@Nullable IParseLocation loc, @Nullable String element) {
    add(
        MappingIssueCode.PARSER_UNKNOWN_ELEMENT,
        path(loc, element),
        "an element R4 does not define (ignored by the parser)");
  }

  @Override
  public void unknownReference(@Nullable IParseLocation loc, @Nullable String reference) {
    add(
        MappingIssueCode.PARSER_UNKNOWN_REFERENCE,
        parent(loc),
        "a reference the parser could not follow");
  }

  @Override
  public void invalidInternalReference(@Nullable IParseLocation loc, @Nullable String reference) {
    add(
        MappingIssueCode.PARSER_INVALID_INTERNAL_REFERENCE,
        parent(loc),
        "a local reference names no contained resource");
  }

  @Override
  public void extensionContainsValueAndNestedExtensions(@Nullable IParseLocation loc) {
    add(
        MappingIssueCode.PARSER_EXTENSION_VALUE_AND_CHILDREN,
        parent(loc),
        "an extension has both a value and nested extensions");
  }
}
