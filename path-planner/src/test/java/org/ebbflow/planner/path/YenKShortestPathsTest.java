package org.ebbflow.planner.path;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.generate.FatTree;
import org.junit.jupiter.api.Test;

class YenKShortestPathsTest extends KPathComputerContractTest {
    private static int a6(int pod, int e) {
        return FatTree.build(6).switchIndex(FatTree.edgeDpid(pod, e));
    }

    @Override
    KPathComputer create(TopologySnapshot t, LinkWeigher w) {
        return new YenKShortestPaths(t, w);
    }

    @Test
    void continuesWithDetoursAfterTheShortestOnes() {
        TopologySnapshot t = FatTree.build(4);
        int a = t.switchIndex(FatTree.edgeDpid(0, 1));
        int b = t.switchIndex(FatTree.edgeDpid(0, 2));
        List<Path> paths = create(t, Weighers.unit()).paths(a, b, 3);
        // Two 2-hop paths through the pod's aggregation switches; a k=4 pod has no third edge to detour through,
        // so the next loopless path leaves the pod: up a core, through another pod, back down the other group (8).
        assertEquals(2, paths.get(0).length());
        assertEquals(2, paths.get(1).length());
        assertEquals(8, paths.get(2).length());
        List<Path> k6 = create(FatTree.build(6), Weighers.unit()).paths(a6(0, 1), a6(0, 2), 4);
        assertEquals(2, k6.get(2).length(), "k=6: three aggregation switches, three 2-hop paths");
        assertEquals(4, k6.get(3).length(), "with three edges per pod the detour stays in the pod");
    }
}
