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
