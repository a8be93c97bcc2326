package org.ebbflow.planner.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ebbflow.planner.demand.ClassCaps;
import org.ebbflow.planner.demand.DemandClass;
import org.ebbflow.planner.demand.DemandSet;
import org.ebbflow.planner.demand.ResolvedDemands;
import org.ebbflow.planner.policy.Connectivity;
import org.ebbflow.planner.power.PowerStates;
import org.ebbflow.planner.route.Routing;
import org.ebbflow.topology.TopologySnapshot;

/**
 * Checks a plan's safety invariants from scratch, trusting nothing the router computed:
 * <ol>
 *   <li>every demand whose endpoints the full topology connects (every available element awake) has a path in the
 *   active topology (the plan's states after); refused demands included, so refusing never hides a partition;</li>
 *   <li>no partition: terminals (switches with hosts, or all switches without hosts) connected in the full topology
 *   stay connected in the active one;</li>
 *   <li>every routed path is a simple, contiguous path from the demand's ingress to its egress switch;</li>
 *   <li>no path crosses a switch or cable that is asleep, failed or disabled after the plan;</li>
 *   <li>every link's load, recomputed from the paths and planned rates, is within the cap of every class it carries;
 *   </li>
 *   <li>guaranteed reservations per link are within the reservation cap.</li>
 * </ol>
 * Connectivity treats links as cables (both directions), as every generator and loader builds them.
 * O(S + L + total path length).
 */
public final class PlanVerifier {
    private static final double SLACK = 1e-9;

    private PlanVerifier() {
    }

    /**
     * @param plan the plan to check
     * @param topology the snapshot it must be for
     * @param demands the demands it must place
     * @return the violations found; empty means every invariant holds
     */
    public static List<Violation> verify(Plan plan, TopologySnapshot topology, DemandSet demands) {
        return verify(plan, topology, demands, plan.caps());
    }

    /** Like {@link #verify(Plan, TopologySnapshot, DemandSet)} with explicit caps. */
    public static List<Violation> verify(Plan plan, TopologySnapshot topology, DemandSet demands, ClassCaps caps) {
        List<Violation> out = new ArrayList<>();
        Routing routing = plan.routing();
        if (plan.topology() != topology || plan.after().topology() != topology) {
            out.add(new Violation(Violation.Kind.MISMATCH, "the plan was made for " + plan.topology() + ", not "
                    + topology));
            return out;
        }
        ResolvedDemands rd = routing.demands();
        if (!rd.demandSet().equals(demands)) {
            out.add(new Violation(Violation.Kind.MISMATCH, "the plan places " + rd.size()
                    + " demands that differ from the " + demands.size() + " given"));
            return out;
        }
        PowerStates after = plan.after();
        int n = topology.switchCount();
        boolean[] awake = new boolean[n];
        for (int s = 0; s < n; s++) {
            awake[s] = after.isSwitchAwake(s) && PowerStates.isSwitchAvailable(topology, s);
        }
        boolean[] carries = new boolean[topology.linkCount()];
        for (int l = 0; l < carries.length; l++) {
            carries[l] = after.carries(l);
        }
        int[] full = Connectivity.fullComponents(topology);
        int[] active = Connectivity.components(topology, awake, carries);
        checkPartition(topology, full, active, awake, out);
        checkDemandsConnected(topology, rd, full, active, awake, out);
        checkPaths(topology, routing, awake, carries, caps, out);
        return out;
    }

    private static void checkPartition(TopologySnapshot t, int[] full, int[] active, boolean[] awake,
                                       List<Violation> out) {
        boolean[] terminal = Connectivity.terminals(t);
        int[] representative = new int[t.switchCount()];
        Arrays.fill(representative, -1);
        for (int s = 0; s < terminal.length; s++) {
            if (!terminal[s] || !PowerStates.isSwitchAvailable(t, s)) {
                continue;
            }
            int rep = representative[full[s]];
            if (rep < 0) {
                representative[full[s]] = s;
            } else if (!awake[s] || !awake[rep] || active[s] != active[rep]) {
                out.add(new Violation(Violation.Kind.PARTITION, t.switchAt(s).name() + " and "
                        + t.switchAt(rep).name() + " are connected in the full topology but not in the active one"));
            }
        }
    }

