package org.ebbflow.topology.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.ebbflow.topology.ConnectPoint;
import org.ebbflow.topology.ElementState;
import org.ebbflow.topology.HostEndpoint;
import org.ebbflow.topology.Link;
import org.ebbflow.topology.PortInfo;
import org.ebbflow.topology.SwitchInfo;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.generate.LeafSpine;

/** Random discovery histories on a small leaf-spine: the model stays consistent and recovers fully. */
class TopologyManagerPropertyTest {
    private static final TopologySnapshot FABRIC = LeafSpine.build(2, 3, 2, 1000, 100);

    @Provide
    Arbitrary<List<Integer>> histories() {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofMinSize(1).ofMaxSize(60);
    }

    /** Applies one random step, chosen and parameterised by {@code r}. */
    private static void step(TopologyManager m, int r, long at) {
        int pick = r % 9;
        int x = r / 9;
        SwitchInfo sw = FABRIC.switchAt(x % FABRIC.switchCount());
        Link link = FABRIC.link(x % FABRIC.linkCount());
        List<PortInfo> ports = FABRIC.portsOf(x % FABRIC.switchCount());
        PortInfo port = ports.get((x / 7) % ports.size());
        HostEndpoint host = FABRIC.host(x % FABRIC.hostCount());
        HostEndpoint other = FABRIC.host((x / 5) % FABRIC.hostCount());
        switch (pick) {
            case 0: m.accept(DiscoveryEvent.switchDisconnected(sw.dpid(), at)); break;
            case 1: m.accept(DiscoveryEvent.portChanged(port.withStatus((x & 1) == 0, (x & 2) == 0), at)); break;
            case 2: m.accept(DiscoveryEvent.linkVanished(link.key(), at)); break;
            case 3: m.setLinkAsleep(link.key(), (x & 1) == 0, at); break;
            case 4: m.setSwitchAsleep(sw.dpid(), (x & 1) == 0, at); break;
            case 5: m.accept(DiscoveryEvent.hostSeen(host.toBuilder().attachment(other.attachment()).build(), at));
                break;
            case 6: m.accept(DiscoveryEvent.hostVanished(host.mac(), at)); break;
            case 7: m.accept(DiscoveryEvent.portRemoved(port.connectPoint(), at)); break;
            default: m.expire(at);
        }
    }

    @Property(tries = 300)
    void anyHistoryKeepsTheModelConsistentAndRediscoveryRestoresIt(@ForAll("histories") List<Integer> history) {
        TopologyManager m = new TopologyManager(5_000);
        DiscoveryEvents.describe(FABRIC, 0).forEach(m::accept);
        long at = 0;
        long lastVersion = m.version();
        for (int r : history) {
            at += 1_000;
            step(m, r, at);
            assertTrue(m.version() >= lastVersion);
            lastVersion = m.version();
            TopologySnapshot t = m.snapshot();
            Set<ConnectPoint> linkPorts = new HashSet<>();
            for (Link l : t.links()) {
                linkPorts.add(l.src());
                linkPorts.add(l.dst());
                if (l.state() == ElementState.ACTIVE) {
                    assertEquals(ElementState.ACTIVE, t.switchState(t.linkSrc(t.linkIndex(l.key()))));
                    assertEquals(ElementState.ACTIVE, t.switchState(t.linkDst(t.linkIndex(l.key()))));
                }
            }
            for (HostEndpoint h : t.hosts()) {
                assertFalse(linkPorts.contains(h.attachment()), "host at an infrastructure port: " + h);
            }
        }
        // Everything comes back: switches reconnect, ebbflow wakes what it put to sleep, LLDP and ARP run again.
        at += 1_000;
        for (SwitchInfo s : FABRIC.switches()) {
            m.setSwitchAsleep(s.dpid(), false, at);
        }
        for (Link l : FABRIC.links()) {
            m.setLinkAsleep(l.key(), false, at);
        }
        for (HostEndpoint h : FABRIC.hosts()) {
            m.accept(DiscoveryEvent.hostVanished(h.mac(), at)); // frees ports a moved host occupied
        }
        DiscoveryEvents.describe(FABRIC, at).forEach(m::accept);
        TopologySnapshot t = m.snapshot();
        assertEquals(new HashSet<>(FABRIC.links()), new HashSet<>(t.links()));
        assertEquals(new HashSet<>(FABRIC.hosts()), new HashSet<>(t.hosts()));
        assertEquals(FABRIC.portCount(), t.portCount());
        for (int s = 0; s < t.switchCount(); s++) {
            assertEquals(ElementState.ACTIVE, t.switchState(s));
        }
    }
}
