package org.ebbflow.topology.io;

import static org.ebbflow.topology.io.SnapshotChecks.assertConsistent;
import static org.ebbflow.topology.io.SnapshotChecks.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.ebbflow.topology.ConnectPoint;
import org.ebbflow.topology.DatapathId;
import org.ebbflow.topology.HostEndpoint;
import org.ebbflow.topology.IpAddress;
import org.ebbflow.topology.LinkKey;
import org.ebbflow.topology.MacAddress;
import org.ebbflow.topology.SwitchInfo;
import org.ebbflow.topology.SwitchRole;
import org.ebbflow.topology.TopologySnapshot;
import org.junit.jupiter.api.Test;

class GraphMlLoaderTest {
    private static final long G = 1_000_000_000L;

    @Test
    void abileneHasEveryNodeAndEdgeAtTheDefaultCapacity() {
        TopologySnapshot s = GraphMlLoader.load(resource("/topology-zoo/Abilene.graphml"));

        // grep -c '<node ' / '<edge ' Abilene.graphml: 11 and 14; no LinkSpeedRaw in the file.
        assertEquals(11, s.switchCount());
        assertEquals(28, s.linkCount());
        assertEquals(14, s.undirectedLinkCount());
        assertEquals(11, s.hostCount());
        assertTrue(s.links().stream().allMatch(l -> l.capacityBps() == G));
        assertEquals(List.of("New York", "Chicago", "Washington DC", "Seattle", "Sunnyvale", "Los Angeles", "Denver",
                "Kansas City", "Houston", "Atlanta", "Indianapolis"), names(s));
        SwitchInfo newYork = s.switchAt(0);
        assertEquals(DatapathId.of(1), newYork.dpid());
        assertEquals(SwitchRole.OTHER, newYork.role());
        assertEquals(3, newYork.portCount()); // host port + two cables
        assertEquals(DatapathId.of(11), s.switchAt(10).dpid());
        assertEquals(4, s.switchAt(10).portCount()); // Indianapolis: three cables
        assertConsistent(s);
    }

    @Test
    void nordu2005TakesCapacitiesFromLinkSpeedRawAndKeepsParallelEdges() {
        TopologySnapshot s = GraphMlLoader.load(resource("/topology-zoo/Nordu2005.graphml"));

        assertEquals(9, s.switchCount());
        assertEquals(20, s.linkCount());
        // Stockholm (node 1) and Helsinki (node 2) are joined by two edges, 5 and 10 Gbit/s.
        assertEquals(List.of(5 * G, 10 * G), capacities(s, "Stockholm", "Helsinki"));
        assertEquals(List.of(5 * G, 10 * G), capacities(s, "Helsinki", "Stockholm"));
        assertEquals(List.of(155_000_000L), capacities(s, "Copenhagen", "Reykjavik"));
        assertEquals(List.of(15 * G), capacities(s, "Stockholm", "General Internet"));
        // The NETNOD-Stockholm edge has no LinkSpeedRaw: default 1 Gbit/s.
        assertEquals(List.of(G), capacities(s, "NETNOD", "Stockholm"));
        // Stockholm: eight cables (1+5+10+10+10+15+1+10 Gbit/s) after its host on port 1.
        SwitchInfo stockholm = s.switchAt(index(s, "Stockholm"));
        assertEquals(9, stockholm.portCount());
        HostEndpoint host = host(s, "Stockholm-h1");
        assertEquals(62 * G, host.linkBps());
        assertEquals(1, host.attachment().portNumber());
        assertEquals(155_000_000L, host(s, "Reykjavik-h1").linkBps());
        assertConsistent(s);
    }

    @Test
    void nsfcnetRenamesDuplicateLabelsAndKeepsTheIsolatedNode() {
        TopologySnapshot s = GraphMlLoader.load(resource("/topology-zoo/Nsfcnet.graphml"));

        assertEquals(10, s.switchCount());
        assertEquals(20, s.linkCount());
        // Nodes 1 and 3 are both labelled CERNET; node 1 has no edge.
        assertEquals("CERNET#1", s.switchAt(1).name());
        assertEquals("CERNET#3", s.switchAt(3).name());
        assertEquals("Peking University", s.switchAt(0).name());
        assertEquals(1, s.switchAt(1).portCount());
        assertEquals(0, s.outLinkEnd(1) - s.outLinkStart(1));
        assertEquals(0L, host(s, "CERNET#1-h1").linkBps(), "no cables: access rate unknown");
        assertEquals(6 * G, host(s, "Tsinghua Unviersity-h1").linkBps());
        assertConsistent(s);
    }

    @Test
    void keysAreResolvedByNameAndDomainNotById() {
        TopologySnapshot s = GraphMlLoader.load(resource("/graphml/keys-selfloop.graphml"));

        // Duplicate label "Alpha" gets the id; a blank label, a missing one and "None" fall back to the id.
        assertEquals(List.of("Alpha#a", "b", "c", "Alpha#d", "e"), names(s));
        // a-b: explicit 40G; a-b again: the key's <default>; c-d: LinkSpeedRaw 0 means unknown, so the option.
        assertEquals(List.of(2_500_000_000L, 40 * G), capacities(s, "Alpha#a", "b"));
        assertEquals(List.of(2_500_000_000L), capacities(s, "b", "c"));
        assertEquals(List.of(G), capacities(s, "c", "Alpha#d"));
    }

