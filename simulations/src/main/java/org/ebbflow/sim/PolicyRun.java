package org.ebbflow.sim;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

import org.ebbflow.flowstats.CounterSemantics;
import org.ebbflow.flowstats.CounterTracker;
import org.ebbflow.flowstats.PortStatsCollector;
import org.ebbflow.planner.power.SwitchPowerTable;
import org.ebbflow.predictor.Forecast;
import org.ebbflow.sim.control.ControlCycle;
import org.ebbflow.sim.control.ControlDecision;
import org.ebbflow.sim.control.ControlPolicy;
import org.ebbflow.sim.control.Lookahead;
import org.ebbflow.sim.control.PowerView;
import org.ebbflow.sim.control.RoutingPlan;
import org.ebbflow.sim.metrics.PolicySummary;
import org.ebbflow.sim.metrics.StepSeries;
import org.ebbflow.sim.metrics.UtilisationHistogram;
import org.ebbflow.sim.net.Allocation;
import org.ebbflow.sim.net.EcmpRouting;
import org.ebbflow.sim.net.ExplicitRouting;
import org.ebbflow.sim.net.Fabric;
import org.ebbflow.sim.net.RoutedPaths;
import org.ebbflow.sim.net.Routing;
import org.ebbflow.sim.traffic.DemandBatch;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.discovery.TopologyManager;

/**
 * One policy's side of a simulation: its own switches' power states, counters, production topology manager and
 * statistics collector, routing and metrics, all fed with the traffic every policy shares. Not thread-safe.
 */
final class PolicyRun {
    private final ControlPolicy policy;
    private final SimConfig config;
    private final Fabric fabric;
    private final TopologyManager manager;
    private final PortStatsCollector collector;
    private final DiscoveryDriver discovery;
    private final PowerState power;
    private final CounterBank counters;
    private final RoutedPaths paths = new RoutedPaths();
    private final Allocation allocation;
    private final PathMemory memory = new PathMemory();
    private final double[] upFraction;
    private final StepSeries series;
    private final UtilisationHistogram histogram = new UtilisationHistogram();
    private final SwitchPowerTable watts;
    private final DemandBatch observed = new DemandBatch(1024);
    private final double allOnWatts;
    private final double stepSeconds;
    private final View view = new View();
    private final long lldpEvery;

    private Routing routing;
    private long routedVersion = -1;
    private EcmpRouting ecmp;
    private boolean[] ecmpSwitches;
    private boolean[] ecmpLinks;
    private boolean explicitMode;
    private Map<Long, int[]> explicitPaths = Map.of();
    private IndexMap indexMap;

    private double energyJoules;
    private double allOnJoules;
    private double offeredBits;
    private double deliveredBits;
    private double unroutedBits;
    private double overCapLinkSeconds;
    private double maxOfferedLoad;
    private long switchTransitions;
    private long cableTransitions;
    private long ruleChanges;
    private long partitionedSteps;
    private double sumSwitchesAsleep;
    private double sumCablesAsleep;
    private int maxSwitchesAsleep;
    private long cycles;
    private long cycleNanos;
    private long maxCycleNanos;

    private ForecastTrace trace;
    private int traceLink = -1;
    private double pendingMean = Double.NaN;
    private double pendingUpper = Double.NaN;
    private long pendingAt;

    /**
     * @param manager a manager that has been told the whole topology (the fabric was compiled from its numbering)
     * @param allOnWatts the network's power with every switch and port on
     */
    PolicyRun(ControlPolicy policy, SimConfig config, Fabric fabric, TopologyManager manager, double allOnWatts,
              long startMillis) {
        this.policy = policy;
        this.config = config;
        this.fabric = fabric;
        this.manager = manager;
        this.allOnWatts = allOnWatts;
        this.stepSeconds = config.stepMillis() / 1000.0;
        CounterTracker.Options options = CounterTracker.Options.defaults(CounterSemantics.UNSIGNED_64)
                .withExpectedIntervalMillis(config.stepMillis());
        this.collector = new PortStatsCollector(manager, options);
        this.discovery = new DiscoveryDriver(fabric, manager);
        this.power = new PowerState(fabric);
        this.counters = new CounterBank(fabric, config.counters(), config.meanPacketBytes(), config.seed(),
                startMillis);
        this.allocation = new Allocation(fabric);
        this.upFraction = new double[fabric.linkCount()];
        this.watts = config.powerModels().resolve(fabric.topology());
        this.series = new StepSeries(config.steps());
        long expiry = Simulator.expiryFor(config.stepMillis(), config.counters().jitterMillis());
        this.lldpEvery = Math.max(1, (expiry - 1 - config.counters().jitterMillis()) / config.stepMillis());
    }

