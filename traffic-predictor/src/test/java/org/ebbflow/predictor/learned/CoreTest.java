package org.ebbflow.predictor.learned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Collections;

import org.ebbflow.flowstats.features.FeatureWindow;
import org.ebbflow.predictor.Forecast;
import org.ebbflow.predictor.synthetic.DataCenterTraffic;
import org.ebbflow.predictor.synthetic.SyntheticSpec;
import org.junit.jupiter.api.Test;

class CoreTest {
    @Test
    void conformalQuantileUsesTheSplitConformalRank() {
        float[] r = new float[19];
        for (int i = 0; i < r.length; i++) {
            r[i] = i + 1;
        }
        // ceil(20 * 0.95) = 19th smallest of 1..19
        assertEquals(19.0, Calibration.conformalQuantile(r, 0.95));
        assertEquals(10.0, Calibration.conformalQuantile(r, 0.5));
    }

    @Test
    void windowFeaturesNormaliseByVolatilityAroundTheLastValue() {
        WindowFeatures f = WindowFeatures.of(4, Collections.singletonList("web"));
        float[] out = new float[f.inputCount()];
        double[] scale = new double[2];
        assertTrue(f.encode(new double[] {10, 12, Double.NaN, 16}, 0, "web", out, 0, scale, 0));
        // filled 10, 12, 12, 16: steps 2, 0, 4 -> scale 2; location 16
        assertEquals(16.0, scale[0]);
        assertEquals(2.0, scale[1]);
        assertEquals(-3f, out[0]);
        assertEquals(-2f, out[1]);
        assertEquals(-2f, out[2]);
        assertEquals((float) Math.log1p(12.5 / 2), out[3], 1e-6);
        assertEquals(1f, out[4]);
        assertEquals(20.0, WindowFeatures.restore(2f, 16, 2));
    }

    @Test
    void shapeInputsSummariseLevelsAutocorrelationVolatilityAndIdleness() {
        WindowFeatures f = WindowFeatures.of(13, Collections.singletonList("web"), WindowFeatures.SHAPE);
        assertEquals(13 + WindowFeatures.SHAPE_INPUTS + 1, f.inputCount());
        float[] out = new float[f.inputCount()];
        double[] scale = new double[2];
        // idle for 7 steps, then a ramp of 2 per step: steps 0 x 6, 2 x 6 -> scale 1, location 12
        assertTrue(f.encode(new double[] {0, 0, 0, 0, 0, 0, 0, 2, 4, 6, 8, 10, 12}, 0, "web", out, 0, scale, 0));
        assertEquals(12.0, scale[0]);
        assertEquals(1.0, scale[1]);
        assertEquals(-12f, out[0]);
        assertEquals(-2f, out[11]);
        int at = f.regimeInput() + 1;
        assertEquals(-2f, out[at], 1e-6, "mean of the last 3 (10) - 12");
        assertEquals(-5f, out[at + 1], 1e-6, "mean of the last 6 (7) - 12");
        assertEquals(-8.5f, out[at + 2], 1e-6, "mean of the last 12 (3.5) - 12");
        // changes d = 0 x 6, 2 x 6: mean 1, variance 1, mean lagged product 20 / 11 -> (20/11 - 1) / 1
        assertEquals(9f / 11, out[at + 3], 1e-6);
        assertEquals((float) Math.log(2), out[at + 4], 1e-6, "last 6 changes average 2 against 1");
        assertEquals(7f / 13, out[at + 5], 1e-6, "7 of 13 steps idle");
        assertEquals(0f, out[at + 6], "the newest value is the largest");
        assertEquals(-12f, out[at + 7], "the smallest is 0");
        assertEquals(1f, out[at + 8], "the class comes after the shape inputs");
        assertEquals(WindowFeatures.SHAPE, f.layout());
        assertEquals(WindowFeatures.LAGS, WindowFeatures.of(13, Collections.emptyList()).layout());
    }

    @Test
    void shapeInputsOfAnAlternatingSeriesShowNegativeAutocorrelation() {
        WindowFeatures f = WindowFeatures.of(16, Collections.emptyList(), WindowFeatures.SHAPE);
        double[] v = new double[16];
        for (int i = 0; i < v.length; i++) {
            v[i] = 100 + (i % 2 == 0 ? 5 : -5);
        }
        float[] out = new float[f.inputCount()];
        assertTrue(f.encode(v, 0, null, out, 0, new double[2], 0));
        int at = f.regimeInput() + 1;
        assertTrue(out[at + 3] < -0.9, "noise around a level: " + out[at + 3]);
        assertEquals(0f, out[at + 5], "never idle");
        assertEquals(0f, out[at + 4], 1e-6, "as agitated now as over the window");
    }

