package org.ebbflow.planner.path;

import org.ebbflow.topology.TopologySnapshot;

/**
 * Lightest paths by Dijkstra's algorithm (Dijkstra 1959) with a binary heap: O((S + L) log S) per query over S
 * switches and L links, stopping once the destination is settled. Ties between equally light paths go to the
 * lower-numbered switch, so results are deterministic. Not thread-safe.
 */
public final class DijkstraPathComputer implements PathComputer {
    private final DijkstraEngine engine;
    private final int[] buffer;

    /**
     * @param topology the network
     * @param weigher link weights; non-viable links are never used
     */
    public DijkstraPathComputer(TopologySnapshot topology, LinkWeigher weigher) {
        this.engine = new DijkstraEngine(topology, weigher);
        this.buffer = new int[Math.max(topology.switchCount(), 1)];
    }

    @Override
    public Path path(int src, int dst) {
        checkIndex(engine.topology(), src);
        checkIndex(engine.topology(), dst);
        double d = engine.forward(src, dst, null, null);
        if (d == Double.POSITIVE_INFINITY) {
            return null;
        }
        int n = engine.pathTo(dst, buffer);
        return Path.ofRange(src, dst, buffer, 0, n, d);
    }

    static void checkIndex(TopologySnapshot t, int s) {
        if (s < 0 || s >= t.switchCount()) {
            throw new IndexOutOfBoundsException("switch " + s + " of " + t.switchCount());
        }
    }
}
