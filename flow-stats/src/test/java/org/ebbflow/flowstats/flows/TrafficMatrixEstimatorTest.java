package org.ebbflow.flowstats.flows;

import static org.ebbflow.flowstats.flows.DemandFixtures.FOREIGN_COOKIE;
import static org.ebbflow.flowstats.flows.DemandFixtures.K4;
import static org.ebbflow.flowstats.flows.DemandFixtures.PATH_COOKIE;
import static org.ebbflow.flowstats.flows.DemandFixtures.edgeOf;
import static org.ebbflow.flowstats.flows.DemandFixtures.flow;
import static org.ebbflow.flowstats.flows.DemandFixtures.host;
import static org.ebbflow.flowstats.flows.DemandFixtures.ipPair;
import static org.ebbflow.flowstats.flows.DemandFixtures.macPair;
import static org.ebbflow.flowstats.flows.DemandFixtures.portOf;
import static org.ebbflow.flowstats.flows.DemandFixtures.rate;
import static org.ebbflow.flowstats.flows.DemandFixtures.toHost;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.ebbflow.topology.ConnectPoint;
import org.ebbflow.topology.DatapathId;
import org.ebbflow.topology.HostEndpoint;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.generate.FatTree;
import org.ebbflow.topology.generate.LeafSpine;
import org.junit.jupiter.api.Test;

class TrafficMatrixEstimatorTest {
    private static final double MBPS = 1e6;
    private static final double EPS = 1e-6;
    // Hosts of the k=4 fat-tree used below: two on edge e0_1, one on e0_2, two on e3_1, one on e2_1.
    private static final int A1 = host(0, 1, 1);
    private static final int A2 = host(0, 1, 2);
    private static final int B1 = host(0, 2, 1);
    private static final int C1 = host(3, 1, 1);
    private static final int C2 = host(3, 1, 2);
    private static final int D1 = host(2, 1, 1);
    private static final DatapathId E01 = FatTree.edgeDpid(0, 1);
    private static final DatapathId E31 = FatTree.edgeDpid(3, 1);

    private final TrafficMatrixEstimator estimator = new TrafficMatrixEstimator(K4);

    /** The per-pair flows at ingress edges, each matched a different way. */
    private static List<FlowRate> ingressPairFlows() {
        List<FlowRate> rates = new ArrayList<>();
        rates.add(rate(macPair(K4, E01, A1, C2, PATH_COOKIE), 100 * MBPS));
        rates.add(rate(ipPair(K4, E01, A2, A1, PATH_COOKIE), 20 * MBPS)); // same edge switch
        rates.add(rate(ipPair(K4, edgeOf(K4, B1), B1, A1, PATH_COOKIE), 30 * MBPS)); // same pod
        rates.add(rate(toHost(K4, edgeOf(K4, D1), A1, portOf(K4, D1), PATH_COOKIE), 50 * MBPS)); // in_port pins D1
        return rates;
    }

    private static void assertExactMatrix(TrafficMatrix m) {
        assertEquals(100 * MBPS, m.rateBps(A1, C2), EPS);
        assertEquals(20 * MBPS, m.rateBps(A2, A1), EPS);
        assertEquals(30 * MBPS, m.rateBps(B1, A1), EPS);
        assertEquals(50 * MBPS, m.rateBps(D1, A1), EPS);
        assertEquals(4, m.size(), "nothing else: " + m.entries());
        assertEquals(200 * MBPS, m.totalBps(), EPS);
        assertEquals(0, m.rateBps(C2, A1), "demand is directed");
        assertEquals(0, m.unattributedBps());
    }

    @Test
    void perPairFlowsAtIngressEdgesGiveTheExactMatrix() {
        TrafficMatrix m = estimator.estimate(ingressPairFlows());
        assertExactMatrix(m);
        assertEquals(0, m.transitBps());
        assertEquals(K4.hostCount(), m.hostCount());
        assertEquals(List.of(new TrafficMatrix.Entry(A1, C2, 100 * MBPS)),
                m.entries().stream().filter(e -> e.srcHost() == A1).collect(Collectors.toList()));
    }

