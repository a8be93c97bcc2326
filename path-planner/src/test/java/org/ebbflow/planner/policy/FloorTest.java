package org.ebbflow.planner.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ebbflow.planner.power.PowerStates;
import org.ebbflow.planner.support.RandomTopologies;
import org.ebbflow.planner.support.Snapshots;
import org.ebbflow.topology.ConnectPoint;
import org.ebbflow.topology.HostEndpoint;
import org.ebbflow.topology.MacAddress;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.generate.FatTree;
import org.ebbflow.topology.generate.LeafSpine;
import org.junit.jupiter.api.Test;

/** Connectivity floors: sizes from the closed forms, and they never cut terminals the full topology connects. */
class FloorTest {
    @Test
    void fatTreeFloorHasKSquaredHalfPlusKPlusOneSwitches() {
        for (int k : new int[] {4, 6, 8, 16}) {
            TopologySnapshot t = FatTree.build(k);
            Floor f = new FatTreeFloor(0).compute(t);
            assertEquals(k * k / 2 + k + 1, f.switchCount(), "anchors §6, k=" + k);
            assertEquals("fat-tree+0", f.method());
            assertConnects(t, f);
            Floor spare = new FatTreeFloor(1).compute(t);
            // Two aggregation switches per pod and one core in each of two groups.
            assertEquals(k * k / 2 + 2 * k + 2, spare.switchCount(), "k=" + k + " with one spare path");
            assertConnects(t, spare);
        }
    }

    @Test
    void leafSpineFloorKeepsLeavesAndOneSpinePerPath() {
        TopologySnapshot t = LeafSpine.build(4, 6, 2, 40_000_000_000L, 10_000_000_000L);
        assertEquals(7, new LeafSpineFloor(0).compute(t).switchCount());
        assertEquals(9, new LeafSpineFloor(2).compute(t).switchCount());
        assertEquals(10, new LeafSpineFloor(9).compute(t).switchCount(), "no more spines than exist");
        assertConnects(t, new LeafSpineFloor(0).compute(t));
    }

    @Test
    void spanningForestConnectsTerminalsAndDropsIdleLeaves() {
        for (long seed = 1; seed <= 30; seed++) {
            TopologySnapshot hostless = RandomTopologies.connected(seed, 25, 0.1, 0);
            Floor f = new SpanningForestFloor(0).compute(hostless);
            assertEquals(25, f.switchCount(), "every switch is a terminal without hosts");
            assertConnects(hostless, f);
            int cables = 0;
            for (int l = 0; l < hostless.linkCount(); l++) {
                cables += f.hasLink(l) ? 1 : 0;
            }
            assertEquals(2 * 24, cables, "a spanning tree of 25 switches has 24 cables");
            assertConnects(hostless, new SpanningForestFloor(2).compute(hostless));
        }
        // Hosts on a few switches only: switches that are not on a path between them are left out.
        TopologySnapshot t = RandomTopologies.connected(3, 30, 0.05, 0);
        TopologySnapshot withHosts = hostsOn(t, 0, 7, 19);
        Floor f = new SpanningForestFloor(0).compute(withHosts);
        assertConnects(withHosts, f);
        assertTrue(f.switchCount() < 30);
        for (int s = 0; s < withHosts.switchCount(); s++) {
            if (f.hasSwitch(s) && !Connectivity.isTerminal(withHosts, s)) {
                int degree = 0;
                for (int p = withHosts.outLinkStart(s); p < withHosts.outLinkEnd(s); p++) {
                    degree += f.hasLink(withHosts.outLinkAt(p)) ? 1 : 0;
                }
                assertTrue(degree >= 2, "a kept switch without hosts is never a leaf");
            }
        }
    }

    @Test
    void failuresFallBackToAFloorThatStillConnects() {
        for (long seed = 1; seed <= 40; seed++) {
            for (TopologySnapshot base : new TopologySnapshot[] {FatTree.build(4), FatTree.build(6),
                    LeafSpine.build(3, 5, 2, 40, 10), RandomTopologies.connected(seed, 20, 0.15, 1)}) {
                TopologySnapshot t = Snapshots.withRandomFailures(base, seed, 0.1, 0.1);
                Floor f = Floors.forTopology(t, (int) (seed % 2)).compute(t);
                assertConnects(t, f);
                for (int s = 0; s < t.switchCount(); s++) {
                    assertTrue(!f.hasSwitch(s) || PowerStates.isSwitchAvailable(t, s));
                }
            }
        }
    }

    @Test
    void floorsAreChosenByShape() {
        assertTrue(Floors.forTopology(FatTree.build(4), 0) instanceof FatTreeFloor);
        assertTrue(Floors.forTopology(LeafSpine.build(2, 2, 1, 1, 1), 0) instanceof LeafSpineFloor);
        assertTrue(Floors.forTopology(RandomTopologies.connected(1, 5, 0.5, 0), 0) instanceof SpanningForestFloor);
    }

    static void assertConnects(TopologySnapshot t, Floor f) {
        boolean[] s = new boolean[t.switchCount()];
        boolean[] l = new boolean[t.linkCount()];
        for (int i = 0; i < s.length; i++) {
            s[i] = f.hasSwitch(i);
        }
        for (int i = 0; i < l.length; i++) {
            l[i] = f.hasLink(i);
        }
        assertTrue(Connectivity.keepsTerminalsTogether(t, Connectivity.fullComponents(t),
                Connectivity.components(t, s, l), s), f + " on " + t);
    }

    private static TopologySnapshot hostsOn(TopologySnapshot t, int... switches) {
        TopologySnapshot.Builder b = TopologySnapshot.builder().version(2);
        for (int s = 0; s < t.switchCount(); s++) {
            b.addSwitch(t.switchAt(s));
            t.portsOf(s).forEach(b::addPort);
        }
        t.links().forEach(b::addLink);
        int i = 0;
        for (int s : switches) {
            b.addHost(HostEndpoint.builder(MacAddress.of(100 + i++), ConnectPoint.of(t.switchAt(s).dpid(), 1000))
                    .build());
        }
        return b.build();
    }
}