    @Test
    void selfLoopIsDroppedAndDirectedEdgesAreCables() {
        TopologySnapshot s = GraphMlLoader.load(resource("/graphml/keys-selfloop.graphml"));

        // Five edges in the file, one a self-loop on b; edgedefault="directed", yet each edge gives two links.
        assertEquals(5, s.switchCount());
        assertEquals(8, s.linkCount());
        assertEquals(Arrays.asList(3, 4, 3, 2, 1), s.switches().stream().map(SwitchInfo::portCount)
                .collect(Collectors.toList()));
        assertConsistent(s);
    }

    @Test
    void cablesTakePortsInEdgeOrderAfterTheHosts() {
        GraphMlLoader.Options three = GraphMlLoader.Options.defaults().withHostsPerNode(3);
        TopologySnapshot s = GraphMlLoader.load(resource("/topology-zoo/Abilene.graphml"), three);

        // The first edge is New York (dpid 1) - Chicago (dpid 2): port 4 on both, after hosts 1..3.
        assertEquals(33, s.hostCount());
        assertEquals(5, s.switchAt(0).portCount());
        int first = s.linkIndex(LinkKey.of(ConnectPoint.of(DatapathId.of(1), 4), ConnectPoint.of(DatapathId.of(2), 4)));
        assertTrue(first >= 0);
        assertEquals("New York-eth4", s.port(s.link(first).src()).name());
        assertEquals(List.of("New York-h1", "New York-h2", "New York-h3"),
                Arrays.stream(s.hostsAt(0)).mapToObj(h -> s.host(h).name()).collect(Collectors.toList()));
        assertConsistent(s);
    }

    @Test
    void optionsChangeHostsAndCapacities() {
        GraphMlLoader.Options o = GraphMlLoader.Options.defaults()
                .withHostsPerNode(0)
                .withDefaultLinkBps(10 * G)
                .withHostLinkBps(G);
        assertEquals(0, o.hostsPerNode());
        assertEquals(10 * G, o.defaultLinkBps());
        assertEquals(G, o.hostLinkBps());

        TopologySnapshot s = GraphMlLoader.load(resource("/topology-zoo/Abilene.graphml"), o);
        assertEquals(0, s.hostCount());
        assertEquals(2, s.switchAt(0).portCount());
        assertTrue(s.links().stream().allMatch(l -> l.capacityBps() == 10 * G));
        assertConsistent(s);

        TopologySnapshot fixed = GraphMlLoader.load(resource("/topology-zoo/Nordu2005.graphml"),
                GraphMlLoader.Options.defaults().withHostLinkBps(G));
        assertTrue(fixed.hosts().stream().allMatch(h -> h.linkBps() == G));
    }

    @Test
    void defaultsAreOneGigabitOneHostAndSummedAccess() {
        GraphMlLoader.Options d = GraphMlLoader.Options.defaults();
        assertEquals(G, d.defaultLinkBps());
        assertEquals(1, d.hostsPerNode());
        assertEquals(0, d.hostLinkBps());
        assertEquals(d, GraphMlLoader.Options.defaults().withHostsPerNode(1));
    }

    @Test
    void optionsRejectNonsense() {
        GraphMlLoader.Options d = GraphMlLoader.Options.defaults();
        assertThrows(IllegalArgumentException.class, () -> d.withDefaultLinkBps(0));
        assertThrows(IllegalArgumentException.class, () -> d.withHostsPerNode(-1));
        assertThrows(IllegalArgumentException.class, () -> d.withHostsPerNode(255));
        assertThrows(IllegalArgumentException.class, () -> d.withHostLinkBps(-1));
    }

    @Test
    void hostAddressesFollowTheDocumentedFormula() {
        TopologySnapshot s = GraphMlLoader.load(resource("/topology-zoo/Abilene.graphml"),
                GraphMlLoader.Options.defaults().withHostsPerNode(2));
        HostEndpoint chicago2 = host(s, "Chicago-h2");
        assertEquals(MacAddress.parse("02:00:00:02:00:02"), chicago2.mac());
        assertEquals(List.of(IpAddress.parse("10.0.2.2")), chicago2.ips());
        assertEquals(DatapathId.of(2), chicago2.attachment().dpid());
        assertEquals(2, chicago2.attachment().portNumber());
        // Beyond 255 nodes the node number spills into the second byte.
        assertEquals(MacAddress.parse("02:00:01:2c:00:07"), CableTopologyBuilder.hostMac(300, 7));
        assertEquals(IpAddress.parse("10.1.44.7"), CableTopologyBuilder.hostIp(300, 7));
        assertEquals(IpAddress.parse("10.255.255.254"), CableTopologyBuilder.hostIp(65_535, 254));
    }

    static List<String> names(TopologySnapshot s) {
        return s.switches().stream().map(SwitchInfo::name).collect(Collectors.toList());
    }

    static int index(TopologySnapshot s, String name) {
        for (int i = 0; i < s.switchCount(); i++) {
            if (s.switchAt(i).name().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no switch " + name + " in " + names(s));
    }

    /** @return capacities of the directed links from one switch to another, ascending */
    static List<Long> capacities(TopologySnapshot s, String from, String to) {
        int a = index(s, from);
        int b = index(s, to);
        List<Long> result = new ArrayList<>();
        for (int i = 0; i < s.linkCount(); i++) {
            if (s.linkSrc(i) == a && s.linkDst(i) == b) {
                result.add(s.linkCapacityBps(i));
            }
        }
        Collections.sort(result);
        return result;
    }

    static HostEndpoint host(TopologySnapshot s, String name) {
        return s.hosts().stream().filter(h -> h.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no host " + name));
    }
}
