package org.ebbflow.planner.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ebbflow.planner.support.RandomTopologies;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.generate.FatTree;
import org.junit.jupiter.api.Test;

/** The {@link KPathComputer} contract, run against every implementation by a subclass. */
abstract class KPathComputerContractTest {
    abstract KPathComputer create(TopologySnapshot t, LinkWeigher w);

    @Test
    void pathsAreDistinctLooplessSortedAndStartAtTheOptimum() {
        for (TopologySnapshot t : new TopologySnapshot[] {FatTree.build(4),
                RandomTopologies.connected(6, 20, 0.15, 0)}) {
            LinkWeigher w = Weighers.inverseCapacity(t, 40e9);
            KPathComputer kpc = create(t, w);
            DijkstraPathComputer reference = new DijkstraPathComputer(t, w);
            for (int s = 0; s < t.switchCount(); s += 3) {
                for (int d = 0; d < t.switchCount(); d += 2) {
                    List<Path> paths = kpc.paths(s, d, 5);
                    assertFalse(paths.isEmpty());
                    assertTrue(paths.size() <= 5);
                    assertEquals(reference.path(s, d).weight(), paths.get(0).weight(), 1e-9);
                    Set<List<Integer>> seen = new HashSet<>();
                    double last = -1;
                    for (Path p : paths) {
                        PathAssertions.assertValid(t, w, p, s, d);
                        assertTrue(p.weight() >= last - 1e-9, "sorted");
                        last = p.weight();
                        List<Integer> links = new java.util.ArrayList<>();
                        for (int l : p.links()) {
                            links.add(l);
                        }
                        assertTrue(seen.add(links), "distinct");
                    }
                }
            }
        }
    }

    @Test
    void edgeCases() {
        TopologySnapshot t = FatTree.build(4);
        KPathComputer kpc = create(t, Weighers.unit());
        assertThrows(IllegalArgumentException.class, () -> kpc.paths(0, 1, 0));
        List<Path> self = kpc.paths(5, 5, 3);
        assertEquals(1, self.size());
        assertEquals(0, self.get(0).length());
        assertTrue(create(t, l -> LinkWeigher.NON_VIABLE).paths(0, 1, 3).isEmpty());
        assertThrows(IndexOutOfBoundsException.class, () -> kpc.paths(0, 99, 1));
    }

    @Test
    void fatTreePodsHaveQuarterKSquaredShortestPaths() {
        TopologySnapshot t = FatTree.build(4);
        int a = t.switchIndex(FatTree.edgeDpid(0, 1));
        int b = t.switchIndex(FatTree.edgeDpid(2, 2));
        List<Path> paths = create(t, Weighers.unit()).paths(a, b, 4);
        assertEquals(4, paths.size());
        for (Path p : paths) {
            assertEquals(4, p.length());
        }
    }
}
