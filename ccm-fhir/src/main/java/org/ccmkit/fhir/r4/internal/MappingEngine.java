package org.ccmkit.fhir.r4.internal;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.base.Verify;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.Reader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccmkit.billing.PriorClaim;
import org.ccmkit.core.annotation.Internal;
import org.ccmkit.fhir.r4.DeductibleStatus;
import org.ccmkit.fhir.r4.MappedDevice;
import org.ccmkit.fhir.r4.MappingException;
import org.ccmkit.fhir.r4.MappingIssueCode;
import org.ccmkit.fhir.r4.MappingOptions;
import org.ccmkit.fhir.r4.MappingResult;
import org.ccmkit.fhir.r4.MappingSession;
import org.ccmkit.fhir.r4.SourceLocation;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;

/**
 * The session behind {@link org.ccmkit.fhir.r4.R4Mapper}: the first pass reads and parses each
 * resource as it comes (keeping only extracted values), the second pass ({@link #finish()})
 * resolves references and builds the result.
 */
@Internal
public final class MappingEngine implements MappingSession, JsonInputs.Sink {
  private static final Pattern HAPI_CODE = Pattern.compile("HAPI-\\d+");

  private static final ImmutableMap<String, ResourceMapper<?>> MAPPERS =
      index(
          new PatientMapper(),
          new PractitionerMapper(),
          new PractitionerRoleMapper(),
          new ConditionMapper(),
          new CoverageMapper(),
          new EligibilityResponseMapper(),
          new EpisodeOfCareMapper(),
          new ConsentMapper(),
          new ProcedureMapper(),
          new EncounterMapper(),
          new ObservationMapper(),
          new DeviceMapper(),
          new ExplanationOfBenefitMapper(),
          new CarePlanMapper(),
          new CarePlanParts.GoalMapper(),
          new CarePlanParts.CareTeamMapper());

  private final MappingOptions options;
  private final FhirContext context;
  private final IParser parser;
  private final CollectingErrorHandler handler = new CollectingErrorHandler();
  private final Ledger ledger = new Ledger();
  private final MapContext mapContext;
  private final JsonInputs inputs = new JsonInputs(this);
  private final JsonHash hash = new JsonHash();
  private final Map<String, String> fullUrls = new HashMap<>();
  private final Map<String, Pending> byKey = new HashMap<>();
  private final Set<String> resourceTypes;
  private boolean finished;

  /**
   * Creates a session.
   *
   * @param options the options
   * @param context an R4 context, shared
   */
  public MappingEngine(MappingOptions options, FhirContext context) {
    this.options = options;
    this.context = context;
    this.parser = context.newJsonParser();
    this.parser.setParserErrorHandler(handler);
    this.mapContext = new MapContext(options, ledger);
    this.resourceTypes = Set.copyOf(context.getResourceTypes());
  }

  private static ImmutableMap<String, ResourceMapper<?>> index(ResourceMapper<?>... mappers) {
    ImmutableMap.Builder<String, ResourceMapper<?>> b = ImmutableMap.builder();
    for (ResourceMapper<?> m : mappers) {
      b.put(m.type().getSimpleName(), m);
    }
    return b.buildOrThrow();
  }

  /** The resource types the contract reads (and this engine maps). */
  static Set<String> mappedTypes() {
    return MAPPERS.keySet();
  }

  // ---------------------------------------------------------------- session

  @Override
  public MappingSession addPath(Path path) {
    checkState(!finished, "the session is finished");
    inputs.path(path);
    return this;
  }

  @Override
  public MappingSession addJson(String sourceName, String json) {
    checkState(!finished, "the session is finished");
    checkArgument(!sourceName.isBlank(), "sourceName must not be blank");
    inputs.json(sourceName, json);
    return this;
  }

  @Override
  public MappingSession addNdjson(String sourceName, Reader reader) {
    checkState(!finished, "the session is finished");
    checkArgument(!sourceName.isBlank(), "sourceName must not be blank");
    inputs.ndjson(sourceName, reader);
    return this;
  }

  @Override
  public MappingSession addResource(String sourceName, IBaseResource resource) {
    checkState(!finished, "the session is finished");
    checkArgument(!sourceName.isBlank(), "sourceName must not be blank");
    inputs.json(sourceName, context.newJsonParser().encodeResourceToString(resource));
    return this;
  }

  /**
   * Adds one NDJSON line read elsewhere, at the location it had in its file, as if that file had
   * been added with {@link #addPath}: for a caller that splits NDJSON input into partitions and
   * maps each partition in its own session (the month-end of the examples). Lines must come in the
   * order they were read; issues name {@code location}.
   *
   * @param location the file (as the caller gave it) and 1-based line
   * @param line the line's text
   */
  @Internal
  public void addNdjsonLine(SourceLocation location, String line) {
    checkState(!finished, "the session is finished");
    inputs.line(location, line);
  }

  // ---------------------------------------------------------------- first pass

