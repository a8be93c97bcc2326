package org.ebbflow.planner.route;

import org.ebbflow.planner.demand.DemandClass;

/**
 * Per-demand placement rules over a {@link CandidateSource}, shared by the routers. Both first try the demand's
 * previous path when the state's keep rule lets it keep one and that path needs nothing woken (see {@link Stability}).
 */
final class Placement {
    private Placement() {
    }

    /**
     * ElasticTree's greedy rule with energy awareness: among candidates that fit, take the one with the lowest tier
     * (free, awake optional, asleep optional, held), then the fewest added watts, then the leftmost; stop at the first
     * free fit, which nothing can beat. Latency-sensitive demands consider only the shortest candidates.
     * O(candidates × hops).
     */
    static void energyFirstFit(RoutingState st, int d, CandidateSource source, int[] buf) {
        int src = st.demands.srcSwitch(d);
        int dst = st.demands.dstSwitch(d);
        if (keepPrevious(st, d, buf)) {
            return;
        }
        int count = source.count(src, dst);
        if (count == 0) {
            st.refuse(d, RefusalReason.UNREACHABLE, "no available path from " + st.topology.switchAt(src).name()
                    + " to " + st.topology.switchAt(dst).name());
            return;
        }
        int maxLength = isLatencySensitive(st, d) ? source.minLength(src, dst) : Integer.MAX_VALUE;
        int best = -1;
        int bestTier = Integer.MAX_VALUE;
        double bestWatts = Double.POSITIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            int n = source.fill(src, dst, i, buf);
            if (n < 0 || n > maxLength) {
                continue;
            }
            int tier = st.tier(src, buf, 0, n);
            if (tier >= RoutingState.TIER_NEVER || tier > bestTier || !st.fits(d, buf, 0, n)) {
                continue;
            }
            double watts = tier == RoutingState.TIER_FREE ? 0 : st.marginalWatts(src, buf, 0, n);
            if (tier < bestTier || watts < bestWatts) {
                best = i;
                bestTier = tier;
                bestWatts = watts;
                if (tier == RoutingState.TIER_FREE) {
                    break;
                }
            }
        }
        commitOrRefuse(st, d, source, buf, best, maxLength);
    }

    /**
     * The ECMP baseline: start at the candidate the demand's id hashes to and take the first that fits, wrapping
     * around; candidates held asleep by dwell only if no other fits. Latency-sensitive demands keep to the shortest.
     * O(candidates × hops).
     */
    static void hashedFirstFit(RoutingState st, int d, CandidateSource source, int[] buf) {
        if (!tryHashedFirstFit(st, d, source, buf)) {
            int src = st.demands.srcSwitch(d);
            int dst = st.demands.dstSwitch(d);
            refuse(st, d, source, buf, isLatencySensitive(st, d) ? source.minLength(src, dst) : Integer.MAX_VALUE);
        }
    }

    /** Like {@link #hashedFirstFit} but leaves the demand unplaced, returning false, when nothing fits. */
    static boolean tryHashedFirstFit(RoutingState st, int d, CandidateSource source, int[] buf) {
        int src = st.demands.srcSwitch(d);
        int dst = st.demands.dstSwitch(d);
        if (keepPrevious(st, d, buf)) {
            return true;
        }
        int count = source.count(src, dst);
        if (count == 0) {
            return false;
        }
        int maxLength = isLatencySensitive(st, d) ? source.minLength(src, dst) : Integer.MAX_VALUE;
        int start = Math.floorMod(mix(st.demands.demand(d).id()), count);
        int chosen = -1;
        for (int pass = 0; pass < 2 && chosen < 0; pass++) {
            int tierLimit = pass == 0 ? RoutingState.TIER_HELD - 1 : RoutingState.TIER_HELD;
            for (int j = 0; j < count; j++) {
                int i = (start + j) % count;
                int n = source.fill(src, dst, i, buf);
                if (n >= 0 && n <= maxLength && st.tier(src, buf, 0, n) <= tierLimit && st.fits(d, buf, 0, n)) {
                    chosen = i;
                    break;
                }
            }
        }
        if (chosen < 0) {
            return false;
        }
        st.commit(d, buf, 0, source.fill(src, dst, chosen, buf));
        return true;
    }

    private static void commitOrRefuse(RoutingState st, int d, CandidateSource source, int[] buf, int chosen,
                                       int maxLength) {
        int src = st.demands.srcSwitch(d);
        int dst = st.demands.dstSwitch(d);
        if (chosen >= 0) {
            int n = source.fill(src, dst, chosen, buf);
            st.commit(d, buf, 0, n);
            return;
        }
        refuse(st, d, source, buf, maxLength);
    }

    /**
     * Refuses a demand no candidate could take: unreachable if every candidate crosses an unavailable element,
     * otherwise for capacity, with the most room any candidate offers.
     */
    static void refuse(RoutingState st, int d, CandidateSource source, int[] buf, int maxLength) {
        int src = st.demands.srcSwitch(d);
        int dst = st.demands.dstSwitch(d);
        double room = -1;
        for (int i = 0; i < source.count(src, dst); i++) {
            int n = source.fill(src, dst, i, buf);
            if (n >= 0 && n <= maxLength && st.tier(src, buf, 0, n) < RoutingState.TIER_NEVER) {
                room = Math.max(room, st.pathRoom(d, buf, 0, n));
            }
        }
        if (room < 0) {
            st.refuse(d, RefusalReason.UNREACHABLE, "no path from " + st.topology.switchAt(src).name() + " to "
                    + st.topology.switchAt(dst).name() + " avoids failed and disabled elements");
        } else {
            st.refuseForCapacity(d, room == Double.POSITIVE_INFINITY ? st.rate(d) : room);
        }
    }

    /** @return true if the demand kept its previous path */
    static boolean keepPrevious(RoutingState st, int d, int[] buf) {
        int n = st.previousPath(d, buf);
        if (n < 0) {
            return false;
        }
        int src = st.demands.srcSwitch(d);
        if (st.tier(src, buf, 0, n) <= 1 && st.fits(d, buf, 0, n) && st.keepAllowed(src, buf, 0, n)) {
            st.commit(d, buf, 0, n);
            return true;
        }
        return false;
    }

    static boolean isLatencySensitive(RoutingState st, int d) {
        return st.demands.classOrdinal(d) == DemandClass.LATENCY_SENSITIVE.ordinal();
    }

    /** A 64-bit mix (SplitMix64's finaliser) of the demand id, folded to an int: the ECMP hash. */
    static int mix(long id) {
        long z = id + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (int) (z ^ (z >>> 32));
    }
}
