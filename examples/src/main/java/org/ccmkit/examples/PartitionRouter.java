package org.ccmkit.examples;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.ccmkit.fhir.r4.MappingIssueCode;
import org.ccmkit.fhir.r4.SourceLocation;
import org.ccmkit.fhir.r4.internal.MappingEngine;
import org.jspecify.annotations.Nullable;

/**
 * Phase 1 of the partitioned month-end: reads NDJSON input once and writes each line to the spill
 * file of the partition that owns it, so that each partition can be mapped and evaluated on its own
 * with the same result as one pass over everything (docs/performance.md, "Memory").
 *
 * <p>A line's partition is a hash of its owning patient's id modulo K: a Patient's own id, or the
 * id in the patient reference the mapper links the resource by ({@link #OWNER_FIELD}), normalized
 * as the mapper resolves it ({@code Type/id} or an absolute URL ending in it, {@code _history}
 * dropped, trimmed). Lines no patient owns (Practitioner, PractitionerRole, a Device without
 * patient, a mapped resource whose patient reference names no Patient) are <em>shared</em>: every
 * partition reads them, and only partition 0's counts and issues of them are kept (the others' are
 * taken off with the help of a run over the shared lines alone). Types the contract does not map
 * are spread by a hash of {@code Type/id}: nothing refers to them. Lines that do not parse, or are
 * not a resource object, or are Bundles, go to partition 0, where the mapper reports them as it
 * does today.
 *
 * <p>A second copy of a resource (same type and id) goes where the first went, so that the mapper
 * of that partition decides between them as in one pass: {@link Index} remembers, per {@code
 * Type/id}, a 64-bit hash and the partition.
 *
 * <p>Spill files hold the input lines only, in the run's temporary directory, with the location
 * each line had (file name as given, line number); the caller deletes the directory.
 */
final class PartitionRouter {
  /** The partition value of a shared line. */
  static final int SHARED = -1;

  /** The field naming the owning patient, per resource type the contract maps. */
  static final ImmutableMap<String, String> OWNER_FIELD =
      ImmutableMap.<String, String>builder()
          .put("Observation", "subject")
          .put("Procedure", "subject")
          .put("Condition", "subject")
          .put("Encounter", "subject")
          .put("CarePlan", "subject")
          .put("Goal", "subject")
          .put("CareTeam", "subject")
          .put("Coverage", "beneficiary")
          .put("Consent", "patient")
          .put("EpisodeOfCare", "patient")
          .put("Device", "patient")
          .put("ExplanationOfBenefit", "patient")
          .put("CoverageEligibilityResponse", "patient")
          .buildOrThrow();

  /** Mapped types owned by no patient: read by every partition. */
  private static final ImmutableList<String> PEOPLE =
      ImmutableList.of("Practitioner", "PractitionerRole");

  private static final HashFunction PATIENT_HASH = Hashing.murmur3_32_fixed();
  private static final HashFunction KEY_HASH = Hashing.murmur3_128();
  private static final int KIND_LINE = 0;
  private static final int KIND_SHARED = 1;
  private static final int KIND_UNREADABLE = 2;
  private static final int BUFFER = 64 * 1024;

  private final JsonFactory json = new JsonFactory();

  /** The NDJSON files of the inputs, in the mapper's order, and the files it would skip. */
  record Plan(ImmutableList<Path> files, ImmutableList<String> skipped, long bytes) {}

  /** What the router wrote: the spill file of each partition and the shared lines alone. */
  record Routed(
      ImmutableList<String> sources,
      ImmutableList<ImmutableList<Path>> groups,
      Path shared,
      long lines,
      long sharedLines,
      long indexBytes) {}

