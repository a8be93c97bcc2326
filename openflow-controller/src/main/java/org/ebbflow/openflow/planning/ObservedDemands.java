package org.ebbflow.openflow.planning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ebbflow.flowstats.flows.FlowRates;
import org.ebbflow.flowstats.flows.PortRateLookup;
import org.ebbflow.flowstats.flows.TrafficMatrix;
import org.ebbflow.flowstats.flows.TrafficMatrixEstimator;
import org.ebbflow.planner.demand.Demand;
import org.ebbflow.planner.demand.DemandClass;
import org.ebbflow.planner.demand.DemandSet;
import org.ebbflow.topology.HostEndpoint;
import org.ebbflow.topology.TopologySnapshot;

/**
 * The demands the controller plans for: one per ordered pair of known hosts, so that every pair is routed (a host
 * that starts talking needs no reactive setup), with the rate the flow counters showed at the pair's ingress edge
 * ({@link TrafficMatrixEstimator}) over the last poll as its mean, and the largest such rate over the last
 * {@value #DEFAULT_PEAK_POLLS} polls times a headroom as the upper bound the router plans on. The peak over a few
 * polls is there because one poll's rate under-reads what a link must carry: a flow that started during the
 * interval shows part of its rate, the interval the controller divides by is not the one the switch counted over
 * (replies arrive late under load), and a UDP sender catches up in bursts; the router packs links up to a class cap
 * on these figures, so an under-read packs a link past what it can carry. The class comes from the source host's {@value HostEndpoint#LABEL_WORKLOAD_CLASS} label (a container's
 * declared class), bulk when it has none or an unknown one. Ids are stable per (source MAC, destination MAC) for the
 * life of this object, so plans diff and cookies name the same demand from cycle to cycle. Not thread-safe.
 */
public final class ObservedDemands {
    /** Upper bound over the measured rate: covers the growth of one polling interval. */
    public static final double DEFAULT_HEADROOM = 1.25;
    /** Polls the upper bound's peak is taken over. */
    public static final int DEFAULT_PEAK_POLLS = 3;

    private final Map<Pair, Long> ids = new HashMap<>();
    private final Map<Long, double[]> recent = new HashMap<>();
    private final double headroom;
    private final int peakPolls;
    private long nextId = 1;
    private long lastPollMillis = Long.MIN_VALUE;
    private int slot;

    private record Pair(long srcMac, long dstMac) {
    }

    /**
     * @param headroom the upper bound's factor over the measured peak rate, at least 1
     * @param peakPolls how many polls the peak is taken over, at least 1 (1: the last poll's rate)
     */
    public ObservedDemands(double headroom, int peakPolls) {
        if (!(headroom >= 1)) {
            throw new IllegalArgumentException("headroom must be at least 1, got " + headroom);
        }
        if (peakPolls < 1) {
            throw new IllegalArgumentException("peakPolls must be at least 1, got " + peakPolls);
        }
        this.headroom = headroom;
        this.peakPolls = peakPolls;
    }

    /** With {@link #DEFAULT_HEADROOM} and {@link #DEFAULT_PEAK_POLLS}. */
    public ObservedDemands() {
        this(DEFAULT_HEADROOM, DEFAULT_PEAK_POLLS);
    }

    /**
     * O(H² + flows).
     *
     * @param topology the snapshot the demands are bound to
     * @param latestFlows each switch's latest flow rates (empty before the first poll: every demand is then 0); a
     *     call whose newest reply is newer than the last call's starts a new poll in the peak window, otherwise
     *     (a re-plan after a topology change) it replaces the current poll's rates
     * @return one demand per ordered host pair
     */
    public DemandSet demands(TopologySnapshot topology, Collection<FlowRates> latestFlows) {
        TrafficMatrix matrix = latestFlows.isEmpty() ? null
                : new TrafficMatrixEstimator(topology).estimateFrom(latestFlows, PortRateLookup.none());
        long poll = Long.MIN_VALUE;
        for (FlowRates f : latestFlows) {
            poll = Math.max(poll, f.receivedMillis());
        }
        if (poll != lastPollMillis) {
            lastPollMillis = poll;
            slot = (slot + 1) % peakPolls;
        }
        int n = topology.hostCount();
        List<Demand> out = new ArrayList<>(n * Math.max(0, n - 1));
        for (int s = 0; s < n; s++) {
            HostEndpoint src = topology.host(s);
            DemandClass cls = classOf(src);
            for (int d = 0; d < n; d++) {
                if (d == s) {
                    continue;
                }
                double bps = matrix == null ? 0 : Math.max(0, matrix.rateBps(s, d));
                long id = idOf(src, topology.host(d));
                double[] window = recent.computeIfAbsent(id, k -> new double[peakPolls]);
                window[slot] = bps;
                double peak = 0;
                for (double v : window) {
                    peak = Math.max(peak, v);
                }
                out.add(Demand.betweenHosts(id, s, d, bps, peak * headroom, cls));
            }
        }
        return DemandSet.of(out);
    }

    /** @return the id of the demand from {@code src} to {@code dst}, allocated on first use (1, 2, ...) */
    public long idOf(HostEndpoint src, HostEndpoint dst) {
        return ids.computeIfAbsent(new Pair(src.mac().value(), dst.mac().value()), p -> nextId++);
    }

    static DemandClass classOf(HostEndpoint h) {
        String label = h.label(HostEndpoint.LABEL_WORKLOAD_CLASS);
        if (label == null) {
            return DemandClass.BULK;
        }
        try {
            return DemandClass.parse(label.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return DemandClass.BULK;
        }
    }
}
