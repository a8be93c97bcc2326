package org.ebbflow.openflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.ebbflow.openflow.routing.DestinationRoutes;
import org.ebbflow.openflow.routing.RouteComputer;
import org.ebbflow.topology.ConnectPoint;
import org.ebbflow.topology.DatapathId;
import org.ebbflow.topology.HostEndpoint;
import org.ebbflow.topology.IpAddress;
import org.ebbflow.topology.Link;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.discovery.DiscoveryEvents;
import org.ebbflow.topology.discovery.TopologyManager;
import org.ebbflow.topology.generate.FatTree;
import org.junit.jupiter.api.Test;

class RouteComputerTest {
    /** Follows the rules hop by hop from a host's switch; returns the hop count, failing on loops or dead ends. */
    static int walk(TopologySnapshot t, DestinationRoutes r, HostEndpoint src, HostEndpoint dst) {
        DatapathId at = src.attachment().dpid();
        Set<DatapathId> seen = new HashSet<>();
        for (int hops = 0; hops < 20; hops++) {
            assertTrue(seen.add(at), "loop at " + at);
            Long port = r.ports().get(at);
            assertNotNull(port, "no rule for " + r.destination() + " at " + at);
            ConnectPoint out = ConnectPoint.of(at, port);
            if (out.equals(dst.attachment())) {
                return hops;
            }
            DatapathId next = null;
            for (Link l : t.links()) {
                if (l.src().equals(out)) {
                    next = l.dst().dpid();
                }
            }
            assertNotNull(next, "rule at " + at + " points to port " + port + " without a link");
            at = next;
        }
        throw new AssertionError("too many hops");
    }

    @Test
    void everyHostReachesEveryHostOnAShortestPath() {
        TopologySnapshot t = FatTree.build(4);
        Map<IpAddress, DestinationRoutes> routes = RouteComputer.compute(t);
        assertEquals(16, routes.size());
        for (HostEndpoint dst : t.hosts()) {
            DestinationRoutes r = routes.get(dst.ips().get(0));
            assertEquals(20, r.ports().size());
            for (HostEndpoint src : t.hosts()) {
                int hops = walk(t, r, src, dst);
                boolean sameEdge = src.attachment().dpid().equals(dst.attachment().dpid());
                boolean samePod = src.name().charAt(1) == dst.name().charAt(1);
                assertEquals(sameEdge ? 0 : samePod ? 2 : 4, hops, src.name() + " -> " + dst.name());
            }
        }
    }

    @Test
    void destinationsSpreadOverEqualCostUplinks() {
        TopologySnapshot t = FatTree.build(4);
        Map<IpAddress, DestinationRoutes> routes = RouteComputer.compute(t);
        DatapathId edge = FatTree.edgeDpid(0, 1);
        Set<Long> uplinks = new HashSet<>();
        for (DestinationRoutes r : routes.values()) {
            long p = r.ports().get(edge);
            if (p > 2) {
                uplinks.add(p);
            }
        }
        assertEquals(Set.of(3L, 4L), uplinks, "destinations outside e0_1 use both of its uplinks");
    }

    @Test
    void asleepCoreCarriesNoRoutesAndEveryoneStillReachesEveryone() {
        TopologyManager m = new TopologyManager();
        DiscoveryEvents.describe(FatTree.build(4), 1).forEach(m::accept);
        m.setSwitchAsleep(FatTree.coreDpid(1), true, 2);
        TopologySnapshot t = m.snapshot();
        Map<IpAddress, DestinationRoutes> routes = RouteComputer.compute(t);
        for (HostEndpoint dst : t.hosts()) {
            DestinationRoutes r = routes.get(dst.ips().get(0));
            assertFalse(r.ports().containsKey(FatTree.coreDpid(1)));
            for (HostEndpoint src : t.hosts()) {
                walk(t, r, src, dst);
            }
        }
    }
}
