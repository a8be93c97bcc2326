package org.ebbflow.planner.policy;

import org.ebbflow.topology.TopologySnapshot;

/**
 * Computes a {@link Floor}: the never-partition guarantee of every policy. Implementations are chosen by
 * {@link Floors#forTopology}.
 */
public interface ConnectivityFloor {
    /**
     * @param topology the network; failed and administratively down elements are never in a floor, asleep ones may be
     * @return the elements to keep awake
     */
    Floor compute(TopologySnapshot topology);
}