  /**
   * Returns the plan when every input is NDJSON (files named {@code *.ndjson}, or directories whose
   * JSON files all are), walked as the mapper walks them; empty otherwise (a Bundle's {@code
   * urn:uuid} references span its entries, so JSON input is mapped in one partition).
   */
  static Optional<Plan> plan(List<Path> inputs) {
    if (inputs.isEmpty()) {
      return Optional.empty();
    }
    ImmutableList.Builder<Path> files = ImmutableList.builder();
    ImmutableList.Builder<String> skipped = ImmutableList.builder();
    long bytes = 0;
    try {
      for (Path path : inputs) {
        if (Files.isDirectory(path)) {
          List<Path> found;
          try (Stream<Path> walk = Files.walk(path)) {
            found = walk.filter(Files::isRegularFile).sorted().toList();
          }
          for (Path f : found) {
            String lower = f.getFileName().toString().toLowerCase(Locale.ROOT);
            if (lower.endsWith(".ndjson")) {
              files.add(f);
              bytes += Files.size(f);
            } else if (lower.endsWith(".json")) {
              return Optional.empty();
            } else {
              skipped.add(f.toString());
            }
          }
        } else if (Files.isRegularFile(path)
            && path.toString().toLowerCase(Locale.ROOT).endsWith(".ndjson")) {
          files.add(path);
          bytes += Files.size(path);
        } else {
          return Optional.empty();
        }
      }
    } catch (IOException | UncheckedIOException e) {
      return Optional.empty();
    }
    return Optional.of(new Plan(files.build(), skipped.build(), bytes));
  }

  /**
   * Reads every line of the plan's files once and writes it to its partition's spill file in {@code
   * dir}.
   *
   * @param plan the files
   * @param k the number of partitions, at least 2
   * @param dir the run's temporary directory
   * @throws IOException if a spill file cannot be written
   */
  Routed route(Plan plan, int k, Path dir) throws IOException {
    ImmutableList.Builder<Path> partFiles = ImmutableList.builder();
    List<Spill> parts = new ArrayList<>(k);
    Path sharedFile = dir.resolve("shared.spill");
    Index index = new Index(k);
    long lines = 0;
    long sharedLines = 0;
    long ordinal = 0;
    try (Spill shared = new Spill(sharedFile)) {
      try {
        for (int p = 0; p < k; p++) {
          Path f = dir.resolve("part-" + p + ".spill");
          partFiles.add(f);
          parts.add(new Spill(f));
        }
        ImmutableList<Path> files = plan.files();
        for (int s = 0; s < files.size(); s++) {
          InputStream in;
          try {
            in = Files.newInputStream(files.get(s));
          } catch (IOException e) {
            parts
                .get(0)
                .unreadable(
                    ordinal++,
                    s,
                    0,
                    MappingIssueCode.UNREADABLE_INPUT,
                    "the file could not be read (" + e.getClass().getSimpleName() + ")");
            continue;
          }
          BufferedReader r =
              new BufferedReader(
                  new InputStreamReader(
                      in,
                      UTF_8
                          .newDecoder()
                          .onMalformedInput(CodingErrorAction.REPORT)
                          .onUnmappableCharacter(CodingErrorAction.REPORT)));
          // Only reading errors are accounted for per line; a spill file that cannot be written
          // (a full disk) ends the run with that error rather than losing the rest of the input.
          try {
            int lineNo = 0;
            while (true) {
              String line;
              try {
                line = r.readLine();
              } catch (IOException e) {
                // The same account as the mapper's NDJSON reader gives.
                parts
                    .get(0)
                    .unreadable(
                        ordinal++,
                        s,
                        lineNo + 1,
                        MappingIssueCode.UNREADABLE_INPUT,
                        "reading stopped at this line ("
                            + e.getClass().getSimpleName()
                            + "); the rest of the input was not read");
                break;
              }
              if (line == null) {
                break;
              }
              lineNo++;
              String text =
                  !line.isEmpty() && line.charAt(0) == '\uFEFF' ? line.substring(1) : line;
              if (text.isBlank()) {
                continue;
              }
              lines++;
              byte[] bytes = line.getBytes(UTF_8);
              int p = partition(text, k, index);
              if (p == SHARED) {
                sharedLines++;
                shared.line(KIND_SHARED, ordinal, s, lineNo, bytes);
                for (Spill part : parts) {
                  part.line(KIND_SHARED, ordinal, s, lineNo, bytes);
                }
              } else {
                parts.get(p).line(KIND_LINE, ordinal, s, lineNo, bytes);
              }
              ordinal++;
            }
          } finally {
            closeQuietly(r);
          }
        }
      } finally {
        for (Spill part : parts) {
          part.close();
        }
      }
    }
    ImmutableList.Builder<String> sources = ImmutableList.builder();
    plan.files().forEach(f -> sources.add(f.toString()));
    // Partitions joined by a resource read twice naming patients of both are read as one.
    ImmutableList<Path> all = partFiles.build();
    List<List<Path>> byRoot = new ArrayList<>();
    for (int p = 0; p < k; p++) {
      byRoot.add(new ArrayList<>());
    }
    for (int p = 0; p < k; p++) {
      byRoot.get(index.find(p)).add(all.get(p));
    }
    ImmutableList.Builder<ImmutableList<Path>> groups = ImmutableList.builder();
    for (List<Path> g : byRoot) {
      if (!g.isEmpty()) {
        groups.add(ImmutableList.copyOf(g));
      }
    }
    return new Routed(
        sources.build(), groups.build(), sharedFile, lines, sharedLines, index.bytes());
  }

