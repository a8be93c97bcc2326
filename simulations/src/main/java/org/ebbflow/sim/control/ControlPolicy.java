package org.ebbflow.sim.control;

/**
 * The seam between the simulator and a power/path policy: called once per control cycle, after the cycle's counters
 * went through the production collectors, with what a controller knows at that moment ({@link ControlCycle}); returns
 * which switches and links should be awake and how to route ({@link ControlDecision}). The engine applies the
 * decision as an actuator would: sleeps at once, wakes after the wake latency, the routing from the next step on.
 *
 * <p>A planner plugs in by translating its output: the elements it keeps awake become
 * {@link ControlDecision.Builder#awakeSwitches}/{@link ControlDecision.Builder#awakeLinks} (snapshot indices), its
 * per-demand paths a {@link RoutingPlan#explicit} plan. An oracle asks for {@link #lookaheadSteps()} steps of the
 * future's true demands and reads them from {@link ControlCycle#future()}.
 *
 * <p>An instance serves one simulation run (it may keep state between cycles); {@link Policies} makes new ones.
 */
public interface ControlPolicy {
    /** @return the name in reports, e.g. {@code always-on} */
    String name();

    /**
     * @return how many steps of true future demand the policy needs in {@link ControlCycle#future()}: 0 (the
     *     default) for policies that only see what a controller sees
     */
    default int lookaheadSteps() {
        return 0;
    }

    /**
     * Decides one control cycle.
     *
     * @param cycle the time, topology, statistics and (for oracles) the future
     * @return the decision; {@link ControlDecision#keepAll()} changes nothing
     */
    ControlDecision decide(ControlCycle cycle);
}