    /** @return the policy's name */
    String name() {
        return policy.name();
    }

    ControlPolicy policy() {
        return policy;
    }

    /** Polls the fresh counters once at the start, so that the first step already makes rates. */
    void initialPoll(long t) {
        counters.poll(collector, power, t);
        collector.onCycle(t);
    }

    /** Simulates one step [from, to) of the shared demands on this run's network. */
    void simulateStep(DemandBatch demands, long from, long to, SimListener listener) {
        power.fillUpFraction(upFraction, from, to);
        ensureRouting(from);
        routing.routeAll(demands, paths);
        long changes = countRuleChanges(demands);
        allocation.compute(demands, paths, upFraction, config.congestion(), stepSeconds);
        counters.advance(allocation, stepSeconds, to);
        recordStep(demands, from, changes);
        listener.stepSimulated(policy.name(), from, to, fabric, allocation);
        if (traceLink >= 0 && !Double.isNaN(pendingMean) && pendingAt == from) {
            trace.add(from, pendingMean, pendingUpper, allocation.carriedBps(traceLink));
            pendingMean = Double.NaN;
        }
    }

    private long countRuleChanges(DemandBatch demands) {
        memory.startStep(paths.entries());
        long changes = 0;
        for (int e = 0; e < paths.entries(); e++) {
            int len = paths.length(e);
            int d = paths.demand(e);
            if (len > 0 && memory.record(DemandBatch.pairKey(demands.src(d), demands.dst(d)), paths.pathHash(e))) {
                changes += len - 1;
            }
        }
        ruleChanges += changes;
        return changes;
    }

    private void recordStep(DemandBatch demands, long from, long changes) {
        double watts = 0;
        for (int s = 0; s < fabric.switchCount(); s++) {
            watts += power.switchPowered(s)
                    ? this.watts.chassisWatts(s) + this.watts.portWatts(s) * power.activePorts(s)
                    : this.watts.sleepWatts(s);
        }
        energyJoules += watts * stepSeconds;
        allOnJoules += allOnWatts * stepSeconds;
        offeredBits += allocation.offeredBps() * stepSeconds;
        deliveredBits += allocation.deliveredBps() * stepSeconds;
        unroutedBits += allocation.unroutedBps() * stepSeconds;
        if (allocation.unroutedDemands() > 0) {
            partitionedSteps++;
        }
        double maxUtil = 0;
        double sumUtil = 0;
        int counted = 0;
        int overCap = 0;
        for (int l = 0; l < fabric.switchLinkCount(); l++) {
            double cap = allocation.effectiveCapacityBps(l);
            if (cap <= 0) {
                continue;
            }
            // Utilisation is what the link carried (never above capacity); the SLA compares what it was offered.
            double u = allocation.carriedBps(l) / cap;
            double load = allocation.offeredBps(l) / cap;
            histogram.add(u);
            maxUtil = Math.max(maxUtil, u);
            maxOfferedLoad = Math.max(maxOfferedLoad, load);
            sumUtil += u;
            counted++;
            int mask = allocation.classMask(l);
            if (mask != 0 && load > capOf(mask)) {
                overCap++;
            }
        }
        overCapLinkSeconds += overCap * stepSeconds;
        int asleep = power.switchesAsleep();
        int cablesAsleep = power.cablesAsleep();
        sumSwitchesAsleep += asleep;
        sumCablesAsleep += cablesAsleep;
        maxSwitchesAsleep = Math.max(maxSwitchesAsleep, asleep);
        series.add(from, watts, asleep, cablesAsleep, allocation.offeredBps(), allocation.deliveredBps(), maxUtil,
                counted == 0 ? 0 : sumUtil / counted, overCap, 0, changes);
        observed.clear();
        int[] toSnapshot = indexMap == null || indexMap.isIdentity() ? null
                : indexMap.fabricToHost(fabric.hostCount());
        for (int e = 0; e < paths.entries(); e++) {
            int d = paths.demand(e);
            double del = allocation.entryDeliveredBps(e);
            if (del > 0) {
                int src = toSnapshot == null ? demands.src(d) : toSnapshot[demands.src(d)];
                int dst = toSnapshot == null ? demands.dst(d) : toSnapshot[demands.dst(d)];
                if (src >= 0 && dst >= 0) {
                    observed.add(src, dst, del, demands.classOrdinal(d));
                }
            }
        }
    }

