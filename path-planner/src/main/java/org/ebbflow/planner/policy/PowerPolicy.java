package org.ebbflow.planner.policy;

/**
 * Decides, for one planning cycle, which switches and cables must be awake, which a router may use or let sleep, and
 * which stay asleep. Every implementation keeps a connectivity floor (see {@link Floors}), so a decision never
 * partitions hosts the full topology connects. Implementations are immutable and thread-safe.
 */
public interface PowerPolicy {
    /** @return a short name for reports and plans, e.g. {@code forecast-threshold} */
    String name();

    /**
     * @param input the snapshot, states, time, memory and traffic
     * @return the decision for every element of the snapshot
     * @throws IllegalArgumentException if the input lacks what the policy needs (such as a forecast horizon that
     *     reaches the wake lead time)
     */
    PowerDecision decide(PolicyInput input);
}
