package org.ccmkit.billing.internal;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import com.google.common.io.Resources;
import java.io.IOException;
import java.io.Serializable;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.ccmkit.billing.Basis;
import org.ccmkit.billing.BilledFrom;
import org.ccmkit.billing.BillingCode;
import org.ccmkit.billing.BillingParameters;
import org.ccmkit.billing.CodeCatalog;
import org.ccmkit.billing.ConcurrencyRule;
import org.ccmkit.billing.FeeAmount;
import org.ccmkit.billing.MueEdit;
import org.ccmkit.core.json.CcmJson;
import org.ccmkit.core.params.EffectiveDated;
import org.ccmkit.core.params.ParameterCatalog;
import org.ccmkit.core.rule.CcmException;
import org.ccmkit.core.rule.ErrorCode;

/**
 * Loads and checks the billing data files: the per-year code catalogs and billing parameters, each
 * listed in an index resource (one file name per line; blank lines and {@code #} comments skipped).
 * Every error is a {@link CcmException} with {@link ErrorCode#INVALID_PARAMETERS} whose message
 * names the file and, where there is one, the code.
 */
public final class CatalogFiles {
  private CatalogFiles() {}

  /**
   * Loads every code catalog listed in {@code index}, next to {@code anchor}.
   *
   * @param anchor the class whose package holds the files
   * @param index the index resource
   * @return the catalogs by year
   */
  public static ParameterCatalog<CodeCatalog> loadCodes(Class<?> anchor, String index) {
    return loadIndexed(anchor, index, CatalogFiles::parseCodes);
  }

  /**
   * Loads every billing parameter set listed in {@code index}, next to {@code anchor}.
   *
   * @param anchor the class whose package holds the files
   * @param index the index resource
   * @return the sets by year
   */
  public static ParameterCatalog<BillingParameters> loadParameters(Class<?> anchor, String index) {
    return loadIndexed(anchor, index, CatalogFiles::parseParameters);
  }

  /**
   * Parses and checks one code catalog.
   *
   * @param json the JSON text
   * @param origin the file name, for messages
   * @return the catalog
   */
  public static CodeCatalog parseCodes(String json, String origin) {
    return validate(read(json, CodeCatalog.class, origin), origin);
  }

  /**
   * Parses one billing parameter set.
   *
   * @param json the JSON text
   * @param origin the file name, for messages
   * @return the parameters
   */
  public static BillingParameters parseParameters(String json, String origin) {
    return read(json, BillingParameters.class, origin);
  }

  /**
   * Checks a code catalog: entry dates within the catalog's, no two entries of one code with
   * overlapping dates, every parent known, time codes with their threshold or block, device-days
   * codes with their fewest days (and device days on no other basis but an episode's), codes not
   * requested with a program, and no two amounts for one setting and factor.
   *
   * @param c the catalog
   * @param origin the file name, for messages
   * @return the catalog
   */
  public static CodeCatalog validate(CodeCatalog c, String origin) {
    Set<String> known = new HashSet<>();
    for (BillingCode b : c.codes()) {
      known.add(b.code());
    }
    List<BillingCode> seen = new ArrayList<>();
    for (BillingCode b : c.codes()) {
      String code = b.code();
      LocalDate from = b.effectiveFrom().orElse(c.effectiveFrom());
      Optional<LocalDate> to = b.effectiveTo().or(c::effectiveTo);
      if (from.isBefore(c.effectiveFrom())
          || (c.effectiveTo().isPresent()
              && to.isPresent()
              && to.get().isAfter(c.effectiveTo().get()))) {
        throw invalid(
            origin,
            code,
            "its dates lie outside the catalog's "
                + c.effectiveFrom()
                + ".."
                + c.effectiveTo().map(LocalDate::toString).orElse("open"));
      }
      for (BillingCode other : seen) {
        if (other.code().equals(code) && overlaps(other, b, c)) {
          throw invalid(origin, code, "has two entries with overlapping effective dates");
        }
      }
      seen.add(b);
      for (String parent : b.parents()) {
        if (!known.contains(parent)) {
          throw invalid(
              origin, code, "is an add-on of " + parent + ", which is not in the catalog");
        }
      }
      if (b.basis() == Basis.TIME_MINUTES) {
        if (b.isAddOn() && b.blockMinutes().isEmpty()) {
          throw invalid(origin, code, "is a time add-on without blockMinutes");
        }
        if (!b.isAddOn() && b.thresholdMinutes().isEmpty()) {
          throw invalid(origin, code, "is a time code without thresholdMinutes");
        }
      }
      if (b.billedFrom() == BilledFrom.TIME && b.basis() != Basis.TIME_MINUTES) {
        throw invalid(origin, code, "is billed from time but its basis is " + b.basis());
      }
      if (b.basis() == Basis.DEVICE_DAYS) {
        if (b.minDeviceDays().isEmpty()) {
          throw invalid(origin, code, "is a device-days code without minDeviceDays");
        }
        if (b.billedFrom() == BilledFrom.ENROLLMENT) {
          throw invalid(
              origin, code, "counts device days, which an enrollment cannot show (use EXTERNAL)");
        }
      } else if (b.maxDeviceDays().isPresent()
          || (b.minDeviceDays().isPresent() && b.basis() != Basis.EPISODE)) {
        throw invalid(origin, code, "has device days but its basis is " + b.basis());
      }
      if (b.billedFrom() != BilledFrom.REQUEST && b.program().isEmpty()) {
        throw invalid(origin, code, "is billed from " + b.billedFrom() + " but names no program");
      }
      if (b.isAddOn() && b.billedFrom() != BilledFrom.REQUEST) {
        for (String parent : b.parents()) {
          boolean sameProgram =
              c.codes().stream()
                  .filter(p -> p.code().equals(parent))
                  .allMatch(
                      p -> p.program().equals(b.program()) && p.billedFrom() == b.billedFrom());
          if (!sameProgram) {
            throw invalid(
                origin,
                code,
                "is derived with parent " + parent + ", which has another program or source");
          }
        }
      }
      Set<String> amountKeys = new HashSet<>();
      for (FeeAmount a : b.amounts()) {
        if (!amountKeys.add(a.setting() + "/" + a.conversionFactor())) {
          throw invalid(
              origin, code, "has two amounts for " + a.setting() + " " + a.conversionFactor());
        }
      }
    }
    return c;
  }