    private double capOf(int mask) {
        double cap = 1;
        for (int c = 0; c < 3; c++) {
            if ((mask & (1 << c)) != 0) {
                cap = Math.min(cap, config.capOf(c));
            }
        }
        return cap;
    }

    /**
     * ECMP (alone or behind planned paths) uses what forwards at the step's start: a waking element joins the
     * groups once it is up, as a controller adds a bucket when the port comes up.
     */
    private void ensureRouting(long from) {
        if (routing != null && routedVersion == power.version()) {
            return;
        }
        boolean[] usableSwitch = new boolean[fabric.switchCount()];
        for (int s = 0; s < usableSwitch.length; s++) {
            usableSwitch[s] = power.switchReady(s, from);
        }
        boolean[] usableLink = new boolean[fabric.switchLinkCount()];
        for (int l = 0; l < usableLink.length; l++) {
            usableLink[l] = power.cableUp(l, from);
        }
        // A new plan alone does not change what forwards: keep the ECMP groups (and their distance caches, which cost
        // a breadth-first search per destination switch) until the usable elements change.
        if (ecmp == null || !Arrays.equals(usableSwitch, ecmpSwitches) || !Arrays.equals(usableLink, ecmpLinks)) {
            ecmp = new EcmpRouting(fabric, usableSwitch, usableLink);
            ecmpSwitches = usableSwitch;
            ecmpLinks = usableLink;
        }
        routing = explicitMode ? new ExplicitRouting(fabric, explicitPaths, ecmp, ecmp::isUsable) : ecmp;
        routedVersion = power.version();
    }

    /**
     * The control cycle at the end of a step: wakes that completed, LLDP, the poll into the collector, the
     * statistics cycle, then the policy's decision, applied at once.
     */
    void cycle(long t, long index, Lookahead future, SimListener listener) {
        promoteReady(t);
        if (index % lldpEvery == 0) {
            discovery.refreshLinks(power, t);
        }
        counters.poll(collector, power, t);
        long tc = t + config.counters().jitterMillis();
        manager.expire(tc);
        collector.onCycle(tc);
        TopologySnapshot snapshot = manager.snapshot();
        listener.cycleDone(policy.name(), tc, snapshot, collector);
        if (indexMap == null || indexMap.snapshot() != snapshot) {
            indexMap = IndexMap.of(fabric, snapshot);
        }
        Lookahead ahead = future == null || indexMap.isIdentity() ? future : new MappedLookahead(future);
        ControlCycle cycle = new ControlCycle(tc, index, config.stepMillis(), snapshot, collector, observed, view,
                ahead);
        long started = System.nanoTime();
        ControlDecision decision = policy.decide(cycle);
        long took = System.nanoTime() - started;
        cycles++;
        cycleNanos += took;
        maxCycleNanos = Math.max(maxCycleNanos, took);
        if (decision == null) {
            throw new IllegalStateException("policy " + policy.name() + " returned no decision");
        }
        int transitions = apply(decision, tc);
        series.setLastTransitions(transitions);
        traceForecast(decision, tc);
    }

