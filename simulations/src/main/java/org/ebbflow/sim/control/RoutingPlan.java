package org.ebbflow.sim.control;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import org.ebbflow.sim.traffic.DemandBatch;

/** How a decision wants traffic routed from the next step on. Immutable. */
public final class RoutingPlan {
    /** The kinds of plan. */
    public enum Kind {
        /** Keep the routing in use. */
        UNCHANGED,
        /** Shortest-path ECMP over the elements the decision keeps awake (the default routing). */
        ECMP,
        /** Planned paths per host pair; ECMP over the awake elements for the other pairs. */
        EXPLICIT
    }

    private static final RoutingPlan UNCHANGED = new RoutingPlan(Kind.UNCHANGED, Map.of());
    private static final RoutingPlan ECMP = new RoutingPlan(Kind.ECMP, Map.of());

    private final Kind kind;
    private final Map<Long, int[]> paths;

    private RoutingPlan(Kind kind, Map<Long, int[]> paths) {
        this.kind = kind;
        this.paths = paths;
    }

    /** @return a plan that keeps the current routing */
    public static RoutingPlan unchanged() {
        return UNCHANGED;
    }

    /** @return ECMP over what the decision keeps awake */
    public static RoutingPlan ecmp() {
        return ECMP;
    }

    /**
     * @param paths per host pair ({@link DemandBatch#pairKey(int, int)} of the snapshot's host indices), the
     *     snapshot's directed link indices from the source host's switch to the destination host's (empty for hosts
     *     on one switch); copied
     * @return planned paths, ECMP for the other pairs
     */
    public static RoutingPlan explicit(Map<Long, int[]> paths) {
        Map<Long, int[]> copy = new HashMap<>(paths.size() * 2);
        for (Map.Entry<Long, int[]> e : paths.entrySet()) {
            copy.put(e.getKey(), e.getValue().clone());
        }
        return new RoutingPlan(Kind.EXPLICIT, Collections.unmodifiableMap(copy));
    }

    /** As {@link #explicit} without the copy: the caller hands over the map and never touches it again. */
    static RoutingPlan adopt(Map<Long, int[]> paths) {
        return new RoutingPlan(Kind.EXPLICIT, Collections.unmodifiableMap(paths));
    }

    /** @return the kind */
    public Kind kind() {
        return kind;
    }

    /** @return the planned paths (empty unless {@link Kind#EXPLICIT}); arrays must not be changed */
    public Map<Long, int[]> paths() {
        return paths;
    }

    @Override
    public String toString() {
        return kind == Kind.EXPLICIT ? "explicit(" + paths.size() + " pairs)" : kind.name().toLowerCase();
    }
}
