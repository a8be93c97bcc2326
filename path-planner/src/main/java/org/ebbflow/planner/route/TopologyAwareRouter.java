package org.ebbflow.planner.route;

import org.ebbflow.planner.fabric.FatTreeLayout;
import org.ebbflow.planner.fabric.LeafSpineLayout;
import org.ebbflow.planner.power.PowerStates;
import org.ebbflow.topology.TopologySnapshot;

/**
 * The fast path for fat-trees and leaf-spines, after ElasticTree's topology-aware heuristic (Heller et al., NSDI 2010,
 * §3): the power policy sizes each pod's aggregation layer and the core (or the spines) from aggregate up/down
 * traffic; this router then places each demand, unsplit, with the greedy rule of {@link GreedyBinPackingRouter}
 * (free elements first, then fewest added watts, then leftmost) over the fabric's shortest paths, enumerated by
 * position without any path search: same edge → no link; same pod → via aggregation a; other pods → via aggregation a
 * and core (a, m), skipping all of a's cores at once when a's edge links are full. Demands whose endpoints are not
 * edges or leaves, whole topologies that are neither fabric, and (when failures broke the fabric's symmetry) demands
 * none of whose shortest fabric paths fits go to a {@link GreedyBinPackingRouter}'s candidates, detours included.
 *
 * <p>Cost: O(S + L) to detect the layout (once per topology), then per demand O(1) when the leftmost free path fits
 * and at most O((k/2)²) otherwise; no allocation per demand or hop. A k=48 fat-tree with 100,000 demands is the
 * target of the {@code benchmarks} module. With a previous routing, demands keep their paths between cycles unless
 * they must move or moving lets an element sleep ({@link Stability}: up to three placements).
 */
public final class TopologyAwareRouter implements DemandRouter {
    /** The router's name. */
    public static final String NAME = "topology-aware";

    private final GreedyBinPackingRouter fallback = new GreedyBinPackingRouter();
    private TopologySnapshot cachedFor;
    private FatTreeLayout fatTree;
    private LeafSpineLayout leafSpine;
    private FabricCandidates fabric;
    private double[] upRoom;
    private double[] downRoom;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Routing route(RoutingRequest request) {
        TopologySnapshot t = request.topology();
        if (cachedFor != t) {
            fatTree = FatTreeLayout.detect(t);
            leafSpine = fatTree == null ? LeafSpineLayout.detect(t) : null;
            fabric = fatTree != null || leafSpine != null ? new FabricCandidates(fatTree, leafSpine) : null;
            cachedFor = t;
        }
        return Stability.route(request, this::place);
    }

    /** Places every demand the state has not placed yet (kept previous paths are placed already). */
    private Routing place(RoutingState st) {
        TopologySnapshot t = st.topology;
        int[] buf = st.pathBuffer();
        boolean intact = fabric != null && isIntact(t);
        if (fatTree != null) {
            initCoreRoom(st);
        }
        for (int i = 0; i < st.demands.size(); i++) {
            int d = st.demands.placementOrder(i);
            if (st.isPlaced(d)) {
                continue;
            }
            int src = st.demands.srcSwitch(d);
            int dst = st.demands.dstSwitch(d);
            if (fabric == null || !fabric.covers(src, dst)) {
                Placement.energyFirstFit(st, d, fallback.candidatesFor(t), buf);
            } else if (Placement.keepPrevious(st, d, buf)) {
                continue;
            } else if (!(fatTree != null ? placeFatTree(st, d, src, dst, buf) : placeLeafSpine(st, d, src, dst, buf))) {
                // No shortest fabric path fits: with failures a detour may; else refuse with the fabric's figures.
                if (intact) {
                    Placement.refuse(st, d, fabric, buf, Integer.MAX_VALUE);
                } else {
                    Placement.energyFirstFit(st, d, fallback.candidatesFor(t), buf);
                }
            }
        }
        return st.freeze(NAME);
    }

