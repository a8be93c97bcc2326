package org.ebbflow.planner.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import org.ebbflow.planner.demand.Demand;
import org.ebbflow.planner.demand.DemandSet;
import org.ebbflow.planner.demand.EndpointKind;
import org.ebbflow.planner.demand.Locality;
import org.ebbflow.planner.demand.RandomDemandGenerator;
import org.ebbflow.planner.demand.RandomDemandSpec;
import org.ebbflow.planner.policy.AlwaysOnPolicy;
import org.ebbflow.planner.policy.LinkLoads;
import org.ebbflow.planner.policy.PolicyInput;
import org.ebbflow.planner.policy.PowerDecision;
import org.ebbflow.planner.policy.ReactivePolicy;
import org.ebbflow.planner.power.PowerModelRegistry;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.generate.FatTree;
import org.ebbflow.topology.generate.LeafSpine;
import org.junit.jupiter.api.Test;

/**
 * Route stability between cycles, for every energy-aware router and ECMP: jittered rates move no path, a real
 * overload does, and a drop in load still consolidates so elements can sleep.
 */
class RouteStabilityTest {
    private static DemandRouter[] routers() {
        return new DemandRouter[] {new TopologyAwareRouter(), new GreedyBinPackingRouter(), new EcmpRouter()};
    }

    private static List<TopologySnapshot> topologies() {
        return List.of(FatTree.build(4), FatTree.build(6), LeafSpine.build(3, 5, 3, 10_000_000_000L,
                10_000_000_000L));
    }

    /** Bulk demands loading the fabric enough that first-fit packing fills links up to the cap. */
    private static DemandSet loaded(TopologySnapshot t, long seed) {
        return RandomDemandGenerator.generate(t, RandomDemandSpec.of(400, seed, 0.02, Locality.MIXED)
                .withClassShares(0, 0).withSpread(0.8));
    }

    private static DemandSet scaled(DemandSet set, IntToDoubleFunction factorOfIndex) {
        List<Demand> out = new ArrayList<>(set.size());
        for (int i = 0; i < set.size(); i++) {
            Demand d = set.get(i);
            double f = factorOfIndex.applyAsDouble(i);
            out.add(d.kind() == EndpointKind.HOST
                    ? Demand.betweenHosts(d.id(), d.source(), d.destination(), d.meanBps() * f, d.upperBps() * f,
                    d.demandClass())
                    : Demand.betweenSwitches(d.id(), d.source(), d.destination(), d.meanBps() * f, d.upperBps() * f,
                    d.demandClass()));
        }
        return DemandSet.of(out);
    }

    /** Everything required: no placement can save watts, so only capacity can justify a move. */
    private static PowerDecision allOn(TopologySnapshot t) {
        return new AlwaysOnPolicy().decide(PolicyInput.builder(t).currentLoads(LinkLoads.zero(t)).build());
    }

    private static PowerDecision floorDecision(TopologySnapshot t) {
        return new ReactivePolicy().decide(PolicyInput.builder(t).currentLoads(LinkLoads.zero(t)).build());
    }

    private static RoutingRequest request(TopologySnapshot t, DemandSet set, PowerDecision d, Routing previous) {
        return RoutingRequest.builder(set.resolve(t), d).power(PowerModelRegistry.defaults().resolve(t))
                .previous(previous).build();
    }

    private static boolean onPath(Routing r, int d, int link) {
        for (int j = 0; j < r.pathLength(d); j++) {
            if (r.pathLink(d, j) == link) {
                return true;
            }
        }
        return false;
    }

    private static int changedPaths(Routing a, Routing b) {
        int n = 0;
        for (int i = 0; i < a.demandCount(); i++) {
            if (a.isRouted(i) && b.isRouted(i) && !a.samePath(i, b, i)) {
                n++;
            }
        }
        return n;
    }

    @Test
    void jitteredRatesChangeNoPath() {
        for (DemandRouter router : routers()) {
            int freshMoves = 0;
            for (TopologySnapshot t : topologies()) {
                for (long seed = 1; seed <= 3; seed++) {
                    freshMoves += jitter(router, t, seed, allOn(t), false);
                    freshMoves += jitter(router, t, seed, floorDecision(t), true);
                }
            }
            if (!(router instanceof EcmpRouter)) {
                // Without the previous routing, the same jitter re-packs: the test would catch a regression.
                assertTrue(freshMoves > 0, "fresh placements move paths: " + router.name());
            }
        }
    }

