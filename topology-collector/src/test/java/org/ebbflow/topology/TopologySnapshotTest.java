package org.ebbflow.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.ebbflow.topology.generate.LeafSpine;
import org.junit.jupiter.api.Test;

class TopologySnapshotTest {
    private static final DatapathId A = DatapathId.of(1);
    private static final DatapathId B = DatapathId.of(2);
    private static final DatapathId C = DatapathId.of(3);

    private static SwitchInfo sw(DatapathId d) {
        return SwitchInfo.builder(d, "s" + d.value()).portCount(2).build();
    }

    private static ConnectPoint cp(DatapathId d, int p) {
        return ConnectPoint.of(d, p);
    }

    /** A - B - C line, ports 1 and 2 on each switch. */
    private static TopologySnapshot.Builder line(ElementState bState, boolean aPort1AdminUp) {
        TopologySnapshot.Builder b = TopologySnapshot.builder()
                .addSwitch(sw(A)).addSwitch(sw(B), bState).addSwitch(sw(C));
        for (DatapathId d : List.of(A, B, C)) {
            for (int p = 1; p <= 2; p++) {
                boolean up = !(d.equals(A) && p == 1) || aPort1AdminUp;
                b.addPort(PortInfo.of(cp(d, p), "p", 1000, up, true));
            }
        }
        b.addLink(Link.active(cp(A, 1), cp(B, 1), 1000)).addLink(Link.active(cp(B, 1), cp(A, 1), 1000));
        b.addLink(Link.active(cp(B, 2), cp(C, 1), 1000)).addLink(Link.active(cp(C, 1), cp(B, 2), 1000));
        return b;
    }

    @Test
    void effectiveStatesCombineSwitchPortAndLink() {
        TopologySnapshot t = line(ElementState.ASLEEP, false).build();
        assertEquals(ElementState.ASLEEP, t.switchState(t.switchIndex(B)));
        assertEquals(ElementState.ASLEEP, t.portState(cp(B, 2)), "ports of an asleep switch are asleep");
        assertEquals(ElementState.ADMIN_DOWN, t.portState(cp(A, 1)));
        assertEquals(ElementState.ACTIVE, t.portState(cp(A, 2)));
        int ab = t.linkIndex(LinkKey.of(cp(A, 1), cp(B, 1)));
        int cb = t.linkIndex(LinkKey.of(cp(C, 1), cp(B, 2)));
        assertEquals(ElementState.ASLEEP, t.linkState(ab), "asleep beats admin down");
        assertEquals(ElementState.ASLEEP, t.link(cb).state());
        assertTrue(!t.isLinkUsable(cb));

        TopologySnapshot awake = line(ElementState.ACTIVE, false).build();
        assertEquals(ElementState.ADMIN_DOWN, awake.linkState(awake.linkIndex(LinkKey.of(cp(B, 1), cp(A, 1)))));
        assertTrue(awake.isLinkUsable(awake.linkIndex(LinkKey.of(cp(B, 2), cp(C, 1)))));
    }

    @Test
    void explicitPortStateIsKept() {
        TopologySnapshot t = TopologySnapshot.builder().addSwitch(sw(A))
                .addPort(PortInfo.of(cp(A, 1), "p", 1000, false, true), ElementState.ASLEEP).build();
        assertEquals(ElementState.ASLEEP, t.portState(cp(A, 1)));
    }

    @Test
    void adjacencyAndReverseLinks() {
        TopologySnapshot t = line(ElementState.ACTIVE, true).build();
        int b = t.switchIndex(B);
        assertEquals(2, t.outLinkEnd(b) - t.outLinkStart(b));
        assertEquals(2, t.inLinkEnd(b) - t.inLinkStart(b));
        for (int p = t.outLinkStart(b); p < t.outLinkEnd(b); p++) {
            int l = t.outLinkAt(p);
            assertEquals(b, t.linkSrc(l));
            assertEquals(b, t.linkDst(t.reverseLink(l)));
        }
        assertEquals(2, t.undirectedLinkCount());
        assertNull(t.port(cp(A, 9)));
        assertEquals(-1, t.switchIndex(DatapathId.of(99)));
        assertEquals(-1, t.linkIndex(LinkKey.of(cp(A, 2), cp(C, 2))));
    }

    @Test
    void portsAreOrderedByNumberWhateverTheInsertionOrder() {
        TopologySnapshot t = TopologySnapshot.builder().addSwitch(sw(A))
                .addPort(PortInfo.up(cp(A, 3), "c", 1)).addPort(PortInfo.up(cp(A, 1), "a", 1))
                .addPort(PortInfo.up(cp(A, 2), "b", 1)).build();
        assertEquals(List.of("a", "b", "c"), t.portsOf(0).stream().map(PortInfo::name)
                .collect(java.util.stream.Collectors.toList()));
        assertEquals("c", t.port(cp(A, 3)).name());
    }

    @Test
    void rejectsDuplicatesAndDanglingReferences() {
        assertThrows(IllegalArgumentException.class,
                () -> TopologySnapshot.builder().addSwitch(sw(A)).addSwitch(sw(A)).build());
        assertThrows(IllegalArgumentException.class,
                () -> TopologySnapshot.builder().addSwitch(sw(A)).addPort(PortInfo.up(cp(A, 1), "x", 1))
                        .addPort(PortInfo.up(cp(A, 1), "y", 1)).build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TopologySnapshot.builder().addSwitch(sw(A)).addLink(Link.active(cp(A, 1), cp(B, 1), 1)).build());
        assertTrue(e.getMessage().contains("unknown switch " + B), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> line(ElementState.ACTIVE, true)
                .addLink(Link.active(cp(A, 1), cp(B, 1), 5)).build());
        assertThrows(IllegalArgumentException.class, () -> TopologySnapshot.builder().addSwitch(sw(A))
                .addHost(HostEndpoint.builder(MacAddress.of(1), cp(C, 1)).build()).build());
    }

    @Property(tries = 30)
    void compressedAdjacencyListsEveryLinkOnceOnEachSide(@ForAll @IntRange(min = 1, max = 6) int spines,
                                                         @ForAll @IntRange(min = 1, max = 10) int leaves) {
        TopologySnapshot t = LeafSpine.build(spines, leaves, 2, 1000, 1000);
        int[] outSeen = new int[t.linkCount()];
        int[] inSeen = new int[t.linkCount()];
        for (int s = 0; s < t.switchCount(); s++) {
            for (int p = t.outLinkStart(s); p < t.outLinkEnd(s); p++) {
                assertEquals(s, t.linkSrc(t.outLinkAt(p)));
                outSeen[t.outLinkAt(p)]++;
            }
            for (int p = t.inLinkStart(s); p < t.inLinkEnd(s); p++) {
                assertEquals(s, t.linkDst(t.inLinkAt(p)));
                inSeen[t.inLinkAt(p)]++;
            }
            for (int h : t.hostsAt(s)) {
                assertEquals(s, t.hostSwitch(h));
            }
        }
        for (int l = 0; l < t.linkCount(); l++) {
            assertEquals(1, outSeen[l]);
            assertEquals(1, inSeen[l]);
            assertEquals(l, t.reverseLink(t.reverseLink(l)));
            assertEquals(l, t.linkIndex(t.link(l).key()));
        }
    }
}
