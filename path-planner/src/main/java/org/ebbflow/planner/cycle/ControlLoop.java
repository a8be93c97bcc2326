package org.ebbflow.planner.cycle;

import java.util.Objects;
import org.ebbflow.flowstats.PortStatsCollector;
import org.ebbflow.flowstats.features.FeatureExtractor;
import org.ebbflow.flowstats.features.FeatureWindow;
import org.ebbflow.flowstats.features.MissingPolicy;
import org.ebbflow.planner.demand.DemandSet;
import org.ebbflow.planner.plan.Plan;
import org.ebbflow.planner.plan.PlanRequest;
import org.ebbflow.planner.plan.Planner;
import org.ebbflow.planner.policy.LinkLoads;
import org.ebbflow.planner.policy.PolicyMemory;
import org.ebbflow.planner.power.PowerStates;
import org.ebbflow.predictor.Forecast;
import org.ebbflow.predictor.TrafficPredictor;
import org.ebbflow.topology.TopologySnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ebbflow's control cycle, shared by every actuator: link feature windows from the production statistics, one batch
 * forecast, then one {@link Planner} call with that forecast and the last measured loads. It carries the policy's
 * memory (dwell times) and the previous plan (for the rule difference) from cycle to cycle; an actuator that could
 * not apply a plan calls {@link #forget} so the next plan is diffed against nothing rather than against rules that
 * never reached the switches. Not thread-safe: one loop per controller, called from one thread.
 */
public final class ControlLoop {
    private static final Logger LOG = LoggerFactory.getLogger(ControlLoop.class);

    private final Planner planner;
    private final TrafficPredictor predictor;
    private final MissingPolicy missing;
    private PolicyMemory memory = PolicyMemory.empty();
    private Plan previous;

    private ControlLoop(Planner planner, TrafficPredictor predictor, MissingPolicy missing) {
        this.planner = planner;
        this.predictor = predictor;
        this.missing = missing;
    }

    /**
     * @param planner the policy and router
     * @param predictor forecasts link loads; null to plan from the last measured loads only (a reactive loop)
     * @return a loop with no memory and no previous plan; missing steps are forward-filled
     */
    public static ControlLoop of(Planner planner, TrafficPredictor predictor) {
        return new ControlLoop(Objects.requireNonNull(planner, "planner"), predictor, MissingPolicy.FORWARD_FILL);
    }

    /** @return the planner */
    public Planner planner() {
        return planner;
    }

    /** @return the predictor, or null for a reactive loop */
    public TrafficPredictor predictor() {
        return predictor;
    }

    /** @return the last plan this loop produced, or null before the first cycle or after {@link #forget} */
    public Plan previous() {
        return previous;
    }

    /** @return the policy memory the next cycle starts from */
    public PolicyMemory memory() {
        return memory;
    }

    /**
     * Resumes from state kept elsewhere (an ONOS ConsistentMap after a leadership change): the dwell times and the
     * plan the previous leader applied.
     *
     * @param memory the policy memory to continue from
     * @param previous the plan in force, or null if unknown
     */
    public void resume(PolicyMemory memory, Plan previous) {
        this.memory = Objects.requireNonNull(memory, "memory");
        this.previous = previous;
    }

    /** Drops the previous plan (its rules may not be on the switches); the policy memory stays. */
    public void forget() {
        previous = null;
    }

    /**
     * Runs one cycle and remembers its plan and memory. Cost: O(links × window) for the windows, the predictor's
     * batch forecast, and the planner's cost.
     *
     * @param topology the controller's current snapshot
     * @param stats the production statistics, with every step before {@code nowMillis} completed
     * @param demands the demands to route (observed flows, declared reservations)
     * @param current the commanded power states, or null to take them from the snapshot
     * @param nowMillis the cycle's time, epoch milliseconds
     * @return the cycle's forecast, loads and plan
     * @throws IllegalArgumentException if the predictor's step differs from the store's polling step, or the policy
     *     needs inputs it lacks
     */
    public CycleResult run(TopologySnapshot topology, PortStatsCollector stats, DemandSet demands,
                           PowerStates current, long nowMillis) {
        long t0 = System.nanoTime();
        LinkLoads measured = MeasuredLoads.lastStep(topology, stats, nowMillis);
        Forecast forecast = null;
        LinkSeries series = null;
        if (predictor != null) {
            long fine = stats.store().tiers().get(0).stepMillis();
            if (predictor.featureSpec().stepMillis() != fine) {
                throw new IllegalArgumentException("predictor " + predictor.name() + " reads "
                        + predictor.featureSpec().stepMillis() + " ms steps but the statistics are polled every "
                        + fine + " ms");
            }
            series = LinkSeries.of(topology, stats.registry());
            FeatureExtractor extractor = new FeatureExtractor(predictor.featureSpec(), stats.store(), missing);
            FeatureWindow window = extractor.links(series.srcPorts(), series.dstPorts(),
                    extractor.endStepBefore(nowMillis));
            forecast = predictor.forecast(window);
        }
        long t1 = System.nanoTime();
        PlanRequest.Builder request = PlanRequest.builder(topology, demands).nowMillis(nowMillis).memory(memory)
                .previous(previous).currentLoads(measured);
        if (current != null) {
            request.current(current);
        }
        if (forecast != null) {
            request.forecast(forecast, series.mapping());
        }
        Plan plan = planner.plan(request.build());
        long t2 = System.nanoTime();
        previous = plan;
        memory = plan.nextMemory();
        if (LOG.isDebugEnabled()) {
            LOG.debug("Cycle at {}: forecast {} series in {} ms, planned in {} ms: {}", nowMillis,
                    series == null ? 0 : series.size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, plan);
        }
        return new CycleResult(plan, forecast, series, measured, t1 - t0, t2 - t1);
    }

    @Override
    public String toString() {
        return "ControlLoop{" + planner + ", predictor=" + (predictor == null ? "none" : predictor.name()) + "}";
    }
}
