package org.ebbflow.sim.net;

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
 * A full mesh of pods, as the Facebook pod matrices were prepared for FIGRET: pod i (0-based) is switch {@code i}
 * with datapath id i+1, one host {@code i-h1} on port 1 (MAC {@code 02:00:00:00:ii:01}, IP {@code 10.0.i.1}) whose
 * access link is the sum of the pod's mesh links, and one cable to every other pod on ports 2, 3, ... in pod order.
 * Switches and hosts are named by the 0-based pod number, as the series {@code i->j} are.
 */
public final class PodMesh {
    /** The mesh link capacity of the FIGRET files, 10,000 units at 1 Mbit/s each. */
    public static final long DEFAULT_LINK_BPS = 10_000_000_000L;
    /** The most pods: one byte in the addresses. */
    public static final int MAX_PODS = 254;

    private PodMesh() {
    }

    /**
     * @param pods number of pods, 2..{@value #MAX_PODS}
     * @param linkBps capacity of each mesh link, bits per second
     * @return the mesh, version 1
     */
    public static TopologySnapshot build(int pods, long linkBps) {
        if (pods < 2 || pods > MAX_PODS || linkBps <= 0) {
            throw new IllegalArgumentException("a pod mesh needs 2.." + MAX_PODS + " pods and a positive capacity: "
                    + pods + ", " + linkBps);
        }
        TopologySnapshot.Builder b = TopologySnapshot.builder().version(1);
        long access = linkBps * (pods - 1);
        for (int i = 0; i < pods; i++) {
            DatapathId dpid = DatapathId.of(i + 1L);
            String name = Integer.toString(i);
            b.addSwitch(SwitchInfo.builder(dpid, name).role(SwitchRole.OTHER).portCount(pods).build());
            ConnectPoint hostPort = ConnectPoint.of(dpid, 1);
            b.addPort(PortInfo.up(hostPort, name + "-eth1", access));
            for (int j = 0; j < pods; j++) {
                if (j != i) {
                    long port = meshPort(i, j);
                    b.addPort(PortInfo.up(ConnectPoint.of(dpid, port), name + "-eth" + port, linkBps));
                }
            }
            b.addHost(HostEndpoint.builder(MacAddress.of(0x02_00_00_00_00_00L | ((long) i << 8) | 1), hostPort)
                    .name(name + "-h1").addIp(IpAddress.ipv4(10, 0, i, 1)).linkBps(access).build());
        }
        for (int i = 0; i < pods; i++) {
            for (int j = 0; j < pods; j++) {
                if (i != j) {
                    b.addLink(Link.active(ConnectPoint.of(DatapathId.of(i + 1L), meshPort(i, j)),
                            ConnectPoint.of(DatapathId.of(j + 1L), meshPort(j, i)), linkBps));
                }
            }
        }
        return b.build();
    }

    /** @return the port of pod i toward pod j: 2 + j, minus one past i */
    static long meshPort(int i, int j) {
        return 2L + (j < i ? j : j - 1);
    }

    /** @return the number of pods whose off-diagonal pairs make {@code series} series, or -1 if none does */
    public static int podsForSeries(int series) {
        for (int n = 2; n <= MAX_PODS; n++) {
            if (n * (n - 1) == series) {
                return n;
            }
        }
        return -1;
    }
}
