package org.ebbflow.topology.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ebbflow.topology.ConnectPoint;
import org.ebbflow.topology.HostEndpoint;
import org.ebbflow.topology.Link;
import org.ebbflow.topology.PortInfo;
import org.ebbflow.topology.TopologySnapshot;

/** Shared test helpers: resource paths and the structural checks every loaded snapshot must pass. */
final class SnapshotChecks {
    private SnapshotChecks() {
    }

    /** @return the path of a test resource, such as {@code /topology-zoo/Abilene.graphml} */
    static Path resource(String name) {
        URL url = SnapshotChecks.class.getResource(name);
        assertNotNull(url, "missing test resource " + name);
        try {
            return Paths.get(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Checks what the loaders promise about ports: every link has both directions and starts and ends at described
     * ports with its capacity as their speed; every port carries at most one cable; ports are numbered 1..portCount;
     * every host sits on a described port that no link uses, and its access rate is that port's speed.
     */
    static void assertConsistent(TopologySnapshot s) {
        assertEquals(0, s.linkCount() % 2, "links come in pairs");
        Set<ConnectPoint> cablePorts = new HashSet<>();
        for (int i = 0; i < s.linkCount(); i++) {
            Link l = s.link(i);
            assertNotEquals(l.src().dpid(), l.dst().dpid(), "self-loop " + l);
            PortInfo src = s.port(l.src());
            PortInfo dst = s.port(l.dst());
            assertNotNull(src, "unknown source port of " + l);
            assertNotNull(dst, "unknown destination port of " + l);
            assertEquals(l.capacityBps(), src.speedBps(), "speed of " + src);
            assertEquals(l.capacityBps(), dst.speedBps(), "speed of " + dst);
            int r = s.reverseLink(i);
            assertTrue(r >= 0, "no reverse of " + l);
            assertEquals(l.capacityBps(), s.link(r).capacityBps(), "reverse capacity of " + l);
            assertTrue(cablePorts.add(l.src()), "two links leave " + l.src());
        }
        for (int i = 0; i < s.switchCount(); i++) {
            List<PortInfo> ports = s.portsOf(i);
            assertEquals(s.switchAt(i).portCount(), ports.size(), "port count of " + s.switchAt(i));
            for (int p = 0; p < ports.size(); p++) {
                assertEquals(p + 1, ports.get(p).connectPoint().portNumber(), "port numbering of " + s.switchAt(i));
            }
        }
        Set<Object> ips = new HashSet<>();
        for (HostEndpoint h : s.hosts()) {
            PortInfo port = s.port(h.attachment());
            assertNotNull(port, "host " + h + " on an unknown port");
            assertFalse(cablePorts.contains(h.attachment()), "host " + h + " shares a port with a link");
            assertEquals(port.speedBps(), h.linkBps(), "access rate of " + h);
            assertTrue(ips.add(h.ips()), "duplicate IP of " + h);
        }
    }
}