    private static void checkDemandsConnected(TopologySnapshot t, ResolvedDemands rd, int[] full, int[] active,
                                              boolean[] awake, List<Violation> out) {
        for (int d = 0; d < rd.size(); d++) {
            int a = rd.srcSwitch(d);
            int b = rd.dstSwitch(d);
            boolean fullyAvailable = PowerStates.isSwitchAvailable(t, a) && PowerStates.isSwitchAvailable(t, b);
            if (fullyAvailable && full[a] == full[b] && !(awake[a] && awake[b] && active[a] == active[b])) {
                out.add(new Violation(Violation.Kind.DISCONNECTED_DEMAND, "demand " + rd.demand(d).id() + " ("
                        + t.switchAt(a).name() + " -> " + t.switchAt(b).name() + ") has a path in the full topology"
                        + " but none in the active one"));
            }
        }
    }

    private static void checkPaths(TopologySnapshot t, Routing routing, boolean[] awake, boolean[] carries,
                                   ClassCaps caps, List<Violation> out) {
        ResolvedDemands rd = routing.demands();
        int m = t.linkCount();
        double[] load = new double[m];
        double[] reserved = new double[m];
        double[] cap = new double[m];
        int[] capClass = new int[m];
        Arrays.fill(cap, Double.POSITIVE_INFINITY);
        int[] visitedBy = new int[t.switchCount()];
        Arrays.fill(visitedBy, -1);
        for (int d = 0; d < rd.size(); d++) {
            int len = routing.pathLength(d);
            if (len < 0) {
                continue;
            }
            long id = rd.demand(d).id();
            int at = rd.srcSwitch(d);
            visitedBy[at] = d;
            boolean broken = false;
            if (!awake[at]) {
                out.add(new Violation(Violation.Kind.INACTIVE_ELEMENT_ON_PATH, "demand " + id + " enters at "
                        + t.switchAt(at).name() + ", which is not awake after the plan"));
            }
            DemandClass c = rd.demandClass(d);
            double rate = rd.plannedBps(d);
            for (int i = 0; i < len; i++) {
                int l = routing.pathLink(d, i);
                if (t.linkSrc(l) != at) {
                    broken = true;
                    break;
                }
                at = t.linkDst(l);
                if (visitedBy[at] == d) {
                    broken = true;
                    break;
                }
                visitedBy[at] = d;
                if (!carries[l] || !awake[at]) {
                    out.add(new Violation(Violation.Kind.INACTIVE_ELEMENT_ON_PATH, "demand " + id + " crosses "
                            + t.link(l).key() + ", which cannot carry traffic after the plan (state "
                            + t.linkState(l) + ", awake " + carries[l] + ")"));
                }
                load[l] += rate;
                if (c == DemandClass.GUARANTEED) {
                    reserved[l] += rate;
                }
                if (caps.cap(c) < cap[l]) {
                    cap[l] = caps.cap(c);
                    capClass[l] = c.ordinal();
                }
            }
            if (broken || at != rd.dstSwitch(d)) {
                out.add(new Violation(Violation.Kind.BROKEN_PATH, "demand " + id + ": path is not a simple path from "
                        + t.switchAt(rd.srcSwitch(d)).name() + " to " + t.switchAt(rd.dstSwitch(d)).name()));
            }
        }
        for (int l = 0; l < m; l++) {
            double c = t.linkCapacityBps(l);
            if (load[l] > cap[l] * c * (1 + SLACK)) {
                out.add(new Violation(Violation.Kind.OVER_CLASS_CAP, String.format(Locale.ROOT,
                        "%s carries %.0f bps = %.1f%% of capacity, above the %s cap of %.0f%%", t.link(l).key(),
                        load[l], 100 * load[l] / c, DemandClass.values()[capClass[l]].token(), 100 * cap[l])));
            }
            if (reserved[l] > caps.reservationCap() * c * (1 + SLACK)) {
                out.add(new Violation(Violation.Kind.OVERBOOKED_RESERVATION, String.format(Locale.ROOT,
                        "%s has %.0f bps reserved, above %.0f%% of its %.0f bps", t.link(l).key(), reserved[l],
                        100 * caps.reservationCap(), c)));
            }
        }
    }
}