  @Override
  public void unreadable(SourceLocation location, MappingIssueCode code, String message) {
    ledger.unreadable(location, code, message);
  }

  @Override
  public void entryWithoutResource(SourceLocation location, boolean delete) {
    Item item = ledger.open(location, Ledger.NO_RESOURCE, null);
    if (delete) {
      ledger.ignore(
          item,
          MappingIssueCode.DELETE_ENTRY,
          "Bundle.entry.request",
          "a DELETE entry; nothing to map");
    } else {
      ledger.reject(
          item,
          MappingIssueCode.MISSING_RESOURCE,
          "Bundle.entry.resource",
          "the bundle entry has no resource");
    }
  }

  @Override
  public void resource(
      SourceLocation location, ObjectNode node, @Nullable String text, @Nullable String fullUrl) {
    String type = JsonInputs.text(node, "resourceType");
    if (type == null) {
      ledger.unreadable(
          location, MappingIssueCode.NOT_A_RESOURCE, "the JSON object has no resourceType");
      return;
    }
    if (!resourceTypes.contains(type)) {
      ledger.unreadable(
          location, MappingIssueCode.NOT_A_RESOURCE, "resourceType is not an R4 resource type");
      return;
    }
    String id = JsonInputs.text(node, "id");
    if (id == null || id.isBlank()) {
      id = idFromFullUrl(fullUrl, type);
    }
    Item item = ledger.open(location, type, id);
    if (fullUrl != null && id != null) {
      fullUrls.putIfAbsent(fullUrl.trim(), type + "/" + id);
    }
    if (options.deferredTypes().contains(type)) {
      ledger.ignore(
          item,
          MappingIssueCode.DEFERRED_TYPE,
          null,
          type + " is named by the contract but not mapped yet");
      return;
    }
    ResourceMapper<?> mapper = MAPPERS.get(type);
    if (mapper == null) {
      ledger.ignore(
          item,
          MappingIssueCode.UNSUPPORTED_TYPE,
          null,
          type + " is not read by the FHIR contract");
      return;
    }
    if (id == null) {
      ledger.reject(
          item,
          MappingIssueCode.MISSING_ID,
          type + ".id",
          "no id, and no fullUrl to take one from");
      return;
    }
    IBaseResource parsed =
        options.fastReader() && FastReader.handles(type) ? FastReader.read(type, node) : null;
    if (parsed == null) {
      try {
        parsed = parser.parseResource(text != null ? text : node.toString());
      } catch (RuntimeException e) {
        // DataFormatException for invalid FHIR, but HAPI throws others on odd JSON too (e.g.
        // StringIndexOutOfBoundsException for an empty property name, found by R4MapperFuzzTest):
        // whatever it throws rejects this resource only.
        boolean unused = notes(item);
        ledger.reject(
            item, MappingIssueCode.PARSE_FAILED, null, "HAPI could not parse it" + code(e));
        return;
      }
    }
    if (notes(item) && options.strict()) {
      ledger.reject(
          item,
          MappingIssueCode.STRICT_PARSER_COMPLAINT,
          null,
          "strict mode: the parser complained (see the parser warnings)");
      return;
    }
    item.contentHash = hash.of(node);
    item.lastUpdated = lastUpdated(node);
    Optional<Pending> pending;
    try {
      pending = apply(mapper, parsed, item);
    } catch (RuntimeException e) {
      failed(item, e);
      return;
    }
    if (pending.isPresent()) {
      register(pending.get());
    } else if (!item.settled) {
      failed(item, new IllegalStateException("mapper returned nothing"));
    }
  }

  private <R extends Resource> Optional<Pending> apply(
      ResourceMapper<R> mapper, IBaseResource parsed, Item item) {
    return mapper.map(mapper.type().cast(parsed), item, mapContext);
  }

  /** Turns the parser's complaints into notes; returns whether there were any. */
  private boolean notes(Item item) {
    List<CollectingErrorHandler.Complaint> complaints = handler.drain();
    for (CollectingErrorHandler.Complaint c : complaints) {
      ledger.note(item, c.code, c.path, c.message);
    }
    return !complaints.isEmpty();
  }

  private void failed(Item item, RuntimeException e) {
    if (!item.settled) {
      ledger.reject(
          item,
          MappingIssueCode.MAPPER_FAILURE,
          null,
          "unexpected " + e.getClass().getSimpleName() + " while mapping (a ccmkit bug)");
    }
  }

  private static String code(RuntimeException e) {
    String m = e.getMessage();
    if (m != null) {
      Matcher matcher = HAPI_CODE.matcher(m);
      if (matcher.find()) {
        return " (" + matcher.group() + ")";
      }
    }
    return " (" + e.getClass().getSimpleName() + ")";
  }

