package org.ebbflow.planner.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ebbflow.planner.demand.ClassCaps;
import org.ebbflow.planner.demand.ResolvedDemands;
import org.ebbflow.planner.policy.DemandLoadEstimator;
import org.ebbflow.planner.policy.ElementDirective;
import org.ebbflow.planner.policy.LinkLoads;
import org.ebbflow.planner.policy.PolicyInput;
import org.ebbflow.planner.policy.PolicyMemory;
import org.ebbflow.planner.policy.PowerDecision;
import org.ebbflow.planner.policy.PowerPolicy;
import org.ebbflow.planner.power.PowerModelRegistry;
import org.ebbflow.planner.power.PowerReport;
import org.ebbflow.planner.power.PowerStates;
import org.ebbflow.planner.route.DemandRouter;
import org.ebbflow.planner.route.Routing;
import org.ebbflow.planner.route.RoutingRequest;
import org.ebbflow.topology.TopologySnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one planning cycle: the policy decides what is required, optional or held asleep (from the request's forecast
 * or current loads; with neither, from the loads the demands imply, see {@link DemandLoadEstimator}); the router
 * places the demands; every available element ends awake exactly if the decision requires it or a path uses it;
 * the transitions, rule difference, power reports and next policy memory complete the {@link Plan}. Cost: the
 * policy's and router's, plus O(S + L) for states and reports and O(D + changed rules) for the rule difference. Not thread-safe (routers
 * cache per topology): use one planner per thread.
 */
public final class Planner {
    private static final Logger LOG = LoggerFactory.getLogger(Planner.class);
    private static final String USED = "carries routed demands";
    private static final String UNUSED = "not required and no path uses it";

    private final PowerPolicy policy;
    private final DemandRouter router;
    private final ClassCaps caps;
    private final PowerModelRegistry registry;

    /** A planner with default class caps and power models. */
    public Planner(PowerPolicy policy, DemandRouter router) {
        this(policy, router, ClassCaps.defaults(), PowerModelRegistry.defaults());
    }

    /**
     * @param policy decides what may sleep and what must wake
     * @param router places the demands
     * @param caps utilisation caps per class
     * @param registry power models
     */
    public Planner(PowerPolicy policy, DemandRouter router, ClassCaps caps, PowerModelRegistry registry) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.router = Objects.requireNonNull(router, "router");
        this.caps = Objects.requireNonNull(caps, "caps");
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** @return the policy */
    public PowerPolicy policy() {
        return policy;
    }

    /** @return the router */
    public DemandRouter router() {
        return router;
    }

    /**
     * @param request the cycle's inputs
     * @return the plan
     * @throws org.ebbflow.planner.demand.DemandException if a demand names an unknown host or switch
     * @throws IllegalArgumentException if the policy lacks inputs it needs (e.g. a forecast horizon too short)
     */
    public Plan plan(PlanRequest request) {
        TopologySnapshot t = request.topology();
        PowerStates before = request.current() != null ? request.current() : PowerStates.fromSnapshot(t);
        ResolvedDemands demands = request.demands().resolve(t);
        LinkLoads loads = request.currentLoads();
        if (loads == null && request.forecast() == null) {
            loads = DemandLoadEstimator.estimate(demands);
        }
        PolicyInput.Builder in = PolicyInput.builder(t).current(before).nowMillis(request.nowMillis())
                .memory(request.memory()).powerModels(registry).currentLoads(loads);
        if (request.forecast() != null) {
            in.forecast(request.forecast(), request.mapping());
        }
        PolicyInput input = in.build();
        PowerDecision decision = policy.decide(input);
        Routing previous = request.previous() == null ? null : request.previous().routing();
        Routing routing = router.route(RoutingRequest.builder(demands, decision).current(before).caps(caps)
                .power(input.power()).previous(previous).build());

        PowerStates.Builder target = before.toBuilder();
        for (int s = 0; s < t.switchCount(); s++) {
            if (decision.switchDirective(s) != ElementDirective.UNAVAILABLE) {
                target.switchAwake(s, decision.switchDirective(s) == ElementDirective.REQUIRED
                        || routing.usesSwitch(s));
            }
        }
        for (int l = 0; l < t.linkCount(); l++) {
            int r = t.reverseLink(l);
            if ((r < 0 || l < r) && decision.linkDirective(l) != ElementDirective.UNAVAILABLE) {
                target.linkAwake(l, decision.linkDirective(l) == ElementDirective.REQUIRED || routing.usesLink(l)
                        || r >= 0 && routing.usesLink(r));
            }
        }
        PowerStates after = target.build();

        List<PowerTransition> wakes = new ArrayList<>();
        List<PowerTransition> sleepSwitches = new ArrayList<>();
        List<PowerTransition> sleeps = new ArrayList<>();
        PolicyMemory.Builder memory = request.memory().toBuilder();
        long now = request.nowMillis();
        for (int s = 0; s < t.switchCount(); s++) {
            if (decision.switchDirective(s) == ElementDirective.UNAVAILABLE
                    || before.isSwitchAwake(s) == after.isSwitchAwake(s)) {
                continue;
            }
            memory.switchChanged(t.switchAt(s).dpid(), now);
            String why = decision.switchReason(s);
            if (after.isSwitchAwake(s)) {
                wakes.add(PowerTransition.ofSwitch(PowerTransition.Direction.WAKE, t.switchAt(s).dpid(),
                        why != null ? why : USED, input.power().wakeLatencyMillis(s)));
            } else {
                sleepSwitches.add(PowerTransition.ofSwitch(PowerTransition.Direction.SLEEP, t.switchAt(s).dpid(),
                        UNUSED, 0));
            }
        }
        for (int l = 0; l < t.linkCount(); l++) {
            int r = t.reverseLink(l);
            if (r >= 0 && r < l || decision.linkDirective(l) == ElementDirective.UNAVAILABLE
                    || before.isLinkAwake(l) == after.isLinkAwake(l)) {
                continue;
            }
            boolean endsAwake = after.isSwitchAwake(t.linkSrc(l)) && after.isSwitchAwake(t.linkDst(l));
            if (after.isLinkAwake(l)) {
                String why = decision.linkReason(l);
                wakes.add(PowerTransition.ofCable(PowerTransition.Direction.WAKE, t.link(l).key(),
                        why != null ? why : USED));
                memory.cableChanged(t.link(l).key(), now);
            } else if (endsAwake) {
                sleeps.add(PowerTransition.ofCable(PowerTransition.Direction.SLEEP, t.link(l).key(), UNUSED));
                memory.cableChanged(t.link(l).key(), now);
            }
            // A cable that goes dark because its switch sleeps is not a port toggle: its dwell is the switch's.
        }
        sleeps.addAll(sleepSwitches);
        FlowRuleDiff rules = FlowRuleDiff.between(previous, routing);
        Plan plan = new Plan(policy.name(), router.name(), now, decision, routing, before, after, wakes, sleeps, rules,
                memory.build(), PowerReport.of(before, registry), PowerReport.of(after, registry), caps);
        if (LOG.isDebugEnabled()) {
            LOG.debug("Planned {} demands on {}: {}", demands.size(), t, plan);
        }
        return plan;
    }

    @Override
    public String toString() {
        return "Planner{" + policy + " + " + router + "}";
    }
}
