package org.ebbflow.sim.net;

import org.ebbflow.sim.traffic.DemandBatch;

/**
 * How demands are forwarded: the paths that the installed flow rules give each host pair. One routing is used for a
 * whole step; the engine swaps it when a control policy decides new paths. Implementations are bound to one
 * {@link Fabric} and are not required to be thread-safe.
 */
public interface Routing {
    /** @return a short name for reports, e.g. {@code ecmp} */
    String name();

    /**
     * Writes the entries of demand {@code d} of the batch: one or more paths whose shares sum to 1, each from the
     * source host's uplink to the destination host's downlink, or {@link RoutedPaths#unroutable} if none exists.
     * Cost: O(path length × switch degree) per demand at most.
     */
    void route(DemandBatch demands, int d, RoutedPaths out);

    /** Routes every demand of the batch, in order, after clearing {@code out}. */
    default void routeAll(DemandBatch demands, RoutedPaths out) {
        out.clear();
        for (int d = 0; d < demands.size(); d++) {
            route(demands, d, out);
        }
    }
}
