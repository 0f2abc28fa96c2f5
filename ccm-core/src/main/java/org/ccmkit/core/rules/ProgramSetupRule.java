package org.ccmkit.core.rules;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.ccmkit.core.model.AccessRoute;
import org.ccmkit.core.model.CareProgram;
import org.ccmkit.core.model.PracticeSetup;
import org.ccmkit.core.params.CarePlanParameters;
import org.ccmkit.core.params.CoreParameters;
import org.ccmkit.core.params.ParameterCatalog;
import org.ccmkit.core.rule.Decision;
import org.ccmkit.core.rule.EvaluationContext;
import org.ccmkit.core.rule.ImmutableDecision;
import org.ccmkit.core.rule.Outcome;
import org.ccmkit.core.rule.Reason;
import org.ccmkit.core.rule.Rule;
import org.ccmkit.core.rule.RuleId;

/**
 * The practice's program set-up (rules reference §6.2, PLAN-T03): every program that needs 24/7
 * access to the care team lists at least one real-time route. A missing route is a WARNING at
 * set-up; the outcome stays MET because no claim depends on it directly.
 */
final class ProgramSetupRule implements Rule<PracticeSetup> {
  static final String NAME = "core.program-setup";

  private final ParameterCatalog<CoreParameters> parameters;

  ProgramSetupRule(ParameterCatalog<CoreParameters> parameters) {
    this.parameters = parameters;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Decision evaluate(PracticeSetup setup, EvaluationContext ctx) {
    CoreParameters p = parameters.forDate(ctx.asOf());
    CarePlanParameters cp = p.carePlan();
    ImmutableDecision.Builder d =
        Decision.builder().ruleId(RuleId.of(NAME, p.version())).asOf(ctx.asOf());
    Set<CareProgram> needing = new TreeSet<>(setup.programs());
    needing.retainAll(cp.afterHoursAccessRequired());
    Set<AccessRoute> counted = new TreeSet<>(setup.afterHoursAccess());
    counted.retainAll(cp.afterHoursRoutesCounted());
    String routes = counted.stream().map(AccessRoute::name).collect(Collectors.joining(","));
    for (CareProgram program : needing) {
      if (counted.isEmpty()) {
        d.addReason(
            Reason.with(CoreReasonCode.AFTER_HOURS_ACCESS_MISSING)
                .message(program + " needs a route to the care team at any hour; none is set up")
                .putDetail("program", program.name())
                .build());
      } else {
        d.addReason(
            Reason.with(CoreReasonCode.AFTER_HOURS_ACCESS_IN_PLACE)
                .message(program + " has 24/7 access through " + routes)
                .putDetail("program", program.name())
                .putDetail("routes", routes)
                .build());
      }
    }
    return d.outcome(Outcome.MET).build();
  }
}
