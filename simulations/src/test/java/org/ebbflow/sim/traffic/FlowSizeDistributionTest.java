package org.ebbflow.sim.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class FlowSizeDistributionTest {
    /** anchors §4: means ≈120 KB (Hadoop) and ≈1.71 MB (web search) by linear interpolation. */
    @Test
    void analyticMeansMatchThePublishedFigures() {
        assertEquals(120e3, FlowSizeDistribution.hadoop().meanBytes(), 6e3);
        assertEquals(1.71e6, FlowSizeDistribution.webSearch().meanBytes(), 0.03e6);
    }

    @Test
    void quantilesInterpolateBetweenThePoints() {
        FlowSizeDistribution h = FlowSizeDistribution.hadoop();
        assertEquals(100, h.quantile(0.0), 0);
        assertEquals(100, h.quantile(0.01), 0);
        assertEquals(700, h.quantile(0.5), 1e-9);
        assertEquals(850, h.quantile(0.55), 1e-9);
        assertEquals(1e7, h.quantile(0.9999999), 1e3);
        assertEquals(73_000, FlowSizeDistribution.webSearch().quantile(0.5), 10_000);
    }

    @Test
    void sampleMeansMatchTheCdfMeans() {
        for (FlowSizeDistribution d : new FlowSizeDistribution[] {FlowSizeDistribution.hadoop(),
            FlowSizeDistribution.webSearch()}) {
            SplittableRandom r = new SplittableRandom(7);
            int n = 400_000;
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += d.sample(r);
            }
            double se = Math.sqrt(d.varianceBytes() / n);
            assertEquals(d.meanBytes(), sum / n, 5 * se, d.name());
            double sums = 0;
            for (int i = 0; i < 20_000; i++) {
                sums += d.sampleSum(100, r);
            }
            assertEquals(100 * d.meanBytes(), sums / 20_000, 100 * 5 * se * Math.sqrt(n / 2e6), d.name() + " sums");
        }
    }

    @Test
    void sumsAreExactForFewFlowsAndNeverNegative() {
        SplittableRandom r = new SplittableRandom(3);
        assertEquals(0, FlowSizeDistribution.hadoop().sampleSum(0, r), 0);
        for (int i = 0; i < 1000; i++) {
            assertTrue(FlowSizeDistribution.hadoop().sampleSum(40, r) >= 40 * 100);
            assertTrue(FlowSizeDistribution.webSearch().sampleSum(3, r) >= 3 * 1e4);
        }
    }

    @Test
    void badPointsAndNamesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> FlowSizeDistribution.of("x", new double[] {1, 2},
                new double[] {50, 90}));
        assertThrows(IllegalArgumentException.class, () -> FlowSizeDistribution.of("x", new double[] {2, 1},
                new double[] {50, 100}));
        assertThrows(IllegalArgumentException.class, () -> FlowSizeDistribution.named("cache"));
    }
}
