package org.ccmkit.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.guava.GuavaModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one JSON setup of ccmkit. Output is deterministic: properties and map keys are sorted, dates
 * are ISO-8601 strings, {@code BigDecimal}s are written plain, empty {@code Optional}s are left
 * out, and the output does not depend on the machine's locale or time zone. Equal values therefore
 * give byte-identical JSON.
 *
 * <p>The writer and readers handed out are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class CcmJson {
  private static final ObjectMapper MAPPER = newMapper();
  private static final ObjectWriter WRITER = MAPPER.writer();

  private CcmJson() {}

  /**
   * Returns a new mapper configured the ccmkit way, for callers that need to add modules of their
   * own. Most callers want {@link #write(Object)} and {@link #read(String, Class)}.
   *
   * @return a new, independent mapper
   */
  public static ObjectMapper newMapper() {
    return JsonMapper.builder()
        .addModule(new Jdk8Module())
        .addModule(new JavaTimeModule())
        .addModule(new GuavaModule())
        .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .defaultPropertyInclusion(
            JsonInclude.Value.construct(JsonInclude.Include.NON_ABSENT, JsonInclude.Include.ALWAYS))
        .defaultTimeZone(java.util.TimeZone.getTimeZone("UTC"))
        .defaultLocale(java.util.Locale.ROOT)
        .build();
  }

  /** Returns the shared, immutable writer. */
  public static ObjectWriter writer() {
    return WRITER;
  }

  /**
   * Returns an immutable reader for {@code type}.
   *
   * @param type the type to read
   * @return the reader
   */
  public static ObjectReader reader(Class<?> type) {
    return MAPPER.readerFor(type);
  }

  /**
   * Writes {@code value} as one line of compact JSON.
   *
   * @param value a value ccmkit can serialize
   * @return the JSON text
   * @throws IllegalArgumentException if the value cannot be serialized
   */
  public static String write(Object value) {
    try {
      return WRITER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  /**
   * Reads a value of {@code type} from JSON text.
   *
   * @param json the JSON text
   * @param type the type
   * @param <T> the type
   * @return the value
   * @throws UncheckedIOException if the text is not valid JSON for the type
   */
  public static <T> T read(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + type.getSimpleName() + " from JSON", e);
    }
  }
}
