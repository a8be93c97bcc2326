package org.ebbflow.planner.path;

/**
 * The cost of traversing a directed link, by link index; {@link #NON_VIABLE} means the link may not be used. After
 * ONOS's {@code LinkWeigher}/{@code EdgeWeigher}, with primitive weights so path searches do not allocate.
 */
@FunctionalInterface
public interface LinkWeigher {
    /** The weight of a link that may not be used. */
    double NON_VIABLE = Double.POSITIVE_INFINITY;

    /**
     * @param link a link index of the snapshot the weigher was made for
     * @return a positive finite weight, or {@link #NON_VIABLE}
     */
    double weight(int link);

    /** @return true if {@code weight} is a usable weight */
    static boolean isViable(double weight) {
        return weight < NON_VIABLE;
    }
}
