package org.ebbflow.planner.route;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.ebbflow.planner.demand.DemandClass;
import org.ebbflow.planner.demand.ResolvedDemands;
import org.ebbflow.planner.policy.ElementDirective;
import org.ebbflow.planner.policy.PowerDecision;
import org.ebbflow.planner.power.PowerStates;
import org.ebbflow.planner.power.SwitchPowerTable;
import org.ebbflow.topology.BitRate;
import org.ebbflow.topology.LinkKey;
import org.ebbflow.topology.TopologySnapshot;

/**
 * The mutable ledger every router fills while placing demands: per-link load, reservations and the tightest cap of
 * the classes present, a cost tier per switch and link, and the path pool. Candidates are judged by
 * {@link #fits}, {@link #tier} and {@link #marginalWatts}, then {@link #commit}ted. All arrays are allocated once per
 * request; judging a candidate allocates nothing.
 *
 * <p>Tiers: 0 = used already or required by the decision (free to use), 1 = optional and awake now, 2 = optional
 * and asleep (must wake), 3 = held asleep by dwell (last resort), 4 = unavailable (never).
 */
final class RoutingState {
    static final int TIER_FREE = 0;
    static final int TIER_HELD = 3;
    static final int TIER_NEVER = 4;
    private static final double SLACK = 1e-9;

    final TopologySnapshot topology;
    final ResolvedDemands demands;
    private final SwitchPowerTable power;
    private final double[] capacity;
    private final double[] load;
    private final double[] reserved;
    private final double[] limit;
    private final byte[] switchTier;
    private final byte[] linkTier;
    private final boolean[] switchUsed;
    private final boolean[] linkUsed;
    private final double[] classCap;
    private final double reservationCap;
    private final int[] pathStart;
    private final int[] pathLength;
    private final Refusal[] refusals;
    private final boolean[] placed;
    private int[] pool;
    private int poolSize;
    private final Routing previous;
    private final Map<Long, Integer> previousIndex;
    private final boolean samePositions;
    private final KeepRule keepRule;
    private final Routing keepWithin;
    private final PowerDecision decision;

    /** Which demands may keep their previous path (see {@link Stability}). */
    enum KeepRule {
        /** Latency-sensitive and guaranteed demands only, tried as each is placed: a fresh placement. */
        CLASSES,
        /** Every class, kept (in placement order) before anything is placed afresh. */
        ALL,
        /** Every class, but only paths whose elements a reference routing uses or the decision requires. */
        WITHIN
    }

    RoutingState(RoutingRequest r) {
        this(r, KeepRule.CLASSES, null);
    }

