package org.ebbflow.sim.control;

import java.util.Objects;

import org.ebbflow.flowstats.PortStatsCollector;
import org.ebbflow.flowstats.SeriesStore;
import org.ebbflow.flowstats.features.FeatureExtractor;
import org.ebbflow.flowstats.features.FeatureSpec;
import org.ebbflow.flowstats.features.MissingPolicy;
import org.ebbflow.planner.cycle.MeasuredLoads;
import org.ebbflow.sim.traffic.DemandBatch;
import org.ebbflow.topology.TopologySnapshot;

/**
 * What a policy sees in one control cycle: the time, the topology as the production {@code TopologyManager} has
 * rebuilt it from discovery events, the per-port statistics as the production {@link PortStatsCollector} derived
 * them from counters, the demands flow-rule counters showed in the last step, the commanded power states and, for
 * oracle policies only, the true future demands. Valid during the {@link ControlPolicy#decide} call only.
 */
public final class ControlCycle {
    private final long nowMillis;
    private final long index;
    private final long stepMillis;
    private final TopologySnapshot topology;
    private final PortStatsCollector stats;
    private final DemandBatch observed;
    private final PowerView power;
    private final Lookahead future;

    /**
     * Built by the simulator.
     *
     * @param nowMillis the cycle's time, epoch milliseconds (the end of the step just simulated)
     * @param index 0 for the first cycle
     * @param stepMillis the polling interval and control period
     * @param topology the controller's snapshot
     * @param stats the controller's port statistics
     * @param observed the last step's carried demands per host pair, bits per second
     * @param power the commanded power states
     * @param future the true future demands, or null
     */
    public ControlCycle(long nowMillis, long index, long stepMillis, TopologySnapshot topology,
                        PortStatsCollector stats, DemandBatch observed, PowerView power, Lookahead future) {
        this.nowMillis = nowMillis;
        this.index = index;
        this.stepMillis = stepMillis;
        this.topology = Objects.requireNonNull(topology, "topology");
        this.stats = Objects.requireNonNull(stats, "stats");
        this.observed = Objects.requireNonNull(observed, "observed");
        this.power = Objects.requireNonNull(power, "power");
        this.future = future;
    }

    /** @return the cycle's time, epoch milliseconds */
    public long nowMillis() {
        return nowMillis;
    }

    /** @return the cycle number, from 0 */
    public long index() {
        return index;
    }

    /** @return the polling interval and control period, milliseconds */
    public long stepMillis() {
        return stepMillis;
    }

    /** @return the controller's topology snapshot; the decision's indices are this snapshot's */
    public TopologySnapshot topology() {
        return topology;
    }

    /** @return the production statistics pipeline (its registry numbers ports, its store holds the series) */
    public PortStatsCollector stats() {
        return stats;
    }

    /** @return the series store, completed up to this cycle's time */
    public SeriesStore store() {
        return stats.store();
    }

    /**
     * @return a feature extractor over the store, for predictors; its windows end with the last complete step when
     *     built with {@link FeatureExtractor#endStepBefore(long)} of {@link #nowMillis()}
     */
    public FeatureExtractor features(FeatureSpec spec, MissingPolicy missing) {
        return new FeatureExtractor(spec, stats.store(), missing);
    }

    /**
     * The measured rate of every link of the snapshot over the last complete step, as the planner's
     * {@link MeasuredLoads#lastStepBps} reads it (the larger of the source port's transmit and the destination port's
     * receive rate). NaN where the store has no value (asleep, missed poll, reset). O(links).
     *
     * @return bits per second per snapshot link index
     */
    public double[] measuredLinkBps() {
        return MeasuredLoads.lastStepBps(topology, stats, nowMillis);
    }

    /** @return the demands the last step carried, as flow-rule counters would show them; read-only */
    public DemandBatch observedDemands() {
        return observed;
    }

    /** @return the commanded power states */
    public PowerView power() {
        return power;
    }

    /** @return the true future demands, or null unless the policy asked for {@link ControlPolicy#lookaheadSteps()} */
    public Lookahead future() {
        return future;
    }
}
