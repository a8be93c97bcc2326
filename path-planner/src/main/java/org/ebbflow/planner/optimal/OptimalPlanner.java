package org.ebbflow.planner.optimal;

import java.time.Duration;
import java.util.Objects;
import org.ebbflow.planner.demand.ClassCaps;
import org.ebbflow.planner.plan.Plan;
import org.ebbflow.planner.plan.PlanRequest;
import org.ebbflow.planner.plan.Planner;
import org.ebbflow.planner.policy.PowerPolicy;
import org.ebbflow.planner.power.PowerModelRegistry;

/**
 * Plans a cycle with a policy's decision and the {@link OptimalRouter}: the minimum power any routing can reach under
 * the same decision (the same connectivity floor and required elements a heuristic planner with that policy gets),
 * so {@code heuristicWatts / optimalWatts − 1} is the heuristic router's gap. Not thread-safe.
 */
public final class OptimalPlanner {
    private final OptimalRouter router;
    private final Planner planner;

    /**
     * @param policy decides what is required, optional or unavailable
     * @param timeLimit the solver's limit per plan
     */
    public OptimalPlanner(PowerPolicy policy, Duration timeLimit) {
        this(policy, timeLimit, ClassCaps.defaults(), PowerModelRegistry.defaults());
    }

    /**
     * @param policy decides what is required, optional or unavailable
     * @param timeLimit the solver's limit per plan
     * @param caps utilisation caps per class
     * @param registry power models
     */
    public OptimalPlanner(PowerPolicy policy, Duration timeLimit, ClassCaps caps, PowerModelRegistry registry) {
        this.router = new OptimalRouter(Objects.requireNonNull(timeLimit, "timeLimit"));
        this.planner = new Planner(policy, router, caps, registry);
    }

    /**
     * @param request the cycle's inputs
     * @return the plan with the MILP's routing, status and bound
     * @throws InstanceTooLargeException if the instance is beyond the MILP's limits
     */
    public OptimalPlan plan(PlanRequest request) {
        OptimalRouter.checkSize(request.topology(), request.demands().size());
        Plan plan = planner.plan(request);
        return new OptimalPlan(plan, router.lastSolve());
    }
}
