package org.ebbflow.planner.policy;

import java.util.Arrays;
import org.ebbflow.topology.TopologySnapshot;

/**
 * A rate per directed link of one snapshot, in bits per second: a forecast's upper bound over a window, or the
 * current measured rate. NaN means unknown (no series for the link, or the predictor had no data); policies hold an
 * element's state rather than guess. Immutable.
 */
public final class LinkLoads {
    private final TopologySnapshot topology;
    private final double[] bps;

    private LinkLoads(TopologySnapshot topology, double[] bps) {
        this.topology = topology;
        this.bps = bps;
    }

    /**
     * @param topology the snapshot
     * @param bps one rate per link index, copied; NaN for unknown, otherwise finite and not negative
     * @throws IllegalArgumentException if the length differs from the link count or a rate is negative or infinite
     */
    public static LinkLoads of(TopologySnapshot topology, double[] bps) {
        if (bps.length != topology.linkCount()) {
            throw new IllegalArgumentException("need one rate per link: " + bps.length + " for "
                    + topology.linkCount() + " links");
        }
        for (int l = 0; l < bps.length; l++) {
            if (bps[l] < 0 || bps[l] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("link " + l + " rate must be finite and not negative: " + bps[l]);
            }
        }
        return new LinkLoads(topology, bps.clone());
    }

    /** @return 0 bps on every link */
    public static LinkLoads zero(TopologySnapshot topology) {
        return new LinkLoads(topology, new double[topology.linkCount()]);
    }

    /** @return every link unknown */
    public static LinkLoads unknown(TopologySnapshot topology) {
        double[] v = new double[topology.linkCount()];
        Arrays.fill(v, Double.NaN);
        return new LinkLoads(topology, v);
    }

    /** @return the snapshot the rates index */
    public TopologySnapshot topology() {
        return topology;
    }

    /** @return the rate of link {@code l}, bits per second, NaN if unknown */
    public double bps(int l) {
        return bps[l];
    }

    /** @return the rate of link {@code l} as a fraction of its capacity, NaN if unknown */
    public double utilisation(int l) {
        return bps[l] / topology.linkCapacityBps(l);
    }

    /** @return the larger utilisation of the link's two directions (NaN if either is unknown) */
    public double cableUtilisation(int l) {
        int r = topology.reverseLink(l);
        return r < 0 ? utilisation(l) : Math.max(utilisation(l), utilisation(r));
    }

    /**
     * The per-link larger of these rates and {@code floor}'s: a forecast that never sizes for less than what is
     * measured now. A link unknown here stays unknown; a link unknown in {@code floor} keeps this rate. O(L).
     *
     * @param floor rates of the same snapshot, e.g. the current measured loads
     * @return the combined rates ({@code this} if nothing is raised)
     * @throws IllegalArgumentException if {@code floor} indexes another snapshot
     */
    public LinkLoads atLeast(LinkLoads floor) {
        if (floor.topology != topology) {
            throw new IllegalArgumentException("the floor's rates belong to another snapshot");
        }
        double[] v = null;
        for (int l = 0; l < bps.length; l++) {
            if (floor.bps[l] > bps[l]) {
                if (v == null) {
                    v = bps.clone();
                }
                v[l] = floor.bps[l];
            }
        }
        return v == null ? this : new LinkLoads(topology, v);
    }

    @Override
    public String toString() {
        double sum = 0;
        int unknown = 0;
        for (double v : bps) {
            if (Double.isNaN(v)) {
                unknown++;
            } else {
                sum += v;
            }
        }
        return "LinkLoads{" + bps.length + " links, total " + sum + " bps, " + unknown + " unknown}";
    }
}
