package org.ebbflow.topology;

import java.util.Arrays;

/**
 * Headline figures of a snapshot: counts, the switch-graph diameter in hops and the total capacity. Every figure counts
 * all known elements, asleep and failed ones included, as a description of the network as built.
 */
public final class TopologySummary {
    private final int switches;
    private final int hosts;
    private final int switchLinks;
    private final int hostLinks;
    private final int diameterHops;
    private final long switchCapacityBps;
    private final long hostCapacityBps;

    private TopologySummary(int switches, int hosts, int switchLinks, int hostLinks, int diameterHops,
                            long switchCapacityBps, long hostCapacityBps) {
        this.switches = switches;
        this.hosts = hosts;
        this.switchLinks = switchLinks;
        this.hostLinks = hostLinks;
        this.diameterHops = diameterHops;
        this.switchCapacityBps = switchCapacityBps;
        this.hostCapacityBps = hostCapacityBps;
    }

    /** @return the summary of a snapshot; costs one breadth-first search per switch */
    public static TopologySummary of(TopologySnapshot t) {
        long switchCapacity = 0;
        for (int i = 0; i < t.linkCount(); i++) {
            int r = t.reverseLink(i);
            if (r < 0 || i < r) {
                switchCapacity += t.linkCapacityBps(i);
            }
        }
        long hostCapacity = 0;
        for (int h = 0; h < t.hostCount(); h++) {
            hostCapacity += t.host(h).linkBps();
        }
        return new TopologySummary(t.switchCount(), t.hostCount(), t.undirectedLinkCount(), t.hostCount(),
                diameter(t), switchCapacity, hostCapacity);
    }

    /**
     * The longest shortest path, in hops, between two switches that can reach each other over directed links;
     * 0 for fewer than two switches. Links count whatever their state.
     */
    static int diameter(TopologySnapshot t) {
        int n = t.switchCount();
        int[] dist = new int[n];
        int[] queue = new int[n];
        int best = 0;
        for (int src = 0; src < n; src++) {
            Arrays.fill(dist, -1);
            dist[src] = 0;
            int head = 0;
            int tail = 0;
            queue[tail++] = src;
            while (head < tail) {
                int u = queue[head++];
                for (int p = t.outLinkStart(u); p < t.outLinkEnd(u); p++) {
                    int v = t.linkDst(t.outLinkAt(p));
                    if (dist[v] < 0) {
                        dist[v] = dist[u] + 1;
                        best = Math.max(best, dist[v]);
                        queue[tail++] = v;
                    }
                }
            }
        }
        return best;
    }

    /** @return the number of switches */
    public int switches() {
        return switches;
    }

    /** @return the number of hosts and containers */
    public int hosts() {
        return hosts;
    }

    /** @return the number of undirected switch-to-switch links */
    public int switchLinks() {
        return switchLinks;
    }

    /** @return the number of host access links (one per host) */
    public int hostLinks() {
        return hostLinks;
    }

    /** @return the switch-graph diameter in hops (a host-to-host path adds 2) */
    public int diameterHops() {
        return diameterHops;
    }

    /** @return the summed capacity of undirected switch links, one direction each, in bits per second */
    public long switchCapacityBps() {
        return switchCapacityBps;
    }

    /** @return the summed capacity of host access links in bits per second */
    public long hostCapacityBps() {
        return hostCapacityBps;
    }
}
