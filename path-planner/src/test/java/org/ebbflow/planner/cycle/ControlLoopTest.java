package org.ebbflow.planner.cycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ebbflow.flowstats.CounterSemantics;
import org.ebbflow.flowstats.CounterTracker;
import org.ebbflow.flowstats.PortStatsCollector;
import org.ebbflow.flowstats.SeriesStore;
import org.ebbflow.planner.demand.DemandSet;
import org.ebbflow.planner.plan.Planner;
import org.ebbflow.planner.policy.ForecastThresholdPolicy;
import org.ebbflow.planner.policy.ReactivePolicy;
import org.ebbflow.planner.power.PowerStates;
import org.ebbflow.planner.route.TopologyAwareRouter;
import org.ebbflow.predictor.baseline.Baselines;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.generate.FatTree;
import org.junit.jupiter.api.Test;

class ControlLoopTest {
    private static final long STEP = 5_000;
    private static final long T0 = 1_700_000_000_000L;
    private static final int STEPS = 60;

    private final TopologySnapshot fatTree = FatTree.build(4);
    private final PortStatsCollector stats = new PortStatsCollector(new FixedTopology(fatTree),
            CounterTracker.Options.defaults(CounterSemantics.UNSIGNED_64).withExpectedIntervalMillis(STEP));

    /** Every switch port carries {@code bps} both ways for {@link #STEPS} steps; returns the time after them. */
    private long feed(double bps) {
        SeriesStore store = stats.store();
        for (int i = 0; i < STEPS; i++) {
            for (int p = 0; p < stats.registry().size(); p++) {
                store.onRate(p, T0 + i * STEP, T0 + (i + 1) * STEP, bps, bps, 0, 0);
            }
        }
        long now = T0 + STEPS * STEP;
        store.completeStepsBefore(now);
        return now;
    }

    private ControlLoop predictive() {
        return ControlLoop.of(new Planner(new ForecastThresholdPolicy(), new TopologyAwareRouter()),
                Baselines.create("persistence", STEP, 12));
    }

    @Test
    void forecastsEveryLinkAndSleepsAnIdleFatTreeDownToItsFloor() {
        long now = feed(1_000_000);
        CycleResult r = predictive().run(fatTree, stats, DemandSet.empty(), null, now);
        assertEquals(fatTree.linkCount(), r.forecast().batch());
        assertEquals(fatTree.linkCount(), r.series().size());
        assertEquals(1_000_000, r.forecast().mean(0, 0), 1);
        // k=4: one core, one aggregation per pod and every edge switch keep the fat-tree connected.
        assertEquals(1 + 4 + 8, r.plan().after().awakeSwitchCount());
        assertEquals(20 - 13, r.plan().sleeps().stream().filter(t -> t.isSwitch()).count());
    }

    @Test
    void keepsEverythingAwakeWhenTheForecastNeedsIt() {
        long now = feed(900_000_000);
        CycleResult r = predictive().run(fatTree, stats, DemandSet.empty(), null, now);
        assertEquals(20, r.plan().after().awakeSwitchCount());
        // Cables no demand uses may still sleep: with no demands, the switches' group sizing is what must hold.
        assertEquals(0, r.plan().sleeps().stream().filter(t -> t.isSwitch()).count(), () -> "" + r.plan().sleeps());
    }

    @Test
    void carriesMemoryAndPreviousPlanSoTheSecondCycleChangesNothing() {
        long now = feed(1_000_000);
        ControlLoop loop = predictive();
        CycleResult first = loop.run(fatTree, stats, DemandSet.empty(), null, now);
        assertSame(first.plan(), loop.previous());
        assertSame(first.plan().nextMemory(), loop.memory());
        CycleResult second = loop.run(fatTree, stats, DemandSet.empty(), first.plan().after(), now + STEP);
        assertTrue(second.plan().wakes().isEmpty(), () -> "wakes: " + second.plan().wakes());
        assertTrue(second.plan().sleeps().isEmpty(), () -> "sleeps: " + second.plan().sleeps());
        loop.forget();
        assertNull(loop.previous());
        assertSame(second.plan().nextMemory(), loop.memory());
    }

    @Test
    void aReactiveLoopPlansFromMeasuredLoadsWithoutAForecast() {
        long now = feed(1_000_000);
        ControlLoop loop = ControlLoop.of(new Planner(new ReactivePolicy(), new TopologyAwareRouter()), null);
        CycleResult r = loop.run(fatTree, stats, DemandSet.empty(), PowerStates.allAwake(fatTree), now);
        assertNull(r.forecast());
        assertEquals(1_000_000, r.measured().bps(0), 1);
        assertTrue(r.plan().after().awakeSwitchCount() < 20);
    }

    @Test
    void rejectsAPredictorWhoseStepDiffersFromThePollingStep() {
        long now = feed(1_000_000);
        ControlLoop loop = ControlLoop.of(new Planner(new ForecastThresholdPolicy(), new TopologyAwareRouter()),
                Baselines.create("persistence", 60_000, 12));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loop.run(fatTree, stats, DemandSet.empty(), null, now));
        assertTrue(e.getMessage().contains("60000 ms steps"), e.getMessage());
    }

    @Test
    void measuredLoadIsTheLargerOfTransmitAndReceiveAndNaNWithoutData() {
        int l = 0;
        int src = stats.registry().indexOf(fatTree.link(l).src());
        int dst = stats.registry().indexOf(fatTree.link(l).dst());
        stats.store().onRate(src, T0, T0 + STEP, 0, 3_000_000, 0, 0);
        stats.store().onRate(dst, T0, T0 + STEP, 5_000_000, 0, 0, 0);
        stats.store().completeStepsBefore(T0 + STEP);
        double[] bps = MeasuredLoads.lastStepBps(fatTree, stats, T0 + STEP);
        assertEquals(5_000_000, bps[l], 1);
        int other = l + 1;
        while (fatTree.link(other).src().equals(fatTree.link(l).dst())
                || fatTree.link(other).dst().equals(fatTree.link(l).src())) {
            other++;
        }
        assertTrue(Double.isNaN(bps[other]), "no data: " + bps[other]);
    }
}
