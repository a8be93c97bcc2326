package org.ebbflow.planner.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import org.ebbflow.planner.fabric.LeafSpineLayout;
import org.ebbflow.planner.power.PowerStates;
import org.ebbflow.predictor.Forecast;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.generate.LeafSpine;
import org.junit.jupiter.api.Test;

/**
 * Behaviour over sequences of forecasts on a leaf-spine of 4 spines and 4 leaves with 10 Gb/s fabric links, where the
 * spines are the one group that can sleep: hysteresis and dwell (no flapping on noise, unlike the reactive
 * baseline), wake lead time (capacity wakes when a surge enters the lead window, not before), capacity overriding
 * dwell, holding on unknown loads, a measured surge the forecast missed, and a horizon too short for the lead time.
 */
class ForecastThresholdPolicyTest extends PowerPolicyContractTest {
    private static final TopologySnapshot T = LeafSpine.build(4, 4, 2, 10_000_000_000L, 10_000_000_000L);
    private static final LeafSpineLayout L = LeafSpineLayout.detect(T);
    private static final long STEP = 10_000;
    private static final int HORIZON = 8;

    @Override
    PowerPolicy create() {
        return new ForecastThresholdPolicy();
    }

    /** Each leaf sends and receives {@code perLeafBps}, spread evenly over the spines. */
    static LinkLoads leafSpineLoads(TopologySnapshot t, double perLeafBps) {
        LeafSpineLayout f = LeafSpineLayout.detect(t);
        double[] bps = new double[t.linkCount()];
        for (int j = 0; j < f.leafCount(); j++) {
            for (int i = 0; i < f.spineCount(); i++) {
                bps[f.up(j, i)] = perLeafBps / f.spineCount();
                bps[f.down(i, j)] = perLeafBps / f.spineCount();
            }
        }
        return LinkLoads.of(t, bps);
    }

    /** A forecast whose upper bound at step h is {@code perLeafBps(h)} per leaf, spread over the spines. */
    static Forecast forecast(IntToDoubleFunction perLeafBps) {
        int m = T.linkCount();
        float[] mean = new float[m * HORIZON];
        float[] upper = new float[m * HORIZON];
        for (int h = 0; h < HORIZON; h++) {
            LinkLoads loads = leafSpineLoads(T, perLeafBps.applyAsDouble(h));
            for (int l = 0; l < m; l++) {
                upper[l * HORIZON + h] = (float) loads.bps(l);
                mean[l * HORIZON + h] = (float) (loads.bps(l) * 0.8);
            }
        }
        return Forecast.of("test", m, HORIZON, 0.95, STEP, mean, upper);
    }

    /** Runs the policy cycle after cycle, letting exactly the required elements stay awake. */
    private static final class Loop {
        final PowerPolicy policy;
        PowerStates states = PowerStates.allAwake(T);
        PolicyMemory memory = PolicyMemory.empty();
        long now = 1_000_000;
        int transitions;
        PowerDecision last;

        Loop(PowerPolicy policy) {
            this.policy = policy;
        }

        int step(Forecast f) {
            PolicyInput in = PolicyInput.builder(T).current(states).nowMillis(now).memory(memory)
                    .forecast(f, LinkSeriesMapping.identity(T)).currentLoads(currentOf(f)).build();
            last = policy.decide(in);
            PowerStates next = last.requiredStates(states);
            PolicyMemory.Builder mb = memory.toBuilder();
            for (int s = 0; s < T.switchCount(); s++) {
                if (next.isSwitchAwake(s) != states.isSwitchAwake(s)) {
                    transitions++;
                    mb.switchChanged(T.switchAt(s).dpid(), now);
                }
            }
            memory = mb.build();
            states = next;
            now += STEP;
            return awakeSpines();
        }

        int awakeSpines() {
            int n = 0;
            for (int i = 0; i < L.spineCount(); i++) {
                n += states.isSwitchAwake(L.spine(i)) ? 1 : 0;
            }
            return n;
        }
    }

