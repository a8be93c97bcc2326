package org.ebbflow.planner.demand;

import java.util.Arrays;
import org.ebbflow.topology.TopologySnapshot;

/**
 * A demand set bound to one snapshot, in flat arrays for routers: each demand's ingress and egress switch, planned
 * rate (its upper bound) and class, plus the placement order. Immutable; build with
 * {@link DemandSet#resolve(TopologySnapshot)}.
 *
 * <p>Placement order: guaranteed demands first (reservations see only each other), then latency-sensitive, then bulk;
 * within a class by decreasing planned rate (first-fit decreasing, which packs better than arrival order), ties by
 * position in the set. Sorting uses packed {@code long} keys, O(n log n) without boxing.
 */
public final class ResolvedDemands {
    /** The largest demand set routers accept (the placement order packs positions into 30 bits). */
    public static final int MAX_DEMANDS = 1 << 30;

    private final TopologySnapshot topology;
    private final DemandSet set;
    private final int[] srcSwitch;
    private final int[] dstSwitch;
    private final double[] plannedBps;
    private final byte[] classOrdinal;
    private final int[] order;

    ResolvedDemands(TopologySnapshot topology, DemandSet set) {
        this.topology = topology;
        this.set = set;
        int n = set.size();
        if (n > MAX_DEMANDS) {
            throw new IllegalArgumentException("at most " + MAX_DEMANDS + " demands per set: " + n);
        }
        srcSwitch = new int[n];
        dstSwitch = new int[n];
        plannedBps = new double[n];
        classOrdinal = new byte[n];
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            Demand d = set.get(i);
            boolean hosts = d.kind() == EndpointKind.HOST;
            srcSwitch[i] = hosts ? topology.hostSwitch(d.source()) : d.source();
            dstSwitch[i] = hosts ? topology.hostSwitch(d.destination()) : d.destination();
            plannedBps[i] = d.upperBps();
            classOrdinal[i] = (byte) d.demandClass().ordinal();
            // class (2 bits) | descending rate (positive float bits are monotone, 31 bits) | index (30 bits)
            long rateBits = Float.floatToIntBits((float) d.upperBps()) & 0x7FFF_FFFFL;
            keys[i] = ((long) classOrdinal[i] << 61) | ((0x7FFF_FFFFL - rateBits) << 30) | i;
        }
        Arrays.sort(keys);
        order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) (keys[i] & 0x3FFF_FFFFL);
        }
    }

    /** @return the snapshot the demands are bound to */
    public TopologySnapshot topology() {
        return topology;
    }

    /** @return the demand set */
    public DemandSet demandSet() {
        return set;
    }

    /** @return the number of demands */
    public int size() {
        return srcSwitch.length;
    }

    /** @return the demand at position {@code d} of the set */
    public Demand demand(int d) {
        return set.get(d);
    }

    /** @return the switch where demand {@code d} enters the network */
    public int srcSwitch(int d) {
        return srcSwitch[d];
    }

    /** @return the switch where demand {@code d} leaves the network */
    public int dstSwitch(int d) {
        return dstSwitch[d];
    }

    /** @return the rate planned for demand {@code d} (its upper bound), bits per second */
    public double plannedBps(int d) {
        return plannedBps[d];
    }

    /** @return the class of demand {@code d} */
    public DemandClass demandClass(int d) {
        return DemandClass.values()[classOrdinal[d]];
    }

    /** @return the class ordinal of demand {@code d}, for inner loops */
    public int classOrdinal(int d) {
        return classOrdinal[d];
    }

    /**
     * @return true if {@code other} has the same demand ids at the same positions, so positions can stand for ids
     *     when comparing the two (the common case of a controller re-planning a stable demand list); O(n)
     */
    public boolean sameIdsAs(ResolvedDemands other) {
        if (other.set == set) {
            return true;
        }
        if (other.size() != size()) {
            return false;
        }
        for (int d = 0; d < size(); d++) {
            if (set.get(d).id() != other.set.get(d).id()) {
                return false;
            }
        }
        return true;
    }

    /** @return the position in the set of the {@code i}-th demand to place */
    public int placementOrder(int i) {
        return order[i];
    }
}
