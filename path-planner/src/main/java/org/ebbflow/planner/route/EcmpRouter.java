package org.ebbflow.planner.route;

import org.ebbflow.planner.fabric.FatTreeLayout;
import org.ebbflow.planner.fabric.LeafSpineLayout;
import org.ebbflow.planner.path.EqualCostPaths;
import org.ebbflow.planner.path.Weighers;
import org.ebbflow.topology.TopologySnapshot;

/**
 * The always-on baseline: fewest-hop paths with ECMP, each demand hashed (by id) onto one of its equal-cost paths
 * and moved to the next one only if that does not fit its class cap. No energy preference: with the always-on policy
 * every element is awake anyway. On fat-trees and leaf-spines the equal-cost paths are enumerated from the layout
 * (all (k/2)² between pods); elsewhere up to {@value #DEFAULT_MAX_PATHS} per pair from {@link EqualCostPaths},
 * cached while the topology stays the same; a fabric demand none of whose shortest paths fits (failures can leave
 * only detours) tries those too. O(D · paths · hops) worst case, O(D · hops) when the hashed path fits. With a
 * previous routing, a demand keeps its path while it fits ({@link Stability}).
 */
public final class EcmpRouter implements DemandRouter {
    /** The router's name. */
    public static final String NAME = "ecmp";
    /** Most equal-cost paths per pair outside fat-trees and leaf-spines. */
    public static final int DEFAULT_MAX_PATHS = 64;

    private TopologySnapshot cachedFor;
    private FabricCandidates fabric;
    private CachedCandidates cache;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Routing route(RoutingRequest request) {
        TopologySnapshot t = request.topology();
        if (cachedFor != t) {
            FatTreeLayout ft = FatTreeLayout.detect(t);
            LeafSpineLayout ls = ft == null ? LeafSpineLayout.detect(t) : null;
            fabric = ft != null || ls != null ? new FabricCandidates(ft, ls) : null;
            cache = new CachedCandidates(new EqualCostPaths(t, Weighers.available(t, Weighers.unit())),
                    DEFAULT_MAX_PATHS, t.switchCount());
            cachedFor = t;
        }
        return Stability.route(request, this::place);
    }

    private Routing place(RoutingState st) {
        int[] buf = st.pathBuffer();
        for (int i = 0; i < st.demands.size(); i++) {
            int d = st.demands.placementOrder(i);
            if (st.isPlaced(d)) {
                continue;
            }
            boolean onFabric = fabric != null && fabric.covers(st.demands.srcSwitch(d), st.demands.dstSwitch(d));
            if (!onFabric || !Placement.tryHashedFirstFit(st, d, fabric, buf)) {
                // Failures can leave only detours the fabric's shortest paths do not include.
                Placement.hashedFirstFit(st, d, cache, buf);
            }
        }
        return st.freeze(NAME);
    }

    @Override
    public String toString() {
        return NAME;
    }
}
