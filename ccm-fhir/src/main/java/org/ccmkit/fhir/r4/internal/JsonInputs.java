package org.ccmkit.fhir.r4.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.ccmkit.fhir.r4.MappingIssueCode;
import org.ccmkit.fhir.r4.SourceLocation;
import org.jspecify.annotations.Nullable;

/**
 * Turns inputs into resources: walks directories in sorted order, reads JSON files (a Bundle or a
 * single resource) and NDJSON streams line by line, and unpacks Bundles (nested ones too) entry by
 * entry, giving each resource its location. Never throws on bad input: what cannot be read goes to
 * the sink as an unreadable input. A Bundle is a container: its entries are resources, it is not.
 */
final class JsonInputs {
  /** Receives what the reader finds. */
  interface Sink {
    /**
     * A resource (never a Bundle). {@code text} is its JSON text when the whole text is the
     * resource, else null.
     */
    void resource(
        SourceLocation location, ObjectNode node, @Nullable String text, @Nullable String fullUrl);

    /** Something that is not a readable resource; counts as one rejected input. */
    void unreadable(SourceLocation location, MappingIssueCode code, String message);

    /** A bundle entry without a resource. */
    void entryWithoutResource(SourceLocation location, boolean delete);
  }

  private static final char BOM = '\uFEFF';

  private final ObjectMapper mapper =
      JsonMapper.builder()
          .nodeFactory(new CompactNodes())
          .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  /** Reads one value from a parser positioned on it, leaving the rest of the stream alone. */
  private final ObjectReader valueReader =
      mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final Sink sink;
  private final List<String> skipped = new ArrayList<>();

  JsonInputs(Sink sink) {
    this.sink = sink;
  }

  List<String> skipped() {
    return skipped;
  }

  // ---------------------------------------------------------------- paths

