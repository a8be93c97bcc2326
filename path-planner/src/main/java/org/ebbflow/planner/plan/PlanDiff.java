package org.ebbflow.planner.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ebbflow.planner.route.Routing;
import org.ebbflow.topology.DatapathId;
import org.ebbflow.topology.LinkKey;
import org.ebbflow.topology.TopologySnapshot;

/**
 * What changes between two plans, for stability metrics (state transitions and reroutes per hour, as PALR counts
 * them): switches and cables whose target state differs, demands whose path differs, and the rule difference.
 * Elements and demands are matched by identity (datapath id, link key, demand id), so the plans may come from
 * different snapshots. Immutable.
 */
public final class PlanDiff {
    private final List<DatapathId> switchesChanged;
    private final List<LinkKey> cablesChanged;
    private final List<Long> reroutedDemands;
    private final FlowRuleDiff rules;

    private PlanDiff(List<DatapathId> switchesChanged, List<LinkKey> cablesChanged, List<Long> reroutedDemands,
                     FlowRuleDiff rules) {
        this.switchesChanged = Collections.unmodifiableList(switchesChanged);
        this.cablesChanged = Collections.unmodifiableList(cablesChanged);
        this.reroutedDemands = Collections.unmodifiableList(reroutedDemands);
        this.rules = rules;
    }

    /**
     * @param a the earlier plan
     * @param b the later plan
     * @return the difference; O(S + L + D)
     */
    public static PlanDiff between(Plan a, Plan b) {
        TopologySnapshot ta = a.topology();
        TopologySnapshot tb = b.topology();
        List<DatapathId> sw = new ArrayList<>();
        for (int s = 0; s < tb.switchCount(); s++) {
            int o = ta.switchIndex(tb.switchAt(s).dpid());
            if (o >= 0 && a.after().isSwitchAwake(o) != b.after().isSwitchAwake(s)) {
                sw.add(tb.switchAt(s).dpid());
            }
        }
        List<LinkKey> cables = new ArrayList<>();
        for (int l = 0; l < tb.linkCount(); l++) {
            int r = tb.reverseLink(l);
            if (r >= 0 && r < l) {
                continue;
            }
            int o = ta.linkIndex(tb.link(l).key());
            if (o >= 0 && a.after().carries(o) != b.after().carries(l)) {
                cables.add(tb.link(l).key());
            }
        }
        Routing ra = a.routing();
        Routing rb = b.routing();
        Map<Long, Integer> aIndex = new HashMap<>(ra.demandCount() * 2);
        for (int d = 0; d < ra.demandCount(); d++) {
            aIndex.put(ra.demands().demand(d).id(), d);
        }
        List<Long> rerouted = new ArrayList<>();
        boolean sameTopology = ta == tb;
        for (int d = 0; d < rb.demandCount(); d++) {
            long id = rb.demands().demand(d).id();
            Integer e = aIndex.get(id);
            if (e != null && !samePath(ra, e, rb, d, sameTopology)) {
                rerouted.add(id);
            }
        }
        return new PlanDiff(sw, cables, rerouted, FlowRuleDiff.between(ra, rb));
    }

    private static boolean samePath(Routing ra, int e, Routing rb, int d, boolean sameTopology) {
        if (sameTopology) {
            return rb.samePath(d, ra, e);
        }
        if (ra.isRouted(e) != rb.isRouted(d)) {
            return false;
        }
        if (!rb.isRouted(d)) {
            return true;
        }
        if (ra.pathLength(e) != rb.pathLength(d)) {
            return false;
        }
        for (int i = 0; i < rb.pathLength(d); i++) {
            if (!ra.topology().link(ra.pathLink(e, i)).key().equals(rb.topology().link(rb.pathLink(d, i)).key())) {
                return false;
            }
        }
        return true;
    }

    /** @return switches whose state after the plans differs */
    public List<DatapathId> switchesChanged() {
        return switchesChanged;
    }

    /** @return cables (one direction each) whose ability to carry traffic differs */
    public List<LinkKey> cablesChanged() {
        return cablesChanged;
    }

    /** @return ids of demands in both plans whose path (or refusal) differs */
    public List<Long> reroutedDemands() {
        return reroutedDemands;
    }

    /** @return the rules to go from the first plan's routing to the second's */
    public FlowRuleDiff rules() {
        return rules;
    }

    @Override
    public String toString() {
        return "PlanDiff{" + switchesChanged.size() + " switches, " + cablesChanged.size() + " cables, "
                + reroutedDemands.size() + " reroutes, " + rules + "}";
    }
}