    private void promoteReady(long t) {
        for (int s = 0; s < fabric.switchCount(); s++) {
            if (power.switchMode(s) == PowerState.WAKING && power.switchReadyAt(s) <= t) {
                long ready = power.switchReadyAt(s);
                power.switchReadyNow(s);
                discovery.switchReady(s, power, ready);
            }
        }
        for (int l = 0; l < fabric.switchLinkCount(); l++) {
            int r = fabric.reverse(l);
            if ((r < 0 || l < r) && power.cableMode(l) == PowerState.WAKING && power.cableReadyAt(l) <= t) {
                long ready = power.cableReadyAt(l);
                power.cableReadyNow(l);
                discovery.cableReady(l, power, ready);
            }
        }
    }

    private int apply(ControlDecision decision, long t) {
        int transitions = 0;
        long ready = t + config.wakeLatencyMillis();
        BitSet ws = decision.awakeSwitches();
        if (ws != null) {
            boolean[] want = new boolean[fabric.switchCount()];
            for (int s = 0; s < want.length; s++) {
                want[s] = power.switchPowered(s);
            }
            for (int i = 0; i < indexMap.snapshot().switchCount(); i++) {
                int f = indexMap.switchToFabric(i);
                if (f >= 0) {
                    want[f] = ws.get(i);
                }
            }
            for (int s = 0; s < want.length; s++) {
                if (want[s] && power.wakeSwitch(s, ready)) {
                    counters.restartSwitch(s, ready);
                    transitions++;
                    switchTransitions++;
                } else if (!want[s] && power.sleepSwitch(s)) {
                    discovery.switchAsleep(s, power, t);
                    transitions++;
                    switchTransitions++;
                }
            }
        }
        BitSet wl = decision.awakeLinks();
        if (wl != null) {
            boolean[] want = new boolean[fabric.switchLinkCount()];
            for (int l = 0; l < want.length; l++) {
                want[l] = power.cableMode(l) != PowerState.ASLEEP;
            }
            for (int i = 0; i < indexMap.snapshot().linkCount(); i++) {
                int f = indexMap.linkToFabric(i);
                if (f >= 0) {
                    want[f] = wl.get(i);
                }
            }
            for (int l = 0; l < want.length; l++) {
                int r = fabric.reverse(l);
                if (r >= 0 && r < l) {
                    continue;
                }
                boolean awake = want[l] || (r >= 0 && want[r]);
                if (awake && power.wakeCable(l, ready)) {
                    transitions++;
                    cableTransitions++;
                } else if (!awake && power.sleepCable(l)) {
                    discovery.cableAsleep(l, t);
                    transitions++;
                    cableTransitions++;
                }
            }
        }
        RoutingPlan plan = decision.routing();
        if (plan.kind() == RoutingPlan.Kind.ECMP) {
            explicitMode = false;
            routing = null;
        } else if (plan.kind() == RoutingPlan.Kind.EXPLICIT) {
            explicitMode = true;
            explicitPaths = translate(plan.paths());
            routing = null;
        }
        return transitions;
    }

    /** @return the planned paths in fabric indices; paths naming elements the fabric lacks are dropped */
    private Map<Long, int[]> translate(Map<Long, int[]> snapshotPaths) {
        Map<Long, int[]> out = new HashMap<>(snapshotPaths.size() * 2);
        for (Map.Entry<Long, int[]> e : snapshotPaths.entrySet()) {
            int src = indexMap.hostToFabric((int) (e.getKey() >>> 32));
            int dst = indexMap.hostToFabric((int) (long) e.getKey());
            int[] p = e.getValue().clone();
            boolean ok = src >= 0 && dst >= 0;
            for (int i = 0; i < p.length && ok; i++) {
                p[i] = indexMap.linkToFabric(p[i]);
                ok = p[i] >= 0;
            }
            if (ok) {
                out.put(DemandBatch.pairKey(src, dst), p);
            }
        }
        return out;
    }