    /** The reactive baseline sees the first step's upper bound as the current load. */
    private static LinkLoads currentOf(Forecast f) {
        double[] bps = new double[T.linkCount()];
        for (int l = 0; l < bps.length; l++) {
            bps[l] = f.upper(l, 0);
        }
        return LinkLoads.of(T, bps);
    }

    @Test
    void aMeasuredSurgeTheForecastMissedWakesCapacityAtOnce() {
        PowerStates.Builder b = PowerStates.allAwake(T).toBuilder();
        for (int i = 1; i < L.spineCount(); i++) {
            b.switchAwake(L.spine(i), false);
        }
        PowerStates oneSpine = b.build();
        Forecast quiet = forecast(h -> 1e9);
        // 30 Gb/s per leaf measured now: 4 spines at high water (80% of 10 Gb/s each), whatever the forecast says.
        PolicyInput.Builder in = PolicyInput.builder(T).current(oneSpine).nowMillis(1_000_000)
                .forecast(quiet, LinkSeriesMapping.identity(T));
        PowerStates forecastOnly = create().decide(in.build()).requiredStates(oneSpine);
        PowerStates measured = create().decide(in.currentLoads(leafSpineLoads(T, 30e9)).build())
                .requiredStates(oneSpine);
        assertEquals(1, awake(forecastOnly), "the forecast alone sees no surge");
        assertEquals(4, awake(measured));
        // Measured loads below the forecast change nothing.
        PowerStates low = create().decide(in.currentLoads(leafSpineLoads(T, 0.5e9)).build())
                .requiredStates(oneSpine);
        assertEquals(awake(forecastOnly), awake(low));
    }

    private static int awake(PowerStates s) {
        int n = 0;
        for (int i = 0; i < L.spineCount(); i++) {
            n += s.isSwitchAwake(L.spine(i)) ? 1 : 0;
        }
        return n;
    }

    @Test
    void hysteresisAndDwellStopFlappingOnNoiseWhereReactiveFlaps() {
        // 11 Gb/s per leaf +-30%: 1 or 2 spines at high water (80%), 2 to 4 at low water (40%).
        SplittableRandom rnd = new SplittableRandom(5);
        double[] noisy = new double[300];
        for (int i = 0; i < noisy.length; i++) {
            noisy[i] = 11e9 * (0.7 + 0.6 * rnd.nextDouble());
        }
        Loop forecastDriven = new Loop(new ForecastThresholdPolicy());
        Loop reactive = new Loop(new ReactivePolicy());
        for (double v : noisy) {
            forecastDriven.step(forecast(h -> v));
            reactive.step(forecast(h -> v));
        }
        assertTrue(forecastDriven.transitions <= 2, "forecast policy transitions: " + forecastDriven.transitions);
        assertTrue(reactive.transitions >= 20, "reactive transitions: " + reactive.transitions);
        assertTrue(forecastDriven.awakeSpines() >= 2, "never below what high water needs");
    }

    @Test
    void wakesWhenASurgeEntersTheLeadWindowNotBefore() {
        Loop loop = new Loop(new ForecastThresholdPolicy());
        assertEquals(1, loop.step(forecast(h -> 2e9)), "quiet: one spine is enough");
        // Lead = 30 s default wake latency + 10 s decision period = 4 steps of 10 s (steps 0..3).
        assertEquals(40_000, loop.last.leadMillis());
        assertEquals(1, loop.step(forecast(h -> h >= 5 ? 30e9 : 2e9)), "surge 60 s ahead: outside the lead window");
        assertEquals(1, loop.step(forecast(h -> h >= 4 ? 30e9 : 2e9)), "surge 50 s ahead: still outside");
        assertEquals(4, loop.step(forecast(h -> h >= 3 ? 30e9 : 2e9)), "surge 40 s ahead: wake all four now");
        String reason = loop.last.switchReason(L.spine(3));
        assertTrue(reason.startsWith("spines: 4 of 4"), reason);
    }

