package org.ebbflow.planner.optimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.ebbflow.planner.demand.DemandSet;
import org.ebbflow.planner.demand.Locality;
import org.ebbflow.planner.demand.RandomDemandGenerator;
import org.ebbflow.planner.demand.RandomDemandSpec;
import org.ebbflow.planner.plan.Plan;
import org.ebbflow.planner.plan.PlanRequest;
import org.ebbflow.planner.plan.PlanVerifier;
import org.ebbflow.planner.plan.Planner;
import org.ebbflow.planner.plan.Strategy;
import org.ebbflow.planner.policy.ForecastThresholdPolicy;
import org.ebbflow.planner.support.RandomTopologies;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.generate.FatTree;
import org.junit.jupiter.api.Test;

class OptimalRouterTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    private static OptimalPlan optimal(TopologySnapshot t, DemandSet demands) {
        return new OptimalPlanner(new ForecastThresholdPolicy(), LIMIT).plan(PlanRequest.builder(t, demands).build());
    }

    @Test
    void matchesBruteForceOnTinyGraphs() {
        for (long seed = 0; seed < 6; seed++) {
            TopologySnapshot t = RandomTopologies.connected(seed, 6, 0.5, 1);
            DemandSet demands = RandomDemandGenerator.generate(t, RandomDemandSpec.of(3, seed, 0.4, Locality.FAR));
            BruteForceRouter brute = new BruteForceRouter();
            Plan reference = new Planner(new ForecastThresholdPolicy(), brute).plan(PlanRequest.builder(t, demands)
                    .build());
            OptimalPlan opt = optimal(t, demands);
            assertEquals(SolveStatus.OPTIMAL, opt.status(), "seed " + seed);
            assertEquals(reference.refusedCount(), opt.plan().refusedCount(), "seed " + seed);
            assertEquals(reference.powerAfter().currentWatts(), opt.watts(), 1e-6, "seed " + seed);
            assertEquals(opt.watts(), opt.solve().objectiveWatts(), 1e-3, "model watts = report watts");
            assertEquals(List.of(), PlanVerifier.verify(opt.plan(), t, demands));
        }
    }

    @Test
    void fatTreeK4WithEightDemandsIsOptimalAndVerified() {
        TopologySnapshot t = FatTree.build(4);
        DemandSet demands = RandomDemandGenerator.generate(t, RandomDemandSpec.of(8, 7, 0.3, Locality.FAR));
        OptimalPlan opt = optimal(t, demands);
        assertEquals(SolveStatus.OPTIMAL, opt.status());
        assertEquals(0, opt.plan().refusedCount());
        assertEquals(opt.watts(), opt.boundWatts(), 1e-3 * opt.watts());
        assertEquals(List.of(), PlanVerifier.verify(opt.plan(), t, demands));
    }

    @Test
    void heuristicsNeverBeatTheOptimum() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int i = 0; i < 12; i++) {
            TopologySnapshot t = i % 2 == 0 ? FatTree.build(4) : RandomTopologies.connected(i, 8, 0.3, 1);
            Locality loc = Locality.values()[rnd.nextInt(Locality.values().length)];
            DemandSet demands = RandomDemandGenerator.generate(t,
                    RandomDemandSpec.of(4 + rnd.nextInt(8), i, 0.1 + 0.4 * rnd.nextDouble(), loc)
                            .withClassShares(0.2, 0.2));
            OptimalPlan opt = optimal(t, demands);
            assertTrue(opt.status().hasSolution(), opt.toString());
            assertEquals(List.of(), PlanVerifier.verify(opt.plan(), t, demands));
            for (Strategy s : new Strategy[] {Strategy.GREEDY, Strategy.TOPOLOGY_AWARE}) {
                Plan p = s.planner().plan(PlanRequest.builder(t, demands).build());
                if (p.refusedCount() == opt.plan().refusedCount()) {
                    double gap = p.powerAfter().currentWatts() / opt.watts() - 1;
                    assertTrue(gap >= -1e-6, s + " beats the optimum by " + gap + " on " + t);
                }
            }
        }
    }

    @Test
    void refusesLargeInstances() {
        TopologySnapshot t = FatTree.build(8);
        InstanceTooLargeException e = assertThrows(InstanceTooLargeException.class,
                () -> optimal(t, DemandSet.empty()));
        assertTrue(e.getMessage().contains("80 switches"), e.getMessage());
    }
}
