package org.ebbflow.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.ebbflow.flowstats.PortStatsCollector;
import org.ebbflow.flowstats.SampleOutcome;
import org.ebbflow.flowstats.SeriesStore;
import org.ebbflow.sim.control.AlwaysOnPolicy;
import org.ebbflow.sim.metrics.PolicySummary;
import org.ebbflow.sim.metrics.StepSeries;
import org.ebbflow.sim.net.Allocation;
import org.ebbflow.sim.net.Fabric;
import org.ebbflow.topology.TopologySnapshot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A simulated day on a k=4 fat-tree, always-on: the invariants a controller relies on. */
class SimulatedDayTest {
    private static PolicyResult result;
    private static Checker checker;

    @BeforeAll
    static void runDay() {
        Scenario scenario = Scenario.of("fat-tree:k=4", "synthetic:load=0.2,locality=mixed,diurnal=true,surges=2");
        SimConfig config = SimConfig.defaults(24, 7);
        checker = new Checker();
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

    /** Remembers each step's carried loads per port, then reads the collector's rates for that step. */
    private static final class Checker implements SimListener {
        double[] expectTx;
        double[] expectRx;
        Fabric fabric;
        long compared;
        long mismatches;
        String firstMismatch = "";
        long linksLost;
        double offeredBits;
        private final float[] rx = new float[1];
        private final float[] tx = new float[1];

        @Override
        public void stepSimulated(String policy, long from, long to, Fabric f, Allocation a) {
            fabric = f;
            if (expectTx == null) {
                expectTx = new double[f.portCount()];
                expectRx = new double[f.portCount()];
            }
            for (int q = 0; q < f.portCount(); q++) {
                expectTx[q] = f.portTxLink(q) < 0 ? 0 : a.carriedBps(f.portTxLink(q));
                expectRx[q] = f.portRxLink(q) < 0 ? 0 : a.carriedBps(f.portRxLink(q));
            }
            offeredBits += a.offeredBps() * (to - from) / 1000.0;
        }

        @Override
        public void cycleDone(String policy, long now, TopologySnapshot topology, PortStatsCollector stats) {
            SeriesStore store = stats.store();
            long end = store.fineStepOf(now);
            for (int q = 0; q < fabric.portCount(); q++) {
                int port = stats.registry().indexOf(fabric.port(q));
                store.read(0, port, end, 1, rx, tx, 0);
                compare(q, "tx", expectTx[q], tx[0], now);
                compare(q, "rx", expectRx[q], rx[0], now);
            }
            for (int l = 0; l < topology.linkCount(); l++) {
                linksLost += topology.isLinkUsable(l) ? 0 : 1;
            }
            linksLost += 64 - topology.linkCount();
        }

        private void compare(int q, String dir, double want, float got, long now) {
            compared++;
            // Counters hold whole bytes (≤ 8 bits per step of rounding); the store keeps floats.
            if (Float.isNaN(got) || Math.abs(got - want) > 1e-6 * want + 4) {
                if (mismatches++ == 0) {
                    firstMismatch = "port " + fabric.port(q) + " " + dir + " at " + now + ": collector " + got
                            + " bps, simulated " + want + " bps";
                }
            }
        }
    }
}
