package org.ebbflow.predictor.learned;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.ebbflow.flowstats.features.Feature;
import org.ebbflow.flowstats.features.FeatureSpec;
import org.ebbflow.flowstats.features.FeatureWindow;
import org.ebbflow.flowstats.features.MissingPolicy;
import org.ebbflow.flowstats.features.SeriesFeatures;
import org.ebbflow.predictor.TimeSeries;

/** Small generated series and windows for the learned-model tests. */
final class Fixtures {
    static final long STEP = 300_000;
    static final int DAY = 288;

    private Fixtures() {
    }

    /**
     * Series with a clear daily pattern (2x swing) plus independent noise of 15 % of the level: the noise makes
     * persistence pay twice, a model that averages it away wins.
     */
    static List<TimeSeries> daily(int count, int length, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<TimeSeries> out = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            double scale = 1e6 * (1 + 99 * r.nextDouble());
            double phase = r.nextDouble() * DAY;
            double[] v = new double[length];
            for (int t = 0; t < length; t++) {
                double level = 1 + (1.0 / 3) * Math.sin(2 * Math.PI * (t + phase) / DAY);
                v[t] = scale * Math.max(0, level * (1 + 0.15 * gaussian(r)));
            }
            out.add(TimeSeries.of("s" + s, "test:daily", 0, STEP, v, null, "bps"));
        }
        return out;
    }

    static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    static TrainingOptions tinyOptions() {
        return TrainingOptions.defaults().withWindowSteps(12).withHorizon(3).withEpochs(3, 2).withStride(3);
    }

    /** @return windows of W steps ending at every {@code every}-th step of the last part of each series */
    static FeatureWindow windows(List<TimeSeries> series, int w, int every) {
        FeatureSpec spec = FeatureSpec.of(Arrays.asList(Feature.RATE_IN_BPS), w, STEP);
        List<FeatureWindow> parts = new ArrayList<>();
        for (TimeSeries s : series) {
            int n = s.length();
            List<Long> ends = new ArrayList<>();
            for (int e = n - 200; e <= n; e += every) {
                ends.add((long) e);
            }
            long[] a = new long[ends.size()];
            for (int i = 0; i < a.length; i++) {
                a[i] = ends.get(i);
            }
            parts.add(SeriesFeatures.regular(spec, s.name(), 0, s.values(), null).windows(a, MissingPolicy.KEEP_NAN));
        }
        return FeatureWindow.concat(parts);
    }

    /** A hand-built MLP with a quantile head: 2 steps, 4 outputs. */
    static LearnedPredictor handMlpWithQuantileHead() {
        WindowFeatures f = WindowFeatures.of(4, new ArrayList<>());
        int d = f.inputCount();
        float[] w1 = new float[d * 2];
        for (int i = 0; i < w1.length; i++) {
            w1[i] = (i % 5 - 2) / 10f;
        }
        float[] w2 = {0.5f, -0.25f, 1.5f, 1.0f, 0.2f, -0.1f, 0.8f, 0.9f};
        MlpRegressor m = MlpRegressor.of(new int[] {d, 2, 4}, new float[][] {w1, w2},
                new float[][] {{0.1f, 0f}, {0f, 0.05f, 1f, 1.2f}});
        Calibration c = Calibration.of(0.9, new double[0], new double[][] {{-0.5, 0.25}}, true);
        FeatureSpec spec = FeatureSpec.of(Arrays.asList(Feature.RATE_IN_BPS), 4, STEP);
        return new LearnedPredictor("mlp", spec, f, m, c, Provenance.forTraining("mlp",
                new java.util.LinkedHashMap<>(), new ArrayList<>(), 7));
    }

    /** A hand-built MLP predictor: no training library needed. */
    static LearnedPredictor handMlp() {
        WindowFeatures f = WindowFeatures.of(4, Arrays.asList("web", "batch"));
        int d = f.inputCount();
        float[] w1 = new float[d * 3];
        for (int i = 0; i < w1.length; i++) {
            w1[i] = (i % 7 - 3) / 10f;
        }
        float[] w2 = {0.5f, -0.25f, 0.125f, 0.3f, 0.2f, -0.1f};
        MlpRegressor m = MlpRegressor.of(new int[] {d, 3, 2}, new float[][] {w1, w2},
                new float[][] {{0.1f, 0f, -0.1f}, {0f, 0.05f}});
        Calibration c = Calibration.of(0.95, new double[] {1.0}, new double[][] {{1.5, 2.0}, {2.5, 3.0}});
        FeatureSpec spec = FeatureSpec.of(Arrays.asList(Feature.RATE_IN_BPS), 4, STEP);
        return new LearnedPredictor("mlp", spec, f, m, c, Provenance.forTraining("mlp",
                new java.util.LinkedHashMap<>(), new ArrayList<>(), 7));
    }
}
