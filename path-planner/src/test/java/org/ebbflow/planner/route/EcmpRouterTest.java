package org.ebbflow.planner.route;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.ebbflow.planner.demand.DemandSet;
import org.ebbflow.planner.demand.Locality;
import org.ebbflow.planner.demand.RandomDemandGenerator;
import org.ebbflow.planner.demand.RandomDemandSpec;
import org.ebbflow.planner.policy.AlwaysOnPolicy;
import org.ebbflow.planner.policy.PolicyInput;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.generate.FatTree;
import org.junit.jupiter.api.Test;

class EcmpRouterTest extends DemandRouterContractTest {
    @Override
    DemandRouter create() {
        return new EcmpRouter();
    }

    @Test
    void spreadsLightDemandsOverTheCores() {
        TopologySnapshot t = FatTree.build(8);
        DemandSet set = RandomDemandGenerator.generate(t, RandomDemandSpec.of(400, 1, 0.001, Locality.FAR));
        Routing r = create().route(RoutingRequest.builder(set.resolve(t),
                new AlwaysOnPolicy().decide(PolicyInput.builder(t).build())).build());
        Set<Integer> cores = new HashSet<>();
        for (int d = 0; d < r.demandCount(); d++) {
            cores.add(t.linkDst(r.pathLink(d, 1)));
        }
        assertTrue(cores.size() == 16, "hashing reaches every core: " + cores.size());
    }
}
