package org.ebbflow.planner.policy;

import java.util.Arrays;
import org.ebbflow.planner.demand.ResolvedDemands;
import org.ebbflow.planner.fabric.FatTreeLayout;
import org.ebbflow.planner.fabric.LeafSpineLayout;
import org.ebbflow.planner.power.PowerStates;
import org.ebbflow.topology.TopologySnapshot;

/**
 * Link loads implied by a demand set when no link forecast exists (the {@code plan} command, tests, benchmarks): each
 * demand's planned rate (its upper bound) split evenly over its equal-cost fewest-hop paths in the full topology, as
 * fluid ECMP would spread it. The group sums the policies size from (edge up/down, pod in/out, leaf up/down) do not
 * depend on the split.
 *
 * <p>Fat-trees and leaf-spines in closed form, O(D + L); other topologies by one pass over the shortest-path DAG per
 * distinct ingress switch, splitting by path counts (as in Brandes' betweenness algorithm), O(I·(S + L) + D).
 */
public final class DemandLoadEstimator {
    private DemandLoadEstimator() {
    }

    /** @return the estimated load of every link of the demands' snapshot, bits per second */
    public static LinkLoads estimate(ResolvedDemands demands) {
        TopologySnapshot t = demands.topology();
        FatTreeLayout ft = FatTreeLayout.detect(t);
        if (ft != null && onEdges(demands, ft)) {
            return fatTree(demands, ft);
        }
        LeafSpineLayout ls = ft == null ? LeafSpineLayout.detect(t) : null;
        if (ls != null && onLeaves(demands, ls)) {
            return leafSpine(demands, ls);
        }
        return general(demands);
    }

    private static boolean onEdges(ResolvedDemands r, FatTreeLayout f) {
        for (int d = 0; d < r.size(); d++) {
            if (!f.isEdge(r.srcSwitch(d)) || !f.isEdge(r.dstSwitch(d))) {
                return false;
            }
        }
        return true;
    }

    private static boolean onLeaves(ResolvedDemands r, LeafSpineLayout f) {
        for (int d = 0; d < r.size(); d++) {
            if (!f.isLeaf(r.srcSwitch(d)) || !f.isLeaf(r.dstSwitch(d))) {
                return false;
            }
        }
        return true;
    }

    private static LinkLoads fatTree(ResolvedDemands r, FatTreeLayout f) {
        TopologySnapshot t = r.topology();
        int k = f.k();
        int h = f.half();
        double[] up = new double[k * h];
        double[] down = new double[k * h];
        double[] out = new double[k];
        double[] in = new double[k];
        for (int d = 0; d < r.size(); d++) {
            int s = r.srcSwitch(d);
            int e = r.dstSwitch(d);
            if (s == e) {
                continue;
            }
            double rate = r.plannedBps(d);
            int p = f.podOf(s);
            int q = f.podOf(e);
            up[p * h + f.positionOf(s)] += rate;
            down[q * h + f.positionOf(e)] += rate;
            if (p != q) {
                out[p] += rate;
                in[q] += rate;
            }
        }
        double[] bps = new double[t.linkCount()];
        for (int p = 0; p < k; p++) {
            for (int a = 0; a < h; a++) {
                for (int e = 0; e < h; e++) {
                    add(bps, f.edgeUp(p, e, a), up[p * h + e] / h);
                    add(bps, f.aggDown(p, a, e), down[p * h + e] / h);
                }
                for (int m = 0; m < h; m++) {
                    add(bps, f.aggUp(p, a, m), out[p] / (h * h));
                    add(bps, f.coreDown(a, m, p), in[p] / (h * h));
                }
            }
        }
        return LinkLoads.of(t, bps);
    }

    private static LinkLoads leafSpine(ResolvedDemands r, LeafSpineLayout f) {
        TopologySnapshot t = r.topology();
        int leaves = f.leafCount();
        int spines = f.spineCount();
        double[] up = new double[leaves];
        double[] down = new double[leaves];
        for (int d = 0; d < r.size(); d++) {
            int s = r.srcSwitch(d);
            int e = r.dstSwitch(d);
            if (s != e) {
                up[f.positionOf(s)] += r.plannedBps(d);
                down[f.positionOf(e)] += r.plannedBps(d);
            }
        }
        double[] bps = new double[t.linkCount()];
        for (int j = 0; j < leaves; j++) {
            for (int i = 0; i < spines; i++) {
                add(bps, f.up(j, i), up[j] / spines);
                add(bps, f.down(i, j), down[j] / spines);
            }
        }
        return LinkLoads.of(t, bps);
    }

    private static void add(double[] bps, int link, double v) {
        if (link >= 0) {
            bps[link] += v;
        }
    }

    /** The DAG split for any topology; package-private so tests can compare it with the closed forms. */
    static LinkLoads general(ResolvedDemands r) {
        TopologySnapshot t = r.topology();
        int n = t.switchCount();
        double[] bps = new double[t.linkCount()];
        // Demands grouped by ingress switch (counting sort of demand positions).
        int[] start = new int[n + 1];
        for (int d = 0; d < r.size(); d++) {
            start[r.srcSwitch(d) + 1]++;
        }
        for (int s = 0; s < n; s++) {
            start[s + 1] += start[s];
        }
        int[] byIngress = new int[r.size()];
        int[] fill = Arrays.copyOf(start, n);
        for (int d = 0; d < r.size(); d++) {
            byIngress[fill[r.srcSwitch(d)]++] = d;
        }
        int[] dist = new int[n];
        double[] paths = new double[n];
        double[] flow = new double[n];
        int[] order = new int[n];
        for (int s = 0; s < n; s++) {
            if (start[s] == start[s + 1]) {
                continue;
            }
            Arrays.fill(dist, -1);
            Arrays.fill(paths, 0);
            Arrays.fill(flow, 0);
            int head = 0;
            int tail = 0;
            dist[s] = 0;
            paths[s] = 1;
            order[tail++] = s;
            while (head < tail) {
                int u = order[head++];
                for (int p = t.outLinkStart(u); p < t.outLinkEnd(u); p++) {
                    int l = t.outLinkAt(p);
                    if (!PowerStates.isLinkAvailable(t, l)) {
                        continue;
                    }
                    int v = t.linkDst(l);
                    if (dist[v] < 0) {
                        dist[v] = dist[u] + 1;
                        order[tail++] = v;
                    }
                    if (dist[v] == dist[u] + 1) {
                        paths[v] += paths[u];
                    }
                }
            }
            for (int i = start[s]; i < start[s + 1]; i++) {
                int d = byIngress[i];
                if (dist[r.dstSwitch(d)] > 0) {
                    flow[r.dstSwitch(d)] += r.plannedBps(d);
                }
            }
            // Push each switch's arriving flow back to its predecessors in proportion to their path counts.
            for (int i = tail - 1; i > 0; i--) {
                int v = order[i];
                if (flow[v] == 0) {
                    continue;
                }
                for (int p = t.inLinkStart(v); p < t.inLinkEnd(v); p++) {
                    int l = t.inLinkAt(p);
                    int u = t.linkSrc(l);
                    if (dist[u] >= 0 && dist[u] + 1 == dist[v] && PowerStates.isLinkAvailable(t, l)) {
                        double share = flow[v] * paths[u] / paths[v];
                        bps[l] += share;
                        flow[u] += share;
                    }
                }
            }
        }
        return LinkLoads.of(t, bps);
    }
}
