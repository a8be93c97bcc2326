package org.ebbflow.sim.net;

import java.util.Arrays;

import org.ebbflow.sim.traffic.DemandBatch;

/**
 * Shortest-path ECMP over the usable part of a fabric, as switches hash flows onto equal-cost next hops: at each hop
 * a demand takes one of the usable out-links that bring it one hop closer to its destination switch, chosen by a hash
 * of the host pair and the hop. The same pair keeps its path for as long as the usable set stays the same; many pairs
 * spread evenly over the equal-cost paths.
 *
 * <p>Hop distances to a destination switch are computed on first use by a breadth-first search over the usable links
 * in reverse, O(switches + links), and kept: a route then costs O(path length × switch degree). Not thread-safe.
 */
public final class EcmpRouting implements Routing {
    /** The name in reports. */
    public static final String NAME = "ecmp";

    private static final short UNREACHABLE = Short.MAX_VALUE;

    private final Fabric fabric;
    private final boolean[] usableSwitch;
    private final boolean[] usableLink;
    private final short[][] dist;
    private final int[] queue;

    /**
     * @param fabric the network
     * @param usableSwitch per switch, whether it forwards (copied)
     * @param usableLink per directed switch link, whether it carries traffic (copied); a link whose switch is not
     *     usable is not used either
     */
    public EcmpRouting(Fabric fabric, boolean[] usableSwitch, boolean[] usableLink) {
        if (usableSwitch.length != fabric.switchCount() || usableLink.length != fabric.switchLinkCount()) {
            throw new IllegalArgumentException("masks must have one entry per switch and per switch link");
        }
        this.fabric = fabric;
        this.usableSwitch = usableSwitch.clone();
        this.usableLink = usableLink.clone();
        for (int l = 0; l < this.usableLink.length; l++) {
            this.usableLink[l] &= this.usableSwitch[fabric.linkSrc(l)] && this.usableSwitch[fabric.linkDst(l)];
        }
        this.dist = new short[fabric.switchCount()][];
        this.queue = new int[fabric.switchCount()];
    }

    /** @return ECMP over every switch and link of the fabric */
    public static EcmpRouting allUp(Fabric fabric) {
        boolean[] s = new boolean[fabric.switchCount()];
        boolean[] l = new boolean[fabric.switchLinkCount()];
        Arrays.fill(s, true);
        Arrays.fill(l, true);
        return new EcmpRouting(fabric, s, l);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** @return whether switch link l may carry traffic under this routing */
    public boolean isUsable(int l) {
        return usableLink[l];
    }

    @Override
    public void route(DemandBatch demands, int d, RoutedPaths out) {
        int src = demands.src(d);
        int dst = demands.dst(d);
        int s = fabric.hostSwitch(src);
        int t = fabric.hostSwitch(dst);
        if (!usableSwitch[s] || !usableSwitch[t]) {
            out.unroutable(d);
            return;
        }
        short[] toT = distancesTo(t);
        if (toT[s] == UNREACHABLE) {
            out.unroutable(d);
            return;
        }
        out.begin(d, 1);
        out.add(fabric.hostUpLink(src));
        long pair = Hashes.mix(DemandBatch.pairKey(src, dst));
        int cur = s;
        int hop = 0;
        while (cur != t) {
            int want = toT[cur] - 1;
            int count = 0;
            for (int p = fabric.outStart(cur); p < fabric.outEnd(cur); p++) {
                int l = fabric.outLinkAt(p);
                if (usableLink[l] && toT[fabric.linkDst(l)] == want) {
                    count++;
                }
            }
            int pick = count == 1 ? 0 : (int) Long.remainderUnsigned(Hashes.mix(pair + hop), count);
            int chosen = -1;
            for (int p = fabric.outStart(cur); p < fabric.outEnd(cur); p++) {
                int l = fabric.outLinkAt(p);
                if (usableLink[l] && toT[fabric.linkDst(l)] == want && pick-- == 0) {
                    chosen = l;
                    break;
                }
            }
            out.add(chosen);
            cur = fabric.linkDst(chosen);
            hop++;
        }
        out.add(fabric.hostDownLink(dst));
        out.end();
    }

    /** @return hop distances from every switch to switch t over usable links, computed on first use */
    short[] distancesTo(int t) {
        short[] d = dist[t];
        if (d != null) {
            return d;
        }
        d = new short[fabric.switchCount()];
        Arrays.fill(d, UNREACHABLE);
        d[t] = 0;
        int head = 0;
        int tail = 0;
        queue[tail++] = t;
        while (head < tail) {
            int v = queue[head++];
            short next = (short) (d[v] + 1);
            for (int p = fabric.inStart(v); p < fabric.inEnd(v); p++) {
                int l = fabric.inLinkAt(p);
                int u = fabric.linkSrc(l);
                if (usableLink[l] && d[u] == UNREACHABLE) {
                    d[u] = next;
                    queue[tail++] = u;
                }
            }
        }
        dist[t] = d;
        return d;
    }
}
