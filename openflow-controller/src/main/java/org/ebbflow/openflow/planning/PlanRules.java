package org.ebbflow.openflow.planning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ebbflow.flowstats.flows.CookieFilter;
import org.ebbflow.flowstats.flows.EbbflowCookie;
import org.ebbflow.flowstats.flows.FlowMatch;
import org.ebbflow.flowstats.flows.FlowEntry;
import org.ebbflow.flowstats.flows.FlowTableSnapshot;
import org.ebbflow.flowstats.flows.RuleKind;
import org.ebbflow.openflow.actuation.ControlRules;
import org.ebbflow.openflow.actuation.FlowAction;
import org.ebbflow.openflow.actuation.FlowRule;
import org.ebbflow.openflow.packet.EthernetFrame;
import org.ebbflow.topology.DatapathId;

/**
 * Turns a plan's rule difference into OpenFlow rules and cookie deletes. A planner rule (switch, demand, output
 * port) becomes {@code eth_type=0x0800, eth_src=SRC, eth_dst=DST → output:PORT} at {@link ControlRules#ROUTE_PRIORITY}
 * with the cookie {@code path(demand id, 0)} ({@link RuleKind#PATH}): a demand has at most one rule per switch, so a
 * re-routed hop is rewritten in place (same match and priority) and a hop the new path leaves is deleted with the
 * demand's exact cookie on that switch alone. Stateless.
 */
public final class PlanRules {
    private PlanRules() {
    }

    /** @return the OpenFlow rule of a planner rule between hosts */
    public static FlowRule toOpenFlow(org.ebbflow.planner.plan.FlowRule r) {
        if (r.srcMac() == null || r.dstMac() == null) {
            throw new IllegalArgumentException("only demands between hosts are routed by the controller: " + r);
        }
        FlowMatch m = FlowMatch.builder().ethType(EthernetFrame.TYPE_IPV4).ethSrc(r.srcMac()).ethDst(r.dstMac())
                .build();
        return FlowRule.of(r.device(), ControlRules.ROUTE_PRIORITY, m, List.of(FlowAction.output(r.outPort())),
                cookieOf(r.demandId()));
    }

    /** @return the cookie of every rule of a demand */
    public static EbbflowCookie cookieOf(long demandId) {
        return EbbflowCookie.path(demandId, 0);
    }

    /**
     * Make-before-break stages: the planner lists each demand's new rules from its egress back to its ingress, so
     * stage i holds every demand's i-th rule from the egress; installing stage by stage with barriers means no
     * switch forwards a demand to a hop whose rule is not there yet.
     *
     * @param adds the plan's rules to install, in the planner's order
     * @return the stages, first to install first
     */
    public static List<List<FlowRule>> stages(List<org.ebbflow.planner.plan.FlowRule> adds) {
        List<List<FlowRule>> stages = new ArrayList<>();
        long demand = Long.MIN_VALUE;
        int rank = 0;
        for (org.ebbflow.planner.plan.FlowRule r : adds) {
            rank = r.demandId() == demand ? rank + 1 : 0;
            demand = r.demandId();
            while (stages.size() <= rank) {
                stages.add(new ArrayList<>());
            }
            stages.get(rank).add(toOpenFlow(r));
        }
        return stages;
    }

    /**
     * The deletes of the rules a plan removes, leaving out every (switch, demand) that also gets a new rule: that
     * rule replaced the old one in place and carries the same cookie.
     *
     * @return per switch, the exact cookie filters to delete
     */
    public static Map<DatapathId, List<CookieFilter>> removals(List<org.ebbflow.planner.plan.FlowRule> adds,
                                                               List<org.ebbflow.planner.plan.FlowRule> removes) {
        Set<Hop> added = new HashSet<>();
        for (org.ebbflow.planner.plan.FlowRule r : adds) {
            added.add(new Hop(r.device(), r.demandId()));
        }
        Map<DatapathId, List<CookieFilter>> out = new LinkedHashMap<>();
        Set<Hop> seen = new HashSet<>();
        for (org.ebbflow.planner.plan.FlowRule r : removes) {
            Hop h = new Hop(r.device(), r.demandId());
            if (!added.contains(h) && seen.add(h)) {
                out.computeIfAbsent(r.device(), d -> new ArrayList<>()).add(cookieOf(r.demandId()).exactFilter());
            }
        }
        return out;
    }

    /**
     * Re-verification after a plan could not be applied (or a switch was reset): the path rules the switches were
     * last seen holding that the new plan does not place there.
     *
     * @param planned every rule of the new plan (its whole routing, not a difference)
     * @param tables each switch's latest flow table, as polled
     * @return per switch, the exact cookie filters of the stale path rules
     */
    public static Map<DatapathId, List<CookieFilter>> stale(Collection<org.ebbflow.planner.plan.FlowRule> planned,
                                                            Collection<FlowTableSnapshot> tables) {
        Set<Hop> wanted = new HashSet<>();
        for (org.ebbflow.planner.plan.FlowRule r : planned) {
            wanted.add(new Hop(r.device(), r.demandId()));
        }
        Map<DatapathId, List<CookieFilter>> out = new HashMap<>();
        for (FlowTableSnapshot table : tables) {
            Set<Long> cookies = new HashSet<>();
            for (FlowEntry entry : table.entries()) {
                long cookie = entry.cookie();
                EbbflowCookie c = EbbflowCookie.tryParse(cookie);
                if (c != null && c.kind() == RuleKind.PATH && !wanted.contains(new Hop(table.dpid(), c.id()))
                        && cookies.add(cookie)) {
                    out.computeIfAbsent(table.dpid(), d -> new ArrayList<>()).add(c.exactFilter());
                }
            }
        }
        return out;
    }

    private record Hop(DatapathId dpid, long demand) {
    }
}