    @Test
    void capacityOverridesDwellButNothingElseDoes() {
        Loop loop = new Loop(new ForecastThresholdPolicy());
        assertEquals(1, loop.step(forecast(h -> 2e9)));
        // 10 s after the sleep, a rise inside the band (needs 1 at high water, 3 at low): stay at 1.
        assertEquals(1, loop.step(forecast(h -> 7e9)));
        // A rise above high water (needs 2): wake at once although the spine slept only 20 s ago.
        assertEquals(2, loop.step(forecast(h -> 12e9)));
        assertTrue(loop.last.switchReason(L.spine(1)).endsWith("(capacity overrides dwell)"),
                loop.last.switchReason(L.spine(1)));
        // Traffic vanishes: the woken spine stays for the minimum dwell (10 minutes = 60 cycles), then sleeps.
        int cycles = 0;
        while (loop.step(forecast(h -> 1e9)) == 2) {
            cycles++;
        }
        assertEquals(PolicySettings.DEFAULT_MIN_DWELL_MILLIS / STEP - 1, cycles);
    }

    @Test
    void aRecentlyWokenCableKeepsItsPortButNeverItsSwitchAwake() {
        // Spine 3's and spine 1's cables to leaf 0 woke a minute ago; the forecast needs two spines (0 and 1). The
        // cable's dwell must not keep spine 3 awake (150 W for a 1 W port), but the one between awake switches stays.
        long now = 3_600_000;
        PolicyMemory memory = PolicyMemory.empty().toBuilder()
                .cableChanged(T.link(L.up(0, 3)).key(), now - 60_000)
                .cableChanged(T.link(L.up(0, 1)).key(), now - 60_000).build();
        PolicyInput in = PolicyInput.builder(T).current(PowerStates.allAwake(T)).nowMillis(now).memory(memory)
                .forecast(forecast(h -> 12e9), LinkSeriesMapping.identity(T)).build();
        PowerDecision d = new ForecastThresholdPolicy().decide(in);
        assertEquals(ElementDirective.OPTIONAL, d.switchDirective(L.spine(3)), d.switchReason(L.spine(3)));
        assertEquals(ElementDirective.REQUIRED, d.switchDirective(L.spine(1)));
        assertEquals(ElementDirective.REQUIRED, d.linkDirective(L.up(0, 1)));
        assertTrue(d.linkReason(L.up(0, 1)).contains("minimum dwell"), d.linkReason(L.up(0, 1)));
        assertEquals(ElementDirective.OPTIONAL, d.linkDirective(L.up(0, 3)));
    }

    @Test
    void aGroupIsSizedForTheBoundOfItsSumNotTheSumOfItsBounds() {
        // Each leaf: 9 Gb/s of upper bounds over 4 spine links, means 0.4 of them. The group bound is
        // 3.6 + sqrt(4 x 1.35²) = 6.3 Gb/s (independent errors), not 9: at low water 0.4 of 10 Gb/s spines that is
        // 2 spines, not 3.
        int m = T.linkCount();
        float[] mean = new float[m * HORIZON];
        float[] upper = new float[m * HORIZON];
        LinkLoads loads = leafSpineLoads(T, 9e9);
        for (int l = 0; l < m; l++) {
            for (int h = 0; h < HORIZON; h++) {
                upper[l * HORIZON + h] = (float) loads.bps(l);
                mean[l * HORIZON + h] = (float) (0.4 * loads.bps(l));
            }
        }
        Forecast f = Forecast.of("test", m, HORIZON, 0.95, STEP, mean, upper);
        PolicyInput in = PolicyInput.builder(T).current(PowerStates.allAwake(T))
                .forecast(f, LinkSeriesMapping.identity(T)).build();
        PowerDecision d = new ForecastThresholdPolicy().decide(in);
        int awake = 0;
        for (int i = 0; i < L.spineCount(); i++) {
            awake += d.switchDirective(L.spine(i)) == ElementDirective.REQUIRED ? 1 : 0;
        }
        assertEquals(2, awake);
        assertTrue(d.switchReason(L.spine(1)).contains("6.3"), d.switchReason(L.spine(1)));
    }

