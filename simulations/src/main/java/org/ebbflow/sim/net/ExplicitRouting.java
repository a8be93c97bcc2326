package org.ebbflow.sim.net;

import java.util.HashMap;
import java.util.Map;
import java.util.function.IntPredicate;

import org.ebbflow.sim.traffic.DemandBatch;

/**
 * Paths a planner chose per host pair, with another routing for the pairs it did not plan (new containers,
 * unplanned traffic). A planned path is a list of switch links from the source host's switch to the destination
 * host's; hosts on the same switch have an empty path. Immutable once built.
 */
public final class ExplicitRouting implements Routing {
    /** The name in reports. */
    public static final String NAME = "explicit";

    private final Fabric fabric;
    private final Map<Long, int[]> paths;
    private final Routing fallback;
    private final IntPredicate usable;

    /**
     * @param fabric the network
     * @param paths switch-link paths by {@link DemandBatch#pairKey(int, int)} of the host pair (copied)
     * @param fallback the routing of pairs without a path
     * @throws IllegalArgumentException if a path does not lead from its source host's switch to its destination
     *     host's, link after link
     */
    public ExplicitRouting(Fabric fabric, Map<Long, int[]> paths, Routing fallback) {
        this(fabric, paths, fallback, l -> true);
    }

    /**
     * As {@link #ExplicitRouting(Fabric, Map, Routing)}, but a planned path with a link that is not usable yet (its
     * switch or cable is still waking) is not installed: its pair takes the fallback until the path's elements are
     * up, as a controller installs a new path only after the wake completes (make before break).
     *
     * @param usable whether a switch link forwards now
     */
    public ExplicitRouting(Fabric fabric, Map<Long, int[]> paths, Routing fallback, IntPredicate usable) {
        this.fabric = fabric;
        this.fallback = fallback;
        this.usable = usable;
        this.paths = new HashMap<>(paths.size() * 2);
        for (Map.Entry<Long, int[]> e : paths.entrySet()) {
            int src = (int) (e.getKey() >>> 32);
            int dst = (int) (long) e.getKey();
            int[] p = e.getValue().clone();
            check(src, dst, p);
            this.paths.put(e.getKey(), p);
        }
    }

    private void check(int src, int dst, int[] p) {
        if (src < 0 || dst < 0 || src >= fabric.hostCount() || dst >= fabric.hostCount()) {
            throw new IllegalArgumentException("explicit path for unknown hosts " + src + "->" + dst);
        }
        int cur = fabric.hostSwitch(src);
        for (int l : p) {
            if (l < 0 || l >= fabric.switchLinkCount() || fabric.linkSrc(l) != cur) {
                throw new IllegalArgumentException("explicit path " + src + "->" + dst + " is broken at link " + l);
            }
            cur = fabric.linkDst(l);
        }
        if (cur != fabric.hostSwitch(dst)) {
            throw new IllegalArgumentException("explicit path " + src + "->" + dst + " ends at switch " + cur
                    + ", not at the destination's");
        }
    }

    private boolean allUsable(int[] p) {
        for (int l : p) {
            if (!usable.test(l)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void route(DemandBatch demands, int d, RoutedPaths out) {
        int src = demands.src(d);
        int dst = demands.dst(d);
        int[] p = paths.get(DemandBatch.pairKey(src, dst));
        if (p == null || !allUsable(p)) {
            fallback.route(demands, d, out);
            return;
        }
        out.begin(d, 1);
        out.add(fabric.hostUpLink(src));
        for (int l : p) {
            out.add(l);
        }
        out.add(fabric.hostDownLink(dst));
        out.end();
    }
}
