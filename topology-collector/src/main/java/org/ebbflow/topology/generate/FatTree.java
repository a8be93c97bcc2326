package org.ebbflow.topology.generate;

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
 * The k-ary fat-tree of Al-Fares et al. (SIGCOMM 2008): k pods of k/2 edge and k/2 aggregation switches, (k/2)²
 * core switches, k/2 hosts per edge switch; 5k²/4 switches, k³/4 hosts, k³/2 switch links, all switches with k ports.
 *
 * <p>Naming (the Mininet scripts use the same): core {@code c<j>} (j = 1..(k/2)²), aggregation {@code a<pod>_<i>} and
 * edge {@code e<pod>_<i>} (pod = 0..k-1, i = 1..k/2), host {@code h<pod>_<i>_<h>} (h = 1..k/2) on edge {@code e<pod>_<i>}.
 * Datapath ids: core {@code 0x10000 + j}, aggregation {@code 0x20000 + pod·256 + i}, edge {@code 0x30000 + pod·256 + i}.
 * Host MAC {@code 00:00:00:<pod>:<i>:<h>} and IP {@code 10.<pod>.<i>.<h>}.
 *
 * <p>Ports: an edge switch's ports 1..k/2 go to its hosts and k/2+1..k to the pod's aggregation switches 1..k/2; an
 * aggregation switch's ports 1..k/2 go to the pod's edge switches and k/2+1..k to its core group; aggregation switch i
 * connects to cores (i-1)·k/2+1 .. i·k/2, and core port pod+1 goes to its pod.
 */
public final class FatTree {
    /** The smallest supported k. */
    public static final int MIN_K = 2;
    /** The largest supported k (names and addresses use one byte per index). */
    public static final int MAX_K = 64;
    /** Default line rate of every link, 1 Gbit/s as in ElasticTree's testbed. */
    public static final long DEFAULT_LINK_BPS = 1_000_000_000L;

    private FatTree() {
    }

    /** @return the fat-tree with every link at {@link #DEFAULT_LINK_BPS} */
    public static TopologySnapshot build(int k) {
        return build(k, DEFAULT_LINK_BPS, DEFAULT_LINK_BPS);
    }

    /**
     * @param k the arity, even, {@value #MIN_K}..{@value #MAX_K}
     * @param switchLinkBps capacity of switch-to-switch links in bits per second
     * @param hostLinkBps capacity of host access links in bits per second
     * @throws IllegalArgumentException if k is odd or out of range, or a rate is not positive
     */
    public static TopologySnapshot build(int k, long switchLinkBps, long hostLinkBps) {
        checkK(k);
        if (switchLinkBps <= 0 || hostLinkBps <= 0) {
            throw new IllegalArgumentException("link rates must be positive");
        }
        int half = k / 2;
        TopologySnapshot.Builder b = TopologySnapshot.builder().version(1);
        for (int j = 1; j <= half * half; j++) {
            addSwitch(b, SwitchInfo.builder(coreDpid(j), "c" + j).role(SwitchRole.CORE), k, switchLinkBps);
        }
        for (int pod = 0; pod < k; pod++) {
            for (int i = 1; i <= half; i++) {
                addSwitch(b, SwitchInfo.builder(aggDpid(pod, i), "a" + pod + "_" + i)
                        .role(SwitchRole.AGGREGATION).pod(pod), k, switchLinkBps);
            }
            for (int i = 1; i <= half; i++) {
                addSwitch(b, SwitchInfo.builder(edgeDpid(pod, i), "e" + pod + "_" + i)
                        .role(SwitchRole.EDGE).pod(pod), k, switchLinkBps);
            }
        }
        for (int pod = 0; pod < k; pod++) {
            for (int e = 1; e <= half; e++) {
                for (int a = 1; a <= half; a++) {
                    // edge port half+a <-> agg port e
                    addBoth(b, ConnectPoint.of(edgeDpid(pod, e), half + a), ConnectPoint.of(aggDpid(pod, a), e),
                            switchLinkBps);
                }
            }
            for (int a = 1; a <= half; a++) {
                for (int m = 1; m <= half; m++) {
                    int core = (a - 1) * half + m;
                    addBoth(b, ConnectPoint.of(aggDpid(pod, a), half + m), ConnectPoint.of(coreDpid(core), pod + 1),
                            switchLinkBps);
                }
            }
            for (int e = 1; e <= half; e++) {
                for (int h = 1; h <= half; h++) {
                    b.addHost(HostEndpoint.builder(hostMac(pod, e, h), ConnectPoint.of(edgeDpid(pod, e), h))
                            .name("h" + pod + "_" + e + "_" + h)
                            .addIp(hostIp(pod, e, h))
                            .linkBps(hostLinkBps)
                            .build());
                }
            }
        }
        return b.build();
    }

    private static void addSwitch(TopologySnapshot.Builder b, SwitchInfo.Builder sw, int k, long bps) {
        SwitchInfo info = sw.portCount(k).build();
        b.addSwitch(info);
        for (int p = 1; p <= k; p++) {
            b.addPort(PortInfo.up(ConnectPoint.of(info.dpid(), p), info.name() + "-eth" + p, bps));
        }
    }

    private static void addBoth(TopologySnapshot.Builder b, ConnectPoint x, ConnectPoint y, long bps) {
        b.addLink(Link.active(x, y, bps));
        b.addLink(Link.active(y, x, bps));
    }

    /** @throws IllegalArgumentException unless k is even and within {@value #MIN_K}..{@value #MAX_K} */
    public static void checkK(int k) {
        if (k < MIN_K || k > MAX_K || k % 2 != 0) {
            throw new IllegalArgumentException("fat-tree k must be an even number from " + MIN_K + " to " + MAX_K
                    + ", got " + k);
        }
    }

    /** @return the datapath id of core switch j (1-based) */
    public static DatapathId coreDpid(int j) {
        return DatapathId.of(0x10000L + j);
    }

    /** @return the datapath id of aggregation switch i (1-based) of a pod (0-based) */
    public static DatapathId aggDpid(int pod, int i) {
        return DatapathId.of(0x20000L + pod * 256L + i);
    }

    /** @return the datapath id of edge switch i (1-based) of a pod (0-based) */
    public static DatapathId edgeDpid(int pod, int i) {
        return DatapathId.of(0x30000L + pod * 256L + i);
    }

    /** @return the MAC of host h (1-based) on edge switch e (1-based) of a pod */
    public static MacAddress hostMac(int pod, int e, int h) {
        return MacAddress.of(((long) pod << 16) | ((long) e << 8) | h);
    }

    /** @return the IP of host h (1-based) on edge switch e (1-based) of a pod */
    public static IpAddress hostIp(int pod, int e, int h) {
        return IpAddress.ipv4(10, pod, e, h);
    }

    /** @return 5k²/4 */
    public static int switchCount(int k) {
        return 5 * k * k / 4;
    }

    /** @return k³/4 */
    public static int hostCount(int k) {
        return k * k * k / 4;
    }

    /** @return k³/2, undirected */
    public static int switchLinkCount(int k) {
        return k * k * k / 2;
    }
}
