package org.ccmkit.fhir.r4.internal;

/**
 * A resource mapped as far as it can be on its own, waiting for the second pass, which resolves its
 * references against everything read and builds its ccm-core values. Holds extracted values only,
 * never the HAPI resource.
 */
abstract class Pending {
  /**
   * Practitioners first, then their roles, patients, coverages, everything else, care plans, and
   * the parts of care plans.
   */
  static final int PRACTITIONERS = 0;

  static final int ROLES = 1;
  static final int PATIENTS = 2;
  static final int COVERAGES = 3;
  static final int OTHERS = 4;

  /** CarePlans after everything they reference; their Goals and CareTeams after them. */
  static final int CARE_PLANS = 5;

  static final int CARE_PLAN_PARTS = 6;

  final Item item;

  Pending(Item item) {
    this.item = item;
  }

  /** The pass stage: lower stages are linked first. */
  abstract int stage();

  /** Resolves references and settles the item (used, ignored or rejected). */
  abstract void link(Linker linker);
}
