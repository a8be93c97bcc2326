package org.ebbflow.predictor.learned.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.ebbflow.predictor.TimeSeries;
import org.ebbflow.predictor.learned.TrainingOptions;
import org.ebbflow.predictor.learned.TrainingSet;
import org.junit.jupiter.api.Test;

class BalancedSourcesTest {
    private static List<TimeSeries> twoSources() {
        SplittableRandom r = new SplittableRandom(3);
        List<TimeSeries> out = new ArrayList<>();
        for (int s = 0; s < 9; s++) {
            out.add(series("big" + s, "big", r));
        }
        out.add(series("small", "small", r));
        return out;
    }

    private static TimeSeries series(String name, String source, SplittableRandom r) {
        double[] v = new double[600];
        for (int t = 0; t < v.length; t++) {
            v[t] = 100 + 10 * r.nextDouble();
        }
        return TimeSeries.of(name, source, 0, 300_000, v, null, "bps");
    }

    @Test
    void everySourceGetsTheSameShareOfAnEpoch() {
        TrainingOptions o = TrainingOptions.defaults().withWindowSteps(12).withHorizon(3)
                .withSourceBalance(1);
        TrainingSet data = TrainingSet.of(twoSources(), o);
        TrainingSet.Part train = data.train();
        int[][] bySource = Dl4jTraining.bySource(train, data.sources().size());
        assertEquals(2, bySource.length);
        assertEquals(9 * bySource[1].length, bySource[0].length, "nine series against one");
        int[] order = new int[train.size()];
        Dl4jTraining.balancedDraw(order, bySource, Dl4jTraining.drawsPerSource(order.length, bySource, o),
                new SplittableRandom(1));
        int[] count = new int[2];
        for (int row : order) {
            count[train.source(row)]++;
        }
        assertTrue(Math.abs(count[0] - count[1]) <= 1, count[0] + " vs " + count[1]);
        assertEquals(1.0, o.describe().get("sourceBalance"));
    }

    @Test
    void halfBalanceSharesBySquareRootAndZeroByWindows() {
        TrainingOptions half = TrainingOptions.defaults().withSourceBalance(0.5);
        double[] s = half.sourceShares(new int[] {900, 100, 0});
        assertEquals(0.75, s[0], 1e-12, "30 of 30 + 10");
        assertEquals(0.25, s[1], 1e-12);
        assertEquals(0.0, s[2]);
        double[] n = TrainingOptions.defaults().sourceShares(new int[] {900, 100});
        assertEquals(0.9, n[0], 1e-12);
        int[] draws = Dl4jTraining.drawsPerSource(1001, new int[][] {new int[900], new int[100]}, half);
        assertEquals(1001, draws[0] + draws[1]);
        assertEquals(751, draws[0], "750.75 rounded down, then the remainder handed out in turn");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TrainingOptions.defaults().withSourceBalance(1.5));
    }
}
