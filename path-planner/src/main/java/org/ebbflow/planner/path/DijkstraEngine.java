package org.ebbflow.planner.path;

import java.util.Arrays;
import org.ebbflow.topology.TopologySnapshot;

/**
 * Dijkstra's algorithm over a snapshot's compressed adjacency with preallocated arrays, optional banned links and
 * switches (for Yen's spur searches), forward (from a source) or backward (towards a target, over in-links). Only
 * the switches a search touched are reset before the next one. O((S + L) log S) per search.
 */
final class DijkstraEngine {
    private final TopologySnapshot topology;
    private final LinkWeigher weigher;
    private final double[] dist;
    private final int[] via;
    private final boolean[] settled;
    private final int[] touched;
    private int touchedCount;
    private final IndexedMinHeap heap;

    DijkstraEngine(TopologySnapshot topology, LinkWeigher weigher) {
        this.topology = topology;
        this.weigher = weigher;
        int n = topology.switchCount();
        dist = new double[n];
        via = new int[n];
        settled = new boolean[n];
        touched = new int[n];
        heap = new IndexedMinHeap(n);
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        Arrays.fill(via, -1);
    }

    TopologySnapshot topology() {
        return topology;
    }

    LinkWeigher weigher() {
        return weigher;
    }

    private void reset() {
        for (int i = 0; i < touchedCount; i++) {
            int v = touched[i];
            dist[v] = Double.POSITIVE_INFINITY;
            via[v] = -1;
            settled[v] = false;
        }
        touchedCount = 0;
        heap.clear();
    }

    private void touch(int v) {
        if (dist[v] == Double.POSITIVE_INFINITY && !settled[v]) {
            touched[touchedCount++] = v;
        }
    }

    /**
     * Searches from {@code src} until {@code dst} is settled (or everything reachable, if {@code dst < 0}).
     *
     * @param bannedLinks links to skip, or null
     * @param bannedSwitches switches not to enter, or null
     * @return the distance to {@code dst}, infinite if unreachable (NaN-free)
     */
    double forward(int src, int dst, boolean[] bannedLinks, boolean[] bannedSwitches) {
        reset();
        touch(src);
        dist[src] = 0;
        heap.offer(src, 0);
        while (!heap.isEmpty()) {
            int u = heap.poll();
            settled[u] = true;
            if (u == dst) {
                return dist[u];
            }
            double du = dist[u];
            for (int p = topology.outLinkStart(u); p < topology.outLinkEnd(u); p++) {
                int l = topology.outLinkAt(p);
                if (bannedLinks != null && bannedLinks[l]) {
                    continue;
                }
                int v = topology.linkDst(l);
                if (settled[v] || bannedSwitches != null && bannedSwitches[v]) {
                    continue;
                }
                double w = weigher.weight(l);
                if (!(w < LinkWeigher.NON_VIABLE)) {
                    continue;
                }
                double nd = du + w;
                if (nd < dist[v]) {
                    touch(v);
                    dist[v] = nd;
                    via[v] = l;
                    heap.offer(v, nd);
                }
            }
        }
        return dst < 0 ? 0 : Double.POSITIVE_INFINITY;
    }

    /** Distances from every switch to {@code dst} over viable links (a backward search); read with {@link #dist}. */
    void backward(int dst) {
        reset();
        touch(dst);
        dist[dst] = 0;
        heap.offer(dst, 0);
        while (!heap.isEmpty()) {
            int u = heap.poll();
            settled[u] = true;
            double du = dist[u];
            for (int p = topology.inLinkStart(u); p < topology.inLinkEnd(u); p++) {
                int l = topology.inLinkAt(p);
                int v = topology.linkSrc(l);
                if (settled[v]) {
                    continue;
                }
                double w = weigher.weight(l);
                if (!(w < LinkWeigher.NON_VIABLE)) {
                    continue;
                }
                double nd = du + w;
                if (nd < dist[v]) {
                    touch(v);
                    dist[v] = nd;
                    via[v] = l;
                    heap.offer(v, nd);
                }
            }
        }
    }

    /** @return the distance of {@code v} from the last search's origin, infinite if not reached */
    double dist(int v) {
        return dist[v];
    }

    /**
     * Writes the path of the last forward search from its source to {@code dst} into {@code out}, in order.
     *
     * @return the number of links written
     */
    int pathTo(int dst, int[] out) {
        int n = 0;
        for (int v = dst; via[v] >= 0; v = topology.linkSrc(via[v])) {
            out[n++] = via[v];
        }
        for (int i = 0, j = n - 1; i < j; i++, j--) {
            int t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return n;
    }
}
