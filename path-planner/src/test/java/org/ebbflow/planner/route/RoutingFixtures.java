package org.ebbflow.planner.route;

import org.ebbflow.planner.demand.ResolvedDemands;

/** Routings no router would produce, for tests of the plan verifier. */
public final class RoutingFixtures {
    private RoutingFixtures() {
    }

    /**
     * @return a routing in which every demand takes the given links, whatever its endpoints (usually broken)
     */
    public static Routing everyDemandOn(ResolvedDemands demands, int... links) {
        int n = demands.size();
        int[] pool = new int[n * links.length];
        int[] start = new int[n];
        int[] length = new int[n];
        double[] load = new double[demands.topology().linkCount()];
        boolean[] switchUsed = new boolean[demands.topology().switchCount()];
        boolean[] linkUsed = new boolean[demands.topology().linkCount()];
        for (int d = 0; d < n; d++) {
            start[d] = d * links.length;
            length[d] = links.length;
            System.arraycopy(links, 0, pool, start[d], links.length);
        }
        return new Routing("fixture", demands, pool, start, length, new Refusal[n], load, new double[load.length],
                switchUsed, linkUsed);
    }
}
