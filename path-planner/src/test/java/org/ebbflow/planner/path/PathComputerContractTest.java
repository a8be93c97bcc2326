package org.ebbflow.planner.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ebbflow.planner.power.PowerStates;
import org.ebbflow.planner.support.RandomTopologies;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.generate.FatTree;
import org.junit.jupiter.api.Test;

/** The {@link PathComputer} contract, run against every implementation by a subclass. */
abstract class PathComputerContractTest {
    abstract PathComputer create(TopologySnapshot t, LinkWeigher w);

    @Test
    void sameSwitchIsTheEmptyPath() {
        TopologySnapshot t = FatTree.build(4);
        Path p = create(t, Weighers.unit()).path(3, 3);
        assertEquals(0, p.length());
        assertEquals(0, p.weight());
    }

    @Test
    void pathsAreValidAndHaveTheFewestHopsUnderUnitWeights() {
        for (TopologySnapshot t : new TopologySnapshot[] {FatTree.build(4),
                RandomTopologies.connected(2, 25, 0.1, 0)}) {
            LinkWeigher w = Weighers.unit();
            PathComputer pc = create(t, w);
            for (int s = 0; s < t.switchCount(); s++) {
                int[] hops = PathAssertions.hops(t, w, s);
                for (int d = 0; d < t.switchCount(); d++) {
                    Path p = pc.path(s, d);
                    assertNotNull(p);
                    PathAssertions.assertValid(t, w, p, s, d);
                    assertEquals(hops[d], p.length(), s + "->" + d);
                }
            }
        }
    }

    @Test
    void nonViableLinksAreAvoidedAndUnreachableIsNull() {
        TopologySnapshot t = FatTree.build(4);
        int core = t.switchIndex(FatTree.coreDpid(1));
        PowerStates coreAsleep = PowerStates.allAwake(t).toBuilder().switchAwake(core, false).build();
        LinkWeigher w = Weighers.carrying(coreAsleep, Weighers.unit());
        PathComputer pc = create(t, w);
        int e0 = t.switchIndex(FatTree.edgeDpid(0, 1));
        int e3 = t.switchIndex(FatTree.edgeDpid(3, 2));
        Path p = pc.path(e0, e3);
        PathAssertions.assertValid(t, w, p, e0, e3);
        for (int s : p.switches(t)) {
            assertTrue(s != core, "avoids the sleeping core");
        }
        assertNull(pc.path(e0, core), "a sleeping switch is unreachable");
        assertNull(create(t, l -> LinkWeigher.NON_VIABLE).path(e0, e3));
    }

    @Test
    void resultsAreDeterministicAndIndicesChecked() {
        TopologySnapshot t = RandomTopologies.connected(9, 20, 0.2, 0);
        LinkWeigher w = Weighers.inverseCapacity(t, 40e9);
        assertEquals(create(t, w).path(0, 19), create(t, w).path(0, 19));
        PathComputer pc = create(t, w);
        assertThrows(IndexOutOfBoundsException.class, () -> pc.path(-1, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> pc.path(0, 20));
    }
}
