package org.ccmkit.billing;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;
import org.ccmkit.billing.internal.CatalogFiles;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.params.EffectiveDated;
import org.ccmkit.core.params.ParameterCatalog;
import org.immutables.value.Value;

/**
 * The Medicare care-management codes of one rule year: one JSON file per year ({@code
 * org/ccmkit/billing/codes-CY2026.json}), listed in {@code codes.index}. Adding a year is adding a
 * file and an index line. Each file is checked when loaded: unknown parent codes, add-ons whose
 * parent is missing, time codes without a threshold or block, duplicate entries with overlapping
 * dates and years that overlap are all {@code INVALID_PARAMETERS} errors naming the file and code.
 * Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCodeCatalog.class)
@JsonDeserialize(as = ImmutableCodeCatalog.class)
public abstract class CodeCatalog implements EffectiveDated, Serializable {
  private static final long serialVersionUID = 1L;

  /** The index resource of the shipped catalogs, next to this class. */
  public static final String INDEX = "codes.index";

  CodeCatalog() {}

  @Override
  public abstract String version();

  @Override
  public abstract LocalDate effectiveFrom();

  @Override
  public abstract Optional<LocalDate> effectiveTo();

  /** The RVU file release the amounts were computed from, e.g. {@code RVU26C}. */
  public abstract String rvuRelease();

  /** The codes, in file order. */
  public abstract ImmutableList<BillingCode> codes();

  /** The sources of the catalog as a whole (reference sections and the documents they cite). */
  public abstract ImmutableList<String> sources();

  /**
   * Returns the entry for {@code code} that applies on {@code date}.
   *
   * @param code a CPT or HCPCS code
   * @param date a date within the catalog's year
   * @return the entry, or empty when the catalog has none for that date
   */
  public Optional<BillingCode> find(String code, LocalDate date) {
    return codes().stream().filter(c -> c.code().equals(code) && c.appliesOn(date)).findFirst();
  }

  /**
   * Returns the entries of {@code program} that apply on {@code date}, sorted by code.
   *
   * @param program the program
   * @param date a date within the catalog's year
   * @return the entries
   */
  public ImmutableList<BillingCode> codesOf(CareProgram program, LocalDate date) {
    return codes().stream()
        .filter(c -> c.program().equals(Optional.of(program)) && c.appliesOn(date))
        .sorted(Comparator.comparing(BillingCode::code))
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * Returns a copy with {@code entry} in place of every entry of the same code, or added when the
   * catalog has none (a payer's different cap or threshold, or an extra code). The copy is checked.
   *
   * @param entry the new entry
   * @return the checked copy, with the same version
   * @throws org.ccmkit.core.rule.CcmException with {@code INVALID_PARAMETERS} if the result is
   *     inconsistent (e.g. an add-on whose parent is missing)
   */
  public CodeCatalog withCode(BillingCode entry) {
    ImmutableList.Builder<BillingCode> b = ImmutableList.builder();
    for (BillingCode c : codes()) {
      if (!c.code().equals(entry.code())) {
        b.add(c);
      }
    }
    b.add(entry);
    return validate(ImmutableCodeCatalog.copyOf(this).withCodes(b.build()), version());
  }

  /** Returns a new builder. */
  public static ImmutableCodeCatalog.Builder builder() {
    return ImmutableCodeCatalog.builder();
  }

  /**
   * Returns the catalogs shipped with ccmkit (CY2025, CY2026), loaded and checked once.
   *
   * @return the catalogs by year
   * @throws org.ccmkit.core.rule.CcmException with {@code INVALID_PARAMETERS} if a shipped file is
   *     malformed (a packaging bug)
   */
  public static ParameterCatalog<CodeCatalog> builtIn() {
    return BuiltIn.CATALOG;
  }

  /**
   * Loads and checks the catalogs listed in an index resource next to {@code anchor} (an
   * integrator's own or a payer's files).
   *
   * @param anchor a class in the package that holds the index and files
   * @param index the index resource name
   * @return the catalogs by year
   * @throws org.ccmkit.core.rule.CcmException with {@code INVALID_PARAMETERS} if a file is missing,
   *     malformed or inconsistent, or two years overlap; the message names the file and code
   */
  public static ParameterCatalog<CodeCatalog> load(Class<?> anchor, String index) {
    return CatalogFiles.loadCodes(anchor, index);
  }

  /**
   * Parses and checks one catalog from JSON.
   *
   * @param json the JSON text
   * @param origin a name for error messages, e.g. the file name
   * @return the catalog
   * @throws org.ccmkit.core.rule.CcmException with {@code INVALID_PARAMETERS} if the text is
   *     malformed or inconsistent; the message names the origin and code
   */
  public static CodeCatalog parse(String json, String origin) {
    return CatalogFiles.parseCodes(json, origin);
  }

  /**
   * Checks an assembled catalog (e.g. a payer's override built in code).
   *
   * @param catalog the catalog
   * @param origin a name for error messages
   * @return the catalog
   * @throws org.ccmkit.core.rule.CcmException with {@code INVALID_PARAMETERS} if it is inconsistent
   */
  public static CodeCatalog validate(CodeCatalog catalog, String origin) {
    return CatalogFiles.validate(catalog, origin);
  }

  /** Lazily loads the shipped catalogs once. */
  private static final class BuiltIn {
    static final ParameterCatalog<CodeCatalog> CATALOG = load(CodeCatalog.class, INDEX);
  }
}