    @Test
    void theSameFlowsAtEgressEdgesAndInTheFabricAreNotDoubleCounted() {
        List<FlowRate> rates = ingressPairFlows();
        List<FlowRate> copies = new ArrayList<>();
        // A1 -> C2 along e0_1, a0_1, c1, a3_1, e3_1: per-pair copies on every hop after the ingress.
        copies.add(rate(macPair(K4, FatTree.aggDpid(0, 1), A1, C2, PATH_COOKIE), 100 * MBPS));
        copies.add(rate(macPair(K4, FatTree.coreDpid(1), A1, C2, PATH_COOKIE), 100 * MBPS));
        copies.add(rate(macPair(K4, FatTree.aggDpid(3, 1), A1, C2, PATH_COOKIE), 100 * MBPS));
        copies.add(rate(macPair(K4, E31, A1, C2, PATH_COOKIE), 100 * MBPS));
        // B1 -> A1 at the egress edge, and D1 -> A1 pinned by the uplink it arrives on there.
        copies.add(rate(ipPair(K4, E01, B1, A1, PATH_COOKIE), 30 * MBPS));
        copies.add(rate(toHost(K4, E01, A1, 3L, PATH_COOKIE), 50 * MBPS));
        // Destination-based forwarding in aggregation and core switches.
        copies.add(rate(toHost(K4, FatTree.aggDpid(2, 1), A1, null, PATH_COOKIE), 50 * MBPS));
        copies.add(rate(toHost(K4, FatTree.coreDpid(2), A1, null, PATH_COOKIE), 50 * MBPS));
        rates.addAll(copies);

        TrafficMatrix m = estimator.estimate(rates);
        assertExactMatrix(m);
        assertEquals(copies.stream().mapToDouble(FlowRate::rateBps).sum(), m.transitBps(), EPS);
    }

    @Test
    void destinationOnlyFlowsAreSpreadOverTheSwitchsHostsByTheirAccessRates() {
        List<FlowRate> rates = List.of(rate(toHost(K4, E01, C1, null, PATH_COOKIE), 90 * MBPS));
        Map<ConnectPoint, Double> rx = new HashMap<>();
        rx.put(K4.host(A1).attachment(), 60 * MBPS);
        rx.put(K4.host(A2).attachment(), 30 * MBPS);

        TrafficMatrix byRates = estimator.estimate(rates, PortRateLookup.of(rx));
        assertEquals(60 * MBPS, byRates.rateBps(A1, C1), EPS);
        assertEquals(30 * MBPS, byRates.rateBps(A2, C1), EPS);
        assertEquals(90 * MBPS, byRates.totalBps(), EPS);

        TrafficMatrix equal = estimator.estimate(rates);
        assertEquals(45 * MBPS, equal.rateBps(A1, C1), EPS);
        assertEquals(45 * MBPS, equal.rateBps(A2, C1), EPS);

        rx.remove(K4.host(A2).attachment());
        TrafficMatrix partlyKnown = estimator.estimate(rates, PortRateLookup.of(rx));
        assertEquals(45 * MBPS, partlyKnown.rateBps(A1, C1), EPS, "one rate unknown: equal shares");

        TrafficMatrix idle = estimator.estimate(rates, port -> 0.0);
        assertEquals(45 * MBPS, idle.rateBps(A2, C1), EPS, "all access ports idle: equal shares");
    }

    @Test
    void aDestinationOnlyFlowPinnedByInPortGoesToThatHostAlone() {
        TrafficMatrix m = estimator.estimate(List.of(rate(toHost(K4, E01, C1, portOf(K4, A2), PATH_COOKIE), 7e6)));
        assertEquals(7e6, m.rateBps(A2, C1), EPS);
        assertEquals(1, m.size());
    }