    @Test
    void stepRatiosTellNoiseFromRampsAndFeedTheBounds() {
        WindowFeatures f = WindowFeatures.of(13, Collections.emptyList(), WindowFeatures.SHAPE);
        float[] r = new float[3];
        double[] ramp = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        f.stepRatios(ramp, 0, 1.0, 3, r, 0);
        assertEquals(1f, r[0]);
        assertEquals(2f, r[1], "a ramp moves 2 in 2 steps");
        assertEquals(3f, r[2]);
        double[] alternating = {5, -5, 5, -5, 5, -5, 5, -5, 5, -5, 5, -5, 5};
        f.stepRatios(alternating, 0, 10.0, 3, r, 0);
        assertEquals(1f, r[0]);
        assertEquals(1f, r[1], "0 apart in 2 steps, never below 1");
        assertEquals(1f, r[2]);
        f.stepRatios(new double[13], 0, 0.0, 3, r, 0);
        assertEquals(1f, r[2], "an idle window");
        // offsets are multiplied by the ratio only for a step-scaled calibration
        Calibration plain = Calibration.of(0.95, new double[0], new double[][] {{0.5, 0.5}}, true, false);
        Calibration scaled = Calibration.of(0.95, new double[0], new double[][] {{0.5, 0.5}}, true, true);
        assertEquals(1.5, plain.upper(0f, 1f, 0f, 1, 3f), 1e-9);
        assertEquals(2.5, scaled.upper(0f, 1f, 0f, 1, 3f), 1e-9);
        assertTrue(scaled.stepScaled());
        assertEquals("window-h-step", scaled.describe().get("scale"));
    }

    @Test
    void unknownLayoutsAndShortShapeWindowsAreRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> WindowFeatures.of(24, Collections.emptyList(), "lags+calendar"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> WindowFeatures.of(12, Collections.emptyList(), WindowFeatures.SHAPE));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TrainingOptions.defaults().withCalibrationBlocks(0));
    }

    @Test
    void calibrationBlocksCutEachSourceByTime() {
        java.util.List<org.ebbflow.predictor.TimeSeries> series = Fixtures.daily(1, 3000, 5);
        TrainingSet one = TrainingSet.of(series, Fixtures.tinyOptions());
        TrainingSet three = TrainingSet.of(series, Fixtures.tinyOptions().withCalibrationBlocks(3));
        TrainingSet.Part a = one.calibration();
        TrainingSet.Part b = three.calibration();
        assertEquals(a.size(), b.size());
        int[] count = new int[3];
        int last = 0;
        for (int i = 0; i < b.size(); i++) {
            assertEquals(0, a.source(i), "one source, one block");
            int g = b.source(i);
            assertTrue(g >= last, "blocks follow time");
            last = g;
            count[g]++;
        }
        for (int c : count) {
            assertTrue(Math.abs(c - b.size() / 3) <= 2, java.util.Arrays.toString(count));
        }
        assertEquals(3, three.options().describe().get("calibrationBlocks"));
    }

    @Test
    void idleWindowsAreForecastAsTheirValueAndEmptyOnesAsNaN() {
        LearnedPredictor p = Fixtures.handMlp();
        FeatureWindow w = Fixtures.windows(Collections.singletonList(org.ebbflow.predictor.TimeSeries.of("z", "t",
                0, Fixtures.STEP, new double[400], null, "bps")), 4, 50);
        Forecast f = p.forecast(w);
        for (int b = 0; b < f.batch(); b++) {
            assertEquals(0f, f.mean(b, 0));
            assertEquals(0f, f.upper(b, 1));
        }
        double[] nan = new double[400];
        Arrays.fill(nan, Double.NaN);
        Forecast g = p.forecast(Fixtures.windows(Collections.singletonList(org.ebbflow.predictor.TimeSeries.of("n",
                "t", 0, Fixtures.STEP, nan, null, "bps")), 4, 50));
        assertTrue(Float.isNaN(g.mean(0, 0)));
    }

    @Test
    void generatorIsSeededAndSpecRoundTrips() {
        DataCenterTraffic g = SyntheticSpec.parse("synthetic:series=5,length=500,seed=3,classes=web+batch");
        assertEquals("synthetic:series=5,length=500,seed=3,classes=web+batch", g.spec());
        assertEquals(Arrays.toString(g.generate().get(4).values()), Arrays.toString(g.generate().get(4).values()));
        assertEquals("web", g.generate().get(0).taskClass());
        for (double v : g.generate().get(2).values()) {
            assertTrue(v >= 0 && !Double.isNaN(v));
        }
    }

    @Test
    void learnedClassesAreJava11Bytecode() throws IOException {
        for (Class<?> c : Arrays.asList(LearnedPredictor.class, ModelFiles.class, MlpRegressor.class,
                org.ebbflow.predictor.learned.tribuo.TribuoTrainer.class,
                org.ebbflow.predictor.learned.dl4j.LstmTrainer.class, DataCenterTraffic.class)) {
            try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class");
                 DataInputStream d = new DataInputStream(in)) {
                assertEquals(0xCAFEBABE, d.readInt());
                d.readUnsignedShort();
                assertEquals(55, d.readUnsignedShort(), c + " must be Java 11 bytecode");
            }
        }
    }
}
