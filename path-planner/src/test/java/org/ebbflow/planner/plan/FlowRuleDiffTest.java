package org.ebbflow.planner.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ebbflow.planner.demand.Demand;
import org.ebbflow.planner.demand.DemandClass;
import org.ebbflow.planner.demand.DemandSet;
import org.ebbflow.planner.demand.ResolvedDemands;
import org.ebbflow.planner.policy.AlwaysOnPolicy;
import org.ebbflow.planner.policy.PolicyInput;
import org.ebbflow.planner.policy.PowerDecision;
import org.ebbflow.planner.route.EcmpRouter;
import org.ebbflow.planner.route.Routing;
import org.ebbflow.planner.route.RoutingFixtures;
import org.ebbflow.planner.route.RoutingRequest;
import org.ebbflow.planner.support.RandomTopologies;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.generate.LeafSpine;
import org.junit.jupiter.api.Test;

/** Flow-rule differences checked by hand on a leaf-spine, where a demand moves from spine 1 to spine 2. */
class FlowRuleDiffTest {
    private static final TopologySnapshot T = LeafSpine.build(2, 2, 2, 10_000_000_000L, 10_000_000_000L);

    private static int find(boolean up, int leaf, int spine) {
        for (int l = 0; l < T.linkCount(); l++) {
            boolean fromLeaf = T.switchAt(T.linkSrc(l)).dpid().equals(LeafSpine.leafDpid(leaf));
            boolean toSpine = T.switchAt(T.linkDst(l)).dpid().equals(LeafSpine.spineDpid(spine));
            boolean fromSpine = T.switchAt(T.linkSrc(l)).dpid().equals(LeafSpine.spineDpid(spine));
            boolean toLeaf = T.switchAt(T.linkDst(l)).dpid().equals(LeafSpine.leafDpid(leaf));
            if (up && fromLeaf && toSpine || !up && fromSpine && toLeaf) {
                return l;
            }
        }
        throw new AssertionError();
    }

    @Test
    void aMovedDemandSwapsItsLeafAndSpineRulesAndKeepsItsEgressRule() {
        int h1 = T.hostIndex(LeafSpine.hostMac(1, 1));
        int h2 = T.hostIndex(LeafSpine.hostMac(2, 2));
        ResolvedDemands demands = DemandSet.of(List.of(Demand.betweenHosts(42, h1, h2, 1e6, 1e6,
                DemandClass.LATENCY_SENSITIVE))).resolve(T);
        Routing viaSpine1 = RoutingFixtures.everyDemandOn(demands, find(true, 1, 1), find(false, 2, 1));
        Routing viaSpine2 = RoutingFixtures.everyDemandOn(demands, find(true, 1, 2), find(false, 2, 2));

        FlowRuleDiff fresh = FlowRuleDiff.between(null, viaSpine1);
        assertEquals(3, fresh.addCount());
        List<FlowRule> adds = fresh.adds();
        // Egress first: leaf 2 out of host port 2, spine 1 out of port 2 (to leaf 2), leaf 1 out of port 2 + 1.
        assertEquals(LeafSpine.leafDpid(2), adds.get(0).device());
        assertEquals(2, adds.get(0).outPort());
        assertEquals(LeafSpine.spineDpid(1), adds.get(1).device());
        assertEquals(2, adds.get(1).outPort());
        assertEquals(LeafSpine.leafDpid(1), adds.get(2).device());
        assertEquals(3, adds.get(2).outPort());
        FlowRule r = adds.get(2);
        assertEquals(42, r.demandId());
        assertEquals(LeafSpine.hostMac(1, 1), r.srcMac());
        assertEquals(LeafSpine.hostMac(2, 2), r.dstMac());
        assertEquals(DemandClass.LATENCY_SENSITIVE, r.demandClass());
        assertEquals(FlowRule.COOKIE_TAG, r.cookie() >>> 48);

        FlowRuleDiff move = FlowRuleDiff.between(viaSpine1, viaSpine2);
        assertEquals(2, move.addCount());
        assertEquals(2, move.removeCount());
        assertEquals(LeafSpine.spineDpid(2), move.adds().get(0).device());
        assertEquals(LeafSpine.leafDpid(1), move.adds().get(1).device());
        assertEquals(4, move.adds().get(1).outPort());
        assertEquals(LeafSpine.leafDpid(1), move.removes().get(0).device(), "old rules from the ingress on");
        assertEquals(r.cookie(), move.removes().get(0).cookie(), "the same rule keeps its cookie across plans");
        assertEquals(LeafSpine.spineDpid(1), move.removes().get(1).device());
        assertEquals(42L, move.changedDemandIds()[0]);
        assertTrue(FlowRuleDiff.between(viaSpine2, viaSpine2).isEmpty());

        FlowRuleDiff gone = FlowRuleDiff.between(viaSpine1, RoutingFixtures.everyDemandOn(
                DemandSet.empty().resolve(T)));
        assertEquals(3, gone.removeCount());
        assertEquals(0, gone.addCount());
    }

    @Test
    void aChangedClassReinstallsEveryRuleWithNewCookies() {
        int h1 = T.hostIndex(LeafSpine.hostMac(1, 1));
        int h2 = T.hostIndex(LeafSpine.hostMac(2, 2));
        ResolvedDemands bulk = DemandSet.of(List.of(Demand.betweenHosts(7, h1, h2, 1, 1, DemandClass.BULK)))
                .resolve(T);
        ResolvedDemands gb = DemandSet.of(List.of(Demand.betweenHosts(7, h1, h2, 1, 1, DemandClass.GUARANTEED)))
                .resolve(T);
        int[] path = {find(true, 1, 1), find(false, 2, 1)};
        FlowRuleDiff d = FlowRuleDiff.between(RoutingFixtures.everyDemandOn(bulk, path),
                RoutingFixtures.everyDemandOn(gb, path));
        assertEquals(3, d.addCount());
        assertEquals(3, d.removeCount());
        assertTrue(d.adds().get(0).cookie() != d.removes().get(2).cookie());
    }

    @Test
    void hostlessDemandsEndInTheLocalPort() {
        TopologySnapshot wan = RandomTopologies.connected(2, 6, 0.4, 0);
        ResolvedDemands r = DemandSet.of(List.of(Demand.betweenSwitches(1, 0, 5, 1, 1, DemandClass.BULK)))
                .resolve(wan);
        PowerDecision all = new AlwaysOnPolicy().decide(PolicyInput.builder(wan).build());
        Routing routing = new EcmpRouter().route(RoutingRequest.builder(r, all).build());
        List<FlowRule> adds = FlowRuleDiff.between(null, routing).adds();
        assertEquals(FlowRule.PORT_LOCAL, adds.get(0).outPort());
        assertEquals(wan.switchAt(5).dpid(), adds.get(0).egress());
        assertNull(adds.get(0).srcMac());
    }
}
