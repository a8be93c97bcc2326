package org.ebbflow.planner.route;

import java.util.Arrays;
import org.ebbflow.planner.demand.ResolvedDemands;
import org.ebbflow.planner.path.Path;
import org.ebbflow.topology.TopologySnapshot;

/**
 * Where every demand goes: a path (links from its ingress to its egress switch) or a refusal, the resulting load and
 * reservations per link, and which switches and links the paths use. Paths are stored in one shared int array, so a
 * routing of 100,000 demands is a handful of arrays. Immutable.
 */
public final class Routing {
    private final String router;
    private final ResolvedDemands demands;
    private final int[] pool;
    private final int[] pathStart;
    private final int[] pathLength;
    private final Refusal[] refusals;
    private final double[] loadBps;
    private final double[] reservedBps;
    private final boolean[] switchUsed;
    private final boolean[] linkUsed;
    private final int refused;

    Routing(String router, ResolvedDemands demands, int[] pool, int[] pathStart, int[] pathLength,
            Refusal[] refusals, double[] loadBps, double[] reservedBps, boolean[] switchUsed, boolean[] linkUsed) {
        this.router = router;
        this.demands = demands;
        this.pool = pool;
        this.pathStart = pathStart;
        this.pathLength = pathLength;
        this.refusals = refusals;
        this.loadBps = loadBps;
        this.reservedBps = reservedBps;
        this.switchUsed = switchUsed;
        this.linkUsed = linkUsed;
        int r = 0;
        for (Refusal x : refusals) {
            r += x == null ? 0 : 1;
        }
        this.refused = r;
    }

    /** @return the router's name */
    public String router() {
        return router;
    }

    /** @return the snapshot */
    public TopologySnapshot topology() {
        return demands.topology();
    }

    /** @return the demands routed */
    public ResolvedDemands demands() {
        return demands;
    }

    /** @return the number of demands */
    public int demandCount() {
        return pathLength.length;
    }

    /** @return true if demand {@code d} (position in the set) has a path */
    public boolean isRouted(int d) {
        return refusals[d] == null;
    }

    /** @return why demand {@code d} was refused, or null if it is routed */
    public Refusal refusal(int d) {
        return refusals[d];
    }

    /** @return the number of links on demand {@code d}'s path (0 if its endpoints share a switch), −1 if refused */
    public int pathLength(int d) {
        return refusals[d] == null ? pathLength[d] : -1;
    }

    /** @return the {@code i}-th link of demand {@code d}'s path */
    public int pathLink(int d, int i) {
        if (i < 0 || i >= pathLength(d)) {
            throw new IndexOutOfBoundsException("link " + i + " of a path of " + pathLength(d));
        }
        return pool[pathStart[d] + i];
    }

    /** @return demand {@code d}'s path with its hop count as weight, or null if refused */
    public Path path(int d) {
        if (refusals[d] != null) {
            return null;
        }
        int[] links = Arrays.copyOfRange(pool, pathStart[d], pathStart[d] + pathLength[d]);
        return Path.of(demands.srcSwitch(d), demands.dstSwitch(d), links, links.length);
    }

    /** @return true if demands {@code d} here and {@code e} in {@code other} take the same links (both refused too) */
    public boolean samePath(int d, Routing other, int e) {
        if (isRouted(d) != other.isRouted(e)) {
            return false;
        }
        if (!isRouted(d)) {
            return true;
        }
        return Arrays.equals(pool, pathStart[d], pathStart[d] + pathLength[d], other.pool, other.pathStart[e],
                other.pathStart[e] + other.pathLength[e]);
    }

    /** @return the number of routed demands */
    public int routedCount() {
        return pathLength.length - refused;
    }

    /** @return the number of refused demands */
    public int refusedCount() {
        return refused;
    }

    /** @return the planned load of link {@code l}, bits per second */
    public double loadBps(int l) {
        return loadBps[l];
    }

    /** @return the sum of guaranteed reservations on link {@code l}, bits per second */
    public double reservedBps(int l) {
        return reservedBps[l];
    }

    /** @return planned load over capacity of link {@code l} */
    public double utilisation(int l) {
        return loadBps[l] / topology().linkCapacityBps(l);
    }

    /** @return the largest utilisation of any link, 0 if nothing is routed */
    public double maxUtilisation() {
        double max = 0;
        for (int l = 0; l < loadBps.length; l++) {
            max = Math.max(max, utilisation(l));
        }
        return max;
    }

    /** @return true if some path passes switch {@code s} */
    public boolean usesSwitch(int s) {
        return switchUsed[s];
    }

    /** @return true if some path takes link {@code l} or its reverse */
    public boolean usesLink(int l) {
        return linkUsed[l];
    }

    @Override
    public String toString() {
        return "Routing{" + router + ": " + routedCount() + " routed, " + refused + " refused, max utilisation "
                + maxUtilisation() + "}";
    }
}