    @Test
    void unknownLoadsHoldTheCurrentSize() {
        PowerStates threeAwake = PowerStates.allAwake(T).toBuilder().switchAwake(L.spine(3), false).build();
        PolicyInput in = PolicyInput.builder(T).current(threeAwake).currentLoads(LinkLoads.unknown(T)).build();
        PowerDecision d = new ForecastThresholdPolicy().decide(in);
        for (int i = 0; i < 3; i++) {
            assertEquals(ElementDirective.REQUIRED, d.switchDirective(L.spine(i)));
        }
        assertEquals(ElementDirective.OPTIONAL, d.switchDirective(L.spine(3)));
    }

    @Test
    void aHorizonShorterThanTheLeadTimeIsRefused() {
        float[] v = new float[T.linkCount() * 2];
        Forecast shortOne = Forecast.of("short", T.linkCount(), 2, 0.9, STEP, v, v);
        PolicyInput in = PolicyInput.builder(T).forecast(shortOne, LinkSeriesMapping.identity(T)).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ForecastThresholdPolicy().decide(in));
        assertEquals("forecast horizon 2 steps x 10000 ms = 20000 ms does not reach the wake lead time of 40000 ms "
                + "(largest wake latency plus one decision period): forecast at least 4 steps ahead", e.getMessage());
        // An explicit lead time within the horizon is fine.
        PolicySettings lead = PolicySettings.builder().wakeLeadMillis(15_000).build();
        assertEquals(15_000, new ForecastThresholdPolicy(lead).decide(in).leadMillis());
    }

    @Test
    void settingsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> PolicySettings.builder().lowWater(0.9).build());
        assertThrows(IllegalArgumentException.class, () -> PolicySettings.builder().highWater(1.2).build());
        assertThrows(IllegalArgumentException.class, () -> PolicySettings.builder().decisionPeriodMillis(0).build());
        assertThrows(IllegalArgumentException.class, () -> PolicySettings.builder().redundancy(-1).build());
        assertEquals(40_000, PolicySettings.defaults().wakeLeadMillis(30_000));
    }

    @Test
    void seriesMappingTakesTheLargestUpperBoundOverTheWindow() {
        int m = T.linkCount();
        float[] mean = new float[(m + 1) * 3];
        float[] upper = new float[(m + 1) * 3];
        Arrays.fill(upper, 1f);
        upper[0] = 5f;
        upper[1] = 9f;
        upper[2] = 100f;
        upper[3] = Float.NaN;
        mean[3] = Float.NaN;
        upper[m * 3] = 50f;
        Forecast f = Forecast.of("m", m + 1, 3, 0.9, STEP, mean, upper);
        LinkSeriesMapping.Builder b = LinkSeriesMapping.builder(T, m + 1);
        for (int l = 1; l < m; l++) {
            b.map(l, T.link(l).key());
        }
        b.map(0, T.link(0).key()).map(m, T.link(0).key());
        LinkSeriesMapping mapping = b.build();
        LinkLoads two = mapping.upperBounds(f, 2);
        assertEquals(50, two.bps(0), "two series for link 0: the larger wins");
        assertEquals(1, two.bps(1), "NaN steps are skipped");
        assertEquals(100, mapping.upperBounds(f, 3).bps(0), "the whole window: step 3 of series 0");
        assertThrows(IllegalArgumentException.class, () -> mapping.upperBounds(f, 4));
        assertThrows(IllegalArgumentException.class,
                () -> LinkSeriesMapping.identity(T).upperBounds(f, 1));
        assertTrue(Double.isNaN(LinkSeriesMapping.builder(T, m).build().upperBounds(
                Forecast.of("e", m, 1, 0.9, STEP, new float[m], new float[m]), 1).bps(0)), "unmapped is unknown");
    }
}
