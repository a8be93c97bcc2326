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
 * A two-tier leaf-spine (folded Clos) fabric: every leaf connects to every spine once; hosts attach to leaves.
 *
 * <p>Naming (the Mininet scripts use the same): spine {@code s<i>} (i = 1..spines, dpid {@code 0x40000 + i}), leaf
 * {@code l<j>} (j = 1..leaves, dpid {@code 0x50000 + j}), host {@code h<j>_<h>} (h = 1..hosts per leaf) with MAC
 * {@code 00:00:01:00:<j>:<h>} and IP {@code 10.1.<j>.<h>}. Leaf ports 1..hosts go to hosts and hosts+i to spine i;
 * spine port j goes to leaf j.
 */
public final class LeafSpine {
    /** Upper bound on spines, leaves and hosts per leaf (addresses use one byte per index). */
    public static final int MAX_COUNT = 254;

    private LeafSpine() {
    }

    /**
     * @param spines number of spine switches, 1..{@value #MAX_COUNT}
     * @param leaves number of leaf switches, 1..{@value #MAX_COUNT}
     * @param hostsPerLeaf hosts on each leaf, 0..{@value #MAX_COUNT}
     * @param fabricLinkBps capacity of leaf-spine links in bits per second
     * @param hostLinkBps capacity of host access links in bits per second
     * @throws IllegalArgumentException if a count is out of range or a rate is not positive
     */
    public static TopologySnapshot build(int spines, int leaves, int hostsPerLeaf, long fabricLinkBps,
                                         long hostLinkBps) {
        check("spines", spines, 1);
        check("leaves", leaves, 1);
        check("hosts per leaf", hostsPerLeaf, 0);
        if (fabricLinkBps <= 0 || hostLinkBps <= 0) {
            throw new IllegalArgumentException("link rates must be positive");
        }
        TopologySnapshot.Builder b = TopologySnapshot.builder().version(1);
        for (int i = 1; i <= spines; i++) {
            SwitchInfo s = SwitchInfo.builder(spineDpid(i), "s" + i).role(SwitchRole.SPINE).portCount(leaves).build();
            b.addSwitch(s);
            for (int p = 1; p <= leaves; p++) {
                b.addPort(PortInfo.up(ConnectPoint.of(s.dpid(), p), s.name() + "-eth" + p, fabricLinkBps));
            }
        }
        for (int j = 1; j <= leaves; j++) {
            SwitchInfo l = SwitchInfo.builder(leafDpid(j), "l" + j).role(SwitchRole.LEAF)
                    .portCount(hostsPerLeaf + spines).build();
            b.addSwitch(l);
            for (int p = 1; p <= hostsPerLeaf + spines; p++) {
                b.addPort(PortInfo.up(ConnectPoint.of(l.dpid(), p), l.name() + "-eth" + p,
                        p <= hostsPerLeaf ? hostLinkBps : fabricLinkBps));
            }
            for (int i = 1; i <= spines; i++) {
                ConnectPoint leafPort = ConnectPoint.of(l.dpid(), hostsPerLeaf + i);
                ConnectPoint spinePort = ConnectPoint.of(spineDpid(i), j);
                b.addLink(Link.active(leafPort, spinePort, fabricLinkBps));
                b.addLink(Link.active(spinePort, leafPort, fabricLinkBps));
            }
            for (int h = 1; h <= hostsPerLeaf; h++) {
                b.addHost(HostEndpoint.builder(hostMac(j, h), ConnectPoint.of(l.dpid(), h))
                        .name("h" + j + "_" + h).addIp(hostIp(j, h)).linkBps(hostLinkBps).build());
            }
        }
        return b.build();
    }

    private static void check(String what, int value, int min) {
        if (value < min || value > MAX_COUNT) {
            throw new IllegalArgumentException(what + " must be from " + min + " to " + MAX_COUNT + ", got " + value);
        }
    }

    /** @return the datapath id of spine i (1-based) */
    public static DatapathId spineDpid(int i) {
        return DatapathId.of(0x40000L + i);
    }

    /** @return the datapath id of leaf j (1-based) */
    public static DatapathId leafDpid(int j) {
        return DatapathId.of(0x50000L + j);
    }

    /** @return the MAC of host h on leaf j (both 1-based) */
    public static MacAddress hostMac(int j, int h) {
        return MacAddress.of((1L << 24) | ((long) j << 8) | h);
    }

    /** @return the IP of host h on leaf j (both 1-based) */
    public static IpAddress hostIp(int j, int h) {
        return IpAddress.ipv4(10, 1, j, h);
    }
}
