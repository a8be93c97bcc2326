package org.ebbflow.flowstats.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NormaliserTest {
    private static final long STEP = 60_000;
    private static final long START = 1_704_067_200_000L;

    @Test
    void handCheckedParameters() {
        // Two channels: 1..5 and 10, 10, 10, 10, 1000 (one burst).
        float[] d = {1, 10, 2, 10, 3, 10, 4, 10, 5, 1000};
        Map<String, double[]> mm = MinMaxNormaliser.fit(d, 2).parameters();
        assertArrayEquals(new double[] {1, 10}, mm.get("min"));
        assertArrayEquals(new double[] {5, 1000}, mm.get("max"));
        Map<String, double[]> z = ZScoreNormaliser.fit(d, 2).parameters();
        assertArrayEquals(new double[] {3, 208}, z.get("mean"), 1e-9);
        assertEquals(Math.sqrt(2), z.get("sd")[0], 1e-9);
        RobustNormaliser r = RobustNormaliser.fit(d, 2);
        assertArrayEquals(new double[] {3, 10}, r.parameters().get("median"));
        assertArrayEquals(new double[] {2, 0}, r.parameters().get("iqr"), "the burst is beyond the quartiles");
        assertEquals(1.0, r.scale(1), "IQR 0 divides by 1");
        assertEquals(990f, r.transform(1000, 1));
        assertEquals(-1f, r.transform(1, 0));
    }

    @Test
    void log1pTakesTheLogarithmBeforeTheQuartiles() {
        float[] d = {0, 9, 99, 999, 9999};
        RobustNormaliser r = RobustNormaliser.fit(d, 1, null, new boolean[] {true});
        assertEquals(Math.log(100), r.parameters().get("median")[0], 1e-9);
        assertEquals(Math.log(1000) - Math.log(10), r.parameters().get("iqr")[0], 1e-9);
        assertArrayEquals(new double[] {1}, r.parameters().get("log1p"));
        assertEquals(0f, r.transform(99, 0), 1e-6);
        assertEquals(99f, r.inverse(0, 0), 1e-4);
    }

    @Test
    void restoreValidatesParameters() {
        assertRestoreFails(NormaliserKind.MIN_MAX, "do not match", map("min", 0.0));
        assertRestoreFails(NormaliserKind.MIN_MAX, "do not match", map("min", 0.0, "max", 1.0, "mean", 2.0));
        assertRestoreFails(NormaliserKind.MIN_MAX, "max 1.0 below min 2.0", map("min", 2.0, "max", 1.0));
        assertRestoreFails(NormaliserKind.Z_SCORE, "not finite", map("mean", Double.NaN, "sd", 1.0));
        assertRestoreFails(NormaliserKind.Z_SCORE, "negative sd", map("mean", 0.0, "sd", -1.0));
        assertRestoreFails(NormaliserKind.ROBUST, "log1p must be 0 or 1",
                map("median", 0.0, "iqr", 1.0, "log1p", 2.0));
        assertRestoreFails(NormaliserKind.ROBUST, "negative iqr", map("median", 0.0, "iqr", -1.0, "log1p", 0.0));
        Map<String, double[]> uneven = new HashMap<>();
        uneven.put("min", new double[] {0, 0});
        uneven.put("max", new double[] {1});
        assertRestoreFails(NormaliserKind.MIN_MAX, "has 1 values, expected 2", uneven);
        Map<String, double[]> empty = new HashMap<>();
        empty.put("min", new double[0]);
        empty.put("max", new double[0]);
        assertRestoreFails(NormaliserKind.MIN_MAX, "missing or empty", empty);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Normalisers.restore("quantile", map("min", 0.0, "max", 1.0)));
        assertTrue(e.getMessage().contains("unknown normaliser kind 'quantile'"), e.getMessage());
    }

    @Test
    void parametersAreCopies() {
        MinMaxNormaliser n = MinMaxNormaliser.fit(new float[] {0, 4}, 1);
        n.parameters().get("max")[0] = 100;
        assertEquals(0.5f, n.transform(2, 0));
    }

    @Test
    void windowsAndTargetsShareOneNormaliser() {
        FeatureSpec spec = FeatureSpec.of(List.of(Feature.RATE_IN_BPS, Feature.TIME_OF_DAY_SIN), 4, STEP);
        double[] rx = new double[30];
        for (int i = 0; i < rx.length; i++) {
            rx[i] = 1e6 * (i % 7);
        }
        SlidingWindows sw = SeriesFeatures.regular(spec, "p", START, rx, null)
                .sliding(1, 3, List.of(Feature.RATE_IN_BPS), MissingPolicy.KEEP_NAN, false);
        Normaliser n = ZScoreNormaliser.fit(sw.inputs());
        FeatureWindow z = n.transform(sw.inputs());
        assertEquals(sw.inputs().batch(), z.batch());
        assertEquals(sw.inputs().endStep(3), z.endStep(3));
        assertEquals(n.transform(sw.inputs().get(3, 2, 0), 0), z.get(3, 2, 0));
        float[] targets = sw.targets();
        n.transformColumns(targets, sw.targetChannels());
        assertEquals(n.transform(sw.target(2, 3, 0), 0), targets[sw.targetIndex(2, 3, 0)]);
        n.inverseColumns(targets, sw.targetChannels());
        assertArrayEquals(sw.targets(), targets, 1e-1f);
        FeatureWindow back = n.inverse(z);
        assertEquals(sw.inputs().get(5, 1, 0), back.get(5, 1, 0), 1e-1f);
        assertThrows(IllegalArgumentException.class, () -> n.transformInPlace(new float[6], 3));
    }

    @Test
    void perSeriesStatisticsNormaliseEachSeriesAndInvertItsOutputs() {
        FeatureSpec spec = FeatureSpec.of(List.of(Feature.RATE_IN_BPS, Feature.TIME_OF_DAY_SIN), 5, STEP);
        SeriesFeatures small = SeriesFeatures.regular(spec, "small", START, new double[] {1, 2, 3, 4, 5}, null);
        SeriesFeatures big = SeriesFeatures.regular(spec, "big", START, new double[] {1e9, 2e9, 3e9, 4e9, 5e9}, null);
        SeriesFeatures idle = SeriesFeatures.regular(spec, "idle", START, new double[] {0, 0, 0, 0, 0}, null);
        long end = START / STEP + 5;
        FeatureWindow w = FeatureWindow.concat(List.of(small.window(end, MissingPolicy.KEEP_NAN),
                big.window(end, MissingPolicy.KEEP_NAN), idle.window(end, MissingPolicy.KEEP_NAN)));
        PerSeriesNormaliser.Result r = PerSeriesNormaliser.of(NormaliserKind.Z_SCORE).apply(w);
        for (int b = 0; b < 2; b++) {
            float[] z = r.window().channelSeries(b, 0);
            assertArrayEquals(r.window().channelSeries(0, 0), z, 1e-5f, "same shape, same inputs");
            assertEquals(0f, z[0] + z[1] + z[2] + z[3] + z[4], 1e-5);
            assertArrayEquals(w.channelSeries(b, 1), r.window().channelSeries(b, 1), "time encodings untouched");
        }
        assertArrayEquals(new float[5], r.window().channelSeries(2, 0), "an idle port maps to 0, no division by 0");
        assertEquals(3e9, r.scaling(1).parameters().get("mean")[0], 1);
        // A model output of +1 sd means different rates for each series.
        assertEquals(3 + Math.sqrt(2), r.inverse(0, 1f, 0), 1e-5);
        assertEquals(3e9 + Math.sqrt(2) * 1e9, r.inverse(1, 1f, 0), 1e3);
        assertEquals(0f, r.inverse(2, 0f, 0));
        assertEquals(NormaliserKind.ROBUST, PerSeriesNormaliser.robust(true).kind());
        PerSeriesNormaliser.Result logs = PerSeriesNormaliser.robust(true).apply(w);
        assertEquals(w.get(1, 3, 0), logs.inverse(1, logs.window().get(1, 3, 0), 0), 1e3);
    }

    private static void assertRestoreFails(NormaliserKind kind, String expected, Map<String, double[]> p) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Normalisers.restore(kind, p));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private static Map<String, double[]> map(Object... kv) {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], new double[] {(Double) kv[i + 1]});
        }
        return m;
    }
}
