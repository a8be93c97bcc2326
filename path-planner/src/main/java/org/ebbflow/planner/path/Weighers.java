package org.ebbflow.planner.path;

import org.ebbflow.planner.power.PowerStates;
import org.ebbflow.topology.TopologySnapshot;

/**
 * Ready-made weighers. Base weighers ({@link #unit()}, {@link #inverseCapacity}) ignore element states; filters
 * ({@link #usable}, {@link #available}, {@link #carrying}) give non-viable weights to links that are down, asleep
 * or failed, so one base weighting of a network serves every power state without copying the graph.
 */
public final class Weighers {
    private static final LinkWeigher UNIT = link -> 1.0;

    private Weighers() {
    }

    /** @return weight 1 for every link: paths with fewest hops */
    public static LinkWeigher unit() {
        return UNIT;
    }

    /**
     * OSPF-style cost: a reference rate divided by the link's capacity, so a 10G link costs a tenth of a 1G link.
     *
     * @param topology the snapshot
     * @param referenceBps the reference rate, positive
     */
    public static LinkWeigher inverseCapacity(TopologySnapshot topology, double referenceBps) {
        if (!(referenceBps > 0) || referenceBps == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("reference rate must be positive and finite: " + referenceBps);
        }
        double[] w = new double[topology.linkCount()];
        for (int l = 0; l < w.length; l++) {
            w[l] = referenceBps / topology.linkCapacityBps(l);
        }
        return link -> w[link];
    }

    /** @return {@code base}, but non-viable for links that are not {@code ACTIVE} in the snapshot (asleep included) */
    public static LinkWeigher usable(TopologySnapshot topology, LinkWeigher base) {
        return link -> topology.isLinkUsable(link) ? base.weight(link) : LinkWeigher.NON_VIABLE;
    }

    /**
     * @return {@code base}, but non-viable for failed or administratively down links: asleep links stay viable, as
     *     a planner may wake them
     */
    public static LinkWeigher available(TopologySnapshot topology, LinkWeigher base) {
        return link -> PowerStates.isLinkAvailable(topology, link) ? base.weight(link) : LinkWeigher.NON_VIABLE;
    }

    /** @return {@code base}, but non-viable for links that cannot carry traffic in the given power states */
    public static LinkWeigher carrying(PowerStates states, LinkWeigher base) {
        return link -> states.carries(link) ? base.weight(link) : LinkWeigher.NON_VIABLE;
    }

    /**
     * Evaluates a weigher once per link into an array, for searches that run many times.
     *
     * @return a weigher reading the array; O(links) to build
     * @throws IllegalArgumentException if a weight is not positive or NaN
     */
    public static LinkWeigher materialize(TopologySnapshot topology, LinkWeigher weigher) {
        double[] w = new double[topology.linkCount()];
        for (int l = 0; l < w.length; l++) {
            w[l] = weigher.weight(l);
            if (!(w[l] > 0)) {
                throw new IllegalArgumentException("link weight must be positive: link " + l + " has " + w[l]);
            }
        }
        return link -> w[link];
    }
}
