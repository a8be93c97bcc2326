package org.ebbflow.planner.path;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.generate.FatTree;
import org.junit.jupiter.api.Test;

class EqualCostPathsTest extends KPathComputerContractTest {
    @Override
    KPathComputer create(TopologySnapshot t, LinkWeigher w) {
        return new EqualCostPaths(t, w);
    }

    @Test
    void returnsOnlyEqualCostPathsLeftmostFirst() {
        TopologySnapshot t = FatTree.build(8);
        int a = t.switchIndex(FatTree.edgeDpid(0, 1));
        int b = t.switchIndex(FatTree.edgeDpid(5, 3));
        List<Path> all = create(t, Weighers.unit()).paths(a, b, 1000);
        assertEquals(16, all.size(), "(k/2)^2 paths between pods");
        int firstAgg = t.linkDst(all.get(0).linkAt(0));
        assertEquals(t.switchIndex(FatTree.aggDpid(0, 1)), firstAgg, "leftmost aggregation first");
        for (Path p : all) {
            assertEquals(4.0, p.weight());
        }
        assertEquals(2, create(t, Weighers.unit()).paths(a, t.switchIndex(FatTree.edgeDpid(0, 2)), 1000).size()
                * 2, 8, "k/2 paths inside a pod");
    }
}
