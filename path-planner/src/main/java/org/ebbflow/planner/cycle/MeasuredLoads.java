package org.ebbflow.planner.cycle;

import java.util.Arrays;
import org.ebbflow.flowstats.PortRegistry;
import org.ebbflow.flowstats.PortStatsCollector;
import org.ebbflow.flowstats.SeriesStore;
import org.ebbflow.planner.policy.LinkLoads;
import org.ebbflow.topology.TopologySnapshot;

/** The loads counters showed on each link over the last complete polling step: what a reactive policy sees. */
public final class MeasuredLoads {
    private MeasuredLoads() {
    }

    /**
     * Each link's load is the larger of its source port's transmit rate and its destination port's receive rate
     * (they differ by loss or polling skew; the larger is the safe one). O(links).
     *
     * @param topology the snapshot
     * @param stats the production statistics, completed up to {@code nowMillis}
     * @param nowMillis the cycle's time, epoch milliseconds
     * @return bits per second per link of the snapshot; NaN where neither port has a value for that step
     */
    public static double[] lastStepBps(TopologySnapshot topology, PortStatsCollector stats, long nowMillis) {
        SeriesStore store = stats.store();
        PortRegistry registry = stats.registry();
        long end = store.fineStepOf(nowMillis);
        float[] v = new float[1];
        double[] out = new double[topology.linkCount()];
        Arrays.fill(out, Double.NaN);
        for (int l = 0; l < out.length; l++) {
            int src = registry.indexOf(topology.link(l).src());
            if (src >= 0 && store.read(0, src, end, 1, null, v, 0) > 0) {
                out[l] = v[0];
            }
            int dst = registry.indexOf(topology.link(l).dst());
            if (dst >= 0 && store.read(0, dst, end, 1, v, null, 0) > 0 && !(out[l] >= v[0])) {
                out[l] = v[0];
            }
        }
        return out;
    }

    /** @return {@link #lastStepBps} as link loads */
    public static LinkLoads lastStep(TopologySnapshot topology, PortStatsCollector stats, long nowMillis) {
        return LinkLoads.of(topology, lastStepBps(topology, stats, nowMillis));
    }
}