    /** @return true if every switch and link is available and the fabric has all its cables */
    private boolean isIntact(TopologySnapshot t) {
        for (int s = 0; s < t.switchCount(); s++) {
            if (!PowerStates.isSwitchAvailable(t, s)) {
                return false;
            }
        }
        for (int l = 0; l < t.linkCount(); l++) {
            if (!PowerStates.isLinkAvailable(t, l)) {
                return false;
            }
        }
        int expected = fatTree != null ? fatTree.k() * fatTree.k() * fatTree.k() : 2 * leafSpine.spineCount()
                * leafSpine.leafCount();
        return t.linkCount() == expected;
    }

    /** @return true if placed; false if no shortest fabric path fits (the demand is left unplaced) */
    private boolean placeFatTree(RoutingState st, int d, int src, int dst, int[] buf) {
        FatTreeLayout f = fatTree;
        double rate = st.rate(d);
        double cap = st.capOf(d);
        boolean gb = st.isGuaranteed(d);
        int ends = Math.max(st.switchTier(src), st.switchTier(dst));
        if (src == dst) {
            if (ends < RoutingState.TIER_NEVER) {
                st.commit(d, buf, 0, 0);
                return true;
            }
            return false;
        }
        int p = f.podOf(src);
        int q = f.podOf(dst);
        int e = f.positionOf(src);
        int g = f.positionOf(dst);
        int h = f.half();
        int bestTier = Integer.MAX_VALUE;
        double bestWatts = Double.POSITIVE_INFINITY;
        int bestA = -1;
        int bestM = -1;
        int k = f.k();
        search:
        for (int a = 0; a < h; a++) {
            int up = f.edgeUp(p, e, a);
            int down = f.aggDown(q, a, g);
            if (up < 0 || down < 0) {
                continue;
            }
            int aggUp = f.agg(p, a);
            int aggDown = f.agg(q, a);
            int tierA = max(ends, st.linkTier(up), st.linkTier(down), st.switchTier(aggUp), st.switchTier(aggDown));
            if (tierA >= RoutingState.TIER_NEVER || tierA > bestTier
                    || !st.fitsLink(up, rate, cap, gb) || !st.fitsLink(down, rate, cap, gb)) {
                continue;
            }
            double wattsA = st.linkWatts(up) + st.linkWatts(down) + st.switchWatts(aggUp)
                    + (p == q ? 0 : st.switchWatts(aggDown));
            if (p == q) {
                if (tierA < bestTier || wattsA < bestWatts) {
                    bestTier = tierA;
                    bestWatts = wattsA;
                    bestA = a;
                    if (tierA == RoutingState.TIER_FREE) {
                        break;
                    }
                }
                continue;
            }
            if (upRoom[p * h + a] < rate * (1 - 1e-9) || downRoom[a * k + q] < rate * (1 - 1e-9)) {
                continue;
            }
            for (int m = 0; m < h; m++) {
                int l2 = f.aggUp(p, a, m);
                int l3 = f.coreDown(a, m, q);
                if (l2 < 0 || l3 < 0) {
                    continue;
                }
                int core = f.core(a, m);
                int tier = max(tierA, st.linkTier(l2), st.linkTier(l3), st.switchTier(core), 0);
                if (tier >= RoutingState.TIER_NEVER || tier > bestTier
                        || !st.fitsLink(l2, rate, cap, gb) || !st.fitsLink(l3, rate, cap, gb)) {
                    continue;
                }
                double watts = wattsA + st.linkWatts(l2) + st.linkWatts(l3) + st.switchWatts(core);
                if (tier < bestTier || watts < bestWatts) {
                    bestTier = tier;
                    bestWatts = watts;
                    bestA = a;
                    bestM = m;
                    if (tier == RoutingState.TIER_FREE) {
                        break search;
                    }
                }
            }
        }
        if (bestA < 0) {
            return false;
        }
        buf[0] = f.edgeUp(p, e, bestA);
        if (p == q) {
            buf[1] = f.aggDown(p, bestA, g);
            st.commit(d, buf, 0, 2);
        } else {
            buf[1] = f.aggUp(p, bestA, bestM);
            buf[2] = f.coreDown(bestA, bestM, q);
            buf[3] = f.aggDown(q, bestA, g);
            st.commit(d, buf, 0, 4);
            refreshCoreRoom(st, p, q, bestA);
        }
        return true;
    }

