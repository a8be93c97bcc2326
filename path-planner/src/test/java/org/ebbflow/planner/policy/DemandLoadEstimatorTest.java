package org.ebbflow.planner.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.ebbflow.planner.demand.Demand;
import org.ebbflow.planner.demand.DemandClass;
import org.ebbflow.planner.demand.DemandSet;
import org.ebbflow.planner.demand.Locality;
import org.ebbflow.planner.demand.RandomDemandGenerator;
import org.ebbflow.planner.demand.RandomDemandSpec;
import org.ebbflow.planner.demand.ResolvedDemands;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.generate.FatTree;
import org.ebbflow.topology.generate.LeafSpine;
import org.junit.jupiter.api.Test;

/** Demand-implied loads: the fabrics' closed forms agree with the general path-count split. */
class DemandLoadEstimatorTest {
    @Test
    void closedFormsAgreeWithTheGeneralSplit() {
        for (TopologySnapshot t : new TopologySnapshot[] {FatTree.build(4), FatTree.build(6),
                LeafSpine.build(3, 5, 4, 40_000_000_000L, 10_000_000_000L)}) {
            ResolvedDemands r = RandomDemandGenerator.generate(t, RandomDemandSpec.of(400, 3, 0.05, Locality.MIXED))
                    .resolve(t);
            LinkLoads closed = DemandLoadEstimator.estimate(r);
            LinkLoads general = DemandLoadEstimator.general(r);
            for (int l = 0; l < t.linkCount(); l++) {
                assertEquals(general.bps(l), closed.bps(l), 1e-3, t + " link " + l);
            }
        }
    }

    @Test
    void aSingleDemandSplitsEvenlyOverTheEqualCostPaths() {
        TopologySnapshot t = FatTree.build(4);
        int a = t.hostIndex(FatTree.hostMac(0, 1, 1));
        int b = t.hostIndex(FatTree.hostMac(2, 1, 1));
        ResolvedDemands r = DemandSet.of(List.of(Demand.betweenHosts(0, a, b, 8e8, 8e8, DemandClass.BULK)))
                .resolve(t);
        LinkLoads loads = DemandLoadEstimator.general(r);
        double total = 0;
        int used = 0;
        for (int l = 0; l < t.linkCount(); l++) {
            if (loads.bps(l) > 0) {
                used++;
                total += loads.bps(l);
            }
        }
        // 2 edge uplinks x 4e8 + 4 agg uplinks x 2e8 + 4 core downlinks x 2e8 + 2 edge downlinks x 4e8
        assertEquals(12, used);
        assertEquals(4 * 8e8, total, 1e-3, "each of the four hops carries the whole demand");
    }
}
