package org.ebbflow.sim.traffic;

/**
 * Produces the host-to-host demands of each simulation step, deterministically: the same source built with the same
 * seed produces the same batches when asked for the same steps in order. Steps are asked for in order, each once.
 */
public interface TrafficSource {
    /** @return the spec this source was built from, for reports */
    String describe();

    /** @return the number of hosts; demands use host numbers below it */
    int hostCount();

    /** @return the class label of a host's container */
    TaskClass taskClass(int host);

    /** @return the declared rate of a guaranteed container, bits per second; NaN for other classes */
    double declaredBps(int host);

    /**
     * @return the epoch milliseconds the traffic naturally starts at (a replay's first record), or
     *     {@link Long#MIN_VALUE} if it has none and the simulation picks its own start
     */
    long preferredStartMillis();

    /**
     * Fills {@code out} (cleared first) with the step's demands.
     *
     * @param stepStartMillis the step's start, epoch milliseconds
     * @param stepMillis the step's length, milliseconds
     */
    void next(long stepStartMillis, long stepMillis, DemandBatch out);
}