    /**
     * @param rule which previous paths are kept; with {@code ALL} and {@code WITHIN} they are committed here, before
     *     the router places the rest
     * @param within the reference routing for {@code WITHIN}, else ignored
     */
    RoutingState(RoutingRequest r, KeepRule rule, Routing within) {
        this.topology = r.topology();
        this.demands = r.demands();
        this.power = r.power();
        int m = topology.linkCount();
        int n = topology.switchCount();
        capacity = new double[m];
        load = new double[m];
        reserved = new double[m];
        limit = new double[m];
        for (int l = 0; l < m; l++) {
            capacity[l] = topology.linkCapacityBps(l);
        }
        Arrays.fill(limit, 1.0);
        PowerDecision d = r.decision();
        this.decision = d;
        PowerStates now = r.current();
        switchTier = new byte[n];
        linkTier = new byte[m];
        for (int s = 0; s < n; s++) {
            switchTier[s] = (byte) tierOf(d.switchDirective(s), now.isSwitchAwake(s));
        }
        for (int l = 0; l < m; l++) {
            boolean awake = now.isLinkAwake(l) && now.isSwitchAwake(topology.linkSrc(l))
                    && now.isSwitchAwake(topology.linkDst(l));
            linkTier[l] = (byte) tierOf(d.linkDirective(l), awake);
        }
        switchUsed = new boolean[n];
        linkUsed = new boolean[m];
        classCap = new double[DemandClass.values().length];
        for (DemandClass c : DemandClass.values()) {
            classCap[c.ordinal()] = r.caps().cap(c);
        }
        reservationCap = r.caps().reservationCap();
        int count = demands.size();
        pathStart = new int[count];
        pathLength = new int[count];
        refusals = new Refusal[count];
        placed = new boolean[count];
        pool = new int[Math.max(16, count * 4)];
        previous = r.previous();
        samePositions = previous != null && previous.demands().sameIdsAs(demands);
        if (previous != null && !samePositions) {
            previousIndex = new HashMap<>(previous.demandCount() * 2);
            for (int i = 0; i < previous.demandCount(); i++) {
                previousIndex.put(previous.demands().demand(i).id(), i);
            }
        } else {
            previousIndex = null;
        }
        this.keepRule = rule;
        this.keepWithin = within;
        if (rule == KeepRule.WITHIN) {
            // Optional elements the reference leaves unused rank as if asleep: what is not kept packs onto the
            // reference's elements first.
            for (int s = 0; s < n; s++) {
                if (switchTier[s] == 1 && !within.usesSwitch(s)) {
                    switchTier[s] = 2;
                }
            }
            for (int l = 0; l < m; l++) {
                if (linkTier[l] == 1 && !within.usesLink(l)) {
                    linkTier[l] = 2;
                }
            }
        }
        if (previous != null && rule != KeepRule.CLASSES) {
            int[] buf = pathBuffer();
            for (int i = 0; i < count; i++) {
                Placement.keepPrevious(this, demands.placementOrder(i), buf);
            }
        }
    }

    private static int tierOf(ElementDirective d, boolean awake) {
        switch (d) {
            case REQUIRED:
                return TIER_FREE;
            case OPTIONAL:
                return awake ? 1 : 2;
            case HELD_ASLEEP:
                return TIER_HELD;
            default:
                return TIER_NEVER;
        }
    }

    /** @return the rate planned for demand {@code d} */
    double rate(int d) {
        return demands.plannedBps(d);
    }

    /** @return true if every link can take demand {@code d} within caps and reservations, and none is unavailable */
    boolean fits(int d, int[] links, int from, int n) {
        double rate = demands.plannedBps(d);
        int cls = demands.classOrdinal(d);
        double cap = classCap[cls];
        boolean guaranteed = cls == DemandClass.GUARANTEED.ordinal();
        for (int i = from; i < from + n; i++) {
            int l = links[i];
            if (!fitsLink(l, rate, cap, guaranteed)) {
                return false;
            }
        }
        return true;
    }

    /** @return true if link {@code l} can take {@code rate} more under the class cap {@code cap} */
    boolean fitsLink(int l, double rate, double cap, boolean guaranteed) {
        if (linkTier[l] >= TIER_NEVER) {
            return false;
        }
        double c = capacity[l];
        if (load[l] + rate > Math.min(cap, limit[l]) * c * (1 + SLACK)) {
            return false;
        }
        return !guaranteed || reserved[l] + rate <= reservationCap * c * (1 + SLACK);
    }

    /**
     * @return an upper bound on the room link {@code l} has for any demand: its capacity under the tightest cap of
     *     the classes it carries, minus its load (a demand's own class cap can only lower it); 0 if unavailable
     */
    double linkRoom(int l) {
        return linkTier[l] >= TIER_NEVER ? 0 : limit[l] * capacity[l] - load[l];
    }

    /** @return the class cap of demand {@code d} */
    double capOf(int d) {
        return classCap[demands.classOrdinal(d)];
    }

    /** @return true if demand {@code d} reserves its rate */
    boolean isGuaranteed(int d) {
        return demands.classOrdinal(d) == DemandClass.GUARANTEED.ordinal();
    }

