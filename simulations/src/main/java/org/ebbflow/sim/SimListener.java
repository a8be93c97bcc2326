package org.ebbflow.sim;

import org.ebbflow.flowstats.PortStatsCollector;
import org.ebbflow.sim.net.Allocation;
import org.ebbflow.sim.net.Fabric;
import org.ebbflow.topology.TopologySnapshot;

/** Follows a simulation: progress and, per policy and cycle, the controller's statistics (e.g. to export them). */
public interface SimListener {
    /** A listener that ignores everything. */
    SimListener NONE = new SimListener() {
    };

    /**
     * @param steps the number of steps the run will simulate
     * @param policies the policies' names, in run order
     */
    default void started(int steps, java.util.List<String> policies) {
    }

    /**
     * After a policy's step [from, to) was simulated, before its control cycle: what every link was offered and
     * carried (valid during the call only).
     *
     * @param policy the policy's name
     * @param fabric the network, numbered as the controller's snapshots
     * @param allocation the step's loads
     */
    default void stepSimulated(String policy, long fromMillis, long toMillis, Fabric fabric, Allocation allocation) {
    }

    /**
     * After a policy's statistics cycle at {@code nowMillis} (its store complete up to then), before it decides.
     *
     * @param policy the policy's name
     * @param topology the controller's snapshot
     * @param stats the controller's statistics
     */
    default void cycleDone(String policy, long nowMillis, TopologySnapshot topology, PortStatsCollector stats) {
    }

    /** @param stepsDone steps finished by every policy */
    default void stepDone(int stepsDone) {
    }

    /** After the last step. */
    default void finished() {
    }

    /** @return a listener that forwards every call to each of {@code listeners}, in order */
    static SimListener all(SimListener... listeners) {
        SimListener[] ls = listeners.clone();
        return new SimListener() {
            @Override
            public void started(int steps, java.util.List<String> policies) {
                for (SimListener l : ls) {
                    l.started(steps, policies);
                }
            }

            @Override
            public void stepSimulated(String policy, long fromMillis, long toMillis, Fabric fabric,
                                      Allocation allocation) {
                for (SimListener l : ls) {
                    l.stepSimulated(policy, fromMillis, toMillis, fabric, allocation);
                }
            }

            @Override
            public void cycleDone(String policy, long nowMillis, TopologySnapshot topology, PortStatsCollector stats) {
                for (SimListener l : ls) {
                    l.cycleDone(policy, nowMillis, topology, stats);
                }
            }

            @Override
            public void stepDone(int stepsDone) {
                for (SimListener l : ls) {
                    l.stepDone(stepsDone);
                }
            }

            @Override
            public void finished() {
                for (SimListener l : ls) {
                    l.finished();
                }
            }
        };
    }
}
