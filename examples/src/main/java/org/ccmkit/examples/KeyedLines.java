package org.ccmkit.examples;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.jspecify.annotations.Nullable;

/**
 * A temporary file of output lines in blocks, each block under a key (a patient id, an alert id),
 * written in key order by one partition; {@link #merge} writes the blocks of several such files to
 * one output in key order. Keys are unique across the files merged (a patient is in one partition).
 */
final class KeyedLines {
  private static final int BUFFER = 64 * 1024;

  private KeyedLines() {}

  /** Writes one file. */
  static final class Out implements Closeable {
    private final DataOutputStream out;

    Out(Path file) throws IOException {
      this.out =
          new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), BUFFER));
    }

    /** Writes the lines of one key; nothing when there are none. */
    void block(String key, List<String> lines) throws IOException {
      if (lines.isEmpty()) {
        return;
      }
      bytes(key);
      out.writeInt(lines.size());
      for (String l : lines) {
        bytes(l);
      }
    }

    private void bytes(String s) throws IOException {
      byte[] b = s.getBytes(UTF_8);
      out.writeInt(b.length);
      out.write(b);
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }

  /**
   * Writes the lines of {@code files} to {@code out}, one per line, blocks in key order.
   *
   * @return the number of lines written
   * @throws IOException if a file cannot be read or the output written
   */
  @CanIgnoreReturnValue
  static int merge(List<Path> files, Writer out) throws IOException {
    List<Cursor> cursors = new ArrayList<>();
    PriorityQueue<Cursor> queue =
        new PriorityQueue<>(
            Comparator.comparing((Cursor c) -> c.key()).thenComparingInt(c -> c.index));
    int written = 0;
    try {
      for (int i = 0; i < files.size(); i++) {
        Cursor c = new Cursor(files.get(i), i);
        cursors.add(c);
        if (c.advance()) {
          queue.add(c);
        }
      }
      while (!queue.isEmpty()) {
        Cursor c = queue.poll();
        written += c.copyBlock(out);
        if (c.advance()) {
          queue.add(c);
        }
      }
    } finally {
      for (Cursor c : cursors) {
        c.close();
      }
    }
    return written;
  }

  private static final class Cursor implements Closeable {
    private final DataInputStream in;
    private final int index;
    private @Nullable String key;
    private int count;

    Cursor(Path file, int index) throws IOException {
      this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER));
      this.index = index;
    }

    String key() {
      String k = key;
      if (k == null) {
        throw new IllegalStateException("no block");
      }
      return k;
    }

    boolean advance() throws IOException {
      int n;
      try {
        n = in.readInt();
      } catch (EOFException e) {
        key = null;
        return false;
      }
      key = string(n);
      count = in.readInt();
      return true;
    }

    int copyBlock(Writer out) throws IOException {
      for (int i = 0; i < count; i++) {
        out.write(string(in.readInt()));
        out.write('\n');
      }
      return count;
    }

    private String string(int n) throws IOException {
      byte[] b = new byte[n];
      in.readFully(b);
      return new String(b, UTF_8);
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
