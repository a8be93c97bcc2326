package org.ebbflow.planner.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ebbflow.planner.demand.ClassCaps;
import org.ebbflow.planner.demand.Demand;
import org.ebbflow.planner.demand.DemandClass;
import org.ebbflow.planner.demand.DemandSet;
import org.ebbflow.planner.demand.Locality;
import org.ebbflow.planner.demand.RandomDemandGenerator;
import org.ebbflow.planner.demand.RandomDemandSpec;
import org.ebbflow.planner.demand.ResolvedDemands;
import org.ebbflow.planner.policy.AlwaysOnPolicy;
import org.ebbflow.planner.policy.ElementDirective;
import org.ebbflow.planner.policy.ForecastThresholdPolicy;
import org.ebbflow.planner.policy.LinkLoads;
import org.ebbflow.planner.policy.PolicyInput;
import org.ebbflow.planner.policy.PowerDecision;
import org.ebbflow.planner.policy.PowerPolicy;
import org.ebbflow.planner.policy.ReactivePolicy;
import org.ebbflow.planner.power.PowerStates;
import org.ebbflow.planner.support.RandomTopologies;
import org.ebbflow.planner.support.Snapshots;
import org.ebbflow.topology.ElementState;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.generate.FatTree;
import org.ebbflow.topology.generate.LeafSpine;
import org.junit.jupiter.api.Test;

/**
 * The {@link DemandRouter} contract, run against every implementation by a subclass, on fat-trees, leaf-spines and
 * random graphs (with and without hosts, with and without failures), random power states and decisions, and random
 * demands of every class, loaded enough that some are refused.
 */
abstract class DemandRouterContractTest {
    abstract DemandRouter create();

    static List<TopologySnapshot> topologies(long seed) {
        List<TopologySnapshot> out = new ArrayList<>();
        for (TopologySnapshot t : new TopologySnapshot[] {FatTree.build(4), FatTree.build(6),
                LeafSpine.build(3, 5, 3, 10_000_000_000L, 10_000_000_000L),
                RandomTopologies.connected(seed, 14, 0.15, 1), RandomTopologies.connected(seed, 14, 0.15, 0)}) {
            out.add(t);
            out.add(Snapshots.withRandomFailures(t, seed, 0.06, 0.06));
        }
        return out;
    }

    static RoutingRequest randomRequest(TopologySnapshot t, long seed, ClassCaps caps) {
        SplittableRandom rnd = new SplittableRandom(seed);
        PowerStates current = Snapshots.randomStates(t, seed, 0.3);
        double[] bps = new double[t.linkCount()];
        for (int l = 0; l < bps.length; l++) {
            bps[l] = rnd.nextDouble() * 0.6 * t.linkCapacityBps(l);
        }
        PowerPolicy[] policies = {new AlwaysOnPolicy(), new ReactivePolicy(), new ForecastThresholdPolicy()};
        PowerPolicy policy = policies[rnd.nextInt(policies.length)];
        PowerDecision decision = policy.decide(PolicyInput.builder(t).current(current)
                .currentLoads(LinkLoads.of(t, bps)).build());
        DemandSet demands = RandomDemandGenerator.generate(t, RandomDemandSpec.of(150 + rnd.nextInt(150), seed,
                0.002 + rnd.nextDouble() * 0.03, Locality.values()[rnd.nextInt(4)]).withClassShares(0.25, 0.25)
                .withSpread(rnd.nextDouble()));
        return RoutingRequest.builder(demands.resolve(t), decision).current(current).caps(caps).build();
    }

    @Test
    void everyDemandIsRoutedWithinCapsOrRefusedWithAReason() {
        DemandRouter router = create();
        int refused = 0;
        int routed = 0;
        for (long seed = 1; seed <= 8; seed++) {
            for (TopologySnapshot t : topologies(seed)) {
                RoutingRequest request = randomRequest(t, seed, ClassCaps.defaults());
                Routing r = router.route(request);
                assertEquals(request.demands().size(), r.demandCount());
                assertEquals(router.name(), r.router());
                checkRouting(request, r);
                refused += r.refusedCount();
                routed += r.routedCount();
            }
        }
        assertTrue(refused > 0 && routed > 10 * refused, "scenarios exercise refusals: " + refused + "/" + routed);
    }

