package org.ebbflow.planner.route;

/**
 * Places demands on paths. Contract, checked for every implementation by the same tests:
 * <ul>
 *   <li>every demand is either routed on a contiguous path from its ingress to its egress switch, or refused with a
 *   {@link Refusal};</li>
 *   <li>no path uses an element the decision marks unavailable, and every element a path uses is reported used, so
 *   the plan keeps it awake;</li>
 *   <li>after placement every link's load is within the cap of every class it carries, and reservations within the
 *   reservation cap;</li>
 *   <li>latency-sensitive demands take only paths of the fewest hops the full topology offers;</li>
 *   <li>a demand is refused as {@link RefusalReason#UNREACHABLE} only if no available path exists.</li>
 * </ul>
 * Routers may keep caches tied to the last topology they saw and are not thread-safe.
 */
public interface DemandRouter {
    /** @return a short name for reports and plans, e.g. {@code greedy} */
    String name();

    /**
     * @param request the topology, demands, power decision, caps and power figures
     * @return the placement of every demand
     */
    Routing route(RoutingRequest request);
}
