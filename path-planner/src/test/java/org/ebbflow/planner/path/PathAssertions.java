package org.ebbflow.planner.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.ebbflow.topology.TopologySnapshot;

/** Shared checks of a path's shape. */
final class PathAssertions {
    private PathAssertions() {
    }

    /** Asserts the path runs from src to dst over viable links, visits no switch twice and weighs its links' sum. */
    static void assertValid(TopologySnapshot t, LinkWeigher w, Path p, int src, int dst) {
        assertEquals(src, p.src());
        assertEquals(dst, p.dst());
        boolean[] seen = new boolean[t.switchCount()];
        int at = src;
        seen[at] = true;
        double sum = 0;
        for (int i = 0; i < p.length(); i++) {
            int l = p.linkAt(i);
            assertEquals(at, t.linkSrc(l), "contiguous at hop " + i + " of " + p);
            assertTrue(LinkWeigher.isViable(w.weight(l)), "viable link " + l);
            sum += w.weight(l);
            at = t.linkDst(l);
            assertTrue(!seen[at], "loopless: " + Arrays.toString(p.links()));
            seen[at] = true;
        }
        assertEquals(dst, at);
        assertEquals(sum, p.weight(), 1e-9 * Math.max(1, sum));
    }

    /** @return hop distances from {@code src} over viable links, −1 where unreachable (the test's own BFS) */
    static int[] hops(TopologySnapshot t, LinkWeigher w, int src) {
        int[] d = new int[t.switchCount()];
        Arrays.fill(d, -1);
        int[] q = new int[d.length];
        int head = 0;
        int tail = 0;
        d[src] = 0;
        q[tail++] = src;
        while (head < tail) {
            int u = q[head++];
            for (int p = t.outLinkStart(u); p < t.outLinkEnd(u); p++) {
                int l = t.outLinkAt(p);
                if (LinkWeigher.isViable(w.weight(l)) && d[t.linkDst(l)] < 0) {
                    d[t.linkDst(l)] = d[u] + 1;
                    q[tail++] = t.linkDst(l);
                }
            }
        }
        return d;
    }
}