  void path(Path path) {
    String name = path.toString();
    if (Files.isDirectory(path)) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(path)) {
        files = walk.filter(Files::isRegularFile).sorted().toList();
      } catch (IOException | UncheckedIOException e) {
        sink.unreadable(
            SourceLocation.of(name),
            MappingIssueCode.UNREADABLE_INPUT,
            "the directory could not be walked (" + e.getClass().getSimpleName() + ")");
        return;
      }
      for (Path f : files) {
        String lower = f.getFileName().toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".ndjson") || lower.endsWith(".json")) {
          file(f);
        } else {
          skipped.add(f.toString());
        }
      }
    } else if (Files.isRegularFile(path)) {
      file(path);
    } else {
      sink.unreadable(
          SourceLocation.of(name),
          MappingIssueCode.UNREADABLE_INPUT,
          "the path is neither a readable file nor a directory");
    }
  }

  private void file(Path f) {
    String name = f.toString();
    boolean ndjson = name.toLowerCase(Locale.ROOT).endsWith(".ndjson");
    try (InputStream in = Files.newInputStream(f)) {
      if (ndjson) {
        Reader r =
            new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT));
        ndjson(name, r);
      } else {
        byte[] bytes = in.readAllBytes();
        String text =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
        json(name, text);
      }
    } catch (CharacterCodingException e) {
      sink.unreadable(
          SourceLocation.of(name), MappingIssueCode.UNREADABLE_INPUT, "the file is not UTF-8");
    } catch (IOException e) {
      sink.unreadable(
          SourceLocation.of(name),
          MappingIssueCode.UNREADABLE_INPUT,
          "the file could not be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  // ---------------------------------------------------------------- NDJSON

  /** Reads NDJSON line by line; blank lines are skipped, each other line is one input. */
  void ndjson(String name, Reader reader) {
    BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
    int lineNo = 0;
    while (true) {
      String line;
      try {
        line = in.readLine();
      } catch (IOException e) {
        sink.unreadable(
            SourceLocation.ofLine(name, lineNo + 1),
            MappingIssueCode.UNREADABLE_INPUT,
            "reading stopped at this line ("
                + e.getClass().getSimpleName()
                + "); the rest of the input was not read");
        return;
      }
      if (line == null) {
        return;
      }
      lineNo++;
      String text = stripBom(line);
      if (text.isBlank()) {
        continue;
      }
      SourceLocation loc = SourceLocation.ofLine(name, lineNo);
      JsonNode node;
      try {
        node = mapper.readTree(text);
      } catch (JsonProcessingException e) {
        sink.unreadable(loc, MappingIssueCode.MALFORMED_JSON, malformed(e));
        continue;
      }
      top(loc, node, text);
    }
  }

  /**
   * Reads one NDJSON line that a caller has already split off, with the location it had in its
   * file: the same as a line of {@link #ndjson}, for a caller that routes lines (for example to
   * partitions) and feeds them later. A leading byte-order mark is dropped, a blank line skipped.
   */
  void line(SourceLocation loc, String line) {
    String text = stripBom(line);
    if (text.isBlank()) {
      return;
    }
    JsonNode node;
    try {
      node = mapper.readTree(text);
    } catch (JsonProcessingException e) {
      sink.unreadable(loc, MappingIssueCode.MALFORMED_JSON, malformed(e));
      return;
    }
    top(loc, node, text);
  }

  // ---------------------------------------------------------------- JSON

  /** Reads JSON text: one Bundle or one resource. */
  void json(String name, String rawText) {
    String text = stripBom(rawText);
    SourceLocation loc = SourceLocation.of(name);
    List<JsonNode> entries = null;
    List<Integer> lines = new ArrayList<>();
    ObjectNode root = mapper.createObjectNode();
    try (JsonParser p = mapper.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first != JsonToken.START_OBJECT) {
        if (first == null) {
          sink.unreadable(loc, MappingIssueCode.MALFORMED_JSON, "the input is empty");
        } else {
          sink.unreadable(
              loc, MappingIssueCode.NOT_A_RESOURCE, "the top-level JSON is not an object");
        }
        return;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        if ("entry".equals(field) && t == JsonToken.START_ARRAY) {
          entries = new ArrayList<>();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            lines.add(p.currentTokenLocation().getLineNr());
            entries.add(valueReader.readTree(p));
          }
        } else {
          root.set(field, valueReader.readTree(p));
        }
      }
      if (p.nextToken() != null) {
        sink.unreadable(
            loc, MappingIssueCode.MALFORMED_JSON, "there is content after the top-level object");
        return;
      }
    } catch (JsonProcessingException e) {
      sink.unreadable(loc, MappingIssueCode.MALFORMED_JSON, malformed(e));
      return;
    } catch (IOException e) {
      sink.unreadable(
          loc,
          MappingIssueCode.UNREADABLE_INPUT,
          "the input could not be read (" + e.getClass().getSimpleName() + ")");
      return;
    }
    if ("Bundle".equals(text(root, "resourceType"))) {
      if (entries != null) {
        entries(loc, entries, lines);
      } else if (root.has("entry") && !root.get("entry").isNull()) {
        sink.unreadable(loc, MappingIssueCode.NOT_A_RESOURCE, "Bundle.entry is not an array");
      }
      return;
    }
    if (entries != null) {
      ArrayNode a = root.putArray("entry");
      entries.forEach(a::add);
    }
    top(loc, root, text);
  }

  /** A top-level node: a Bundle to unpack or a resource. */
  private void top(SourceLocation loc, JsonNode node, @Nullable String text) {
    if (!node.isObject()) {
      sink.unreadable(loc, MappingIssueCode.NOT_A_RESOURCE, "the JSON value is not an object");
      return;
    }
    ObjectNode o = (ObjectNode) node;
    if ("Bundle".equals(text(o, "resourceType"))) {
      bundle(loc, o);
    } else {
      sink.resource(loc, o, text, null);
    }
  }

  private void bundle(SourceLocation loc, ObjectNode bundle) {
    JsonNode entry = bundle.get("entry");
    if (entry == null || entry.isNull()) {
      return;
    }
    if (!entry.isArray()) {
      sink.unreadable(loc, MappingIssueCode.NOT_A_RESOURCE, "Bundle.entry is not an array");
      return;
    }
    List<JsonNode> entries = new ArrayList<>();
    entry.forEach(entries::add);
    entries(loc, entries, List.of());
  }

  private void entries(SourceLocation loc, List<JsonNode> entries, List<Integer> lines) {
    for (int i = 0; i < entries.size(); i++) {
      Optional<Integer> line = i < lines.size() ? Optional.of(lines.get(i)) : Optional.empty();
      SourceLocation eloc = loc.withEntry(i, line);
      JsonNode e = entries.get(i);
      if (!e.isObject()) {
        sink.unreadable(eloc, MappingIssueCode.NOT_A_RESOURCE, "the bundle entry is not an object");
        continue;
      }
      String fullUrl = text(e, "fullUrl");
      JsonNode res = e.get("resource");
      if (res == null || res.isNull()) {
        JsonNode request = e.get("request");
        boolean delete = request != null && "DELETE".equals(text(request, "method"));
        sink.entryWithoutResource(eloc, delete);
      } else if (!res.isObject()) {
        sink.unreadable(eloc, MappingIssueCode.NOT_A_RESOURCE, "entry.resource is not an object");
      } else if ("Bundle".equals(text(res, "resourceType"))) {
        bundle(eloc, (ObjectNode) res);
      } else {
        sink.resource(eloc, (ObjectNode) res, null, fullUrl);
      }
    }
  }

  static @Nullable String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isTextual() ? v.asText() : null;
  }

  private static String stripBom(String s) {
    return !s.isEmpty() && s.charAt(0) == BOM ? s.substring(1) : s;
  }

  /** A message about malformed JSON: where, never what (the text may hold PHI). */
  private static String malformed(JsonProcessingException e) {
    JsonLocation l = e.getLocation();
    return l == null
        ? "not well-formed JSON"
        : "not well-formed JSON (line " + l.getLineNr() + ", column " + l.getColumnNr() + ")";
  }
}
