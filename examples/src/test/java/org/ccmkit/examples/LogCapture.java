package org.ccmkit.examples;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Marker;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Captures every log event at the most verbose level while {@link #start()}ed: SLF4J (which HAPI
 * FHIR logs through; this test-only provider is registered in {@code
 * META-INF/services/org.slf4j.spi.SLF4JServiceProvider} of the examples' tests, so SLF4J has no
 * other backend here) at TRACE, and java.util.logging (and so {@code System.Logger}) at ALL.
 * Messages are formatted with their arguments and stack traces, exception messages included.
 * Outside a capture every event is dropped and every level reports disabled.
 */
final class LogCapture implements AutoCloseable {
  private static final Object LOCK = new Object();
  private static @Nullable List<String> events;

  private final Handler julHandler;
  private final Level julLevel;

  private LogCapture() {
    Logger root = Logger.getLogger("");
    julLevel = root.getLevel();
    julHandler =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            String msg = r.getMessage();
            Object[] params = r.getParameters();
            if (msg != null && params != null) {
              msg = java.text.MessageFormat.format(msg, params);
            }
            add("JUL " + r.getLevel() + " " + r.getLoggerName() + ": " + msg, r.getThrown());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    julHandler.setLevel(Level.ALL);
    root.setLevel(Level.ALL);
    root.addHandler(julHandler);
  }

  /** Starts capturing; close to stop. */
  static LogCapture start() {
    synchronized (LOCK) {
      events = new ArrayList<>();
    }
    return new LogCapture();
  }

  /** Returns the events captured so far. */
  List<String> events() {
    synchronized (LOCK) {
      return events == null ? List.of() : List.copyOf(events);
    }
  }

  @Override
  public void close() {
    Logger root = Logger.getLogger("");
    root.removeHandler(julHandler);
    root.setLevel(julLevel);
    synchronized (LOCK) {
      events = null;
    }
  }

  static boolean capturing() {
    synchronized (LOCK) {
      return events != null;
    }
  }

  static void add(String message, @Nullable Throwable thrown) {
    StringBuilder s = new StringBuilder(message);
    if (thrown != null) {
      StringWriter w = new StringWriter();
      thrown.printStackTrace(new PrintWriter(w));
      s.append('\n').append(w);
    }
    synchronized (LOCK) {
      if (events != null) {
        events.add(s.toString());
      }
    }
  }

  /** The SLF4J provider: loggers that are all enabled while a capture runs. */
  public static final class Provider implements SLF4JServiceProvider {
    private final ILoggerFactory factory = CapturingLogger::new;
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new BasicMDCAdapter();

    @Override
    public ILoggerFactory getLoggerFactory() {
      return factory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
      return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
      return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
      return "2.0.99";
    }

    @Override
    public void initialize() {}
  }

  private static final class CapturingLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;

    CapturingLogger(String name) {
      this.name = name;
    }

    @Override
    protected @Nullable String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
        org.slf4j.event.Level level,
        @Nullable Marker marker,
        @Nullable String pattern,
        Object @Nullable [] args,
        @Nullable Throwable thrown) {
      String text = MessageFormatter.basicArrayFormat(pattern, args);
      add("SLF4J " + level + " " + name + ": " + text, thrown);
    }

    @Override
    public boolean isTraceEnabled() {
      return capturing();
    }

    @Override
    public boolean isDebugEnabled() {
      return capturing();
    }

    @Override
    public boolean isInfoEnabled() {
      return capturing();
    }

    @Override
    public boolean isWarnEnabled() {
      return capturing();
    }

    @Override
    public boolean isErrorEnabled() {
      return capturing();
    }
  }
}
