package org.ebbflow.planner.support;

import java.util.SplittableRandom;
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

/** Seeded random topologies for tests: connected graphs with cables of mixed capacity, with or without hosts. */
public final class RandomTopologies {
    private static final long[] RATES = {1_000_000_000L, 10_000_000_000L, 40_000_000_000L};

    private RandomTopologies() {
    }

    /**
     * A connected graph: a random spanning tree over {@code n} switches plus each other pair with probability
     * {@code p}; every cable in both directions with a random capacity (1G, 10G or 40G).
     *
     * @param hostsPerSwitch hosts on each switch (0 for a host-less graph), access links at 1G
     */
    public static TopologySnapshot connected(long seed, int n, double p, int hostsPerSwitch) {
        SplittableRandom rnd = new SplittableRandom(seed);
        boolean[][] adj = new boolean[n][n];
        for (int v = 1; v < n; v++) {
            int u = rnd.nextInt(v);
            adj[u][v] = true;
            adj[v][u] = true;
        }
        for (int u = 0; u < n; u++) {
            for (int v = u + 1; v < n; v++) {
                if (rnd.nextDouble() < p) {
                    adj[u][v] = true;
                    adj[v][u] = true;
                }
            }
        }
        return build(adj, hostsPerSwitch, rnd);
    }

    /** Builds a snapshot from a symmetric adjacency matrix. */
    public static TopologySnapshot build(boolean[][] adj, int hostsPerSwitch, SplittableRandom rnd) {
        int n = adj.length;
        TopologySnapshot.Builder b = TopologySnapshot.builder().version(1);
        int[] nextPort = new int[n];
        for (int s = 0; s < n; s++) {
            int degree = 0;
            for (int v = 0; v < n; v++) {
                degree += adj[s][v] ? 1 : 0;
            }
            SwitchInfo info = SwitchInfo.builder(DatapathId.of(0x60000L + s), "n" + s).role(SwitchRole.OTHER)
                    .portCount(degree + hostsPerSwitch).build();
            b.addSwitch(info);
            for (int port = 1; port <= degree + hostsPerSwitch; port++) {
                b.addPort(PortInfo.up(ConnectPoint.of(info.dpid(), port), "n" + s + "-eth" + port, 1_000_000_000L));
            }
            for (int h = 1; h <= hostsPerSwitch; h++) {
                b.addHost(HostEndpoint.builder(MacAddress.of((2L << 24) | ((long) s << 8) | h),
                        ConnectPoint.of(info.dpid(), h)).name("h" + s + "_" + h)
                        .addIp(IpAddress.ipv4(10, 2, s % 256, h)).linkBps(1_000_000_000L).build());
            }
            nextPort[s] = hostsPerSwitch + 1;
        }
        for (int u = 0; u < n; u++) {
            for (int v = u + 1; v < n; v++) {
                if (adj[u][v]) {
                    long rate = RATES[rnd.nextInt(RATES.length)];
                    ConnectPoint a = ConnectPoint.of(DatapathId.of(0x60000L + u), nextPort[u]++);
                    ConnectPoint c = ConnectPoint.of(DatapathId.of(0x60000L + v), nextPort[v]++);
                    b.addLink(Link.active(a, c, rate));
                    b.addLink(Link.active(c, a, rate));
                }
            }
        }
        return b.build();
    }
}