    /**
     * Routes a loaded demand set, then the same demands with every rate jittered by up to ±1% (within the room the
     * first routing left on each demand's path, so every path still fits): no path may change, unless (energy-aware
     * decisions only) the change lets an element sleep.
     *
     * @return how many paths a fresh placement of the jittered demands would have moved
     */
    private static int jitter(DemandRouter router, TopologySnapshot t, long seed, PowerDecision d,
                               boolean mayConsolidate) {
        DemandSet first = loaded(t, seed);
        Routing r1 = router.route(request(t, first, d, null));
        SplittableRandom rnd = new SplittableRandom(seed * 31);
        double[] factor = new double[first.size()];
        double[] grow = new double[t.linkCount()];
        for (int i = 0; i < factor.length; i++) {
            factor[i] = 0.99 + 0.02 * rnd.nextDouble();
            for (int j = 0; r1.isRouted(i) && j < r1.pathLength(i); j++) {
                grow[r1.pathLink(i, j)] += (factor[i] - 1) * first.get(i).upperBps();
            }
        }
        for (int i = 0; i < factor.length; i++) {
            for (int j = 0; r1.isRouted(i) && j < r1.pathLength(i) && factor[i] > 1; j++) {
                int l = r1.pathLink(i, j);
                if (r1.loadBps(l) + grow[l] > 0.9 * t.linkCapacityBps(l)) {
                    factor[i] = 1 - (factor[i] - 1);
                }
            }
        }
        DemandSet second = scaled(first, i -> factor[i]);
        Routing fresh = router.route(request(t, second, d, null));
        RoutingRequest req = request(t, second, d, r1);
        Routing r2 = router.route(req);
        DemandRouterContractTest.checkRouting(req, r2);
        String where = router.name() + " on " + t.switchCount() + " switches, seed " + seed + ", "
                + (mayConsolidate ? "floor decision" : "all on");
        int changed = changedPaths(r1, r2);
        if (changed > 0 && mayConsolidate) {
            assertTrue(Stability.awakeWatts(req, r2) < Stability.awakeWatts(req, r1),
                    changed + " paths moved without letting anything sleep: " + where);
        } else {
            assertEquals(0, changed, where);
        }
        assertTrue(r2.refusedCount() <= r1.refusedCount(), where);
        return changedPaths(r1, fresh);
    }

    @Test
    void anOverloadMovesPathsAndOnlyWhatItMust() {
        for (DemandRouter router : routers()) {
            for (TopologySnapshot t : topologies()) {
                DemandSet first = loaded(t, 7);
                PowerDecision d = allOn(t);
                Routing r1 = router.route(request(t, first, d, null));
                // The busiest link's largest demand grows until the link passes the bulk cap (90%) by 5% of its
                // capacity: the demands sharing it no longer all fit.
                int link = 0;
                for (int l = 0; l < t.linkCount(); l++) {
                    if (r1.utilisation(l) > r1.utilisation(link)) {
                        link = l;
                    }
                }
                int hot = -1;
                for (int i = 0; i < first.size(); i++) {
                    if (r1.isRouted(i) && onPath(r1, i, link)
                            && (hot < 0 || first.get(i).upperBps() > first.get(hot).upperBps())) {
                        hot = i;
                    }
                }
                double c = t.linkCapacityBps(link);
                double upper = first.get(hot).upperBps();
                double grow = (upper + 0.95 * c - r1.loadBps(link)) / upper;
                assertTrue(r1.loadBps(link) - upper > 0.1 * c && upper * grow < 0.9 * c, "a shared link overflows");
                int h = hot;
                DemandSet second = scaled(first, i -> i == h ? grow : 1);
                RoutingRequest req = request(t, second, d, r1);
                Routing r2 = router.route(req);
                DemandRouterContractTest.checkRouting(req, r2);
                String where = router.name() + " on " + t.switchCount() + " switches";
                int moved = changedPaths(r1, r2);
                assertTrue(moved > 0, "the overload moves paths: " + where);
                assertTrue(r2.loadBps(link) <= 0.9 * t.linkCapacityBps(link) * (1 + 1e-9), where);
                Routing fresh = router.route(request(t, second, d, null));
                assertTrue(moved <= changedPaths(r1, fresh), "moves no more paths than a fresh placement: " + moved
                        + " vs " + changedPaths(r1, fresh) + ", " + where);
                assertTrue(moved <= 3, "moves a few demands off the hot link, not the network: " + moved + ", "
                        + where);
            }
        }
    }

    @Test
    void aDropInLoadStillLetsElementsSleep() {
        for (DemandRouter router : new DemandRouter[] {new TopologyAwareRouter(), new GreedyBinPackingRouter()}) {
            for (TopologySnapshot t : topologies()) {
                DemandSet busy = RandomDemandGenerator.generate(t, RandomDemandSpec.of(400, 3, 0.15,
                        Locality.MIXED).withClassShares(0, 0).withSpread(0.5));
                PowerDecision d = floorDecision(t);
                Routing r1 = router.route(request(t, busy, d, null));
                DemandSet quiet = scaled(busy, i -> 0.02);
                RoutingRequest req = request(t, quiet, d, r1);
                Routing r2 = router.route(req);
                Routing fresh = router.route(request(t, quiet, d, null));
                DemandRouterContractTest.checkRouting(req, r2);
                String where = router.name() + " on " + t.switchCount() + " switches";
                assertTrue(Stability.awakeWatts(req, r2) <= Stability.awakeWatts(req, fresh) + 1e-6, where);
                assertTrue(Stability.awakeWatts(req, r2) < Stability.awakeWatts(req, r1), "elements sleep: " + where);
                assertFalse(changedPaths(r1, r2) == 0, where);
            }
        }
    }
}
