package org.ebbflow.planner.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ebbflow.planner.demand.DemandSet;
import org.ebbflow.planner.demand.Locality;
import org.ebbflow.planner.demand.RandomDemandGenerator;
import org.ebbflow.planner.demand.RandomDemandSpec;
import org.ebbflow.planner.policy.FatTreeFloor;
import org.ebbflow.planner.policy.Floor;
import org.ebbflow.planner.policy.LinkLoads;
import org.ebbflow.planner.policy.PolicyInput;
import org.ebbflow.planner.policy.PowerDecision;
import org.ebbflow.planner.policy.ReactivePolicy;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.generate.FatTree;
import org.junit.jupiter.api.Test;

class GreedyBinPackingRouterTest extends DemandRouterContractTest {
    @Override
    DemandRouter create() {
        return new GreedyBinPackingRouter();
    }

    /** Light far traffic on a fat-tree, with only the floor required: everything fits on the floor's elements. */
    static void packsLightTrafficOntoTheFloor(DemandRouter router) {
        TopologySnapshot t = FatTree.build(6);
        DemandSet set = RandomDemandGenerator.generate(t, RandomDemandSpec.of(300, 4, 0.001, Locality.FAR));
        PowerDecision floorOnly = new ReactivePolicy().decide(PolicyInput.builder(t).currentLoads(LinkLoads.zero(t))
                .build());
        Routing r = router.route(RoutingRequest.builder(set.resolve(t), floorOnly).build());
        Floor floor = new FatTreeFloor(0).compute(t);
        assertEquals(300, r.routedCount());
        for (int s = 0; s < t.switchCount(); s++) {
            assertTrue(!r.usesSwitch(s) || floor.hasSwitch(s), "only floor switches carry the light traffic");
        }
    }

    @Test
    void packsLightTrafficOntoTheFloor() {
        packsLightTrafficOntoTheFloor(create());
    }

    @Test
    void equalCostCandidatesWorkToo() {
        packsLightTrafficOntoTheFloor(new GreedyBinPackingRouter(GreedyBinPackingRouter.Candidates.EQUAL_COST, 64));
        assertThrows(IllegalArgumentException.class,
                () -> new GreedyBinPackingRouter(GreedyBinPackingRouter.Candidates.K_SHORTEST, 0));
    }
}
