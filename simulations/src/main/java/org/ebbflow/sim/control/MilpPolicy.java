package org.ebbflow.sim.control;

import java.time.Duration;
import java.util.Objects;

import org.ebbflow.planner.demand.ClassCaps;
import org.ebbflow.planner.demand.DemandSet;
import org.ebbflow.planner.optimal.OptimalPlan;
import org.ebbflow.planner.optimal.OptimalPlanner;
import org.ebbflow.planner.plan.PlanRequest;
import org.ebbflow.planner.power.PowerModelRegistry;
import org.ebbflow.topology.TopologySnapshot;

/**
 * The exact minimum-power subset per decision, for small networks (OR-Tools SCIP, at most about 50 switches; see
 * {@link OptimalPlanner#minimumSubset}): the MILP chooses every switch and cable for the demands the counters showed
 * in the last step, within their class caps and keeping every host connected. It has no hysteresis and no lead time,
 * so it is the floor a current-load policy could reach, not a policy to deploy. A network beyond the MILP's limits
 * fails the run at the first decision with the planner's message.
 */
public final class MilpPolicy implements ControlPolicy {
    /** The name in reports and on the command line. */
    public static final String NAME = "milp";

    private final OptimalPlanner planner;
    private final int decideEvery;
    private OptimalPlan last;

    /**
     * @param timeLimit the solver's limit per decision
     * @param caps class caps
     * @param powerModels power models (with the simulator's wake latency)
     * @param decideEvery solve every this many cycles
     */
    public MilpPolicy(Duration timeLimit, ClassCaps caps, PowerModelRegistry powerModels, int decideEvery) {
        if (decideEvery < 1) {
            throw new IllegalArgumentException("decideEvery must be at least 1: " + decideEvery);
        }
        this.planner = OptimalPlanner.minimumSubset(Objects.requireNonNull(timeLimit, "timeLimit"), caps,
                powerModels);
        this.decideEvery = decideEvery;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** @return the last solve, or null */
    public OptimalPlan last() {
        return last;
    }

    @Override
    public ControlDecision decide(ControlCycle cycle) {
        if (cycle.index() % decideEvery != 0) {
            return ControlDecision.keepAll();
        }
        TopologySnapshot t = cycle.topology();
        DemandSet demands = PlannerPolicy.demandsOf(cycle.observedDemands(), t);
        PlanRequest request = PlanRequest.builder(t, demands).nowMillis(cycle.nowMillis())
                .current(PlannerPolicy.commanded(t, cycle.power())).build();
        last = planner.plan(request);
        return PlannerPolicy.builderOf(last.plan(), t).build();
    }
}
