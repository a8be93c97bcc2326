package org.ebbflow.planner.policy;

import java.util.Arrays;
import org.ebbflow.planner.power.PowerStates;
import org.ebbflow.topology.TopologySnapshot;

/**
 * ElasticTree's "MST+N" for any topology: the union of 1 + N edge-disjoint spanning forests over available cables
 * (breadth-first from the terminals, in switch order), each pruned to the paths that join terminals, so no switch
 * without hosts is kept only as a leaf. Each spare forest uses only cables the earlier ones left, so where the
 * topology has them terminals usually keep 1 + N edge-disjoint paths (greedy: not guaranteed). One-way links
 * (without a reverse) are always kept. O((1 + N)(S + L)).
 */
public final class SpanningForestFloor implements ConnectivityFloor {
    private final int redundancy;

    /** @param redundancy spare forests beyond the first, not negative */
    public SpanningForestFloor(int redundancy) {
        if (redundancy < 0) {
            throw new IllegalArgumentException("redundancy must not be negative: " + redundancy);
        }
        this.redundancy = redundancy;
    }

    @Override
    public Floor compute(TopologySnapshot t) {
        int n = t.switchCount();
        boolean[] terminal = Connectivity.terminals(t);
        boolean[] switches = new boolean[n];
        boolean[] links = new boolean[t.linkCount()];
        boolean[] taken = new boolean[t.linkCount()];
        for (int l = 0; l < links.length; l++) {
            if (t.reverseLink(l) < 0 && PowerStates.isLinkAvailable(t, l)) {
                links[l] = true;
                switches[t.linkSrc(l)] = true;
                switches[t.linkDst(l)] = true;
            }
        }
        for (int s = 0; s < n; s++) {
            if (terminal[s] && PowerStates.isSwitchAvailable(t, s)) {
                switches[s] = true;
            }
        }
        int[] via = new int[n];
        int[] queue = new int[n];
        boolean[] kept = new boolean[n];
        for (int round = 0; round <= redundancy; round++) {
            Arrays.fill(via, -2);
            for (int root = 0; root < n; root++) {
                if (!terminal[root] || via[root] != -2 || !PowerStates.isSwitchAvailable(t, root)) {
                    continue;
                }
                int head = 0;
                int tail = 0;
                via[root] = -1;
                queue[tail++] = root;
                while (head < tail) {
                    int u = queue[head++];
                    for (int p = t.outLinkStart(u); p < t.outLinkEnd(u); p++) {
                        int l = t.outLinkAt(p);
                        int v = t.linkDst(l);
                        if (via[v] == -2 && !taken[l] && t.reverseLink(l) >= 0 && PowerStates.isLinkAvailable(t, l)) {
                            via[v] = l;
                            queue[tail++] = v;
                        }
                    }
                }
            }
            // Keep each terminal's path to its tree's root; stop where an earlier path already joined.
            Arrays.fill(kept, false);
            for (int s = 0; s < n; s++) {
                if (!terminal[s] || via[s] == -2) {
                    continue;
                }
                for (int v = s; !kept[v]; ) {
                    kept[v] = true;
                    switches[v] = true;
                    int l = via[v];
                    if (l < 0) {
                        break;
                    }
                    links[l] = true;
                    links[t.reverseLink(l)] = true;
                    taken[l] = true;
                    taken[t.reverseLink(l)] = true;
                    v = t.linkSrc(l);
                }
            }
        }
        return new Floor("spanning-forest+" + redundancy, switches, links);
    }
}
