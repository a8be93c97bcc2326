package org.ebbflow.planner.optimal;

import java.util.ArrayList;
import java.util.List;
import org.ebbflow.planner.policy.ElementDirective;
import org.ebbflow.planner.power.PowerModelRegistry;
import org.ebbflow.planner.power.PowerReport;
import org.ebbflow.planner.power.PowerStates;
import org.ebbflow.planner.route.DemandRouter;
import org.ebbflow.planner.route.RefusalReason;
import org.ebbflow.planner.route.Routing;
import org.ebbflow.planner.route.RoutingAssembler;
import org.ebbflow.planner.route.RoutingRequest;
import org.ebbflow.topology.TopologySnapshot;

/**
 * The reference for the MILP on tiny instances: every combination of simple paths (one per demand), kept if it fits
 * the caps, scored by the power the plan would draw. Exponential: a few demands on a handful of switches only.
 */
final class BruteForceRouter implements DemandRouter {
    private final PowerModelRegistry registry = PowerModelRegistry.defaults();
    private double bestWatts;
    private int[][] best;

    @Override
    public String name() {
        return "brute-force";
    }

    /** @return the watts of the last routing returned */
    double bestWatts() {
        return bestWatts;
    }

    @Override
    public Routing route(RoutingRequest request) {
        TopologySnapshot t = request.topology();
        int n = request.demands().size();
        List<List<int[]>> options = new ArrayList<>();
        for (int d = 0; d < n; d++) {
            List<int[]> paths = new ArrayList<>();
            simplePaths(request, request.demands().srcSwitch(d), request.demands().dstSwitch(d),
                    new boolean[t.switchCount()], new ArrayList<>(), paths);
            options.add(paths);
        }
        bestWatts = Double.POSITIVE_INFINITY;
        best = null;
        search(request, options, 0, new int[n][]);
        RoutingAssembler asm = new RoutingAssembler(request);
        for (int d = 0; d < n; d++) {
            if (best == null) {
                asm.refuse(d, RefusalReason.NO_CAPACITY, "brute force found nothing");
            } else {
                asm.place(d, best[d]);
            }
        }
        return asm.build(name());
    }

    private void search(RoutingRequest request, List<List<int[]>> options, int d, int[][] chosen) {
        if (d == chosen.length) {
            RoutingAssembler asm = new RoutingAssembler(request);
            for (int i = 0; i < chosen.length; i++) {
                if (!asm.fits(i, chosen[i])) {
                    return;
                }
                asm.place(i, chosen[i]);
            }
            double w = watts(request, asm.build(name()));
            if (w < bestWatts - 1e-9) {
                bestWatts = w;
                best = chosen.clone();
            }
            return;
        }
        for (int[] p : options.get(d)) {
            chosen[d] = p;
            search(request, options, d + 1, chosen);
        }
    }

    private double watts(RoutingRequest request, Routing r) {
        TopologySnapshot t = request.topology();
        PowerStates.Builder b = request.current().toBuilder();
        for (int s = 0; s < t.switchCount(); s++) {
            if (request.decision().switchDirective(s) != ElementDirective.UNAVAILABLE) {
                b.switchAwake(s, request.decision().switchDirective(s) == ElementDirective.REQUIRED
                        || r.usesSwitch(s));
            }
        }
        for (int l = 0; l < t.linkCount(); l++) {
            int rev = t.reverseLink(l);
            if ((rev < 0 || l < rev) && request.decision().linkDirective(l) != ElementDirective.UNAVAILABLE) {
                b.linkAwake(l, request.decision().linkDirective(l) == ElementDirective.REQUIRED || r.usesLink(l)
                        || rev >= 0 && r.usesLink(rev));
            }
        }
        return PowerReport.of(b.build(), registry).currentWatts();
    }

    private static void simplePaths(RoutingRequest request, int at, int dst, boolean[] seen, List<Integer> links,
                                    List<int[]> out) {
        TopologySnapshot t = request.topology();
        if (at == dst) {
            int[] p = new int[links.size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = links.get(i);
            }
            out.add(p);
            return;
        }
        seen[at] = true;
        for (int q = t.outLinkStart(at); q < t.outLinkEnd(at); q++) {
            int l = t.outLinkAt(q);
            int v = t.linkDst(l);
            if (!seen[v] && PowerStates.isLinkAvailable(t, l)
                    && request.decision().linkDirective(l) != ElementDirective.UNAVAILABLE) {
                links.add(l);
                simplePaths(request, v, dst, seen, links, out);
                links.remove(links.size() - 1);
            }
        }
        seen[at] = false;
    }
}
