package org.ebbflow.planner.policy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ebbflow.planner.power.PowerStates;
import org.ebbflow.planner.support.RandomTopologies;
import org.ebbflow.planner.support.Snapshots;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.generate.FatTree;
import org.ebbflow.topology.generate.LeafSpine;
import org.junit.jupiter.api.Test;

/**
 * The {@link ConnectivityFloor} contract for every implementation, on every kind of topology (each floor falls back
 * where its shape does not apply): terminals the full topology connects stay connected; only available elements;
 * a floor cable's ends are in the floor; cables come whole.
 */
abstract class ConnectivityFloorContractTest {
    abstract ConnectivityFloor create(int redundancy);

    @Test
    void connectsWhatTheFullTopologyConnects() {
        for (long seed = 1; seed <= 15; seed++) {
            for (TopologySnapshot base : new TopologySnapshot[] {FatTree.build(4), FatTree.build(6),
                    LeafSpine.build(3, 4, 2, 40, 10), RandomTopologies.connected(seed, 18, 0.15, 1),
                    RandomTopologies.connected(seed, 18, 0.15, 0)}) {
                for (TopologySnapshot t : new TopologySnapshot[] {base,
                        Snapshots.withRandomFailures(base, seed, 0.1, 0.1)}) {
                    Floor f = create((int) (seed % 3)).compute(t);
                    FloorTest.assertConnects(t, f);
                    for (int l = 0; l < t.linkCount(); l++) {
                        if (f.hasLink(l)) {
                            assertTrue(PowerStates.isLinkAvailable(t, l));
                            assertTrue(f.hasSwitch(t.linkSrc(l)) && f.hasSwitch(t.linkDst(l)));
                            assertTrue(t.reverseLink(l) < 0 || f.hasLink(t.reverseLink(l)));
                        }
                    }
                    for (int s = 0; s < t.switchCount(); s++) {
                        assertTrue(!f.hasSwitch(s) || PowerStates.isSwitchAvailable(t, s));
                    }
                }
            }
        }
    }
}
