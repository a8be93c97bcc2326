package org.ebbflow.planner.path;

import org.ebbflow.topology.TopologySnapshot;

class BreadthFirstPathComputerTest extends PathComputerContractTest {
    @Override
    PathComputer create(TopologySnapshot t, LinkWeigher w) {
        return new BreadthFirstPathComputer(t, w);
    }
}
