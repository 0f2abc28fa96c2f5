package org.ccmkit.core.params;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import com.google.common.io.Resources;
import java.io.IOException;
import java.io.Serializable;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.ccmkit.core.annotation.Internal;
import org.ccmkit.core.json.CcmJson;
import org.ccmkit.core.rule.CcmException;
import org.ccmkit.core.rule.ErrorCode;

/**
 * Loads parameter files shipped as class-path resources: an index file lists one JSON file per line
 * (blank lines and {@code #} comments are skipped), and each file holds one set. Adding a rule year
 * is adding a file and a line.
 *
 * @since 0.1.0
 */
@Internal
public final class ParameterFiles {
  private ParameterFiles() {}

  /**
   * Loads every set listed in {@code index}, a resource next to {@code anchor}.
   *
   * @param anchor the class whose package holds the index and the files
   * @param index the index resource name
   * @param type the parameter type
   * @param <P> the parameter type
   * @return the catalog
   * @throws CcmException with {@link ErrorCode#INVALID_PARAMETERS} if a file is missing or
   *     malformed, or the sets overlap
   */
  public static <P extends EffectiveDated & Serializable> ParameterCatalog<P> loadIndexed(
      Class<?> anchor, String index, Class<P> type) {
    ImmutableList.Builder<P> sets = ImmutableList.builder();
    for (String name :
        Splitter.on('\n').trimResults().omitEmptyStrings().split(read(anchor, index))) {
      if (!name.startsWith("#")) {
        sets.add(parse(read(anchor, name), type, name));
      }
    }
    return ParameterCatalog.of(sets.build());
  }

  /**
   * Parses one parameter set from JSON.
   *
   * @param json the JSON text
   * @param type the parameter type
   * @param origin where the text came from, for the error message
   * @param <P> the parameter type
   * @return the set
   * @throws CcmException with {@link ErrorCode#INVALID_PARAMETERS} if the text is malformed
   */
  public static <P> P parse(String json, Class<P> type, String origin) {
    try {
      return CcmJson.read(json, type);
    } catch (RuntimeException e) {
      throw new CcmException(
          ErrorCode.INVALID_PARAMETERS,
          "parameter file " + origin + " is not a valid " + type.getSimpleName(),
          e);
    }
  }

  private static String read(Class<?> anchor, String name) {
    URL url = anchor.getResource(name);
    if (url == null) {
      throw new CcmException(
          ErrorCode.INVALID_PARAMETERS,
          "parameter resource %s not found next to %s",
          name,
          anchor.getName());
    }
    try {
      return Resources.toString(url, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CcmException(ErrorCode.INVALID_PARAMETERS, "cannot read " + name, e);
    }
  }
}
