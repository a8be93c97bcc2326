package org.ebbflow.openflow.routing;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ebbflow.topology.DatapathId;
import org.ebbflow.topology.ElementState;
import org.ebbflow.topology.HostEndpoint;
import org.ebbflow.topology.IpAddress;
import org.ebbflow.topology.Link;
import org.ebbflow.topology.TopologySnapshot;

/**
 * Destination-based shortest-path routes over the usable part of a topology snapshot: one breadth-first search
 * backwards from each edge switch with hosts, then at every switch one of the next hops that lie on a shortest
 * path, chosen per destination address by rendezvous hashing (destination-hashed ECMP: different destinations spread
 * over the equal-cost next hops, and losing one next hop moves only the destinations that used it).
 * Only active switches and usable links carry routes; hosts on asleep or failed switches or ports get none.
 */
public final class RouteComputer {
    private RouteComputer() {
    }

    /** @return the routes of every IPv4 address of every reachable host, keyed by address */
    public static Map<IpAddress, DestinationRoutes> compute(TopologySnapshot s) {
        Map<IpAddress, DestinationRoutes> out = new LinkedHashMap<>();
        int n = s.switchCount();
        int[] dist = new int[n];
        for (int d = 0; d < n; d++) {
            int[] hosts = s.hostsAt(d);
            if (hosts.length == 0 || s.switchState(d) != ElementState.ACTIVE) {
                continue;
            }
            distancesTo(s, d, dist);
            for (int h : hosts) {
                HostEndpoint host = s.host(h);
                ElementState ps = s.portState(host.attachment());
                if (ps != null && !ps.isUsable()) {
                    continue;
                }
                for (IpAddress ip : host.ips()) {
                    if (ip.isIpv4()) {
                        out.put(ip, routes(s, d, dist, ip, host.attachment().portNumber()));
                    }
                }
            }
        }
        return out;
    }

    private static void distancesTo(TopologySnapshot s, int dst, int[] dist) {
        Arrays.fill(dist, -1);
        dist[dst] = 0;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(dst);
        while (!queue.isEmpty()) {
            int v = queue.poll();
            for (int p = s.inLinkStart(v); p < s.inLinkEnd(v); p++) {
                int l = s.inLinkAt(p);
                int u = s.linkSrc(l);
                if (dist[u] < 0 && s.isLinkUsable(l) && s.switchState(u) == ElementState.ACTIVE) {
                    dist[u] = dist[v] + 1;
                    queue.add(u);
                }
            }
        }
    }

    private static DestinationRoutes routes(TopologySnapshot s, int dst, int[] dist, IpAddress ip, long hostPort) {
        Map<DatapathId, Long> ports = new HashMap<>();
        Map<DatapathId, Integer> hops = new HashMap<>();
        long key = ipKey(ip);
        for (int u = 0; u < s.switchCount(); u++) {
            if (dist[u] < 0) {
                continue;
            }
            DatapathId dpid = s.switchAt(u).dpid();
            hops.put(dpid, dist[u]);
            if (u == dst) {
                ports.put(dpid, hostPort);
                continue;
            }
            long bestScore = Long.MIN_VALUE;
            long bestPort = -1;
            for (int p = s.outLinkStart(u); p < s.outLinkEnd(u); p++) {
                int l = s.outLinkAt(p);
                if (!s.isLinkUsable(l) || dist[s.linkDst(l)] != dist[u] - 1) {
                    continue;
                }
                Link link = s.link(l);
                long score = mix(key ^ mix(link.dst().dpid().value() * 31 + link.src().portNumber()));
                if (bestPort < 0 || score > bestScore) {
                    bestScore = score;
                    bestPort = link.src().portNumber();
                }
            }
            if (bestPort > 0) {
                ports.put(dpid, bestPort);
            }
        }
        return new DestinationRoutes(ip, ports, hops);
    }

    /** @return the IPv4 address as an unsigned 32-bit number */
    public static long ipKey(IpAddress ip) {
        byte[] o = ip.octets();
        return ((o[0] & 0xFFL) << 24) | ((o[1] & 0xFFL) << 16) | ((o[2] & 0xFFL) << 8) | (o[3] & 0xFFL);
    }

    /** SplitMix64's finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
