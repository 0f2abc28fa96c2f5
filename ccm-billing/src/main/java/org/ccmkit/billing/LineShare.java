package org.ccmkit.billing;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Optional;
import org.ccmkit.core.model.Money;
import org.ccmkit.core.model.PractitionerRef;
import org.immutables.value.Value;

/**
 * The estimated patient share of one claim line, as a range: {@link #low()} assumes the most
 * favourable reading of what is unknown (deductible met, supplement pays), {@link #high()} the
 * least. Equal bounds mean the estimate is exact under its assumptions. Value-based.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableLineShare.class)
@JsonDeserialize(as = ImmutableLineShare.class)
public abstract class LineShare implements Serializable {
  private static final long serialVersionUID = 1L;

  LineShare() {}

  /** The billing practitioner of the line. */
  public abstract PractitionerRef practitioner();

  /** The line's code. */
  public abstract String code();

  /** The line's date of service. */
  public abstract LocalDate serviceDate();

  /** The line's allowed amount, when known. */
  public abstract Optional<Money> allowed();

  /** The lowest estimated patient share. */
  public abstract Money low();

  /** The highest estimated patient share. */
  public abstract Money high();

  /** Returns a new builder. */
  public static ImmutableLineShare.Builder builder() {
    return ImmutableLineShare.builder();
  }
}
