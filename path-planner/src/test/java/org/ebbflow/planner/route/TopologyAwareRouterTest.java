package org.ebbflow.planner.route;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ebbflow.planner.demand.DemandSet;
import org.ebbflow.planner.demand.Locality;
import org.ebbflow.planner.demand.RandomDemandGenerator;
import org.ebbflow.planner.demand.RandomDemandSpec;
import org.ebbflow.planner.policy.LinkLoads;
import org.ebbflow.planner.policy.PolicyInput;
import org.ebbflow.planner.policy.PowerDecision;
import org.ebbflow.planner.policy.ReactivePolicy;
import org.ebbflow.planner.power.PowerModelRegistry;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.generate.FatTree;
import org.junit.jupiter.api.Test;

class TopologyAwareRouterTest extends DemandRouterContractTest {
    @Override
    DemandRouter create() {
        return new TopologyAwareRouter();
    }

    @Test
    void packsLightTrafficOntoTheFloor() {
        GreedyBinPackingRouterTest.packsLightTrafficOntoTheFloor(create());
    }

    @Test
    void choosesTheSamePathsAsTheGreedyRouterOverEqualCostCandidates() {
        // Same rule (free first, fewest watts, leftmost) over the same candidates in the same order.
        for (int k : new int[] {4, 6, 8}) {
            TopologySnapshot t = FatTree.build(k);
            DemandSet set = RandomDemandGenerator.generate(t, RandomDemandSpec.of(600, k, 0.05, Locality.MIXED)
                    .withClassShares(0.2, 0.2));
            PowerDecision d = new ReactivePolicy().decide(PolicyInput.builder(t).currentLoads(LinkLoads.zero(t))
                    .build());
            RoutingRequest request = RoutingRequest.builder(set.resolve(t), d)
                    .power(PowerModelRegistry.defaults().resolve(t)).build();
            Routing fast = create().route(request);
            Routing greedy = new GreedyBinPackingRouter(GreedyBinPackingRouter.Candidates.EQUAL_COST, 1000)
                    .route(request);
            for (int i = 0; i < set.size(); i++) {
                assertEquals(true, fast.samePath(i, greedy, i), "k=" + k + " demand " + i);
            }
        }
    }
}
