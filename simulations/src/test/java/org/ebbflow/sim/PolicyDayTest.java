package org.ebbflow.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.ebbflow.flowstats.PortStatsCollector;
import org.ebbflow.flowstats.SampleOutcome;
import org.ebbflow.sim.control.Policies;
import org.ebbflow.sim.metrics.PolicySummary;
import org.ebbflow.sim.net.Allocation;
import org.ebbflow.sim.net.Fabric;
import org.ebbflow.topology.TopologySnapshot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A simulated day on a k=4 fat-tree with every policy side by side (always-on, reactive, predictive with the default
 * model, oracle), stepped on two threads: the invariants a controller relies on hold for every policy, and the
 * policies order as the method claims.
 */
class PolicyDayTest {
    private static SimResult result;
    private static final Map<String, CounterChecker> CHECKERS = new HashMap<>();

    @BeforeAll
    static void runDay() {
        Scenario scenario = Scenario.of("fat-tree:k=4", "synthetic:load=0.3,locality=mixed,diurnal=true,surges=1");
        SimConfig config = SimConfig.defaults(24, 11).withStepMillis(30_000).withThreads(2).withExportPorts(0);
        SimListener all = new SimListener() {
            @Override
            public void stepSimulated(String policy, long from, long to, Fabric f, Allocation a) {
                checker(policy).stepSimulated(policy, from, to, f, a);
            }

            @Override
            public void cycleDone(String policy, long now, TopologySnapshot t, PortStatsCollector stats) {
                checker(policy).cycleDone(policy, now, t, stats);
            }
        };
        result = new Simulator(scenario, config, Policies.createAll(Policies.DEFAULT_SET, config.policyOptions()))
                .run(all);
    }

    private static synchronized CounterChecker checker(String policy) {
        return CHECKERS.computeIfAbsent(policy, p -> new CounterChecker(true));
    }

    @Test
    void noPolicyEverPartitionsTheNetwork() {
        for (PolicyResult p : result.policies()) {
            PolicySummary s = p.summary();
            assertEquals(2_880, s.steps(), p.name());
            assertEquals(0, s.partitionedSteps(), p.name() + " left demands without a route");
            assertEquals(0, s.unroutedFraction(), p.name());
        }
    }

    @Test
    void countersAgreeWithTheSimulatedLoadsUnderEveryPolicy() {
        for (PolicyResult p : result.policies()) {
            CounterChecker c = CHECKERS.get(p.name());
            assertTrue(c.compared > 2_800L * 40, p.name() + " compared " + c.compared);
            assertEquals(0, c.mismatches, p.name() + ": " + c.firstMismatch);
            assertEquals(0, (long) p.sampleOutcomes().get(SampleOutcome.INCONSISTENT), p.name());
            assertEquals(0, (long) p.sampleOutcomes().get(SampleOutcome.OUT_OF_ORDER), p.name());
        }
    }

    @Test
    void noLinkCarriesMoreThanItsCapacity() {
        for (PolicyResult p : result.policies()) {
            assertTrue(p.summary().maxLinkUtilization() <= 1 + 1e-9, p.name() + " "
                    + p.summary().maxLinkUtilization());
            assertTrue(CHECKERS.get(p.name()).worstCarriedOverCapacity <= 1 + 1e-9, p.name());
        }
        // Offered load can exceed capacity (that is what congestion cuts), and it does on this day.
        assertTrue(result.policy("reactive").summary().maxOfferedLoad() > 1);
    }

    @Test
    void policiesSaveEnergyInTheClaimedOrder() {
        PolicySummary on = result.policy("always-on").summary();
        PolicySummary reactive = result.policy("reactive").summary();
        PolicySummary predictive = result.policy("predictive").summary();
        PolicySummary oracle = result.policy("oracle").summary();
        assertEquals(1.0, on.energyFraction(), 1e-12);
        assertEquals(0, on.transitionsPerHour());
        for (PolicySummary s : new PolicySummary[] {reactive, predictive, oracle}) {
            assertTrue(s.energyFraction() < 0.99, s.policy() + " saves energy: " + s.energyFraction());
            // A k=4 fat-tree keeps at least 64.6% of its all-on power with every host reachable (anchors §6).
            assertTrue(s.energyFraction() >= 0.646 - 1e-6, s.policy() + " below the floor: " + s.energyFraction());
        }
        assertTrue(predictive.transitionsPerHour() < 0.7 * reactive.transitionsPerHour(),
                "dwell and hysteresis cut transitions: " + predictive.transitionsPerHour() + " vs "
                        + reactive.transitionsPerHour());
        assertTrue(reactive.energyFraction() < predictive.energyFraction(),
                "reactive sizes for the load now, with no band and no dwell, so it sleeps most");
        assertTrue(predictive.slaViolationLinkSeconds() < reactive.slaViolationLinkSeconds(),
                "predictive " + predictive.slaViolationLinkSeconds() + " vs reactive "
                        + reactive.slaViolationLinkSeconds());
        assertTrue(Math.abs(predictive.energyKWh() / oracle.energyKWh() - 1) < 0.05,
                "predictive within 5% of the oracle: " + predictive.energyKWh() + " vs " + oracle.energyKWh());
    }
}
