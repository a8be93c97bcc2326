package org.ebbflow.planner.demand;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ebbflow.planner.power.PowerStates;
import org.ebbflow.topology.TopologySnapshot;

/**
 * Seeded random demands for any topology, as described by a {@link RandomDemandSpec}: the same spec and snapshot
 * always give the same set. Sources are uniform over hosts (or over switches when the topology has no hosts);
 * destinations are uniform over the hosts (switches) at the drawn {@link Locality}, by hop distance over links that
 * are not failed; a source that reaches no endpoint at all (failures cut it off) gets a uniform one, which the
 * planner will refuse as unreachable. Demand ids are 0..pairs−1.
 *
 * <p>Cost: one breadth-first search and one cumulative host table per distinct source switch, O(S·(S + L)) in the
 * worst case, then O(log S) per demand.
 */
public final class RandomDemandGenerator {
    private static final int NEAR = 0;
    private static final int MID = 1;
    private static final int FAR = 2;
    private static final int[][] FALLBACK = {{NEAR, MID, FAR}, {MID, FAR, NEAR}, {FAR, MID, NEAR}};

    private final TopologySnapshot topology;
    private final boolean hostless;
    private final int[][] hostsBySwitch;
    private final Map<Integer, Buckets> buckets = new HashMap<>();

    private RandomDemandGenerator(TopologySnapshot topology) {
        this.topology = topology;
        this.hostless = topology.hostCount() == 0;
        this.hostsBySwitch = new int[topology.switchCount()][];
        for (int s = 0; s < hostsBySwitch.length; s++) {
            hostsBySwitch[s] = topology.hostsAt(s);
        }
    }

    /**
     * @param topology the network; demands connect its hosts, or its switches if it has no hosts
     * @param spec what to generate
     * @return the demands
     * @throws DemandException if the topology has fewer than two endpoints, or a source has no capacity to scale
     *     the load by
     */
    public static DemandSet generate(TopologySnapshot topology, RandomDemandSpec spec) {
        return new RandomDemandGenerator(topology).run(spec);
    }

    private DemandSet run(RandomDemandSpec spec) {
        int endpoints = hostless ? topology.switchCount() : topology.hostCount();
        if (endpoints < 2) {
            throw new DemandException(0, "random demands need at least two " + (hostless ? "switches" : "hosts")
                    + ", the topology has " + endpoints);
        }
        SplittableRandom rnd = new SplittableRandom(spec.seed());
        List<Demand> out = new ArrayList<>(spec.pairs());
        for (int i = 0; i < spec.pairs(); i++) {
            int src = rnd.nextInt(endpoints);
            int srcSwitch = hostless ? src : topology.hostSwitch(src);
            int wanted = drawLocality(spec.locality(), rnd);
            int dst = -1;
            for (int bucket : FALLBACK[wanted]) {
                dst = pick(src, srcSwitch, bucket, rnd);
                if (dst >= 0) {
                    break;
                }
            }
            if (dst < 0) {
                // Nothing reachable (failures cut the source off): any other endpoint; the planner refuses it.
                dst = (src + 1 + rnd.nextInt(endpoints - 1)) % endpoints;
            }
            double mean = spec.load() * capacityOf(src, srcSwitch);
            double u = rnd.nextDouble();
            DemandClass c = u < spec.latencySensitiveShare() ? DemandClass.LATENCY_SENSITIVE
                    : u < spec.latencySensitiveShare() + spec.guaranteedShare() ? DemandClass.GUARANTEED
                    : DemandClass.BULK;
            double upper = mean * (1 + spec.spread());
            out.add(hostless ? Demand.betweenSwitches(i, src, dst, mean, upper, c)
                    : Demand.betweenHosts(i, src, dst, mean, upper, c));
        }
        return DemandSet.of(out);
    }

    private String endpointName(int e) {
        return hostless ? topology.switchAt(e).name() : topology.host(e).name();
    }

    private static int drawLocality(Locality l, SplittableRandom rnd) {
        switch (l) {
            case NEAR:
                return NEAR;
            case MID:
                return MID;
            case FAR:
                return FAR;
            default:
                double u = rnd.nextDouble();
                return u < Locality.MIXED_NEAR_SHARE ? NEAR
                        : u < Locality.MIXED_NEAR_SHARE + Locality.MIXED_MID_SHARE ? MID : FAR;
        }
    }

