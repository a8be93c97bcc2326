package org.ebbflow.topology.discovery;

import static org.ebbflow.topology.discovery.TopologyEvent.Type.HOST_MOVED;
import static org.ebbflow.topology.discovery.TopologyEvent.Type.HOST_REMOVED;
import static org.ebbflow.topology.discovery.TopologyEvent.Type.LINK_REMOVED;
import static org.ebbflow.topology.discovery.TopologyEvent.Type.LINK_STATE_CHANGED;
import static org.ebbflow.topology.discovery.TopologyEvent.Type.PORT_STATE_CHANGED;
import static org.ebbflow.topology.discovery.TopologyEvent.Type.SWITCH_REMOVED;
import static org.ebbflow.topology.discovery.TopologyEvent.Type.SWITCH_STATE_CHANGED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.ebbflow.topology.ConnectPoint;
import org.ebbflow.topology.DatapathId;
import org.ebbflow.topology.ElementState;
import org.ebbflow.topology.HostEndpoint;
import org.ebbflow.topology.Link;
import org.ebbflow.topology.LinkKey;
import org.ebbflow.topology.MacAddress;
import org.ebbflow.topology.PortInfo;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.generate.FatTree;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TopologyManagerTest {
    private static final long EXPIRY = 10_000;
    private final TopologySnapshot fabric = FatTree.build(4);
    private TopologyManager manager;
    private final List<TopologyEvent> events = new ArrayList<>();

    // A cable in pod 0: edge e0_1 port 3 <-> aggregation a0_1 port 1.
    private final ConnectPoint edgeUp = ConnectPoint.of(FatTree.edgeDpid(0, 1), 3);
    private final ConnectPoint aggDown = ConnectPoint.of(FatTree.aggDpid(0, 1), 1);
    private final LinkKey up = LinkKey.of(edgeUp, aggDown);
    private final LinkKey down = LinkKey.of(aggDown, edgeUp);

    @BeforeEach
    void feedTheWholeFabric() {
        manager = new TopologyManager(EXPIRY);
        DiscoveryEvents.describe(fabric, 0).forEach(manager::accept);
        manager.addListener(events::add);
    }

    private List<TopologyEvent.Type> types() {
        return events.stream().map(TopologyEvent::type).collect(Collectors.toList());
    }

    private ElementState linkState(LinkKey key) {
        TopologySnapshot t = manager.snapshot();
        int i = t.linkIndex(key);
        return i < 0 ? null : t.linkState(i);
    }

    private PortInfo port(ConnectPoint cp) {
        return fabric.port(cp);
    }

    @Test
    void rebuildsTheSameTopologyFromDiscoveryEvents() {
        TopologySnapshot t = manager.snapshot();
        assertEquals(fabric.switchCount(), t.switchCount());
        assertEquals(fabric.portCount(), t.portCount());
        assertEquals(new HashSet<>(fabric.links()), new HashSet<>(t.links()));
        assertEquals(new HashSet<>(fabric.hosts()), new HashSet<>(t.hosts()));
        for (int i = 0; i < t.linkCount(); i++) {
            assertEquals(ElementState.ACTIVE, t.linkState(i));
        }
    }

    @Test
    void snapshotIsCachedUntilSomethingChanges() {
        TopologySnapshot first = manager.snapshot();
        assertSame(first, manager.snapshot());
        manager.accept(DiscoveryEvent.linkDiscovered(up, 0, 1_000)); // refresh only: no change
        assertSame(first, manager.snapshot());
        manager.accept(DiscoveryEvent.linkVanished(up, 2_000));
        TopologySnapshot second = manager.snapshot();
        assertNotSame(first, second);
        assertTrue(second.version() > first.version());
        assertEquals(manager.version(), second.version());
    }

    @Test
    void aVanishedLinkLeavesTheSnapshot() {
        manager.accept(DiscoveryEvent.linkVanished(up, 1_000));
        assertEquals(-1, manager.snapshot().linkIndex(up));
        assertEquals(ElementState.ACTIVE, linkState(down), "the other direction is reported separately");
        assertEquals(List.of(LINK_REMOVED), types());
        assertEquals(fabric.linkCount() - 1, manager.snapshot().linkCount());
    }

    @Test
    void anAsleepLinkStaysKnownAndCanBeWoken() {
        manager.setLinkAsleep(up, true, 1_000);
        manager.setLinkAsleep(down, true, 1_000);
        // Sleep is executed as port admin-down, after which discovery reports the link gone.
        manager.accept(DiscoveryEvent.portChanged(port(edgeUp).withStatus(false, false), 1_100));
        manager.accept(DiscoveryEvent.portChanged(port(aggDown).withStatus(false, false), 1_100));
        manager.accept(DiscoveryEvent.linkVanished(up, 1_200));
        manager.accept(DiscoveryEvent.linkVanished(down, 1_200));
        manager.expire(1_000_000);
        assertEquals(ElementState.ASLEEP, linkState(up), "asleep links never expire");
        assertEquals(ElementState.ASLEEP, linkState(down));
        assertEquals(ElementState.ASLEEP, manager.snapshot().portState(edgeUp));
        assertTrue(types().contains(LINK_STATE_CHANGED));

        // Wake: ports up, ebbflow clears its record; the link is usable only once rediscovered.
        manager.accept(DiscoveryEvent.portChanged(port(edgeUp), 2_000_000));
        manager.accept(DiscoveryEvent.portChanged(port(aggDown), 2_000_000));
        manager.setLinkAsleep(up, false, 2_000_000);
        assertEquals(ElementState.ASLEEP, linkState(up), "a port is asleep while either direction is");
        manager.setLinkAsleep(down, false, 2_000_000);
        assertEquals(ElementState.FAILED, linkState(up), "known but not yet confirmed");
        manager.accept(DiscoveryEvent.linkDiscovered(up, 0, 2_001_000));
        assertEquals(ElementState.ACTIVE, linkState(up));
        assertEquals(fabric.link(fabric.linkIndex(up)), manager.snapshot().link(manager.snapshot().linkIndex(up)));
    }

    @Test
    void aWokenLinkThatNeverReturnsExpires() {
        manager.setLinkAsleep(up, true, 1_000);
        manager.accept(DiscoveryEvent.linkVanished(up, 1_100));
        manager.setLinkAsleep(up, false, 50_000);
        manager.expire(50_000 + EXPIRY);
        assertEquals(ElementState.FAILED, linkState(up), "woken, not yet rediscovered, not yet expired");
        manager.expire(50_001 + EXPIRY);
        assertEquals(-1, manager.snapshot().linkIndex(up));
    }

    @Test
    void anAsleepSwitchSurvivesDisconnectionAndItsLinksAreAsleep() {
        DatapathId core = FatTree.coreDpid(1);
        manager.setSwitchAsleep(core, true, 1_000);
        manager.accept(DiscoveryEvent.switchDisconnected(core, 1_100));
        events.clear();
        manager.setSwitchAsleep(core, false, 1_200);
        manager.setSwitchAsleep(core, true, 1_300);
        List<TopologyEvent> stateEvents = new ArrayList<>(events);
        manager.expire(10 * EXPIRY);
        TopologySnapshot t = manager.snapshot();
        int c = t.switchIndex(core);
        assertEquals(ElementState.ASLEEP, t.switchState(c));
        for (int p = t.outLinkStart(c); p < t.outLinkEnd(c); p++) {
            assertEquals(ElementState.ASLEEP, t.linkState(t.outLinkAt(p)));
        }
        for (int p = t.inLinkStart(c); p < t.inLinkEnd(c); p++) {
            assertEquals(ElementState.ASLEEP, t.linkState(t.inLinkAt(p)));
        }
        // Woken while disconnected it is FAILED; asleep again, ASLEEP: each change reported once per element.
        assertEquals(SWITCH_STATE_CHANGED, stateEvents.get(0).type());
        assertEquals(ElementState.FAILED, stateEvents.get(0).state());
        long linkChanges = stateEvents.stream().filter(e -> e.type() == LINK_STATE_CHANGED).count();
        assertEquals(2 * 8, linkChanges, "4 cables, both directions, twice");
        assertEquals(ElementState.ASLEEP, stateEvents.get(stateEvents.size() - 1).state());
    }

    @Test
    void aDisconnectedSwitchFailsThenExpiresWithItsLinksAndHosts() {
        DatapathId edge = FatTree.edgeDpid(1, 1);
        manager.accept(DiscoveryEvent.switchDisconnected(edge, 1_000));
        TopologySnapshot t = manager.snapshot();
        assertEquals(ElementState.FAILED, t.switchState(t.switchIndex(edge)));
        assertEquals(ElementState.FAILED, t.linkState(t.linkIndex(LinkKey.of(ConnectPoint.of(edge, 3),
                ConnectPoint.of(FatTree.aggDpid(1, 1), 1)))));
        // Keep the rest of the fabric fresh, as LLDP would; the edge's links were last seen at 0.
        for (Link l : fabric.links()) {
            if (!l.src().dpid().equals(edge) && !l.dst().dpid().equals(edge)) {
                manager.accept(DiscoveryEvent.linkDiscovered(l.key(), 0, 9_000));
            }
        }
        assertEquals(0, manager.expire(EXPIRY));
        assertEquals(4, manager.expire(EXPIRY + 1), "2 cables both ways");
        assertEquals(ElementState.FAILED, manager.snapshot().switchState(manager.snapshot().switchIndex(edge)));
        assertEquals(1, manager.expire(1_001 + EXPIRY), "then the switch");
        t = manager.snapshot();
        assertEquals(fabric.switchCount() - 1, t.switchCount());
        assertEquals(fabric.hostCount() - 2, t.hostCount());
        assertEquals(fabric.linkCount() - 4, t.linkCount());
        assertTrue(types().contains(SWITCH_REMOVED));
        assertEquals(2, types().stream().filter(x -> x == HOST_REMOVED).count());
    }

    @Test
    void linksNotRediscoveredExpire() {
        for (Link l : fabric.links()) {
            if (!l.key().equals(up)) {
                manager.accept(DiscoveryEvent.linkDiscovered(l.key(), 0, 5_000));
            }
        }
        assertEquals(1, manager.expire(EXPIRY + 1));
        assertEquals(-1, manager.snapshot().linkIndex(up));
        assertEquals(fabric.linkCount() - 1, manager.snapshot().linkCount());
    }

    @Test
    void aMovedHostHasOneAttachment() {
        HostEndpoint h = fabric.host(fabric.hostIndex(FatTree.hostMac(0, 1, 1)));
        ConnectPoint elsewhere = ConnectPoint.of(FatTree.edgeDpid(2, 2), 1);
        manager.accept(DiscoveryEvent.hostVanished(FatTree.hostMac(2, 2, 1), 1_000)); // free the port
        manager.accept(DiscoveryEvent.hostSeen(h.toBuilder().attachment(elsewhere).build(), 1_500));
        TopologySnapshot t = manager.snapshot();
        int i = t.hostIndex(h.mac());
        assertEquals(elsewhere, t.host(i).attachment());
        assertEquals(fabric.hostCount() - 1, t.hostCount());
        assertEquals(t.switchIndex(elsewhere.dpid()), t.hostSwitch(i));
        int oldEdge = t.switchIndex(FatTree.edgeDpid(0, 1));
        for (int other : t.hostsAt(oldEdge)) {
            assertTrue(!t.host(other).mac().equals(h.mac()));
        }
        assertEquals(List.of(HOST_REMOVED, HOST_MOVED), types());
        assertEquals(h.attachment(), events.get(1).previousAttachment());
    }

    @Test
    void hostsAtInfrastructurePortsAreIgnored() {
        HostEndpoint ghost = HostEndpoint.builder(MacAddress.of(0xABCDEF), edgeUp).build();
        manager.accept(DiscoveryEvent.hostSeen(ghost, 1_000));
        assertEquals(-1, manager.snapshot().hostIndex(ghost.mac()));
        assertTrue(events.isEmpty());
    }

    @Test
    void aHostMislearnedOnAPortThatTurnsOutToCarryALinkIsDropped() {
        TopologyManager m = new TopologyManager(EXPIRY);
        for (DiscoveryEvent e : DiscoveryEvents.describe(fabric, 0)) {
            if (!(e.type() == DiscoveryEvent.Type.LINK_DISCOVERED && (e.linkKey().equals(up)
                    || e.linkKey().equals(down)))) {
                m.accept(e);
            }
        }
        m.accept(DiscoveryEvent.hostSeen(HostEndpoint.builder(MacAddress.of(0xABCDEF), edgeUp).build(), 1));
        assertEquals(fabric.hostCount() + 1, m.snapshot().hostCount());
        m.accept(DiscoveryEvent.linkDiscovered(up, 0, 2));
        assertEquals(fabric.hostCount(), m.snapshot().hostCount());
    }

    @Test
    void portDownFailsItsLinksAndAdminDownProtectsThem() {
        manager.accept(DiscoveryEvent.portChanged(port(edgeUp).withStatus(true, false), 1_000));
        assertEquals(ElementState.FAILED, linkState(up));
        assertEquals(ElementState.FAILED, linkState(down));
        assertEquals(List.of(PORT_STATE_CHANGED, LINK_STATE_CHANGED, LINK_STATE_CHANGED), types());
        manager.accept(DiscoveryEvent.portChanged(port(edgeUp), 1_500));
        assertEquals(ElementState.ACTIVE, linkState(up));

        manager.accept(DiscoveryEvent.portChanged(port(edgeUp).withStatus(false, false), 2_000));
        manager.accept(DiscoveryEvent.linkVanished(up, 2_100));
        assertEquals(ElementState.ADMIN_DOWN, linkState(up), "an operator's admin-down is not a removal");
        manager.expire(1_000_000);
        assertEquals(ElementState.ADMIN_DOWN, linkState(up), "nor does it expire");
    }

    @Test
    void aReconnectingSwitchDropsPortsItNoLongerHas() {
        DatapathId edge = FatTree.edgeDpid(0, 1);
        int s = fabric.switchIndex(edge);
        List<PortInfo> fewer = fabric.portsOf(s).stream().filter(p -> p.connectPoint().portNumber() != 3)
                .collect(Collectors.toList());
        manager.accept(DiscoveryEvent.switchDisconnected(edge, 1_000));
        manager.accept(DiscoveryEvent.switchConnected(fabric.switchAt(s), fewer, 2_000));
        TopologySnapshot t = manager.snapshot();
        assertEquals(fabric.portCount() - 1, t.portCount());
        assertEquals(-1, t.linkIndex(up));
        assertEquals(-1, t.linkIndex(down));
        assertEquals(ElementState.ACTIVE, t.switchState(t.switchIndex(edge)));
        assertEquals(ElementState.ACTIVE,
                t.linkState(t.linkIndex(LinkKey.of(ConnectPoint.of(edge, 4), ConnectPoint.of(FatTree.aggDpid(0, 2), 1)))));
    }

    @Test
    void eventsAboutUnknownElementsAreIgnored() {
        long before = manager.version();
        DatapathId stranger = DatapathId.of(0xDEAD);
        manager.accept(DiscoveryEvent.switchDisconnected(stranger, 1));
        manager.accept(DiscoveryEvent.portChanged(PortInfo.up(ConnectPoint.of(stranger, 1), "x", 1), 1));
        manager.accept(DiscoveryEvent.portRemoved(ConnectPoint.of(stranger, 1), 1));
        manager.accept(DiscoveryEvent.linkDiscovered(LinkKey.of(ConnectPoint.of(stranger, 1), edgeUp), 0, 1));
        manager.accept(DiscoveryEvent.linkVanished(LinkKey.of(ConnectPoint.of(stranger, 1), edgeUp), 1));
        manager.accept(DiscoveryEvent.hostSeen(HostEndpoint.builder(MacAddress.of(9), ConnectPoint.of(stranger, 1))
                .build(), 1));
        manager.accept(DiscoveryEvent.hostVanished(MacAddress.of(0xFFFFFF), 1));
        manager.setSwitchAsleep(stranger, true, 1);
        manager.setLinkAsleep(LinkKey.of(ConnectPoint.of(stranger, 1), edgeUp), true, 1);
        assertEquals(before, manager.version());
        assertTrue(events.isEmpty());
    }

    @Test
    void aFailingListenerDoesNotStopOthers() {
        List<TopologyEvent> seen = new ArrayList<>();
        manager.addListener(e -> {
            throw new IllegalStateException("boom");
        });
        manager.addListener(seen::add);
        manager.accept(DiscoveryEvent.linkVanished(up, 1));
        assertEquals(1, seen.size());
        manager.removeListener(seen::add); // a different lambda instance: no effect
        manager.accept(DiscoveryEvent.linkVanished(down, 2));
        assertEquals(2, seen.size());
    }

    @Test
    void newLinkCapacityFallsBackToPortSpeeds() {
        TopologyManager m = new TopologyManager();
        DatapathId a = DatapathId.of(1);
        DatapathId b = DatapathId.of(2);
        m.accept(DiscoveryEvent.switchConnected(org.ebbflow.topology.SwitchInfo.builder(a, "a").build(),
                List.of(PortInfo.up(ConnectPoint.of(a, 1), "a1", 10_000_000_000L)), 0));
        m.accept(DiscoveryEvent.switchConnected(org.ebbflow.topology.SwitchInfo.builder(b, "b").build(),
                List.of(PortInfo.up(ConnectPoint.of(b, 1), "b1", 1_000_000_000L),
                        PortInfo.up(ConnectPoint.of(b, 2), "b2", 0)), 0));
        m.accept(DiscoveryEvent.linkDiscovered(LinkKey.of(ConnectPoint.of(a, 1), ConnectPoint.of(b, 1)), 0, 0));
        m.accept(DiscoveryEvent.linkDiscovered(LinkKey.of(ConnectPoint.of(b, 2), ConnectPoint.of(a, 1)), 0, 0));
        m.accept(DiscoveryEvent.linkDiscovered(LinkKey.of(ConnectPoint.of(b, 1), ConnectPoint.of(a, 1)), 5, 0));
        TopologySnapshot t = m.snapshot();
        assertEquals(1_000_000_000L, t.link(t.linkIndex(LinkKey.of(ConnectPoint.of(a, 1),
                ConnectPoint.of(b, 1)))).capacityBps());
        assertEquals(10_000_000_000L, t.link(t.linkIndex(LinkKey.of(ConnectPoint.of(b, 2),
                ConnectPoint.of(a, 1)))).capacityBps());
        assertEquals(5, t.link(t.linkIndex(LinkKey.of(ConnectPoint.of(b, 1), ConnectPoint.of(a, 1)))).capacityBps());
        Set<String> names = new HashSet<>();
        t.switches().forEach(s -> names.add(s.name()));
        assertEquals(Set.of("a", "b"), names);
    }
}