    @Test
    void containersSharingOnePortShareItsDestinationOnlyFlows() {
        // Two containers behind port 1 of e0_1: in_port no longer pins a single host.
        ConnectPoint shared = K4.host(A1).attachment();
        TopologySnapshot t = copyOfK4(h -> h.mac().equals(K4.host(A2).mac())
                ? h.toBuilder().attachment(shared).build() : h);
        TrafficMatrixEstimator e = new TrafficMatrixEstimator(t);
        TrafficMatrix m = e.estimate(List.of(rate(toHost(t, E01, C1, shared.portNumber(), PATH_COOKIE), 8e6)));
        assertEquals(4e6, m.rateBps(A1, C1), EPS);
        assertEquals(4e6, m.rateBps(A2, C1), EPS);
        assertEquals(9, m.topologyVersion());
    }

    /** @return the k=4 fat-tree, version 9, with each host mapped (null drops it) */
    private static TopologySnapshot copyOfK4(UnaryOperator<HostEndpoint> mapHost) {
        TopologySnapshot.Builder b = TopologySnapshot.builder().version(9);
        K4.switches().forEach(b::addSwitch);
        for (int s = 0; s < K4.switchCount(); s++) {
            K4.portsOf(s).forEach(b::addPort);
        }
        K4.links().forEach(b::addLink);
        for (HostEndpoint h : K4.hosts()) {
            HostEndpoint mapped = mapHost.apply(h);
            if (mapped != null) {
                b.addHost(mapped);
            }
        }
        return b.build();
    }

    @Test
    void theDeliveryRuleAtTheDestinationsEdgeYieldsOnlyItsLocalPart() {
        List<FlowRate> rates = new ArrayList<>();
        // C1 and C2 send 20 Mbit/s each to A1 through destination-based rules on e3_1 (equal shares) ...
        rates.add(rate(toHost(K4, E31, A1, null, PATH_COOKIE), 40 * MBPS));
        // ... and at A1's edge the delivery rule sees them plus 10 Mbit/s from A2, its neighbour.
        rates.add(rate(toHost(K4, E01, A1, null, PATH_COOKIE), 50 * MBPS));

        TrafficMatrix m = estimator.estimate(rates);
        assertEquals(20 * MBPS, m.rateBps(C1, A1), EPS);
        assertEquals(20 * MBPS, m.rateBps(C2, A1), EPS);
        assertEquals(10 * MBPS, m.rateBps(A2, A1), EPS);
        assertEquals(50 * MBPS, m.totalBps(), EPS);
        assertEquals(40 * MBPS, m.transitBps(), EPS);

        TrafficMatrix noResidual = new TrafficMatrixEstimator(K4,
                TrafficMatrixEstimator.Options.defaults().withLocalResidual(false)).estimate(rates);
        assertEquals(0, noResidual.rateBps(A2, A1));
        assertEquals(50 * MBPS, noResidual.transitBps(), EPS);
    }

    @Test
    void remoteTrafficAlreadySeenByAPerPairRuleAtTheEgressIsNotSubtractedTwice() {
        List<FlowRate> rates = new ArrayList<>();
        rates.add(rate(toHost(K4, E31, A1, null, PATH_COOKIE), 40 * MBPS)); // C1, C2: 20 each
        // At e0_1 a higher-priority per-pair rule takes C1's 20; the delivery rule sees C2's 20 and A2's 10.
        rates.add(rate(macPair(K4, E01, C1, A1, PATH_COOKIE), 20 * MBPS));
        rates.add(rate(toHost(K4, E01, A1, null, PATH_COOKIE), 30 * MBPS));
        TrafficMatrix m = estimator.estimate(rates);
        assertEquals(10 * MBPS, m.rateBps(A2, A1), EPS);
        assertEquals(50 * MBPS, m.totalBps(), EPS);
    }

    @Test
    void flowsAreFilteredByOwnerCookie() {
        List<FlowRate> rates = List.of(
                rate(macPair(K4, E01, A1, C1, PATH_COOKIE), 5e6),
                rate(macPair(K4, E01, A2, C1, FOREIGN_COOKIE), 7e6),
                rate(macPair(K4, E31, C1, A1, 0L), 11e6));
        TrafficMatrix all = estimator.estimate(rates);
        TrafficMatrix ours = new TrafficMatrixEstimator(K4,
                TrafficMatrixEstimator.Options.defaults().withOwners(OwnerFilter.EBBFLOW)).estimate(rates);
        TrafficMatrix theirs = new TrafficMatrixEstimator(K4,
                TrafficMatrixEstimator.Options.defaults().withOwners(OwnerFilter.FOREIGN)).estimate(rates);
        assertEquals(23e6, all.totalBps(), EPS);
        assertEquals(5e6, ours.totalBps(), EPS);
        assertEquals(5e6, ours.rateBps(A1, C1), EPS);
        assertEquals(18e6, theirs.totalBps(), EPS);
        assertEquals(0, theirs.rateBps(A1, C1));
        assertEquals(11e6, theirs.rateBps(C1, A1), EPS);
    }

