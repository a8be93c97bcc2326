package org.ebbflow.planner.policy;

import org.ebbflow.planner.fabric.FatTreeLayout;
import org.ebbflow.planner.fabric.LeafSpineLayout;
import org.ebbflow.topology.TopologySnapshot;

/** Picks the connectivity floor that fits a topology. */
public final class Floors {
    private Floors() {
    }

    /**
     * @param topology the network
     * @param redundancy spare paths beyond connectivity
     * @return the fat-tree floor for fat-trees, the leaf-spine floor for leaf-spines, the spanning-forest floor
     *     otherwise
     */
    public static ConnectivityFloor forTopology(TopologySnapshot topology, int redundancy) {
        if (FatTreeLayout.detect(topology) != null) {
            return new FatTreeFloor(redundancy);
        }
        if (LeafSpineLayout.detect(topology) != null) {
            return new LeafSpineFloor(redundancy);
        }
        return new SpanningForestFloor(redundancy);
    }
}
