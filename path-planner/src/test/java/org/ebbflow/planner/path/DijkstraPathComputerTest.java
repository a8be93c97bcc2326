package org.ebbflow.planner.path;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.planner.support.RandomTopologies;
import org.junit.jupiter.api.Test;

class DijkstraPathComputerTest extends PathComputerContractTest {
    @Override
    PathComputer create(TopologySnapshot t, LinkWeigher w) {
        return new DijkstraPathComputer(t, w);
    }

    @Test
    void prefersTheLighterLongerPath() {
        // Weights favour 40G cables: the lightest path may take more hops than the fewest-hop one.
        TopologySnapshot t = RandomTopologies.connected(4, 30, 0.08, 0);
        LinkWeigher w = Weighers.inverseCapacity(t, 40e9);
        PathComputer pc = create(t, w);
        for (int d = 1; d < t.switchCount(); d++) {
            Path p = pc.path(0, d);
            PathAssertions.assertValid(t, w, p, 0, d);
            for (Path other : new YenKShortestPaths(t, w).paths(0, d, 3)) {
                assertEquals(true, p.weight() <= other.weight() + 1e-9);
            }
        }
    }
}
