package org.ebbflow.topology.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ebbflow.topology.ConnectPoint;
import org.ebbflow.topology.DatapathId;
import org.ebbflow.topology.HostEndpoint;
import org.ebbflow.topology.IpAddress;
import org.ebbflow.topology.Link;
import org.ebbflow.topology.MacAddress;
import org.ebbflow.topology.PortInfo;
import org.ebbflow.topology.SwitchInfo;
import org.ebbflow.topology.SwitchRole;
import org.ebbflow.topology.TopologySnapshot;

/**
 * Turns a node list and a cable list, as both file formats describe them, into a snapshot with the numbering the
 * loaders document: node k (1-based, file order) is the switch with datapath id k; its hosts take ports
 * 1..hostsPerNode and its cables the following ports in cable order; host h of node k has MAC
 * {@code 02:00:KK:KK:00:HH} (value {@code 0x02_0000_0000_0000 | k << 16 | h}; the 0x02 first byte marks it locally
 * administered, so it cannot clash with real NICs) and IPv4 {@code 10.(k >> 8).(k & 0xff).h}.
 */
final class CableTopologyBuilder {
    /** The most nodes a file may have: the IPv4 scheme has two bytes for the node. */
    static final int MAX_NODES = 65_535;
    /** The most hosts per node: one byte in the IPv4 scheme, and .255 is left alone. */
    static final int MAX_HOSTS_PER_NODE = 254;
    /** Capacities above 1 Pbit/s are surely unit mistakes; the bound also keeps per-node sums far from overflow. */
    static final double MAX_BPS = 1e15;

    private static final long LOCAL_MAC_PREFIX = 0x02_00_00_00_00_00L;

    private final int hostsPerNode;
    private final long hostLinkBps;
    private final List<String> names = new ArrayList<>();
    private final List<Cable> cables = new ArrayList<>();

    /**
     * @param hostsPerNode hosts on every node, 0..{@value #MAX_HOSTS_PER_NODE}
     * @param hostLinkBps the hosts' access link capacity in bits per second; 0 means the sum of the node's cable
     *     capacities (0 as well, that is unknown, for a node without cables)
     */
    CableTopologyBuilder(int hostsPerNode, long hostLinkBps) {
        if (hostsPerNode < 0 || hostsPerNode > MAX_HOSTS_PER_NODE) {
            throw new IllegalArgumentException("hosts per node must be 0.." + MAX_HOSTS_PER_NODE + ": " + hostsPerNode);
        }
        if (hostLinkBps < 0) {
            throw new IllegalArgumentException("negative host link capacity: " + hostLinkBps);
        }
        this.hostsPerNode = hostsPerNode;
        this.hostLinkBps = hostLinkBps;
    }

    /** @return the number of nodes added so far */
    int nodeCount() {
        return names.size();
    }

    /**
     * @param name the switch name, unique
     * @return the node's 0-based index; its datapath id is one more
     */
    int addNode(String name) {
        if (names.size() >= MAX_NODES) {
            throw new IllegalStateException("more than " + MAX_NODES + " nodes");
        }
        names.add(name);
        return names.size() - 1;
    }

    /** Adds a cable (two directed links) between two different nodes, by 0-based index. */
    void addCable(int a, int b, long capacityBps) {
        if (a == b || a < 0 || b < 0 || a >= names.size() || b >= names.size()) {
            throw new IllegalArgumentException("bad cable " + a + "-" + b);
        }
        cables.add(new Cable(a, b, capacityBps));
    }

    /** @return the snapshot, version 1 */
    TopologySnapshot build() {
        int n = names.size();
        long[] cableBps = new long[n];
        int[] degree = new int[n];
        for (Cable c : cables) {
            cableBps[c.a] = saturatedAdd(cableBps[c.a], c.bps);
            cableBps[c.b] = saturatedAdd(cableBps[c.b], c.bps);
            degree[c.a]++;
            degree[c.b]++;
        }
        TopologySnapshot.Builder b = TopologySnapshot.builder().version(1);
        for (int i = 0; i < n; i++) {
            int node = i + 1;
            String name = names.get(i);
            DatapathId dpid = DatapathId.of(node);
            b.addSwitch(SwitchInfo.builder(dpid, name).role(SwitchRole.OTHER)
                    .portCount(hostsPerNode + degree[i]).build());
            long accessBps = hostLinkBps > 0 ? hostLinkBps : cableBps[i];
            for (int h = 1; h <= hostsPerNode; h++) {
                ConnectPoint cp = ConnectPoint.of(dpid, h);
                b.addPort(PortInfo.up(cp, portName(name, h), accessBps));
                b.addHost(HostEndpoint.builder(hostMac(node, h), cp)
                        .name(name + "-h" + h)
                        .addIp(hostIp(node, h))
                        .linkBps(accessBps)
                        .build());
            }
        }
        int[] nextPort = new int[n];
        Arrays.fill(nextPort, hostsPerNode + 1);
        for (Cable c : cables) {
            ConnectPoint x = ConnectPoint.of(DatapathId.of(c.a + 1L), nextPort[c.a]++);
            ConnectPoint y = ConnectPoint.of(DatapathId.of(c.b + 1L), nextPort[c.b]++);
            b.addPort(PortInfo.up(x, portName(names.get(c.a), x.portNumber()), c.bps));
            b.addPort(PortInfo.up(y, portName(names.get(c.b), y.portNumber()), c.bps));
            b.addLink(Link.active(x, y, c.bps));
            b.addLink(Link.active(y, x, c.bps));
        }
        return b.build();
    }

    private static String portName(String switchName, long port) {
        return switchName + "-eth" + port;
    }

    /** @return the MAC of host h (1-based) on node k (1-based): {@code 02:00:KK:KK:00:HH} */
    static MacAddress hostMac(int node, int host) {
        return MacAddress.of(LOCAL_MAC_PREFIX | ((long) node << 16) | host);
    }

    /** @return the IPv4 address of host h (1-based) on node k (1-based): {@code 10.(k >> 8).(k & 0xff).h} */
    static IpAddress hostIp(int node, int host) {
        return IpAddress.ipv4(10, node >>> 8, node & 0xFF, host);
    }

    /**
     * Converts a capacity read from a file to whole bits per second. Callers have checked it is finite, positive and
     * at most {@link #MAX_BPS}; a positive value below 1 bit/s still becomes 1 so the link stays valid.
     */
    static long toBps(double bps) {
        return Math.max(1L, Math.round(bps));
    }

    private static long saturatedAdd(long x, long y) {
        long sum = x + y;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private static final class Cable {
        final int a;
        final int b;
        final long bps;

        Cable(int a, int b, long bps) {
            this.a = a;
            this.b = b;
            this.bps = bps;
        }
    }
}
