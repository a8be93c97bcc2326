package org.ebbflow.planner.optimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.ebbflow.planner.demand.ClassCaps;
import org.ebbflow.planner.demand.DemandSet;
import org.ebbflow.planner.demand.Locality;
import org.ebbflow.planner.demand.RandomDemandGenerator;
import org.ebbflow.planner.demand.RandomDemandSpec;
import org.ebbflow.planner.plan.Plan;
import org.ebbflow.planner.plan.PlanRequest;
import org.ebbflow.planner.plan.PlanVerifier;
import org.ebbflow.planner.plan.Strategy;
import org.ebbflow.planner.policy.Connectivity;
import org.ebbflow.planner.policy.ForecastThresholdPolicy;
import org.ebbflow.planner.power.PowerModelRegistry;
import org.ebbflow.planner.power.PowerStates;
import org.ebbflow.planner.support.RandomTopologies;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.generate.FatTree;
import org.junit.jupiter.api.Test;

class MinimumSubsetTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    private static OptimalPlan subset(TopologySnapshot t, DemandSet demands) {
        return OptimalPlanner.minimumSubset(LIMIT, ClassCaps.defaults(), PowerModelRegistry.defaults())
                .plan(PlanRequest.builder(t, demands).build());
    }

    private static boolean terminalsConnected(TopologySnapshot t, PowerStates s) {
        boolean[] sw = new boolean[t.switchCount()];
        boolean[] ln = new boolean[t.linkCount()];
        for (int i = 0; i < sw.length; i++) {
            sw[i] = s.isSwitchAwake(i);
        }
        for (int l = 0; l < ln.length; l++) {
            ln[l] = s.carries(l);
        }
        return Connectivity.keepsTerminalsTogether(t, Connectivity.fullComponents(t),
                Connectivity.components(t, sw, ln), sw);
    }

    @Test
    void anIdleFatTreeKeepsASteinerTreeOverItsEdgeSwitches() {
        TopologySnapshot t = FatTree.build(4);
        OptimalPlan opt = subset(t, DemandSet.empty());
        assertEquals(SolveStatus.OPTIMAL, opt.status());
        PowerStates after = opt.plan().after();
        // 8 edge switches (the terminals) joined through one aggregation switch per pod and one core: 13 switches,
        // a tree over them has 12 cables.
        assertEquals(13, after.awakeSwitchCount());
        assertEquals(12, after.carryingCableCount());
        assertTrue(terminalsConnected(t, after));
        assertEquals(opt.watts(), opt.solve().objectiveWatts(), 1e-3, "model watts = report watts");
    }

    @Test
    void aHostlessGraphKeepsEverySwitchAndASpanningTree() {
        for (long seed = 0; seed < 5; seed++) {
            TopologySnapshot t = RandomTopologies.connected(seed, 7, 0.5, 0);
            OptimalPlan opt = subset(t, DemandSet.empty());
            assertEquals(7, opt.plan().after().awakeSwitchCount(), "seed " + seed);
            assertEquals(6, opt.plan().after().carryingCableCount(), "seed " + seed);
            assertTrue(terminalsConnected(t, opt.plan().after()), "seed " + seed);
        }
    }

    @Test
    void neverPartitionsAndNeverCostsMoreThanAnyPlannerOnTheSameDemands() {
        for (int i = 0; i < 8; i++) {
            TopologySnapshot t = i % 2 == 0 ? FatTree.build(4) : RandomTopologies.connected(i, 8, 0.3, 1);
            Locality loc = Locality.values()[i % Locality.values().length];
            DemandSet demands = RandomDemandGenerator.generate(t, RandomDemandSpec.of(6, i, 0.1 + 0.05 * i, loc));
            OptimalPlan opt = subset(t, demands);
            assertTrue(opt.status().hasSolution(), opt.toString());
            assertEquals(List.of(), PlanVerifier.verify(opt.plan(), t, demands), "set " + i);
            assertTrue(terminalsConnected(t, opt.plan().after()), "set " + i);
            OptimalPlan underPolicy = new OptimalPlanner(new ForecastThresholdPolicy(), LIMIT)
                    .plan(PlanRequest.builder(t, demands).build());
            if (underPolicy.plan().refusedCount() == opt.plan().refusedCount()) {
                assertTrue(opt.watts() <= underPolicy.watts() + 1e-6, "set " + i + ": " + opt.watts() + " > "
                        + underPolicy.watts());
            }
            for (Strategy s : new Strategy[] {Strategy.GREEDY, Strategy.TOPOLOGY_AWARE}) {
                Plan p = s.planner().plan(PlanRequest.builder(t, demands).build());
                if (p.refusedCount() == opt.plan().refusedCount()) {
                    assertTrue(p.powerAfter().currentWatts() >= opt.watts() - 1e-6, s + " beats the subset, set " + i);
                }
            }
        }
    }
}