    @Test
    void flowsWithUnknownEndpointsAreReportedAsUnattributed() {
        FlowRate unknownDst = rate(flow(E01, "in_port=1,eth_dst=02:00:00:00:00:01", 0), 1e6);
        FlowRate noDst = rate(flow(E01, "in_port=1,eth_type=0x88cc", 0), 2e6);
        FlowRate tableMiss = rate(FlowEntry.builder(E01).priority(0).build(), 3e6);
        FlowRate prefixDst = rate(flow(E01, "in_port=1,ipv4_dst=10.3.0.0/16", 0), 4e6);
        FlowRate unknownSrc = rate(flow(E01, "ipv4_src=192.168.0.9,ipv4_dst=10.3.1.1", 0), 5e6);
        FlowRate unknownPort = rate(flow(E01, "in_port=7,ipv4_dst=10.3.1.1", 0), 6e6);
        FlowRate unknownSwitch = rate(macPair(K4, DatapathId.of(0xDEAD), A1, C1, 0), 7e6);
        FlowRate portVersusMac = rate(flow(E01, "in_port=1,eth_src=00:00:00:00:01:02,ipv4_dst=10.3.1.1", 0), 8e6);
        FlowRate macVersusIp = rate(flow(E01, "eth_src=00:00:00:00:01:01,ipv4_src=10.0.1.2,ipv4_dst=10.3.1.1", 0),
                9e6);
        FlowRate toItself = rate(macPair(K4, E01, A1, A1, 0), 10e6);
        FlowRate attributable = rate(macPair(K4, E01, A1, C1, 0), 11e6);
        TrafficMatrix m = estimator.estimate(List.of(unknownDst, noDst, tableMiss, prefixDst, unknownSrc, unknownPort,
                unknownSwitch, portVersusMac, macVersusIp, toItself, attributable));

        assertEquals(11e6, m.totalBps(), EPS);
        assertEquals(11e6, m.rateBps(A1, C1), EPS);
        assertEquals(1e6, m.unattributedBps(UnattributedReason.UNKNOWN_DESTINATION), EPS);
        assertEquals(2e6 + 3e6 + 4e6, m.unattributedBps(UnattributedReason.NO_DESTINATION), EPS);
        assertEquals(5e6 + 6e6, m.unattributedBps(UnattributedReason.UNKNOWN_SOURCE), EPS);
        assertEquals(7e6, m.unattributedBps(UnattributedReason.UNKNOWN_SWITCH), EPS);
        assertEquals(8e6 + 9e6, m.unattributedBps(UnattributedReason.CONFLICT), EPS);
        assertEquals(10e6, m.unattributedBps(UnattributedReason.SAME_HOST), EPS);
        assertEquals(55e6, m.unattributedBps(), EPS);
        assertEquals(10, m.unattributedFlows().size());
        assertTrue(m.unattributedFlows().contains(unknownSwitch.key()));
        assertTrue(!m.unattributedFlows().contains(attributable.key()));
    }

    @Test
    void localTrafficWithNoOtherHostOnTheSwitchToComeFromIsUnattributed() {
        // A1 alone on e0_1: a delivery rule carrying more than the remote demand has no local host to blame.
        TopologySnapshot t = copyOfK4(h -> h.mac().equals(K4.host(A2).mac()) ? null : h);
        int a1 = t.hostIndex(K4.host(A1).mac());
        FlowRate delivery = rate(toHost(t, E01, a1, null, PATH_COOKIE), 5e6);
        TrafficMatrix m = new TrafficMatrixEstimator(t).estimate(List.of(delivery));
        assertEquals(0, m.totalBps());
        assertEquals(5e6, m.unattributedBps(UnattributedReason.NO_SOURCE_HOSTS), EPS);
        assertEquals(List.of(delivery.key()), m.unattributedFlows());
    }

