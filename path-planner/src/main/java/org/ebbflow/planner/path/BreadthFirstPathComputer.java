package org.ebbflow.planner.path;

import java.util.Arrays;
import org.ebbflow.topology.TopologySnapshot;

/**
 * Paths with the fewest hops by breadth-first search, O(S + L) per query: the weigher only decides which links are
 * viable, and the returned path's weight is the sum of its links' weights (equal to its hop count under
 * {@link Weighers#unit()}). Out-links are explored in snapshot order, so among equally short paths the one reached
 * through the lowest-positioned links wins. Not thread-safe.
 */
public final class BreadthFirstPathComputer implements PathComputer {
    private final TopologySnapshot topology;
    private final LinkWeigher weigher;
    private final int[] via;
    private final int[] queue;
    private final int[] buffer;

    /**
     * @param topology the network
     * @param weigher decides viability; weights only add up into the result's weight
     */
    public BreadthFirstPathComputer(TopologySnapshot topology, LinkWeigher weigher) {
        this.topology = topology;
        this.weigher = weigher;
        int n = topology.switchCount();
        via = new int[n];
        queue = new int[n];
        buffer = new int[Math.max(n, 1)];
    }

    @Override
    public Path path(int src, int dst) {
        DijkstraPathComputer.checkIndex(topology, src);
        DijkstraPathComputer.checkIndex(topology, dst);
        if (src == dst) {
            return Path.of(src, dst, new int[0], 0);
        }
        Arrays.fill(via, -2);
        via[src] = -1;
        int head = 0;
        int tail = 0;
        queue[tail++] = src;
        while (head < tail) {
            int u = queue[head++];
            for (int p = topology.outLinkStart(u); p < topology.outLinkEnd(u); p++) {
                int l = topology.outLinkAt(p);
                int v = topology.linkDst(l);
                if (via[v] != -2 || !LinkWeigher.isViable(weigher.weight(l))) {
                    continue;
                }
                via[v] = l;
                if (v == dst) {
                    return trace(src, dst);
                }
                queue[tail++] = v;
            }
        }
        return null;
    }

    private Path trace(int src, int dst) {
        int n = 0;
        double w = 0;
        for (int v = dst; v != src; v = topology.linkSrc(via[v])) {
            buffer[n++] = via[v];
        }
        for (int i = 0, j = n - 1; i < j; i++, j--) {
            int t = buffer[i];
            buffer[i] = buffer[j];
            buffer[j] = t;
        }
        for (int i = 0; i < n; i++) {
            w += weigher.weight(buffer[i]);
        }
        return Path.ofRange(src, dst, buffer, 0, n, w);
    }
}
