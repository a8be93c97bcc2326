package org.ebbflow.flowstats.flows;

import static org.ebbflow.flowstats.flows.DemandFixtures.K4;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.ebbflow.topology.DatapathId;
import org.ebbflow.topology.generate.FatTree;

/**
 * Random host-pair demands on a k=4 fat-tree, installed as per-pair flows at the ingress edge (matched by MAC, by IP,
 * or by in_port and destination) and copied onto the egress edge and an aggregation switch, as path rules would be.
 * Read through the {@link FlowRateTracker} from two polls of every switch, the estimated matrix is the true one.
 */
class TrafficMatrixPropertyTest {
    private static final long SECOND = 1_000_000_000L;

    @Property(tries = 60)
    void perPairFlowsOnIngressAndEgressEdgesGiveTheTrueMatrix(@ForAll long seed,
                                                              @ForAll @IntRange(min = 0, max = 40) int demands) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int hosts = K4.hostCount();
        double[][] truth = new double[hosts][hosts];
        Map<DatapathId, List<FlowEntry>> tables = new LinkedHashMap<>();
        for (int i = 0; i < demands; i++) {
            int src = rnd.nextInt(hosts);
            int dst = rnd.nextInt(hosts - 1);
            dst = dst >= src ? dst + 1 : dst;
            if (truth[src][dst] > 0) {
                continue; // one flow per pair and switch
            }
            long bytesPerSecond = rnd.nextLong(1, 125_000_000L); // up to 1 Gbit/s
            truth[src][dst] = bytesPerSecond * 8.0;
            DatapathId ingress = DemandFixtures.edgeOf(K4, src);
            DatapathId egress = DemandFixtures.edgeOf(K4, dst);
            tables.computeIfAbsent(ingress, d -> new ArrayList<>()).add(ingressFlow(rnd, ingress, src, dst));
            if (!egress.equals(ingress)) {
                tables.computeIfAbsent(egress, d -> new ArrayList<>())
                        .add(DemandFixtures.macPair(K4, egress, src, dst, pathCookie(src, dst)));
                int pod = K4.switchAt(K4.switchIndex(ingress)).pod();
                DatapathId agg = FatTree.aggDpid(pod, 1 + rnd.nextInt(2));
                tables.computeIfAbsent(agg, d -> new ArrayList<>())
                        .add(DemandFixtures.ipPair(K4, agg, src, dst, pathCookie(src, dst)));
            }
        }

        FlowRateTracker tracker = new FlowRateTracker();
        List<FlowRates> latest = new ArrayList<>();
        for (Map.Entry<DatapathId, List<FlowEntry>> table : tables.entrySet()) {
            long t0 = rnd.nextLong(0, 1_000_000);
            List<FlowEntry> first = new ArrayList<>();
            List<FlowEntry> second = new ArrayList<>();
            for (FlowEntry e : table.getValue()) {
                int[] pair = pairOf(e);
                long perSecond = (long) (truth[pair[0]][pair[1]] / 8);
                long start = rnd.nextLong(); // counters anywhere, 64-bit wraps included
                long age = rnd.nextLong(1, 3_600) * SECOND;
                first.add(e.withCounters(0, start, age));
                second.add(e.withCounters(perSecond / 100, start + perSecond, age + SECOND));
            }
            tracker.ingest(FlowTableSnapshot.of(table.getKey(), t0, first));
            latest.add(tracker.ingest(FlowTableSnapshot.of(table.getKey(), t0 + 1_000 + rnd.nextInt(300), second)));
        }

        TrafficMatrix m = new TrafficMatrixEstimator(K4).estimateFrom(latest, PortRateLookup.none());
        double sum = 0;
        for (int s = 0; s < hosts; s++) {
            for (int d = 0; d < hosts; d++) {
                assertEquals(truth[s][d], m.rateBps(s, d), 1e-6, "pair " + s + " -> " + d);
                sum += truth[s][d];
            }
        }
        assertEquals(sum, m.totalBps(), 1e-6 * Math.max(1, demands));
        assertEquals(0, m.unattributedBps());
        double entrySum = m.entries().stream().mapToDouble(TrafficMatrix.Entry::rateBps).sum();
        assertEquals(m.totalBps(), entrySum, 1e-6);
    }

    /** A per-pair flow at the ingress edge, matched one of three ways. */
    private static FlowEntry ingressFlow(SplittableRandom rnd, DatapathId sw, int src, int dst) {
        long cookie = pathCookie(src, dst);
        switch (rnd.nextInt(3)) {
            case 0:
                return DemandFixtures.macPair(K4, sw, src, dst, cookie);
            case 1:
                return DemandFixtures.ipPair(K4, sw, src, dst, cookie);
            default:
                return DemandFixtures.toHost(K4, sw, dst, DemandFixtures.portOf(K4, src), cookie);
        }
    }

    /** Path ids encode the pair, so the test can read the pair back from any copy of the flow. */
    private static long pathCookie(int src, int dst) {
        return EbbflowCookie.path(src * 1_000L + dst, 0).value();
    }

    private static int[] pairOf(FlowEntry e) {
        long id = EbbflowCookie.parse(e.cookie()).id();
        return new int[] {(int) (id / 1_000), (int) (id % 1_000)};
    }
}