  private static @Nullable String idFromFullUrl(@Nullable String fullUrl, String type) {
    if (fullUrl == null) {
      return null;
    }
    String f = fullUrl.trim();
    if (f.startsWith("urn:uuid:") || f.startsWith("urn:oid:")) {
      String id = f.substring(f.indexOf(':', 4) + 1);
      return id.isBlank() ? null : id;
    }
    String[] seg = RawRef.stripHistory(f).split("/", -1);
    if (seg.length >= 2 && type.equals(seg[seg.length - 2]) && !seg[seg.length - 1].isBlank()) {
      return seg[seg.length - 1];
    }
    return null;
  }

  private @Nullable Instant lastUpdated(JsonNode node) {
    JsonNode meta = node.get("meta");
    String text = meta == null ? null : JsonInputs.text(meta, "lastUpdated");
    return text == null ? null : Times.parse(text, options.zone()).map(v -> v.instant).orElse(null);
  }

  /**
   * Keeps one resource per type and id: an identical copy is ignored; of two different versions the
   * one with the later {@code meta.lastUpdated} is kept; otherwise the one read first is kept and
   * the later one rejected.
   */
  private void register(Pending p) {
    String key = p.item.key();
    Pending prev = byKey.get(key);
    if (prev == null) {
      byKey.put(key, p);
      return;
    }
    if (Objects.equals(prev.item.contentHash, p.item.contentHash)) {
      ledger.ignore(
          p.item,
          MappingIssueCode.DUPLICATE_RESOURCE,
          null,
          "the same resource was already read at " + prev.item.location);
      return;
    }
    Instant a = prev.item.lastUpdated;
    Instant b = p.item.lastUpdated;
    if (a != null && b != null && !a.equals(b)) {
      Pending older = b.isAfter(a) ? prev : p;
      Pending newer = b.isAfter(a) ? p : prev;
      ledger.ignore(
          older.item,
          MappingIssueCode.SUPERSEDED,
          null,
          "a newer version (meta.lastUpdated) was read at " + newer.item.location);
      byKey.put(key, newer);
      return;
    }
    ledger.reject(
        p.item,
        MappingIssueCode.DUPLICATE_ID_CONFLICT,
        p.item.type + ".id",
        "another "
            + p.item.type
            + " with this id and different content was read first at "
            + prev.item.location
            + " and is kept");
  }

  // ---------------------------------------------------------------- second pass

  /**
   * The pendings by stage, then in reading order (ordinals are distinct): sorted as primitive keys
   * {@code stage << 32 | ordinal}, which costs a fraction of a comparator chain calling {@code
   * stage()} on both sides of every comparison.
   */
  private static List<Pending> byStageThenOrdinal(java.util.Collection<Pending> pendings) {
    int max = -1;
    for (Pending p : pendings) {
      max = Math.max(max, p.item.ordinal);
    }
    Pending[] byOrdinal = new Pending[max + 1];
    long[] keys = new long[pendings.size()];
    int n = 0;
    for (Pending p : pendings) {
      byOrdinal[p.item.ordinal] = p;
      keys[n++] = ((long) p.stage() << 32) | p.item.ordinal;
    }
    java.util.Arrays.sort(keys);
    List<Pending> out = new ArrayList<>(n);
    for (long k : keys) {
      out.add(byOrdinal[(int) k]);
    }
    return out;
  }

  @Override
  public MappingResult finish() {
    checkState(!finished, "the session is already finished");
    finished = true;
    Linker linker = new Linker(options, ledger, fullUrls, resourceTypes);
    linker.pendings(byKey);
    for (Pending p : byStageThenOrdinal(byKey.values())) {
      if (p.stage() > Pending.ROLES) {
        linker.finishPeople();
      }
      try {
        p.link(linker);
      } catch (RuntimeException e) {
        failed(p.item, e);
        continue;
      }
      if (!p.item.settled) {
        failed(p.item, new IllegalStateException("link settled nothing"));
      }
    }
    Verify.verify(ledger.balanced(), "every resource read is used, ignored or rejected");
    MappingResult result =
        MappingResult.builder()
            .records(linker.records())
            .practitioners(linker.practitioners())
            .devices(
                ImmutableList.sortedCopyOf(
                    Comparator.comparing(MappedDevice::source), linker.devices))
            .priorClaims(
                ImmutableList.sortedCopyOf(
                    Comparator.comparing(PriorClaim::patient)
                        .thenComparing(PriorClaim::source)
                        .thenComparing(PriorClaim::code)
                        .thenComparing(c -> c.servicePeriod().start())
                        .thenComparing(PriorClaim::practitioner)
                        .thenComparing(PriorClaim::units),
                    linker.priorClaims))
            .deductibles(
                ImmutableList.sortedCopyOf(
                    Comparator.comparing(DeductibleStatus::patient)
                        .thenComparing(DeductibleStatus::source),
                    linker.deductibles))
            .counts(ledger.totals())
            .countsByType(ledger.countsByType())
            .issues(ledger.issues())
            .skippedFiles(inputs.skipped())
            .build();
    if (options.strict() && result.hasErrors()) {
      throw new MappingException(result.errors());
    }
    return result;
  }
}