  /**
   * Checks billing parameters against the code catalogs of the same years: every concurrency group
   * and every code named (MUE edits, code preference) must be in the catalog.
   *
   * @param codes the code catalogs
   * @param parameters the parameter sets
   */
  public static void crossCheck(
      ParameterCatalog<CodeCatalog> codes, ParameterCatalog<BillingParameters> parameters) {
    for (BillingParameters p : parameters.all()) {
      Optional<CodeCatalog> maybe = codes.tryForDate(p.effectiveFrom());
      if (maybe.isEmpty()) {
        throw new CcmException(
            ErrorCode.INVALID_PARAMETERS,
            "billing parameters %s start on %s, where no code catalog is in effect",
            p.version(),
            p.effectiveFrom());
      }
      CodeCatalog c = maybe.get();
      Set<String> groups = new HashSet<>();
      Set<String> known = new HashSet<>();
      for (BillingCode b : c.codes()) {
        groups.add(b.group());
        known.add(b.code());
      }
      for (ConcurrencyRule r : p.concurrency()) {
        for (String g : List.of(r.first(), r.second())) {
          if (!groups.contains(g)) {
            throw invalid(
                "billing parameters " + p.version(),
                r.id(),
                "names group " + g + ", which no code of catalog " + c.version() + " has");
          }
        }
      }
      for (MueEdit m : p.mue()) {
        if (!known.contains(m.code())) {
          throw invalid(
              "billing parameters " + p.version(),
              m.code(),
              "has an MUE but is not in catalog " + c.version());
        }
      }
      for (String code : p.codePreference()) {
        if (!known.contains(code)) {
          throw invalid(
              "billing parameters " + p.version(),
              code,
              "is in codePreference but not in catalog " + c.version());
        }
      }
      long ids = p.concurrency().stream().map(ConcurrencyRule::id).distinct().count();
      if (ids != p.concurrency().size()) {
        throw new CcmException(
            ErrorCode.INVALID_PARAMETERS,
            "billing parameters %s: concurrency rule ids must be unique",
            p.version());
      }
    }
  }

  private static boolean overlaps(BillingCode a, BillingCode b, CodeCatalog c) {
    LocalDate aFrom = a.effectiveFrom().orElse(c.effectiveFrom());
    LocalDate bFrom = b.effectiveFrom().orElse(c.effectiveFrom());
    Optional<LocalDate> aTo = a.effectiveTo().or(c::effectiveTo);
    Optional<LocalDate> bTo = b.effectiveTo().or(c::effectiveTo);
    boolean aEndsBefore = aTo.map(t -> t.isBefore(bFrom)).orElse(false);
    boolean bEndsBefore = bTo.map(t -> t.isBefore(aFrom)).orElse(false);
    return !aEndsBefore && !bEndsBefore;
  }

  private static CcmException invalid(String origin, String code, String problem) {
    return new CcmException(ErrorCode.INVALID_PARAMETERS, "%s: code %s %s", origin, code, problem);
  }

  private static <P extends EffectiveDated & Serializable> ParameterCatalog<P> loadIndexed(
      Class<?> anchor, String index, BiFunction<String, String, P> parser) {
    ImmutableList.Builder<P> sets = ImmutableList.builder();
    for (String name :
        Splitter.on('\n').trimResults().omitEmptyStrings().split(resource(anchor, index))) {
      if (!name.startsWith("#")) {
        sets.add(parser.apply(resource(anchor, name), name));
      }
    }
    return ParameterCatalog.of(sets.build());
  }

  private static <T> T read(String json, Class<T> type, String origin) {
    try {
      return CcmJson.read(json, type);
    } catch (RuntimeException e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      String detail =
          root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
      int newline = detail.indexOf('\n');
      if (newline > 0) {
        detail = detail.substring(0, newline);
      }
      throw new CcmException(
          ErrorCode.INVALID_PARAMETERS,
          origin + " is not a valid " + type.getSimpleName() + ": " + detail,
          e);
    }
  }

  private static String resource(Class<?> anchor, String name) {
    URL url = anchor.getResource(name);
    if (url == null) {
      throw new CcmException(
          ErrorCode.INVALID_PARAMETERS, "resource %s not found next to %s", name, anchor.getName());
    }
    try {
      return Resources.toString(url, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CcmException(ErrorCode.INVALID_PARAMETERS, "cannot read " + name, e);
    }
  }
}