    /** @return the worst tier along the path starting at switch {@code src} */
    int tier(int src, int[] links, int from, int n) {
        int t = switchTier[src];
        for (int i = from; i < from + n; i++) {
            int l = links[i];
            t = Math.max(t, Math.max(linkTier[l], switchTier[topology.linkDst(l)]));
        }
        return t;
    }

    /** @return the tier of switch {@code s} */
    int switchTier(int s) {
        return switchTier[s];
    }

    /** @return the tier of link {@code l} */
    int linkTier(int l) {
        return linkTier[l];
    }

    /** @return the watts the path would add: chassis of switches and ports of cables not free yet */
    double marginalWatts(int src, int[] links, int from, int n) {
        double w = switchTier[src] > TIER_FREE ? power.chassisSavingWatts(src) : 0;
        for (int i = from; i < from + n; i++) {
            int l = links[i];
            int a = topology.linkSrc(l);
            int b = topology.linkDst(l);
            if (linkTier[l] > TIER_FREE) {
                w += power.portWatts(a) + power.portWatts(b);
            }
            if (switchTier[b] > TIER_FREE) {
                w += power.chassisSavingWatts(b);
            }
        }
        return w;
    }

    /** @return the watts a switch adds if it is not free yet */
    double switchWatts(int s) {
        return switchTier[s] > TIER_FREE ? power.chassisSavingWatts(s) : 0;
    }

    /** @return the watts a cable adds if it is not free yet */
    double linkWatts(int l) {
        return linkTier[l] > TIER_FREE
                ? power.portWatts(topology.linkSrc(l)) + power.portWatts(topology.linkDst(l)) : 0;
    }