    @Test
    void leafSpineCountsAtLeavesAndNeverAtSpines() {
        TopologySnapshot ls = LeafSpine.build(2, 3, 2, 10_000_000_000L, 1_000_000_000L);
        int src = ls.hostIndex(LeafSpine.hostMac(1, 1));
        int dst = ls.hostIndex(LeafSpine.hostMac(3, 2));
        List<FlowRate> rates = List.of(
                rate(macPair(ls, LeafSpine.leafDpid(1), src, dst, PATH_COOKIE), 3e6),
                rate(macPair(ls, LeafSpine.spineDpid(2), src, dst, PATH_COOKIE), 3e6),
                rate(macPair(ls, LeafSpine.leafDpid(3), src, dst, PATH_COOKIE), 3e6),
                rate(toHost(ls, LeafSpine.leafDpid(2), dst, null, PATH_COOKIE), 6e6));
        TrafficMatrix m = new TrafficMatrixEstimator(ls).estimate(rates);
        assertEquals(3e6, m.rateBps(src, dst), EPS);
        assertEquals(3e6, m.rateBps(ls.hostIndex(LeafSpine.hostMac(2, 1)), dst), EPS);
        assertEquals(3e6, m.rateBps(ls.hostIndex(LeafSpine.hostMac(2, 2)), dst), EPS);
        assertEquals(9e6, m.totalBps(), EPS);
        assertEquals(6e6, m.transitBps(), EPS);
    }

    @Test
    void theSameFlowOrSwitchTwiceIsRefused() {
        FlowRate r = rate(macPair(K4, E01, A1, C1, 0), 1e6);
        assertThrows(IllegalArgumentException.class, () -> estimator.estimate(List.of(r, r)));
        FlowRates rs = FlowRates.of(E01, 1_000, List.of(r));
        assertThrows(IllegalArgumentException.class,
                () -> estimator.estimateFrom(List.of(rs, rs), PortRateLookup.none()));
        assertThrows(IndexOutOfBoundsException.class, () -> estimator.estimate(List.of(r)).rateBps(16, 0));
    }

    @Test
    void ratesFromTheTrackerFeedTheEstimator() {
        FlowRateTracker tracker = new FlowRateTracker();
        long s = 1_000_000_000L;
        FlowEntry ab = macPair(K4, E01, A1, C1, PATH_COOKIE);
        FlowEntry abEgress = macPair(K4, E31, A1, C1, PATH_COOKIE);
        FlowEntry ca = toHost(K4, E31, A1, null, PATH_COOKIE);
        tracker.ingest(FlowTableSnapshot.of(E01, 10_000, List.of(ab.withCounters(0, 1_000, 5 * s))));
        tracker.ingest(FlowTableSnapshot.of(E31, 10_200, List.of(abEgress.withCounters(0, 1_000, 5 * s),
                ca.withCounters(0, 0, 7 * s))));
        List<FlowRates> latest = List.of(
                tracker.ingest(FlowTableSnapshot.of(E01, 12_000, List.of(ab.withCounters(10, 251_000, 7 * s)))),
                tracker.ingest(FlowTableSnapshot.of(E31, 12_200, List.of(abEgress.withCounters(10, 251_000, 7 * s),
                        ca.withCounters(10, 500_000, 9 * s)))));
        TrafficMatrix m = estimator.estimateFrom(latest, PortRateLookup.none());
        assertEquals(1e6, m.rateBps(A1, C1), EPS, "250,000 bytes in 2 s");
        assertEquals(1e6, m.rateBps(C1, A1), EPS, "half of 2 Mbit/s");
        assertEquals(1e6, m.rateBps(C2, A1), EPS);
        assertEquals(3e6, m.totalBps(), EPS);
        assertEquals(1e6, m.transitBps(), EPS);
    }
}
