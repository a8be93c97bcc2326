package org.ebbflow.planner.policy;

import org.ebbflow.planner.fabric.FatTreeLayout;
import org.ebbflow.planner.power.PowerStates;
import org.ebbflow.topology.TopologySnapshot;

/**
 * The fat-tree floor of anchors §6: every edge switch with hosts, the 1 + N leftmost available aggregation switches of
 * each pod and, for each of their positions a, the leftmost available core of group a, with the links between them:
 * 1 + N node-disjoint paths between any two edge switches, k²/2 + k + 1 switches for N = 0 (65% of a k=4 fat-tree,
 * tending to 40%). If failures break that shape (the chosen elements no longer connect what the full topology
 * connects) it falls back to {@link SpanningForestFloor}. O(S + L).
 */
public final class FatTreeFloor implements ConnectivityFloor {
    private final int redundancy;

    /** @param redundancy spare paths beyond the first, not negative */
    public FatTreeFloor(int redundancy) {
        if (redundancy < 0) {
            throw new IllegalArgumentException("redundancy must not be negative: " + redundancy);
        }
        this.redundancy = redundancy;
    }

    @Override
    public Floor compute(TopologySnapshot t) {
        FatTreeLayout f = FatTreeLayout.detect(t);
        if (f == null || t.hostCount() == 0) {
            return new SpanningForestFloor(redundancy).compute(t);
        }
        int h = f.half();
        int spare = Math.min(redundancy + 1, h);
        boolean[] switches = new boolean[t.switchCount()];
        boolean[] links = new boolean[t.linkCount()];
        boolean[] terminal = Connectivity.terminals(t);
        int[] coreOfGroup = new int[h];
        for (int g = 0; g < h; g++) {
            coreOfGroup[g] = -1;
            for (int m = 0; m < h && coreOfGroup[g] < 0; m++) {
                if (PowerStates.isSwitchAvailable(t, f.core(g, m))) {
                    coreOfGroup[g] = m;
                }
            }
        }
        for (int pod = 0; pod < f.k(); pod++) {
            int chosen = 0;
            for (int a = 0; a < h && chosen < spare; a++) {
                if (!PowerStates.isSwitchAvailable(t, f.agg(pod, a))) {
                    continue;
                }
                chosen++;
                switches[f.agg(pod, a)] = true;
                for (int e = 0; e < h; e++) {
                    if (terminal[f.edge(pod, e)] && PowerStates.isSwitchAvailable(t, f.edge(pod, e))) {
                        switches[f.edge(pod, e)] = true;
                        mark(t, links, f.edgeUp(pod, e, a));
                    }
                }
                if (coreOfGroup[a] >= 0) {
                    switches[f.core(a, coreOfGroup[a])] = true;
                    mark(t, links, f.aggUp(pod, a, coreOfGroup[a]));
                }
            }
        }
        int[] full = Connectivity.fullComponents(t);
        int[] part = Connectivity.components(t, switches, links);
        if (!Connectivity.keepsTerminalsTogether(t, full, part, switches)) {
            return new SpanningForestFloor(redundancy).compute(t);
        }
        return new Floor("fat-tree+" + redundancy, switches, links);
    }

    static void mark(TopologySnapshot t, boolean[] links, int l) {
        if (l >= 0 && PowerStates.isLinkAvailable(t, l)) {
            links[l] = true;
            int r = t.reverseLink(l);
            if (r >= 0) {
                links[r] = true;
            }
        }
    }
}