    /** Routes demand {@code d} on the links and books load, reservation, class cap and use. */
    void commit(int d, int[] links, int from, int n) {
        double rate = demands.plannedBps(d);
        int cls = demands.classOrdinal(d);
        double cap = classCap[cls];
        boolean guaranteed = cls == DemandClass.GUARANTEED.ordinal();
        if (poolSize + n > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + n));
        }
        pathStart[d] = poolSize;
        pathLength[d] = n;
        int src = demands.srcSwitch(d);
        use(src);
        for (int i = from; i < from + n; i++) {
            int l = links[i];
            pool[poolSize++] = l;
            load[l] += rate;
            if (guaranteed) {
                reserved[l] += rate;
            }
            if (cap < limit[l]) {
                limit[l] = cap;
            }
            linkUsed[l] = true;
            linkTier[l] = TIER_FREE;
            int r = topology.reverseLink(l);
            if (r >= 0) {
                linkUsed[r] = true;
                linkTier[r] = TIER_FREE;
            }
            use(topology.linkDst(l));
        }
        placed[d] = true;
    }

    private void use(int s) {
        switchUsed[s] = true;
        switchTier[s] = TIER_FREE;
    }

    /** Refuses demand {@code d}. */
    void refuse(int d, RefusalReason reason, String detail) {
        refusals[d] = new Refusal(reason, detail);
        placed[d] = true;
    }

    /**
     * Refuses demand {@code d} after candidates were tried, with the reason its class implies and the largest room
     * (residual under the cap, or reservable rate) any candidate offered.
     *
     * @param bestRoomBps the largest room found along a candidate, bits per second
     */
    void refuseForCapacity(int d, double bestRoomBps) {
        DemandClass c = demands.demandClass(d);
        String need = BitRate.format(demands.plannedBps(d));
        if (c == DemandClass.GUARANTEED) {
            refuse(d, RefusalReason.NO_RESERVABLE_PATH, String.format(Locale.ROOT,
                    "declared %sbps; the most any candidate path can still reserve is %sbps (reservations up to %.0f%%"
                            + " of capacity, never overbooked)", need, BitRate.format(bestRoomBps),
                    reservationCap * 100));
        } else {
            refuse(d, RefusalReason.NO_CAPACITY, String.format(Locale.ROOT,
                    "needs %sbps; the most room on any candidate path under the %s cap of %.0f%% is %sbps",
                    need, c.token(), classCap[c.ordinal()] * 100, BitRate.format(bestRoomBps)));
        }
    }

    /** @return the smallest room along a candidate path for demand {@code d}, bits per second */
    double pathRoom(int d, int[] links, int from, int n) {
        double r = Double.POSITIVE_INFINITY;
        for (int i = from; i < from + n; i++) {
            r = Math.min(r, room(d, links[i]));
        }
        return r;
    }

    /** @return the room link {@code l} leaves demand {@code d}, bits per second (for refusal details) */
    double room(int d, int l) {
        if (linkTier[l] >= TIER_NEVER) {
            return 0;
        }
        double c = capacity[l];
        double r = Math.min(classCap[demands.classOrdinal(d)], limit[l]) * c - load[l];
        if (isGuaranteed(d)) {
            r = Math.min(r, reservationCap * c - reserved[l]);
        }
        return Math.max(0, r);
    }

    /**
     * The previous routing's path of demand {@code d}, translated to this snapshot's links, for demands that may keep
     * their path under the keep rule (with {@code CLASSES} latency-sensitive and guaranteed ones only).
     *
     * @return the number of links copied into {@code out}, or −1 if there is none to keep
     */
    int previousPath(int d, int[] out) {
        if (previous == null || placed[d]
                || keepRule == KeepRule.CLASSES && demands.demandClass(d) == DemandClass.BULK) {
            return -1;
        }
        Integer e = samePositions ? Integer.valueOf(d) : previousIndex.get(demands.demand(d).id());
        if (e == null || !previous.isRouted(e)) {
            return -1;
        }
        int n = previous.pathLength(e);
        if (n > out.length) {
            return -1;
        }
        boolean same = previous.topology() == topology;
        int at = demands.srcSwitch(d);
        for (int i = 0; i < n; i++) {
            int l = previous.pathLink(e, i);
            if (!same) {
                LinkKey key = previous.topology().link(l).key();
                l = topology.linkIndex(key);
                if (l < 0) {
                    return -1;
                }
            }
            if (topology.linkSrc(l) != at) {
                return -1;
            }
            at = topology.linkDst(l);
            out[i] = l;
        }
        return at == demands.dstSwitch(d) ? n : -1;
    }

    /**
     * @return true unless the keep rule is {@code WITHIN} and the path starting at {@code src} crosses a switch or
     *     cable the reference routing leaves unused and the decision does not require
     */
    boolean keepAllowed(int src, int[] links, int from, int n) {
        if (keepRule != KeepRule.WITHIN) {
            return true;
        }
        if (!keepWithin.usesSwitch(src) && decision.switchDirective(src) != ElementDirective.REQUIRED) {
            return false;
        }
        for (int i = from; i < from + n; i++) {
            int l = links[i];
            int b = topology.linkDst(l);
            if (!keepWithin.usesLink(l) && decision.linkDirective(l) != ElementDirective.REQUIRED
                    || !keepWithin.usesSwitch(b) && decision.switchDirective(b) != ElementDirective.REQUIRED) {
                return false;
            }
        }
        return true;
    }

    /** @return true once demand {@code d} is routed or refused */
    boolean isPlaced(int d) {
        return placed[d];
    }

    /** @return a buffer as long as the longest possible simple path */
    int[] pathBuffer() {
        return new int[Math.max(topology.switchCount(), 1)];
    }

    /** Freezes the ledger; demands never placed are refused as unreachable (a router bug guard). */
    Routing freeze(String router) {
        for (int d = 0; d < placed.length; d++) {
            if (!placed[d]) {
                refuse(d, RefusalReason.UNREACHABLE, "not placed by " + router);
            }
        }
        return new Routing(router, demands, Arrays.copyOf(pool, poolSize), pathStart, pathLength, refusals, load,
                reserved, switchUsed, linkUsed);
    }
}
