package org.ebbflow.planner.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ebbflow.planner.support.RandomTopologies;
import org.ebbflow.topology.Link;
import org.ebbflow.topology.SwitchRole;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.generate.FatTree;
import org.ebbflow.topology.generate.LeafSpine;
import org.junit.jupiter.api.Test;

/** Fat-tree and leaf-spine recognition, positions and link tables. */
class FabricLayoutTest {
    @Test
    void fatTreesOfEverySizeAreRecognisedWithConsistentTables() {
        for (int k : new int[] {2, 4, 6, 8}) {
            TopologySnapshot t = FatTree.build(k);
            FatTreeLayout f = FatTreeLayout.detect(t);
            assertNotNull(f, "k=" + k);
            assertEquals(k, f.k());
            int h = k / 2;
            for (int p = 0; p < k; p++) {
                for (int i = 0; i < h; i++) {
                    assertEquals(t.switchIndex(FatTree.edgeDpid(p, i + 1)), f.edge(p, i));
                    assertEquals(t.switchIndex(FatTree.aggDpid(p, i + 1)), f.agg(p, i));
                    assertTrue(f.isEdge(f.edge(p, i)));
                    assertTrue(!f.isEdge(f.agg(p, i)));
                    for (int a = 0; a < h; a++) {
                        check(t, f.edgeUp(p, i, a), f.edge(p, i), f.agg(p, a));
                        check(t, f.aggDown(p, a, i), f.agg(p, a), f.edge(p, i));
                        check(t, f.aggUp(p, a, i), f.agg(p, a), f.core(a, i));
                        check(t, f.coreDown(a, i, p), f.core(a, i), f.agg(p, a));
                    }
                }
            }
            // Generator wiring: aggregation i of every pod reaches cores (i-1)k/2+1 .. i k/2.
            assertEquals(t.switchIndex(FatTree.coreDpid(1)), f.core(0, 0));
            assertEquals(t.switchIndex(FatTree.coreDpid(h * h)), f.core(h - 1, h - 1));
        }
    }

    private static void check(TopologySnapshot t, int link, int src, int dst) {
        assertTrue(link >= 0);
        assertEquals(src, t.linkSrc(link));
        assertEquals(dst, t.linkDst(link));
    }

    @Test
    void otherShapesAreNotFatTrees() {
        assertNull(FatTreeLayout.detect(LeafSpine.build(2, 4, 2, 10, 1)));
        assertNull(FatTreeLayout.detect(RandomTopologies.connected(1, 10, 0.2, 1)));
        assertNull(LeafSpineLayout.detect(FatTree.build(4)));
        assertNull(LeafSpineLayout.detect(RandomTopologies.connected(1, 10, 0.2, 1)));
    }

    @Test
    void aMissingCableShowsAsMinusOne() {
        TopologySnapshot full = FatTree.build(4);
        TopologySnapshot.Builder b = TopologySnapshot.builder().version(2);
        full.switches().forEach(b::addSwitch);
        for (int s = 0; s < full.switchCount(); s++) {
            full.portsOf(s).forEach(b::addPort);
        }
        full.hosts().forEach(b::addHost);
        int missing = -1;
        for (int l = 0; l < full.linkCount(); l++) {
            Link link = full.link(l);
            boolean drop = full.switchAt(full.linkSrc(l)).role() == SwitchRole.EDGE
                    && full.switchAt(full.linkDst(l)).role() == SwitchRole.AGGREGATION && missing < 0;
            if (drop) {
                missing = l;
            } else {
                b.addLink(link);
            }
        }
        TopologySnapshot t = b.build();
        FatTreeLayout f = FatTreeLayout.detect(t);
        assertNotNull(f);
        int e = full.linkSrc(missing);
        int a = full.linkDst(missing);
        assertEquals(-1, f.edgeUp(f.podOf(e), f.positionOf(e), f.positionOf(a)));
        assertTrue(f.aggDown(f.podOf(e), f.positionOf(a), f.positionOf(e)) >= 0);
    }

    @Test
    void leafSpinesAreRecognised() {
        TopologySnapshot t = LeafSpine.build(3, 5, 2, 40, 10);
        LeafSpineLayout f = LeafSpineLayout.detect(t);
        assertNotNull(f);
        assertEquals(3, f.spineCount());
        assertEquals(5, f.leafCount());
        for (int j = 0; j < 5; j++) {
            assertTrue(f.isLeaf(f.leaf(j)));
            assertEquals(t.switchIndex(LeafSpine.leafDpid(j + 1)), f.leaf(j));
            for (int i = 0; i < 3; i++) {
                check(t, f.up(j, i), f.leaf(j), f.spine(i));
                check(t, f.down(i, j), f.spine(i), f.leaf(j));
            }
        }
        assertTrue(!f.isLeaf(f.spine(0)));
    }
}
