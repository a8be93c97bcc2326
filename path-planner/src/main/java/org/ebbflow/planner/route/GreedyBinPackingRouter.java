package org.ebbflow.planner.route;

import java.util.Objects;
import org.ebbflow.planner.path.EqualCostPaths;
import org.ebbflow.planner.path.KPathComputer;
import org.ebbflow.planner.path.Weighers;
import org.ebbflow.planner.path.YenKShortestPaths;
import org.ebbflow.topology.TopologySnapshot;

/**
 * ElasticTree's greedy bin-packer (Heller et al., NSDI 2010, §3) for any topology: demands in placement order
 * (reservations first, then latency-sensitive, then bulk, each by decreasing upper bound), each on the first
 * candidate path that fits, with energy awareness: free elements (required or already used) before awake optional
 * ones before ones that must wake, then the fewest added watts, then the leftmost candidate. Candidates are the k
 * fewest-hop loopless paths over available links (Yen) or the equal-cost set, computed once per switch pair and
 * cached while the topology stays the same.
 *
 * <p>Cost: O(P · C) for P switch pairs and C the candidate computation (O(k·S·(S+L) log S) for Yen), then
 * O(D · k · hops) for D demands. With a previous routing, demands keep their paths between cycles unless they must
 * move or moving lets an element sleep ({@link Stability}).
 */
public final class GreedyBinPackingRouter implements DemandRouter {
    /** The router's name. */
    public static final String NAME = "greedy";
    /** Default number of candidate paths per pair. */
    public static final int DEFAULT_K = 8;

    /** Which paths are candidates. */
    public enum Candidates {
        /** The k fewest-hop loopless paths (Yen), detours included. */
        K_SHORTEST,
        /** Up to k paths that all have the fewest hops (the ECMP set). */
        EQUAL_COST
    }

    private final Candidates kind;
    private final int k;
    private TopologySnapshot cachedFor;
    private CachedCandidates cache;

    /** A router over the {@value #DEFAULT_K} shortest paths per pair. */
    public GreedyBinPackingRouter() {
        this(Candidates.K_SHORTEST, DEFAULT_K);
    }

    /**
     * @param kind which paths are candidates
     * @param k the most candidates per pair, at least 1
     */
    public GreedyBinPackingRouter(Candidates kind, int k) {
        this.kind = Objects.requireNonNull(kind, "kind");
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1: " + k);
        }
        this.k = k;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Routing route(RoutingRequest request) {
        CandidateSource source = candidatesFor(request.topology());
        return Stability.route(request, st -> {
            int[] buf = st.pathBuffer();
            for (int i = 0; i < st.demands.size(); i++) {
                int d = st.demands.placementOrder(i);
                if (!st.isPlaced(d)) {
                    Placement.energyFirstFit(st, d, source, buf);
                }
            }
            return st.freeze(NAME);
        });
    }

    /** @return the cached candidates of the topology, rebuilt when it changes */
    CachedCandidates candidatesFor(TopologySnapshot t) {
        if (cachedFor != t) {
            KPathComputer computer = kind == Candidates.K_SHORTEST
                    ? new YenKShortestPaths(t, Weighers.available(t, Weighers.unit()))
                    : new EqualCostPaths(t, Weighers.available(t, Weighers.unit()));
            cache = new CachedCandidates(computer, k, t.switchCount());
            cachedFor = t;
        }
        return cache;
    }

    @Override
    public String toString() {
        return NAME + "{" + kind + ", k=" + k + "}";
    }
}
