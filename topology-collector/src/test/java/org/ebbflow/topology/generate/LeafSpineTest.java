package org.ebbflow.topology.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.ebbflow.topology.ConnectPoint;
import org.ebbflow.topology.SwitchRole;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.TopologySummary;
import org.junit.jupiter.api.Test;

class LeafSpineTest {

    @Property(tries = 50)
    void countsMatchClosedForms(@ForAll @IntRange(min = 1, max = 12) int spines,
                                @ForAll @IntRange(min = 1, max = 30) int leaves,
                                @ForAll @IntRange(min = 0, max = 40) int hosts) {
        TopologySnapshot t = LeafSpine.build(spines, leaves, hosts, 40_000_000_000L, 10_000_000_000L);
        assertEquals(spines + leaves, t.switchCount());
        assertEquals(leaves * hosts, t.hostCount());
        assertEquals(spines * leaves, t.undirectedLinkCount());
        assertEquals(2 * spines * leaves, t.linkCount());
        assertEquals(spines * leaves + leaves * (hosts + spines), t.portCount());
        TopologySummary s = TopologySummary.of(t);
        int expectedDiameter = spines + leaves == 2 ? 1 : 2;
        assertEquals(expectedDiameter, s.diameterHops());
        assertEquals(spines * leaves * 40_000_000_000L, s.switchCapacityBps());
    }

    @Test
    void namesPortsAndAddresses() {
        TopologySnapshot t = LeafSpine.build(4, 8, 16, 40_000_000_000L, 10_000_000_000L);
        int leaf = t.switchIndex(LeafSpine.leafDpid(3));
        assertEquals("l3", t.switchAt(leaf).name());
        assertEquals(SwitchRole.LEAF, t.switchAt(leaf).role());
        assertEquals(20, t.switchAt(leaf).portCount());
        int h = t.hostIndex(LeafSpine.hostMac(3, 5));
        assertEquals("h3_5", t.host(h).name());
        assertEquals("10.1.3.5", t.host(h).ips().get(0).toString());
        assertEquals(ConnectPoint.of(LeafSpine.leafDpid(3), 5), t.host(h).attachment());
        // leaf 3's port 16 + 2 goes to spine 2's port 3
        int l = t.linkIndex(org.ebbflow.topology.LinkKey.of(ConnectPoint.of(LeafSpine.leafDpid(3), 18),
                ConnectPoint.of(LeafSpine.spineDpid(2), 3)));
        assertEquals(40_000_000_000L, t.linkCapacityBps(l));
    }

    @Test
    void rejectsBadSizes() {
        assertThrows(IllegalArgumentException.class, () -> LeafSpine.build(0, 4, 4, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> LeafSpine.build(2, 255, 4, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> LeafSpine.build(2, 4, -1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> LeafSpine.build(2, 4, 4, 0, 1));
    }
}