    private void traceForecast(ControlDecision decision, long t) {
        Forecast f = decision.forecast();
        int[] links = decision.forecastLinks();
        if (f == null || links == null) {
            return;
        }
        if (traceLink < 0) {
            int best = -1;
            for (int b = 0; b < f.batch(); b++) {
                float m = f.mean(b, 0);
                if (!Float.isNaN(m) && indexMap.linkToFabric(links[b]) >= 0 && (best < 0 || m > f.mean(best, 0))) {
                    best = b;
                }
            }
            if (best < 0) {
                return;
            }
            traceLink = indexMap.linkToFabric(links[best]);
            trace = new ForecastTrace(fabric.topology().link(traceLink).key().toString());
        }
        for (int b = 0; b < f.batch(); b++) {
            if (indexMap.linkToFabric(links[b]) == traceLink) {
                pendingMean = f.mean(b, 0);
                pendingUpper = f.upper(b, 0);
                pendingAt = t - config.counters().jitterMillis();
                return;
            }
        }
    }

    /** @return the run's results */
    PolicyResult result() {
        double hours = series.size() * stepSeconds / 3600.0;
        double offeredBytes = offeredBits / 8;
        double deliveredBytes = deliveredBits / 8;
        long transitions = switchTransitions + cableTransitions;
        PolicySummary summary = new PolicySummary(policy.name(), series.size(), hours, energyJoules / 3.6e6,
                allOnJoules / 3.6e6, allOnJoules > 0 ? energyJoules / allOnJoules : 1,
                series.size() == 0 ? 0 : energyJoules / (series.size() * stepSeconds),
                series.size() == 0 ? 0 : sumSwitchesAsleep / series.size(), maxSwitchesAsleep,
                series.size() == 0 ? 0 : sumCablesAsleep / series.size(), offeredBytes, deliveredBytes,
                offeredBits > 0 ? Math.max(0, 1 - deliveredBits / offeredBits) : 0,
                offeredBits > 0 ? unroutedBits / offeredBits : 0, overCapLinkSeconds, histogram.quantile(0.99),
                histogram.max(), maxOfferedLoad, switchTransitions, cableTransitions, hours > 0 ? transitions / hours : 0,
                ruleChanges, hours > 0 ? ruleChanges / hours : 0, partitionedSteps,
                cycles == 0 ? 0 : cycleNanos / 1e6 / cycles, maxCycleNanos / 1e6);
        return new PolicyResult(summary, series, trace, collector.outcomes(), counters.samples(),
                discovery.events());
    }

    /** The future's link loads in the current snapshot's numbering. */
    private final class MappedLookahead implements Lookahead {
        private final Lookahead inner;

        MappedLookahead(Lookahead inner) {
            this.inner = inner;
        }

        @Override
        public int steps() {
            return inner.steps();
        }

        @Override
        public DemandBatch demands(int ahead) {
            return inner.demands(ahead);
        }

        @Override
        public long stepStartMillis(int ahead) {
            return inner.stepStartMillis(ahead);
        }

        @Override
        public double[] linkLoadsBps(int ahead) {
            double[] f = inner.linkLoadsBps(ahead);
            double[] out = new double[indexMap.snapshot().linkCount()];
            for (int l = 0; l < out.length; l++) {
                int x = indexMap.linkToFabric(l);
                out[l] = x >= 0 && x < f.length ? f[x] : 0;
            }
            return out;
        }
    }

    /** The commanded states through the current snapshot's numbering. */
    private final class View implements PowerView {
        private int fabricSwitch(int s) {
            return indexMap.switchToFabric(s);
        }

        @Override
        public State switchState(int s) {
            int f = fabricSwitch(s);
            return f < 0 ? State.ASLEEP : PowerState.viewOf(power.switchMode(f));
        }

        @Override
        public State linkState(int l) {
            int f = indexMap.linkToFabric(l);
            return f < 0 ? State.ASLEEP : PowerState.viewOf(power.cableMode(f));
        }

        @Override
        public long switchReadyAtMillis(int s) {
            int f = fabricSwitch(s);
            return f < 0 || power.switchMode(f) != PowerState.WAKING ? Long.MIN_VALUE : power.switchReadyAt(f);
        }

        @Override
        public long wakeLatencyMillis() {
            return config.wakeLatencyMillis();
        }
    }
}
