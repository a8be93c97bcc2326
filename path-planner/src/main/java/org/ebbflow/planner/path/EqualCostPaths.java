package org.ebbflow.planner.path;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.ebbflow.topology.TopologySnapshot;

/**
 * The ECMP set: up to k paths that all have the lightest weight, enumerated depth-first in out-link order over the
 * shortest-path DAG that one backward Dijkstra search from the destination yields. In a fat-tree these are the
 * (k/2)² paths between pods, "leftmost" first as in ElasticTree's greedy bin-packer. O((S + L) log S) for the
 * search plus O(k · hops · degree) for the enumeration. Weights are compared with a relative tolerance of 1e-9.
 * Not thread-safe.
 */
public final class EqualCostPaths implements KPathComputer {
    private static final double TOLERANCE = 1e-9;

    private final TopologySnapshot topology;
    private final LinkWeigher weigher;
    private final DijkstraEngine engine;
    private final int[] stackLink;
    private final int[] stackPos;

    /**
     * @param topology the network
     * @param weigher link weights; non-viable links are never used
     */
    public EqualCostPaths(TopologySnapshot topology, LinkWeigher weigher) {
        this.topology = topology;
        this.weigher = weigher;
        this.engine = new DijkstraEngine(topology, weigher);
        int n = Math.max(topology.switchCount(), 1);
        this.stackLink = new int[n];
        this.stackPos = new int[n + 1];
    }

    @Override
    public List<Path> paths(int src, int dst, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1: " + k);
        }
        DijkstraPathComputer.checkIndex(topology, src);
        DijkstraPathComputer.checkIndex(topology, dst);
        if (src == dst) {
            return Collections.singletonList(Path.of(src, dst, new int[0], 0));
        }
        engine.backward(dst);
        double total = engine.dist(src);
        if (total == Double.POSITIVE_INFINITY) {
            return Collections.emptyList();
        }
        List<Path> out = new ArrayList<>();
        int depth = 0;
        int at = src;
        stackPos[0] = topology.outLinkStart(src);
        while (out.size() < k) {
            if (at == dst) {
                out.add(Path.of(src, dst, Arrays.copyOf(stackLink, depth), total));
                // backtrack
                depth--;
                at = topology.linkSrc(stackLink[depth]);
                continue;
            }
            int p = stackPos[depth];
            int end = topology.outLinkEnd(at);
            int next = -1;
            while (p < end) {
                int l = topology.outLinkAt(p++);
                if (onShortestPath(at, l)) {
                    next = l;
                    break;
                }
            }
            stackPos[depth] = p;
            if (next < 0) {
                if (depth == 0) {
                    break;
                }
                depth--;
                at = topology.linkSrc(stackLink[depth]);
                continue;
            }
            stackLink[depth++] = next;
            at = topology.linkDst(next);
            stackPos[depth] = topology.outLinkStart(at);
        }
        return Collections.unmodifiableList(out);
    }

    private boolean onShortestPath(int u, int l) {
        double w = weigher.weight(l);
        if (!(w < LinkWeigher.NON_VIABLE)) {
            return false;
        }
        double du = engine.dist(u);
        double dv = engine.dist(topology.linkDst(l));
        return dv < Double.POSITIVE_INFINITY && Math.abs(dv + w - du) <= TOLERANCE * Math.max(1, du);
    }
}