    /** Largest room per (pod, aggregation position) over its core uplinks, and per (position, pod) over downlinks. */
    private void initCoreRoom(RoutingState st) {
        FatTreeLayout f = fatTree;
        int k = f.k();
        int h = f.half();
        upRoom = new double[k * h];
        downRoom = new double[h * k];
        for (int p = 0; p < k; p++) {
            for (int a = 0; a < h; a++) {
                refreshCoreRoom(st, p, p, a);
            }
        }
    }

    /**
     * Recomputes the room bounds of position a in pods p (uplinks) and q (downlinks) after a commit, O(k/2). A group
     * whose best link has less room than a demand's rate cannot carry it, so its (k/2) cores are skipped at once.
     */
    private void refreshCoreRoom(RoutingState st, int p, int q, int a) {
        FatTreeLayout f = fatTree;
        int h = f.half();
        double up = 0;
        double down = 0;
        for (int m = 0; m < h; m++) {
            int l2 = f.aggUp(p, a, m);
            int l3 = f.coreDown(a, m, q);
            up = l2 < 0 ? up : Math.max(up, st.linkRoom(l2));
            down = l3 < 0 ? down : Math.max(down, st.linkRoom(l3));
        }
        upRoom[p * h + a] = up;
        downRoom[a * f.k() + q] = down;
    }

    /** @return true if placed; false if no shortest fabric path fits */
    private boolean placeLeafSpine(RoutingState st, int d, int src, int dst, int[] buf) {
        LeafSpineLayout f = leafSpine;
        int ends = Math.max(st.switchTier(src), st.switchTier(dst));
        if (src == dst) {
            if (ends < RoutingState.TIER_NEVER) {
                st.commit(d, buf, 0, 0);
                return true;
            }
            return false;
        }
        double rate = st.rate(d);
        double cap = st.capOf(d);
        boolean gb = st.isGuaranteed(d);
        int j = f.positionOf(src);
        int k = f.positionOf(dst);
        int bestTier = Integer.MAX_VALUE;
        double bestWatts = Double.POSITIVE_INFINITY;
        int best = -1;
        for (int i = 0; i < f.spineCount(); i++) {
            int up = f.up(j, i);
            int down = f.down(i, k);
            if (up < 0 || down < 0) {
                continue;
            }
            int spine = f.spine(i);
            int tier = max(ends, st.linkTier(up), st.linkTier(down), st.switchTier(spine), 0);
            if (tier >= RoutingState.TIER_NEVER || tier > bestTier
                    || !st.fitsLink(up, rate, cap, gb) || !st.fitsLink(down, rate, cap, gb)) {
                continue;
            }
            double watts = st.linkWatts(up) + st.linkWatts(down) + st.switchWatts(spine);
            if (tier < bestTier || watts < bestWatts) {
                bestTier = tier;
                bestWatts = watts;
                best = i;
                if (tier == RoutingState.TIER_FREE) {
                    break;
                }
            }
        }
        if (best < 0) {
            return false;
        }
        buf[0] = f.up(j, best);
        buf[1] = f.down(best, k);
        st.commit(d, buf, 0, 2);
        return true;
    }

    private static int max(int a, int b, int c, int d, int e) {
        return Math.max(Math.max(Math.max(a, b), Math.max(c, d)), e);
    }

    @Override
    public String toString() {
        return NAME;
    }
}
