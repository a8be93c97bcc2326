package org.ebbflow.topology.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.ebbflow.topology.ConnectPoint;
import org.ebbflow.topology.HostEndpoint;
import org.ebbflow.topology.Link;
import org.ebbflow.topology.PortInfo;
import org.ebbflow.topology.SwitchInfo;
import org.ebbflow.topology.SwitchRole;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.TopologySummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FatTreeTest {

    static IntStream evenKs() {
        return IntStream.rangeClosed(1, 24).map(i -> 2 * i);
    }

    @ParameterizedTest(name = "k={0}")
    @MethodSource("evenKs")
    void countsMatchClosedForms(int k) {
        TopologySnapshot t = FatTree.build(k);
        assertEquals(5 * k * k / 4, t.switchCount(), "switches");
        assertEquals(k * k * k / 4, t.hostCount(), "hosts");
        assertEquals(k * k * k / 2, t.undirectedLinkCount(), "undirected switch links");
        assertEquals(k * k * k, t.linkCount(), "directed switch links");
        assertEquals(5 * k * k / 4 * k, t.portCount(), "every switch has k ports");
        assertEquals(FatTree.switchCount(k), t.switchCount());
        assertEquals(FatTree.hostCount(k), t.hostCount());
        assertEquals(FatTree.switchLinkCount(k), t.undirectedLinkCount());
    }

    @ParameterizedTest(name = "k={0}")
    @ValueSource(ints = {2, 4, 6, 8})
    void everyPortCarriesExactlyOneLinkOrHost(int k) {
        TopologySnapshot t = FatTree.build(k);
        Map<ConnectPoint, Integer> uses = new HashMap<>();
        for (Link l : t.links()) {
            uses.merge(l.src(), 1, Integer::sum);
        }
        for (HostEndpoint h : t.hosts()) {
            uses.merge(h.attachment(), 1, Integer::sum);
        }
        for (int s = 0; s < t.switchCount(); s++) {
            for (PortInfo p : t.portsOf(s)) {
                assertEquals(1, uses.getOrDefault(p.connectPoint(), 0), "uses of " + p);
            }
        }
        for (int i = 0; i < t.linkCount(); i++) {
            assertTrue(t.reverseLink(i) >= 0, "every cable has both directions");
        }
    }

    @Test
    void rolesNamesAndAddressesAreDeterministicAndUnique() {
        int k = 8;
        TopologySnapshot t = FatTree.build(k);
        Map<SwitchRole, Integer> roles = new HashMap<>();
        Set<String> names = new HashSet<>();
        for (SwitchInfo s : t.switches()) {
            roles.merge(s.role(), 1, Integer::sum);
            assertTrue(names.add(s.name()), "unique name " + s.name());
            assertEquals(k, s.portCount());
        }
        assertEquals(16, roles.get(SwitchRole.CORE));
        assertEquals(32, roles.get(SwitchRole.AGGREGATION));
        assertEquals(32, roles.get(SwitchRole.EDGE));
        Set<String> ips = new HashSet<>();
        for (HostEndpoint h : t.hosts()) {
            assertTrue(names.add(h.name()));
            assertTrue(ips.add(h.ips().get(0).toString()));
        }
        int e = t.switchIndex(FatTree.edgeDpid(3, 2));
        assertEquals("e3_2", t.switchAt(e).name());
        assertEquals("00:00:00:00:00:03:03:02", FatTree.edgeDpid(3, 2).toString());
        int host = t.hostIndex(FatTree.hostMac(3, 2, 4));
        assertEquals("h3_2_4", t.host(host).name());
        assertEquals("10.3.2.4", t.host(host).ips().get(0).toString());
        assertEquals("00:00:00:03:02:04", t.host(host).mac().toString());
        assertEquals(ConnectPoint.of(FatTree.edgeDpid(3, 2), 4), t.host(host).attachment());
        assertEquals(e, t.hostSwitch(host));
    }

    @Test
    void aggregationSwitchReachesItsCoreGroup() {
        int k = 6;
        TopologySnapshot t = FatTree.build(k);
        // agg 2 of pod 4: ports 4..6 go to cores 4, 5, 6, arriving on core port 5 (pod + 1).
        for (int m = 1; m <= 3; m++) {
            Link l = t.link(t.linkIndex(org.ebbflow.topology.LinkKey.of(ConnectPoint.of(FatTree.aggDpid(4, 2), 3 + m),
                    ConnectPoint.of(FatTree.coreDpid(3 + m), 5))));
            assertEquals(FatTree.DEFAULT_LINK_BPS, l.capacityBps());
        }
    }

    @Test
    void diameterIsFourSwitchHops() {
        assertEquals(4, TopologySummary.of(FatTree.build(2)).diameterHops());
        assertEquals(4, TopologySummary.of(FatTree.build(4)).diameterHops());
        TopologySummary s = TopologySummary.of(FatTree.build(8, 10_000_000_000L, 1_000_000_000L));
        assertEquals(4, s.diameterHops());
        assertEquals(256L * 10_000_000_000L, s.switchCapacityBps());
        assertEquals(128L * 1_000_000_000L, s.hostCapacityBps());
    }

    @ParameterizedTest
    @ValueSource(ints = {-2, 0, 1, 3, 7, 65, 66, 128})
    void rejectsOddOrOutOfRangeK(int k) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FatTree.build(k));
        assertTrue(e.getMessage().contains("even number from 2 to 64, got " + k), e.getMessage());
    }

    @Test
    void acceptsTheLargestK() {
        TopologySnapshot t = FatTree.build(64);
        assertEquals(5120, t.switchCount());
        assertEquals(65536, t.hostCount());
    }
}
