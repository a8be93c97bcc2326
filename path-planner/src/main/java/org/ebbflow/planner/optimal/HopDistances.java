package org.ebbflow.planner.optimal;

import java.util.Arrays;
import org.ebbflow.topology.TopologySnapshot;

/** Hop distances over the full topology (every link, whatever its state): what "shortest" means for a class. */
final class HopDistances {
    private HopDistances() {
    }

    /**
     * @param reverse false for distances from {@code root} along links, true for distances to {@code root}
     * @param out filled with hops, {@link Integer#MAX_VALUE} if unreachable
     */
    static void fill(TopologySnapshot t, int root, boolean reverse, int[] out) {
        Arrays.fill(out, Integer.MAX_VALUE);
        int[] queue = new int[t.switchCount()];
        int head = 0;
        int tail = 0;
        out[root] = 0;
        queue[tail++] = root;
        while (head < tail) {
            int u = queue[head++];
            int from = reverse ? t.inLinkStart(u) : t.outLinkStart(u);
            int to = reverse ? t.inLinkEnd(u) : t.outLinkEnd(u);
            for (int p = from; p < to; p++) {
                int l = reverse ? t.inLinkAt(p) : t.outLinkAt(p);
                int v = reverse ? t.linkSrc(l) : t.linkDst(l);
                if (out[v] == Integer.MAX_VALUE) {
                    out[v] = out[u] + 1;
                    queue[tail++] = v;
                }
            }
        }
    }

    /** @return true if link {@code l} lies on some fewest-hop path of length {@code total} */
    static boolean onShortest(TopologySnapshot t, int l, int[] distFrom, int[] distTo, int total) {
        int a = distFrom[t.linkSrc(l)];
        int b = distTo[t.linkDst(l)];
        return a != Integer.MAX_VALUE && b != Integer.MAX_VALUE && a + 1 + b == total;
    }
}