  /** Closes an input file whose lines were all read; a failure to close it loses nothing. */
  private static void closeQuietly(Closeable c) {
    try {
      c.close();
    } catch (IOException e) {
      // every line was read (or accounted for) before closing
    }
  }

  /** The partition of one line: 0 to k-1, or {@link #SHARED}. */
  int partition(String line, int k, Index index) {
    String type = null;
    String id = null;
    String subject = null;
    String patient = null;
    String beneficiary = null;
    try (JsonParser p = json.createParser(line)) {
      JsonToken t = p.nextToken();
      if (t != JsonToken.START_OBJECT) {
        return 0;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken v = p.nextToken();
        switch (field) {
          case "resourceType" -> type = v == JsonToken.VALUE_STRING ? p.getText() : null;
          case "id" -> id = v == JsonToken.VALUE_STRING ? p.getText() : null;
          case "subject" -> subject = reference(p, v);
          case "patient" -> patient = reference(p, v);
          case "beneficiary" -> beneficiary = reference(p, v);
          default -> p.skipChildren();
        }
      }
    } catch (IOException e) {
      return 0;
    }
    if (type == null || "Bundle".equals(type)) {
      return 0;
    }
    int natural;
    String field = OWNER_FIELD.get(type);
    if ("Patient".equals(type)) {
      if (id == null || id.isBlank()) {
        return 0;
      }
      natural = of(id, k);
    } else if (field != null) {
      String owner =
          switch (field) {
            case "subject" -> subject;
            case "patient" -> patient;
            default -> beneficiary;
          };
      String pid = patientId(owner);
      natural = pid == null ? SHARED : of(pid, k);
    } else if (PEOPLE.contains(type)) {
      natural = SHARED;
    } else {
      natural = Math.floorMod(KEY_HASH.hashString(type + "/" + id, UTF_8).asInt(), k);
    }
    if (id == null || id.isBlank()) {
      return natural;
    }
    return index.putIfAbsent(KEY_HASH.hashString(type + "/" + id, UTF_8).asLong(), natural);
  }

