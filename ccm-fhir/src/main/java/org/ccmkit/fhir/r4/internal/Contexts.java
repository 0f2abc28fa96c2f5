package org.ccmkit.fhir.r4.internal;

import ca.uhn.fhir.context.FhirContext;
import org.ccmkit.core.annotation.Internal;

/**
 * Holds the one R4 {@link FhirContext} of the process, created on first use (HAPI advises one
 * context per process: creating it scans the whole model). Never modified after creation.
 */
@Internal
public final class Contexts {
  private Contexts() {}

  private static final class Holder {
    static final FhirContext R4 = FhirContext.forR4();
  }

  /** Returns the shared R4 context. */
  public static FhirContext r4() {
    return Holder.R4;
  }
}
