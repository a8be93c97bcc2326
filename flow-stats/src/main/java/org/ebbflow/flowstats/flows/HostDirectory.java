package org.ebbflow.flowstats.flows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ebbflow.topology.ConnectPoint;
import org.ebbflow.topology.HostEndpoint;
import org.ebbflow.topology.IpAddress;
import org.ebbflow.topology.Link;
import org.ebbflow.topology.MacAddress;
import org.ebbflow.topology.SwitchRole;
import org.ebbflow.topology.TopologySnapshot;

/**
 * Lookups the estimator needs from a topology snapshot: host by MAC or IP, hosts behind a switch port, which ports
 * face other switches, which switches are access switches. Built once per snapshot; immutable after construction.
 */
final class HostDirectory {
    /** Returned when an address or port names no known host. */
    static final int UNKNOWN = -1;
    /** Returned when an address is shared by several hosts, so it names none of them. */
    static final int AMBIGUOUS = -2;
    private static final int[] NO_HOSTS = new int[0];

    private final TopologySnapshot topology;
    private final Map<IpAddress, Integer> hostByIp = new HashMap<>();
    private final Map<ConnectPoint, int[]> hostsByPort = new HashMap<>();
    private final Set<ConnectPoint> linkPorts = new HashSet<>();
    private final boolean[] access;

    HostDirectory(TopologySnapshot topology) {
        this.topology = topology;
        Map<ConnectPoint, List<Integer>> byPort = new HashMap<>();
        for (int h = 0; h < topology.hostCount(); h++) {
            HostEndpoint host = topology.host(h);
            for (IpAddress ip : host.ips()) {
                Integer old = hostByIp.putIfAbsent(ip, h);
                if (old != null && old != h) {
                    hostByIp.put(ip, AMBIGUOUS);
                }
            }
            byPort.computeIfAbsent(host.attachment(), p -> new ArrayList<>()).add(h);
        }
        byPort.forEach((port, hosts) -> hostsByPort.put(port, hosts.stream().mapToInt(Integer::intValue).toArray()));
        for (Link l : topology.links()) {
            linkPorts.add(l.src());
            linkPorts.add(l.dst());
        }
        access = new boolean[topology.switchCount()];
        for (int s = 0; s < access.length; s++) {
            SwitchRole role = topology.switchAt(s).role();
            access[s] = role == SwitchRole.EDGE || role == SwitchRole.LEAF
                    || role == SwitchRole.OTHER && topology.hostsAt(s).length > 0;
        }
    }

    TopologySnapshot topology() {
        return topology;
    }

    /** @return true for the switches hosts attach to: fat-tree edge, leaf, or a role-less switch with hosts */
    boolean isAccessSwitch(int switchIndex) {
        return access[switchIndex];
    }

    /** @return the host with this MAC, or {@link #UNKNOWN} */
    int hostByMac(MacAddress mac) {
        return topology.hostIndex(mac);
    }

    /** @return the host with this IP, {@link #UNKNOWN}, or {@link #AMBIGUOUS} if several hosts have it */
    int hostByIp(IpAddress ip) {
        Integer h = hostByIp.get(ip);
        return h == null ? UNKNOWN : h;
    }

    /** @return the hosts attached at a port, in host order; empty if none (a reserved port number included) */
    int[] hostsAt(int switchIndex, long portNumber) {
        if (portNumber < 1 || portNumber > 0xFFFF_FF00L) {
            return NO_HOSTS;
        }
        int[] hosts = hostsByPort.get(ConnectPoint.of(topology.switchAt(switchIndex).dpid(), portNumber));
        return hosts == null ? NO_HOSTS : hosts;
    }

    /** @return the hosts attached to a switch, in host order */
    int[] hostsAt(int switchIndex) {
        return topology.hostsAt(switchIndex);
    }

    /** @return true if the port is an end of a switch-to-switch link */
    boolean isLinkPort(int switchIndex, long portNumber) {
        return portNumber >= 1 && portNumber <= 0xFFFF_FF00L
                && linkPorts.contains(ConnectPoint.of(topology.switchAt(switchIndex).dpid(), portNumber));
    }

    /** @return the switch a host attaches to */
    int hostSwitch(int host) {
        return topology.hostSwitch(host);
    }

    /** @return the port a host attaches at */
    ConnectPoint attachment(int host) {
        return topology.host(host).attachment();
    }
}