    /** @return bits per second the load is a fraction of: the host's access link, else the switch's smallest link */
    private double capacityOf(int src, int srcSwitch) {
        if (!hostless && topology.host(src).linkBps() > 0) {
            return topology.host(src).linkBps();
        }
        long min = Long.MAX_VALUE;
        for (int p = topology.outLinkStart(srcSwitch); p < topology.outLinkEnd(srcSwitch); p++) {
            min = Math.min(min, topology.linkCapacityBps(topology.outLinkAt(p)));
        }
        for (int p = topology.inLinkStart(srcSwitch); p < topology.inLinkEnd(srcSwitch); p++) {
            min = Math.min(min, topology.linkCapacityBps(topology.inLinkAt(p)));
        }
        if (min == Long.MAX_VALUE) {
            throw new DemandException(0, "cannot scale the load: " + endpointName(src)
                    + " has neither an access-link rate nor links");
        }
        return min;
    }

    /** @return a destination at the bucket's distance from the source, or -1 if there is none */
    private int pick(int src, int srcSwitch, int bucket, SplittableRandom rnd) {
        if (!hostless && bucket == NEAR) {
            int[] local = hostsBySwitch[srcSwitch];
            if (local.length < 2) {
                return -1;
            }
            int h = local[rnd.nextInt(local.length - 1)];
            return h == src ? local[local.length - 1] : h;
        }
        Buckets b = buckets.computeIfAbsent(srcSwitch, this::bucketsOf);
        int[] switches = b.switches[bucket];
        long[] cumulative = b.cumulative[bucket];
        if (switches.length == 0) {
            return -1;
        }
        long total = cumulative[cumulative.length - 1];
        long r = rnd.nextLong(total);
        int at = Arrays.binarySearch(cumulative, r + 1);
        int i = at >= 0 ? at : -at - 1;
        if (hostless) {
            return switches[i];
        }
        long before = i == 0 ? 0 : cumulative[i - 1];
        return hostsBySwitch[switches[i]][(int) (r - before)];
    }

    /** Switches per distance bucket from one source switch, with cumulative endpoint counts for uniform picks. */
    private static final class Buckets {
        final int[][] switches = new int[3][];
        final long[][] cumulative = new long[3][];
    }

    private Buckets bucketsOf(int srcSwitch) {
        int[] dist = hopDistances(srcSwitch);
        Buckets b = new Buckets();
        for (int bucket = NEAR; bucket <= FAR; bucket++) {
            int[] sw = new int[dist.length];
            long[] cum = new long[dist.length];
            int n = 0;
            long sum = 0;
            for (int s = 0; s < dist.length; s++) {
                int weight = hostless ? 1 : hostsBySwitch[s].length;
                if (weight > 0 && s != srcSwitch && dist[s] >= 0 && bucketOf(dist[s]) == bucket) {
                    sum += weight;
                    sw[n] = s;
                    cum[n++] = sum;
                }
            }
            b.switches[bucket] = Arrays.copyOf(sw, n);
            b.cumulative[bucket] = Arrays.copyOf(cum, n);
        }
        return b;
    }

    private int bucketOf(int hops) {
        if (hostless) {
            return hops <= 1 ? NEAR : hops == 2 ? MID : FAR;
        }
        return hops == 0 ? NEAR : hops <= 2 ? MID : FAR;
    }

    private int[] hopDistances(int from) {
        int[] dist = new int[topology.switchCount()];
        Arrays.fill(dist, -1);
        int[] queue = new int[dist.length];
        int head = 0;
        int tail = 0;
        dist[from] = 0;
        queue[tail++] = from;
        while (head < tail) {
            int s = queue[head++];
            for (int p = topology.outLinkStart(s); p < topology.outLinkEnd(s); p++) {
                int l = topology.outLinkAt(p);
                int d = topology.linkDst(l);
                if (dist[d] < 0 && PowerStates.isLinkAvailable(topology, l)) {
                    dist[d] = dist[s] + 1;
                    queue[tail++] = d;
                }
            }
        }
        return dist;
    }
}
