package org.ebbflow.planner.route;

import java.util.function.Function;
import org.ebbflow.planner.policy.ElementDirective;
import org.ebbflow.planner.policy.PowerDecision;
import org.ebbflow.planner.power.SwitchPowerTable;
import org.ebbflow.topology.TopologySnapshot;

/**
 * Route stability between control cycles, shared by the routers: with a previous routing, a demand keeps its path
 * while that path still fits within its class cap on awake elements, and moves only when it must (its path no longer
 * fits, or crosses something asleep or unavailable) or when moving lets an element sleep. Every move is a rule rewrite
 * on the switches, and on a real network each one risks losing packets, so re-packing demands afresh every cycle
 * because their measured rates jittered is not free even when it is no worse on paper.
 *
 * <p>The router runs up to three times: a fresh placement (no bulk demand keeps its path); a stable one (every demand
 * whose previous path fits keeps it, in placement order, before the rest are placed afresh); and, if the stable one
 * keeps more awake than the fresh one, one that keeps only the previous paths lying wholly on elements the fresh
 * placement uses or the decision requires. The first of stable, restricted that refuses no more demands and keeps no
 * more watts awake than the fresh placement (or refuses fewer) wins;
 * otherwise the fresh one. Without a previous routing, one run.
 */
final class Stability {
    private static final double WATT_SLACK = 1e-6;

    private Stability() {
    }

    /**
     * @param request the routing request
     * @param pass places every demand not yet placed in the given state and freezes it
     * @return the routing chosen as above
     */
    static Routing route(RoutingRequest request, Function<RoutingState, Routing> pass) {
        Routing fresh = pass.apply(new RoutingState(request));
        if (request.previous() == null) {
            return fresh;
        }
        double freshWatts = awakeWatts(request, fresh);
        Routing stable = pass.apply(new RoutingState(request, RoutingState.KeepRule.ALL, null));
        if (noWorse(request, stable, fresh, freshWatts)) {
            return stable;
        }
        Routing within = pass.apply(new RoutingState(request, RoutingState.KeepRule.WITHIN, fresh));
        return noWorse(request, within, fresh, freshWatts) ? within : fresh;
    }

    private static boolean noWorse(RoutingRequest request, Routing r, Routing fresh, double freshWatts) {
        return r.refusedCount() < fresh.refusedCount()
                || r.refusedCount() == fresh.refusedCount() && awakeWatts(request, r) <= freshWatts + WATT_SLACK;
    }

    /**
     * @return the watts of the switches and cables the routing uses or the decision requires (what stays awake
     *     beyond the decision's minimum); O(S + L)
     */
    static double awakeWatts(RoutingRequest request, Routing r) {
        TopologySnapshot t = request.topology();
        PowerDecision d = request.decision();
        SwitchPowerTable power = request.power();
        double w = 0;
        for (int s = 0; s < t.switchCount(); s++) {
            if (r.usesSwitch(s) || d.switchDirective(s) == ElementDirective.REQUIRED) {
                w += power.chassisSavingWatts(s);
            }
        }
        for (int l = 0; l < t.linkCount(); l++) {
            int rev = t.reverseLink(l);
            if (rev >= 0 && rev < l) {
                continue;
            }
            boolean on = r.usesLink(l) || d.linkDirective(l) == ElementDirective.REQUIRED
                    || rev >= 0 && (r.usesLink(rev) || d.linkDirective(rev) == ElementDirective.REQUIRED);
            if (on) {
                w += power.portWatts(t.linkSrc(l)) + power.portWatts(t.linkDst(l));
            }
        }
        return w;
    }
}
