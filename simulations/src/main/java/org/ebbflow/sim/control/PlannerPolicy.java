package org.ebbflow.sim.control;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.ebbflow.planner.cycle.ControlLoop;
import org.ebbflow.planner.cycle.CycleResult;
import org.ebbflow.planner.demand.Demand;
import org.ebbflow.planner.demand.DemandSet;
import org.ebbflow.planner.plan.Plan;
import org.ebbflow.planner.power.PowerStates;
import org.ebbflow.planner.route.Routing;
import org.ebbflow.sim.traffic.DemandBatch;
import org.ebbflow.sim.traffic.TaskClass;
import org.ebbflow.topology.TopologySnapshot;

/**
 * A planner's policy in the simulator: each cycle runs the production {@link ControlLoop} (link feature windows from
 * the cycle's statistics, the predictor's batch forecast if it has one, then the planner's policy and router) on the
 * demands the flow-rule counters showed in the last step, with their task classes, and the commanded power states;
 * the resulting {@link Plan} becomes the decision: exactly the switches and cables the plan keeps awake, and every
 * routed demand's path as an explicit route (pairs the plan refused or did not see take ECMP over what is awake).
 *
 * <p>The same class serves reactive (no predictor), predictive (a learned model) and oracle (an
 * {@link OracleForecaster} fed the future's true link loads) policies: only the loop's predictor differs.
 *
 * <p>Demands are passed to the planner because an element stays awake only if the policy requires it or a routed
 * demand's path uses it; traffic no demand explains keeps nothing awake. A pair's id is its
 * {@link DemandBatch#pairKey}, stable from cycle to cycle, so the plan's rule difference counts real path changes.
 */
public final class PlannerPolicy implements ControlPolicy {
    private final String name;
    private final ControlLoop loop;
    private final OracleForecaster oracle;
    private final int lookahead;
    private final int decideEvery;
    private CycleResult last;

    /**
     * @param name the policy's name in reports
     * @param loop the control loop (planner and optional predictor), fresh for this run
     * @param oracle the loop's predictor if it is an oracle (it is fed the true future before each cycle), else null
     * @param decideEvery run the loop every this many cycles (1 = every polling step); between runs nothing changes
     */
    public PlannerPolicy(String name, ControlLoop loop, OracleForecaster oracle, int decideEvery) {
        if (decideEvery < 1) {
            throw new IllegalArgumentException("decideEvery must be at least 1: " + decideEvery);
        }
        this.name = Objects.requireNonNull(name, "name");
        this.loop = Objects.requireNonNull(loop, "loop");
        this.oracle = oracle;
        this.lookahead = oracle == null ? 0 : oracle.horizon();
        this.decideEvery = decideEvery;
        if (oracle != null && loop.predictor() != oracle) {
            throw new IllegalArgumentException("an oracle policy's loop must forecast with the oracle");
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int lookaheadSteps() {
        return lookahead;
    }

    /** @return the loop */
    public ControlLoop loop() {
        return loop;
    }

    /** @return the last cycle's result, or null before the first */
    public CycleResult lastCycle() {
        return last;
    }

    @Override
    public ControlDecision decide(ControlCycle cycle) {
        if (cycle.index() % decideEvery != 0) {
            return ControlDecision.keepAll();
        }
        TopologySnapshot t = cycle.topology();
        DemandSet demands = demandsOf(cycle.observedDemands(), t);
        PowerStates current = commanded(t, cycle.power());
        if (oracle != null) {
            oracle.prepare(t, cycle.stats().registry(), cycle.future());
        }
        last = loop.run(t, cycle.stats(), demands, current, cycle.nowMillis());
        return decisionOf(last, t);
    }

    /**
     * The observed demands as the planner's: one demand per host pair (rates of repeated pairs added), its class
     * the source container's, mean and upper bound the observed rate, id the pair key. O(n).
     *
     * @param observed the last step's carried demands, snapshot host indices
     * @param t the snapshot
     * @return the demands
     */
    static DemandSet demandsOf(DemandBatch observed, TopologySnapshot t) {
        Map<Long, Integer> index = new HashMap<>(observed.size() * 2);
        double[] bps = new double[observed.size()];
        int[] first = new int[observed.size()];
        int n = 0;
        for (int i = 0; i < observed.size(); i++) {
            int src = observed.src(i);
            int dst = observed.dst(i);
            if (src == dst || src >= t.hostCount() || dst >= t.hostCount()) {
                continue;
            }
            long key = DemandBatch.pairKey(src, dst);
            Integer at = index.putIfAbsent(key, n);
            if (at == null) {
                first[n] = i;
                bps[n] = observed.bps(i);
                n++;
            } else {
                bps[at] += observed.bps(i);
            }
        }
        List<Demand> out = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
            int i = first[j];
            out.add(Demand.betweenHosts(DemandBatch.pairKey(observed.src(i), observed.dst(i)), observed.src(i),
                    observed.dst(i), bps[j], bps[j], TaskClass.ofOrdinal(observed.classOrdinal(i)).demandClass()));
        }
        return DemandSet.of(out);
    }

    /** @return the commanded states as the planner's: waking elements count as awake (their wake is under way) */
    static PowerStates commanded(TopologySnapshot t, PowerView view) {
        PowerStates.Builder b = PowerStates.builder(t);
        for (int s = 0; s < t.switchCount(); s++) {
            b.switchAwake(s, view.switchState(s) != PowerView.State.ASLEEP);
        }
        for (int l = 0; l < t.linkCount(); l++) {
            b.linkAwake(l, view.linkState(l) != PowerView.State.ASLEEP);
        }
        return b.build();
    }

    /** @return the plan's awake sets and paths as a decision, with the forecast it came from */
    static ControlDecision decisionOf(CycleResult r, TopologySnapshot t) {
        ControlDecision.Builder b = builderOf(r.plan(), t);
        if (r.forecast() != null && r.series() != null) {
            int[] fl = new int[r.series().size()];
            for (int i = 0; i < fl.length; i++) {
                fl[i] = r.series().link(i);
            }
            b.forecast(r.forecast(), fl);
        }
        return b.build();
    }

    /** @return a decision builder with the plan's awake sets and explicit paths */
    static ControlDecision.Builder builderOf(Plan plan, TopologySnapshot t) {
        PowerStates after = plan.after();
        BitSet switches = new BitSet(t.switchCount());
        for (int s = 0; s < t.switchCount(); s++) {
            if (after.isSwitchAwake(s)) {
                switches.set(s);
            }
        }
        BitSet links = new BitSet(t.linkCount());
        for (int l = 0; l < t.linkCount(); l++) {
            if (after.isLinkAwake(l)) {
                links.set(l);
            }
        }
        Routing routing = plan.routing();
        Map<Long, int[]> paths = new HashMap<>(routing.demandCount() * 2);
        for (int d = 0; d < routing.demandCount(); d++) {
            int len = routing.pathLength(d);
            if (len < 0) {
                continue;
            }
            int[] p = new int[len];
            for (int i = 0; i < len; i++) {
                p[i] = routing.pathLink(d, i);
            }
            Demand demand = routing.demands().demand(d);
            paths.put(DemandBatch.pairKey(demand.source(), demand.destination()), p);
        }
        return ControlDecision.builder().awakeSwitches(switches).awakeLinks(links)
                .routing(RoutingPlan.adopt(paths));
    }

    @Override
    public String toString() {
        return name + "(" + loop + ")";
    }
}
