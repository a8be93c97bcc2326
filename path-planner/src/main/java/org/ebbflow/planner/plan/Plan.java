package org.ebbflow.planner.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ebbflow.planner.demand.ClassCaps;
import org.ebbflow.planner.demand.ResolvedDemands;
import org.ebbflow.planner.policy.PolicyMemory;
import org.ebbflow.planner.policy.PowerDecision;
import org.ebbflow.planner.power.PowerReport;
import org.ebbflow.planner.power.PowerStates;
import org.ebbflow.planner.route.Routing;
import org.ebbflow.topology.TopologySnapshot;

/**
 * The outcome of one planning cycle: the power decision, every demand's path or refusal, the power states before
 * and after, the transitions between them, the flow-rule difference from the previous plan, power reports, and the
 * policy memory for the next cycle. {@link #steps()} orders it all make-before-break. Immutable.
 */
public final class Plan {
    private final String policy;
    private final String router;
    private final long nowMillis;
    private final PowerDecision decision;
    private final Routing routing;
    private final PowerStates before;
    private final PowerStates after;
    private final List<PowerTransition> wakes;
    private final List<PowerTransition> sleeps;
    private final FlowRuleDiff rules;
    private final PolicyMemory nextMemory;
    private final PowerReport powerBefore;
    private final PowerReport powerAfter;
    private final ClassCaps caps;

    Plan(String policy, String router, long nowMillis, PowerDecision decision, Routing routing, PowerStates before,
         PowerStates after, List<PowerTransition> wakes, List<PowerTransition> sleeps, FlowRuleDiff rules,
         PolicyMemory nextMemory, PowerReport powerBefore, PowerReport powerAfter, ClassCaps caps) {
        this.policy = policy;
        this.router = router;
        this.nowMillis = nowMillis;
        this.decision = decision;
        this.routing = routing;
        this.before = before;
        this.after = after;
        this.wakes = Collections.unmodifiableList(new ArrayList<>(wakes));
        this.sleeps = Collections.unmodifiableList(new ArrayList<>(sleeps));
        this.rules = rules;
        this.nextMemory = nextMemory;
        this.powerBefore = powerBefore;
        this.powerAfter = powerAfter;
        this.caps = caps;
    }

    /** @return the class caps the plan was made with */
    public ClassCaps caps() {
        return caps;
    }

    /** @return the power policy's name */
    public String policy() {
        return policy;
    }

    /** @return the router's name */
    public String router() {
        return router;
    }

    /** @return when the plan was made, epoch milliseconds */
    public long nowMillis() {
        return nowMillis;
    }

    /** @return the snapshot the plan is for */
    public TopologySnapshot topology() {
        return routing.topology();
    }

    /** @return the demands, bound to the snapshot */
    public ResolvedDemands demands() {
        return routing.demands();
    }

    /** @return the policy's decision */
    public PowerDecision decision() {
        return decision;
    }

    /** @return every demand's path or refusal, and link loads */
    public Routing routing() {
        return routing;
    }

    /** @return the power states the plan starts from */
    public PowerStates before() {
        return before;
    }

    /** @return the power states after the plan: required or used elements awake, the rest asleep */
    public PowerStates after() {
        return after;
    }

    /** @return switches and cables to wake, switches first */
    public List<PowerTransition> wakes() {
        return wakes;
    }

    /**
     * @return cables (between switches that stay awake) and switches to put to sleep, cables first; a sleeping
     *     switch's cables sleep with it and are not listed
     */
    public List<PowerTransition> sleeps() {
        return sleeps;
    }

    /** @return the rules to install and remove, relative to the previous plan's routing */
    public FlowRuleDiff ruleDiff() {
        return rules;
    }

    /** @return the memory the next cycle's policy should use */
    public PolicyMemory nextMemory() {
        return nextMemory;
    }

    /** @return power before the plan */
    public PowerReport powerBefore() {
        return powerBefore;
    }

    /** @return power after the plan, with all-on and maximum figures */
    public PowerReport powerAfter() {
        return powerAfter;
    }

    /** @return the number of refused demands */
    public int refusedCount() {
        return routing.refusedCount();
    }

    /** @return the largest planned link utilisation */
    public double maxLinkUtilisation() {
        return routing.maxUtilisation();
    }

    /** @return how long the plan waits for switches to wake, milliseconds (0 if none wakes) */
    public long wakeWaitMillis() {
        long w = 0;
        for (PowerTransition t : wakes) {
            w = Math.max(w, t.latencyMillis());
        }
        return w;
    }

    /**
     * The plan in execution order, make-before-break: {@code WAKE}, {@code AWAIT_WAKE}, {@code INSTALL_RULES},
     * {@code REMOVE_RULES}, {@code SLEEP}; steps with nothing to do are left out. Builds the rule objects, O(rules).
     */
    public List<PlanStep> steps() {
        List<PlanStep> out = new ArrayList<>(5);
        if (!wakes.isEmpty()) {
            out.add(PlanStep.power(PlanStep.Kind.WAKE, wakes));
            long wait = wakeWaitMillis();
            if (wait > 0) {
                out.add(PlanStep.await(wait));
            }
        }
        if (rules.addCount() > 0) {
            out.add(PlanStep.rules(PlanStep.Kind.INSTALL_RULES, rules.adds()));
        }
        if (rules.removeCount() > 0) {
            out.add(PlanStep.rules(PlanStep.Kind.REMOVE_RULES, rules.removes()));
        }
        if (!sleeps.isEmpty()) {
            out.add(PlanStep.power(PlanStep.Kind.SLEEP, sleeps));
        }
        return Collections.unmodifiableList(out);
    }

    /** @return what changes from this plan to {@code next} */
    public PlanDiff diff(Plan next) {
        return PlanDiff.between(this, next);
    }

    @Override
    public String toString() {
        return "Plan{" + policy + "+" + router + ": " + powerAfter + ", " + wakes.size() + " wakes, " + sleeps.size()
                + " sleeps, " + rules + ", " + routing.refusedCount() + " refused}";
    }
}