    /** Checks one routing against its request; shared with the planner's property tests. */
    static void checkRouting(RoutingRequest request, Routing r) {
        TopologySnapshot t = request.topology();
        ResolvedDemands demands = request.demands();
        PowerDecision decision = request.decision();
        ClassCaps caps = request.caps();
        double[] load = new double[t.linkCount()];
        double[] reserved = new double[t.linkCount()];
        double[] cap = new double[t.linkCount()];
        Arrays.fill(cap, 1.0);
        for (int d = 0; d < r.demandCount(); d++) {
            int src = demands.srcSwitch(d);
            int dst = demands.dstSwitch(d);
            int[] hops = hopsFrom(t, src);
            if (!r.isRouted(d)) {
                Refusal why = r.refusal(d);
                assertNotNull(why);
                assertTrue(!why.detail().isEmpty());
                if (why.reason() == RefusalReason.UNREACHABLE) {
                    assertEquals(-1, hops[dst], "unreachable only without an available path: demand " + d);
                } else {
                    assertEquals(why.reason() == RefusalReason.NO_RESERVABLE_PATH,
                            demands.demandClass(d) == DemandClass.GUARANTEED);
                }
                continue;
            }
            assertTrue(r.usesSwitch(src));
            assertTrue(decision.switchDirective(src) != ElementDirective.UNAVAILABLE);
            int at = src;
            boolean[] seen = new boolean[t.switchCount()];
            seen[at] = true;
            for (int i = 0; i < r.pathLength(d); i++) {
                int l = r.pathLink(d, i);
                assertEquals(at, t.linkSrc(l), "contiguous");
                at = t.linkDst(l);
                assertTrue(!seen[at], "loopless");
                seen[at] = true;
                assertTrue(decision.linkDirective(l) != ElementDirective.UNAVAILABLE);
                assertTrue(decision.switchDirective(at) != ElementDirective.UNAVAILABLE);
                assertTrue(PowerStates.isLinkAvailable(t, l));
                assertTrue(r.usesLink(l) && r.usesSwitch(at), "uses are reported");
                load[l] += demands.plannedBps(d);
                if (demands.demandClass(d) == DemandClass.GUARANTEED) {
                    reserved[l] += demands.plannedBps(d);
                }
                cap[l] = Math.min(cap[l], caps.cap(demands.demandClass(d)));
            }
            assertEquals(dst, at, "ends at the egress");
            if (demands.demandClass(d) == DemandClass.LATENCY_SENSITIVE) {
                assertEquals(hops[dst], r.pathLength(d), "latency-sensitive demands take fewest-hop paths");
            }
        }
        for (int l = 0; l < t.linkCount(); l++) {
            double c = t.linkCapacityBps(l);
            assertEquals(load[l], r.loadBps(l), 1e-6 * Math.max(1, load[l]));
            assertTrue(load[l] <= cap[l] * c * (1 + 1e-9), "link " + l + " over its class cap");
            assertTrue(reserved[l] <= caps.reservationCap() * c * (1 + 1e-9), "link " + l + " overbooked");
            assertEquals(reserved[l], r.reservedBps(l), 1e-6 * Math.max(1, reserved[l]));
        }
    }

    static int[] hopsFrom(TopologySnapshot t, int src) {
        int[] d = new int[t.switchCount()];
        Arrays.fill(d, -1);
        if (!PowerStates.isSwitchAvailable(t, src)) {
            return d;
        }
        int[] q = new int[d.length];
        int head = 0;
        int tail = 0;
        d[src] = 0;
        q[tail++] = src;
        while (head < tail) {
            int u = q[head++];
            for (int p = t.outLinkStart(u); p < t.outLinkEnd(u); p++) {
                int l = t.outLinkAt(p);
                if (PowerStates.isLinkAvailable(t, l) && d[t.linkDst(l)] < 0) {
                    d[t.linkDst(l)] = d[u] + 1;
                    q[tail++] = t.linkDst(l);
                }
            }
        }
        return d;
    }

