package org.ebbflow.openflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ebbflow.flowstats.flows.CookieFilter;
import org.ebbflow.flowstats.flows.EbbflowCookie;
import org.ebbflow.flowstats.flows.FlowEntry;
import org.ebbflow.flowstats.flows.FlowTableSnapshot;
import org.ebbflow.flowstats.flows.RuleKind;
import org.ebbflow.openflow.actuation.ControlRules;
import org.ebbflow.openflow.actuation.FlowRule;
import org.ebbflow.openflow.planning.ObservedDemands;
import org.ebbflow.openflow.planning.PlanRules;
import org.ebbflow.planner.demand.DemandClass;
import org.ebbflow.planner.demand.DemandSet;
import org.ebbflow.planner.plan.Plan;
import org.ebbflow.planner.plan.PlanRequest;
import org.ebbflow.planner.plan.Planner;
import org.ebbflow.planner.policy.AlwaysOnPolicy;
import org.ebbflow.planner.policy.ForecastThresholdPolicy;
import org.ebbflow.planner.route.EcmpRouter;
import org.ebbflow.planner.route.TopologyAwareRouter;
import org.ebbflow.topology.DatapathId;
import org.ebbflow.topology.HostEndpoint;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.generate.FatTree;
import org.junit.jupiter.api.Test;

/** From a plan's rule difference to OpenFlow rules, stages and deletes, on a k=4 fat-tree. */
class PlanRulesTest {
    private final TopologySnapshot t = FatTree.build(4);
    private final ObservedDemands observed = new ObservedDemands();

    private Plan ecmp() {
        return new Planner(new AlwaysOnPolicy(), new EcmpRouter())
                .plan(PlanRequest.builder(t, observed.demands(t, List.of())).build());
    }

    @Test
    void oneDemandPerOrderedHostPairWithIdsStableAcrossCycles() {
        DemandSet a = observed.demands(t, List.of());
        DemandSet b = observed.demands(t, List.of());
        assertEquals(16 * 15, a.size());
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).id(), b.get(i).id());
            assertTrue(ids.add(a.get(i).id()), "ids are unique");
            assertEquals(0.0, a.get(i).meanBps());
            assertEquals(DemandClass.BULK, a.get(i).demandClass());
        }
    }

    @Test
    void stagesInstallEveryDemandFromItsEgressBackToItsIngress() {
        Plan p = ecmp();
        List<org.ebbflow.planner.plan.FlowRule> adds = p.ruleDiff().adds();
        List<List<FlowRule>> stages = PlanRules.stages(adds);
        assertEquals(adds.size(), stages.stream().mapToInt(List::size).sum());
        assertEquals(5, stages.size(), "cross-pod paths have five switches");
        // Stage 0 holds each demand's egress rule: out of the destination host's port.
        Map<Long, Integer> stageOf = new HashMap<>();
        for (int s = 0; s < stages.size(); s++) {
            for (FlowRule r : stages.get(s)) {
                assertEquals(ControlRules.ROUTE_PRIORITY, r.priority());
                assertEquals(RuleKind.PATH, r.cookie().kind());
                assertEquals(0x0800, r.match().ethType());
                assertTrue(r.match().ethSrc() != null && r.match().ethDst() != null);
                long key = r.cookie().id() * 1_000_003L + r.dpid().value();
                assertEquals(null, stageOf.put(key, s), "one rule per demand and switch");
            }
        }
        for (FlowRule r : stages.get(0)) {
            HostEndpoint dst = hostWithMac(r.match().ethDst().value());
            assertEquals(dst.attachment().dpid(), r.dpid(), "stage 0 is the egress switch");
            assertEquals(dst.attachment().portNumber(), r.actions().get(0).port());
        }
    }

    @Test
    void removalsSkipSwitchesWhereTheDemandGetsANewRuleInPlace() {
        Plan spread = ecmp();
        Plan packed = new Planner(new ForecastThresholdPolicy(), new TopologyAwareRouter())
                .plan(PlanRequest.builder(t, observed.demands(t, List.of())).previous(spread).build());
        List<org.ebbflow.planner.plan.FlowRule> adds = packed.ruleDiff().adds();
        List<org.ebbflow.planner.plan.FlowRule> removes = packed.ruleDiff().removes();
        assertFalse(removes.isEmpty(), "consolidation moves demands");
        Map<DatapathId, List<CookieFilter>> removals = PlanRules.removals(adds, removes);
        Set<String> added = new HashSet<>();
        adds.forEach(r -> added.add(r.device() + "/" + r.demandId()));
        int n = 0;
        for (Map.Entry<DatapathId, List<CookieFilter>> e : removals.entrySet()) {
            for (CookieFilter f : e.getValue()) {
                EbbflowCookie c = EbbflowCookie.parse(f.cookie());
                assertEquals(-1L, f.mask(), "exact deletes only");
                assertFalse(added.contains(e.getKey() + "/" + c.id()), "would delete the rule just rewritten");
                n++;
            }
        }
        assertTrue(n > 0 && n <= removes.size());
    }

    @Test
    void staleRulesAreThosePolledButNotPlanned() {
        Plan p = ecmp();
        List<org.ebbflow.planner.plan.FlowRule> planned = p.ruleDiff().adds();
        org.ebbflow.planner.plan.FlowRule kept = planned.get(0);
        DatapathId sw = kept.device();
        FlowTableSnapshot table = FlowTableSnapshot.of(sw, 0, List.of(
                FlowEntry.builder(sw).priority(1).cookie(PlanRules.cookieOf(kept.demandId()).value()).build(),
                FlowEntry.builder(sw).priority(2).cookie(PlanRules.cookieOf(999_999).value()).build(),
                FlowEntry.builder(sw).priority(3).cookie(EbbflowCookie.control(RuleKind.LLDP).value()).build(),
                FlowEntry.builder(sw).priority(4).cookie(0x1234).build()));
        Map<DatapathId, List<CookieFilter>> stale = PlanRules.stale(planned, List.of(table));
        assertEquals(List.of(PlanRules.cookieOf(999_999).exactFilter()), stale.get(sw));
    }

    private HostEndpoint hostWithMac(long mac) {
        for (HostEndpoint h : t.hosts()) {
            if (h.mac().value() == mac) {
                return h;
            }
        }
        throw new AssertionError("no host with MAC " + mac);
    }
}