  /** Reads a reference object's {@code reference} text; skips anything else. */
  private static @Nullable String reference(JsonParser p, JsonToken v) throws IOException {
    if (v != JsonToken.START_OBJECT) {
      p.skipChildren();
      return null;
    }
    String ref = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      JsonToken t = p.nextToken();
      if ("reference".equals(f) && t == JsonToken.VALUE_STRING) {
        ref = p.getText();
      } else {
        p.skipChildren();
      }
    }
    return ref;
  }

  /**
   * The patient id a reference names, resolved as the mapper's linker resolves references in NDJSON
   * input (no bundle fullUrls there): trimmed, {@code _history} dropped, the last two path segments
   * {@code Patient/id}; null for anything else.
   */
  static @Nullable String patientId(@Nullable String reference) {
    if (reference == null || reference.isBlank()) {
      return null;
    }
    String ref = reference.trim();
    if (ref.startsWith("#") || ref.startsWith("urn:")) {
      return null;
    }
    int h = ref.indexOf("/_history/");
    String[] seg = (h >= 0 ? ref.substring(0, h) : ref).split("/", -1);
    if (seg.length < 2 || !"Patient".equals(seg[seg.length - 2])) {
      return null;
    }
    String id = seg[seg.length - 1];
    return id.isBlank() ? null : id;
  }

  /** The partition of a patient id. */
  static int of(String patientId, int k) {
    return Math.floorMod(PATIENT_HASH.hashString(patientId, UTF_8).asInt(), k);
  }

  // ---------------------------------------------------------------- reading back

  /** Receives a partition's spilled lines, in the order they were read. */
  interface Feed {
    /** A line, with its location; {@code shared} when every partition reads it. */
    void line(SourceLocation location, String text, boolean shared);

    /** An input the router could not read (partition 0 only). */
    void unreadable(SourceLocation location, MappingIssueCode code, String message);
  }

  /**
   * Feeds spill files to {@code feed} in the order the lines were read (merged by read ordinal; a
   * shared line in several of the files is fed once).
   *
   * @param files spill files written by {@link #route}
   * @param sources the source names, by index
   * @param feed where the lines go
   * @throws IOException if a file cannot be read
   */
  static void read(List<Path> files, List<String> sources, Feed feed) throws IOException {
    List<SpillReader> readers = new ArrayList<>();
    try {
      for (Path f : files) {
        SpillReader r = new SpillReader(f);
        readers.add(r);
        r.advance();
      }
      long last = -1;
      while (true) {
        SpillReader next = null;
        for (SpillReader r : readers) {
          if (r.ordinal >= 0 && (next == null || r.ordinal < next.ordinal)) {
            next = r;
          }
        }
        if (next == null) {
          return;
        }
        if (next.ordinal != last) {
          last = next.ordinal;
          next.feed(sources, feed);
        }
        next.advance();
      }
    } finally {
      for (SpillReader r : readers) {
        r.in.close();
      }
    }
  }

  /** One spill file being read: the record under the cursor. */
  private static final class SpillReader {
    final DataInputStream in;
    long ordinal = -1;
    int kind;
    int source;
    int line;
    String code = "";
    String message = "";
    byte @Nullable [] bytes;

    SpillReader(Path file) throws IOException {
      this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER));
    }

    void advance() throws IOException {
      try {
        kind = in.readUnsignedByte();
      } catch (EOFException e) {
        ordinal = -1;
        return;
      }
      ordinal = in.readLong();
      source = in.readInt();
      line = in.readInt();
      if (kind == KIND_UNREADABLE) {
        code = in.readUTF();
        message = in.readUTF();
        bytes = null;
      } else {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        bytes = b;
      }
    }

    void feed(List<String> sources, Feed feed) {
      String name = sources.get(source);
      SourceLocation loc = line == 0 ? SourceLocation.of(name) : SourceLocation.ofLine(name, line);
      byte[] b = bytes;
      if (b == null) {
        feed.unreadable(loc, MappingIssueCode.valueOf(code), message);
      } else {
        feed.line(loc, new String(b, UTF_8), kind == KIND_SHARED);
      }
    }
  }

  /**
   * Feeds a spill file to a mapping session; tells {@code shared} where each shared line was.
   *
   * @throws IOException if the file cannot be read
   */
  static void feed(
      List<Path> files, List<String> sources, MappingEngine engine, Consumer<SourceLocation> shared)
      throws IOException {
    read(
        files,
        sources,
        new Feed() {
          @Override
          public void line(SourceLocation location, String text, boolean isShared) {
            engine.addNdjsonLine(location, text);
            if (isShared) {
              shared.accept(location);
            }
          }

          @Override
          public void unreadable(SourceLocation location, MappingIssueCode code, String message) {
            engine.unreadable(location, code, message);
          }
        });
  }

  /** One spill file being written. */
  private static final class Spill implements Closeable {
    private final DataOutputStream out;

    Spill(Path file) throws IOException {
      this.out =
          new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), BUFFER));
    }

    void line(int kind, long ordinal, int source, int line, byte[] bytes) throws IOException {
      out.writeByte(kind);
      out.writeLong(ordinal);
      out.writeInt(source);
      out.writeInt(line);
      out.writeInt(bytes.length);
      out.write(bytes);
    }

    void unreadable(long ordinal, int source, int line, MappingIssueCode code, String message)
        throws IOException {
      out.writeByte(KIND_UNREADABLE);
      out.writeLong(ordinal);
      out.writeInt(source);
      out.writeInt(line);
      out.writeUTF(code.name());
      out.writeUTF(message);
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }

  /**
   * Where each resource read so far went, by a 64-bit hash of {@code Type/id}: open addressing with
   * linear probing over two primitive arrays (a {@code long} key and a {@code short} partition per
   * slot, load at most 3/4), so 10 bytes a slot and between 13.3 and 26.7 bytes per resource. Two
   * different {@code Type/id}s with the same 64-bit hash (about one chance in 10^5 for 20 million
   * resources) would send the second to the first one's partition, where its patient is not read:
   * the mapper would reject it as naming a patient not read. Documented in docs/performance.md.
   */
  static final class Index {
    private final int k;
    private final int[] parent;
    private long[] keys;
    private short[] values;
    private int size;

    Index(int k) {
      this.k = k;
      this.parent = new int[k];
      for (int p = 0; p < k; p++) {
        parent[p] = p;
      }
      this.keys = new long[1 << 16];
      this.values = new short[1 << 16];
    }

    /** The partition that reads partition {@code p}'s lines (the lowest of those joined to it). */
    int find(int p) {
      int r = p;
      while (parent[r] != r) {
        r = parent[r];
      }
      return r;
    }

    private void join(int a, int b) {
      int ra = find(a);
      int rb = find(b);
      if (ra != rb) {
        parent[Math.max(ra, rb)] = Math.min(ra, rb);
      }
    }

    /** Returns the partition stored for {@code key}, storing {@code partition} if there is none. */
    int putIfAbsent(long key, int partition) {
      long kk = key == 0 ? 1 : key;
      int mask = keys.length - 1;
      int i = (int) (mix(kk) & mask);
      while (keys[i] != 0) {
        if (keys[i] == kk) {
          int first = decode(values[i]);
          if (first != SHARED && partition != SHARED && first != partition) {
            // the copies name patients of two partitions: those are read as one, so that the
            // copy kept links to its patient as in one pass
            join(first, partition);
          }
          return first;
        }
        i = (i + 1) & mask;
      }
      keys[i] = kk;
      values[i] = (short) (partition == SHARED ? k : partition);
      if (++size > keys.length / 4 * 3) {
        grow();
      }
      return partition;
    }

    private int decode(short v) {
      return v == k ? SHARED : v;
    }

    private void grow() {
      long[] oldKeys = keys;
      short[] oldValues = values;
      keys = new long[oldKeys.length * 2];
      values = new short[oldKeys.length * 2];
      int mask = keys.length - 1;
      for (int j = 0; j < oldKeys.length; j++) {
        if (oldKeys[j] != 0) {
          int i = (int) (mix(oldKeys[j]) & mask);
          while (keys[i] != 0) {
            i = (i + 1) & mask;
          }
          keys[i] = oldKeys[j];
          values[i] = oldValues[j];
        }
      }
    }

    private static long mix(long h) {
      long x = h ^ (h >>> 33);
      x *= 0xff51afd7ed558ccdL;
      return x ^ (x >>> 33);
    }

    int size() {
      return size;
    }

    /** The bytes the arrays take. */
    long bytes() {
      return (long) keys.length * (Long.BYTES + Short.BYTES);
    }
  }
}