    @Test
    void reservationsAreAdmittedUntilFullThenRefusedWithTheResidual() {
        // One spine, so one path between the two leaves: 1 Gb/s fabric links.
        TopologySnapshot t = LeafSpine.build(1, 2, 4, 1_000_000_000L, 1_000_000_000L);
        int a = t.hostIndex(LeafSpine.hostMac(1, 1));
        int b = t.hostIndex(LeafSpine.hostMac(2, 1));
        DemandSet set = DemandSet.of(List.of(
                Demand.betweenHosts(0, a, b, 4e8, 4e8, DemandClass.GUARANTEED),
                Demand.betweenHosts(1, a, b, 4e8, 4e8, DemandClass.GUARANTEED),
                Demand.betweenHosts(2, a, b, 4e8, 4e8, DemandClass.GUARANTEED),
                Demand.betweenHosts(3, a, b, 5e7, 5e7, DemandClass.BULK),
                Demand.betweenHosts(4, a, b, 2e8, 2e8, DemandClass.BULK),
                Demand.betweenHosts(5, a, b, 1e7, 1e7, DemandClass.LATENCY_SENSITIVE),
                Demand.betweenHosts(6, a, b, 1.2e9, 1.2e9, DemandClass.GUARANTEED)));
        PowerDecision decision = new AlwaysOnPolicy().decide(PolicyInput.builder(t).build());
        Routing r = create().route(RoutingRequest.builder(set.resolve(t), decision).build());
        assertTrue(r.isRouted(0) && r.isRouted(1), "two reservations of 400M fit 1G");
        assertEquals(RefusalReason.NO_RESERVABLE_PATH, r.refusal(2).reason());
        assertEquals("declared 400Mbps; the most any candidate path can still reserve is 200Mbps (reservations up "
                + "to 100% of capacity, never overbooked)", r.refusal(2).detail());
        assertEquals(RefusalReason.NO_RESERVABLE_PATH, r.refusal(6).reason(), "larger than the link itself");
        // Bulk goes by decreasing rate: 200M finds 100M of room under the 90% cap next to 800M reserved, 50M fits.
        assertEquals(RefusalReason.NO_CAPACITY, r.refusal(4).reason());
        assertEquals("needs 200Mbps; the most room on any candidate path under the bulk cap of 90% is 100Mbps",
                r.refusal(4).detail());
        assertTrue(r.isRouted(3));
        assertEquals(RefusalReason.NO_CAPACITY, r.refusal(5).reason(),
                "a link above 50% cannot take latency-sensitive traffic");
        int up = t.linkIndex(t.link(r.pathLink(0, 0)).key());
        assertEquals(8e8, r.reservedBps(up));
        assertEquals(8.5e8, r.loadBps(up));
    }

    @Test
    void unreachableDemandsAreRefusedAsSuch() {
        TopologySnapshot t = LeafSpine.build(1, 2, 1, 1_000_000_000L, 1_000_000_000L);
        TopologySnapshot cut = Snapshots.withStates(t, Map.of(t.switchIndex(LeafSpine.spineDpid(1)),
                ElementState.FAILED), Map.of());
        DemandSet set = DemandSet.of(List.of(Demand.betweenHosts(0, 0, 1, 1, 1, DemandClass.BULK)));
        PowerDecision decision = new AlwaysOnPolicy().decide(PolicyInput.builder(cut).build());
        Routing r = create().route(RoutingRequest.builder(set.resolve(cut), decision).build());
        assertEquals(RefusalReason.UNREACHABLE, r.refusal(0).reason());
    }
}
