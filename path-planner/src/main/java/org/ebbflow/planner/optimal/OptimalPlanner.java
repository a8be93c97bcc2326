package org.ebbflow.planner.optimal;

import java.time.Duration;
import java.util.Objects;
import org.ebbflow.planner.demand.ClassCaps;
import org.ebbflow.planner.plan.Plan;
import org.ebbflow.planner.plan.PlanRequest;
import org.ebbflow.planner.plan.Planner;
import org.ebbflow.planner.policy.ElementDirective;
import org.ebbflow.planner.policy.Floor;
import org.ebbflow.planner.policy.Floors;
import org.ebbflow.planner.policy.PolicyInput;
import org.ebbflow.planner.policy.PowerDecision;
import org.ebbflow.planner.policy.PowerPolicy;
import org.ebbflow.planner.power.PowerModelRegistry;
import org.ebbflow.planner.route.DemandRouter;
import org.ebbflow.planner.route.Routing;
import org.ebbflow.planner.route.RoutingRequest;
import org.ebbflow.topology.TopologySnapshot;

/**
 * Plans a cycle with the exact MILP, in one of two ways.
 * <ul>
 *   <li>{@link #OptimalPlanner(PowerPolicy, Duration) Under a policy's decision}: the same connectivity floor and
 *   required elements a heuristic planner with that policy gets, so {@code heuristicWatts / optimalWatts − 1} is the
 *   heuristic <em>router's</em> gap.</li>
 *   <li>{@link #minimumSubset The minimum-power subset}: no policy at all; the MILP chooses every switch and cable
 *   itself, subject only to carrying the demands within their class caps and keeping every terminal connected (its
 *   own never-partition constraint). This is the reference for a whole planner, policy included: the gap then also
 *   counts what the policy's thresholds, headroom and floor keep awake beyond the minimum.</li>
 * </ul>
 * Not thread-safe.
 */
public final class OptimalPlanner {
    private static final String SUBSET = "minimum-subset";
    private static final String CHOSEN = "chosen by the minimum-power MILP";

    private final OptimalRouter router;
    private final Planner planner;
    private final ClassCaps caps;
    private final PowerModelRegistry registry;

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
        this(new OptimalRouter(Objects.requireNonNull(timeLimit, "timeLimit")), policy, caps, registry);
    }

    private OptimalPlanner(OptimalRouter router, PowerPolicy policy, ClassCaps caps, PowerModelRegistry registry) {
        this.router = router;
        this.planner = new Planner(policy, router, caps, registry);
        this.caps = caps;
        this.registry = registry;
    }

    /**
     * @param timeLimit the solver's limit per plan
     * @param caps utilisation caps per class
     * @param registry power models
     * @return a planner for the minimum-power subset with the MILP's own connectivity constraint
     */
    public static OptimalPlanner minimumSubset(Duration timeLimit, ClassCaps caps, PowerModelRegistry registry) {
        return new OptimalPlanner(new OptimalRouter(Objects.requireNonNull(timeLimit, "timeLimit"), true),
                new OpenPolicy(), caps, registry);
    }

    /**
     * @param request the cycle's inputs; in minimum-subset mode its forecast, loads and memory are ignored (only the
     *     demands decide)
     * @return the plan with the MILP's routing, status and bound
     * @throws InstanceTooLargeException if the instance is beyond the MILP's limits
     */
    public OptimalPlan plan(PlanRequest request) {
        OptimalRouter.checkSize(request.topology(), request.demands().size());
        Plan plan = planner.plan(request);
        MilpSolve solve = router.lastSolve();
        if (planner.policy() instanceof OpenPolicy) {
            // The open plan keeps awake only what paths use; re-plan with the MILP's whole choice required so the
            // elements it keeps on for connectivity alone stay awake too.
            PowerDecision chosen = chosenDecision(request.topology(), router.lastAwakeSwitches(),
                    router.lastAwakeLinks());
            plan = new Planner(new FixedPolicy(chosen), new FixedRouter(plan.routing()), caps, registry)
                    .plan(request);
        }
        return new OptimalPlan(plan, solve);
    }

    /** The MILP's awake sets as a decision; without a solution, the heuristic floor keeps connectivity instead. */
    private static PowerDecision chosenDecision(TopologySnapshot t, boolean[] switches, boolean[] links) {
        PowerDecision.Builder b = PowerDecision.builder(t, SUBSET);
        if (switches == null) {
            Floor floor = Floors.forTopology(t, 0).compute(t);
            for (int s = 0; s < t.switchCount(); s++) {
                if (floor.hasSwitch(s)) {
                    b.requireSwitch(s, "connectivity floor (" + floor.method() + "), the MILP found no solution");
                }
            }
            for (int l = 0; l < t.linkCount(); l++) {
                if (floor.hasLink(l)) {
                    b.requireLink(l, "connectivity floor (" + floor.method() + "), the MILP found no solution");
                }
            }
            return b.build();
        }
        for (int s = 0; s < switches.length; s++) {
            if (switches[s] && b.switchDirective(s) != ElementDirective.UNAVAILABLE) {
                b.requireSwitch(s, CHOSEN);
            }
        }
        for (int l = 0; l < links.length; l++) {
            if (links[l]) {
                b.requireLink(l, CHOSEN);
            }
        }
        return b.build();
    }

    /** Every available element optional: the MILP decides. */
    private static final class OpenPolicy implements PowerPolicy {
        @Override
        public String name() {
            return SUBSET;
        }

        @Override
        public PowerDecision decide(PolicyInput input) {
            return PowerDecision.builder(input.topology(), SUBSET).build();
        }
    }

    /** A decision made already. */
    private static final class FixedPolicy implements PowerPolicy {
        private final PowerDecision decision;

        FixedPolicy(PowerDecision decision) {
            this.decision = decision;
        }

        @Override
        public String name() {
            return SUBSET;
        }

        @Override
        public PowerDecision decide(PolicyInput input) {
            return decision;
        }
    }

    /** A routing computed already. */
    private static final class FixedRouter implements DemandRouter {
        private final Routing routing;

        FixedRouter(Routing routing) {
            this.routing = routing;
        }

        @Override
        public String name() {
            return routing.router();
        }

        @Override
        public Routing route(RoutingRequest request) {
            return routing;
        }
    }
}
