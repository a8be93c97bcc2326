package org.ebbflow.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.ebbflow.flowstats.SampleOutcome;
import org.ebbflow.sim.control.AlwaysOnPolicy;
import org.ebbflow.sim.metrics.PolicySummary;
import org.ebbflow.sim.metrics.StepSeries;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A simulated day on a k=4 fat-tree, always-on: the invariants a controller relies on. */
class SimulatedDayTest {
    private static PolicyResult result;
    private static CounterChecker checker;

    @BeforeAll
    static void runDay() {
        Scenario scenario = Scenario.of("fat-tree:k=4", "synthetic:load=0.2,locality=mixed,diurnal=true,surges=2");
        SimConfig config = SimConfig.defaults(24, 7);
        checker = new CounterChecker(false);
        result = new Simulator(scenario, config, List.of(new AlwaysOnPolicy())).run(checker).policies().get(0);
    }

    @Test
    void noPartitionAndNothingAsleepUnderAlwaysOn() {
        PolicySummary s = result.summary();
        assertEquals(17_280, s.steps());
        assertEquals(0, s.partitionedSteps());
        assertEquals(0, s.unroutedFraction());
        assertEquals(0, s.maxSwitchesAsleep());
        assertEquals(1.0, s.energyFraction(), 1e-12);
        // 20 switches × (150 W + 4 ports) for 24 h.
        assertEquals(20 * 154 * 24 / 1000.0, s.energyKWh(), 1e-9);
        assertEquals(0, s.transitionsPerHour());
        assertEquals(0, s.ruleChangesPerHour());
        assertEquals(0, checker.linksLost, "links expired or failed in the manager's snapshots");
    }

    @Test
    void deliveredPlusUndeliveredIsOffered() {
        StepSeries st = result.series();
        double offered = 0;
        double delivered = 0;
        for (int i = 0; i < st.size(); i++) {
            assertTrue(st.deliveredBps(i) <= st.offeredBps(i) * (1 + 1e-9));
            offered += st.offeredBps(i) * 5 / 8;
            delivered += st.deliveredBps(i) * 5 / 8;
        }
        PolicySummary s = result.summary();
        assertEquals(offered, s.offeredBytes(), 1e-6 * offered);
        assertEquals(delivered, s.deliveredBytes(), 1e-6 * offered);
        assertEquals(s.offeredBytes(), s.deliveredBytes() + s.undeliveredFraction() * s.offeredBytes(),
                1e-6 * s.offeredBytes());
        assertEquals(checker.offeredBits / 8, s.offeredBytes(), 1e-6 * s.offeredBytes());
        assertTrue(s.undeliveredFraction() < 0.05, "undelivered " + s.undeliveredFraction());
    }

    @Test
    void collectorRatesEqualTheSimulatedLoads() {
        assertTrue(checker.compared > 17_000 * 80, "compared " + checker.compared);
        assertEquals(0, checker.mismatches, checker.firstMismatch);
        assertEquals(0, (long) result.sampleOutcomes().get(SampleOutcome.INCONSISTENT));
        assertEquals(0, (long) result.sampleOutcomes().get(SampleOutcome.OUT_OF_ORDER));
        assertEquals(0, (long) result.sampleOutcomes().get(SampleOutcome.RESET));
        assertEquals(result.samples() - 80, (long) result.sampleOutcomes().get(SampleOutcome.ACCEPTED));
    }
}
