package org.ebbflow.predictor.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.ebbflow.flowstats.features.Feature;
import org.ebbflow.flowstats.features.FeatureSpec;
import org.ebbflow.flowstats.features.FeatureWindow;
import org.ebbflow.predictor.Forecast;
import org.ebbflow.predictor.TimeSeries;
import org.ebbflow.predictor.TrafficPredictor;
import org.ebbflow.predictor.baseline.Baselines;
import org.ebbflow.predictor.baseline.Persistence;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
    private static final long STEP = 60_000;
    private static final double EPS = 1e-9;

    /** Always 5, bound 7; NaN for windows whose newest value is {@code nanAfter} or more. */
    private static final class Five implements TrafficPredictor {
        private final double nanAfter;

        Five(double nanAfter) {
            this.nanAfter = nanAfter;
        }

        @Override
        public String name() {
            return "five";
        }

        @Override
        public FeatureSpec featureSpec() {
            return FeatureSpec.of(Collections.singletonList(Feature.RATE_IN_BPS), 1, STEP);
        }

        @Override
        public int horizon() {
            return 2;
        }

        @Override
        public double quantile() {
            return 0.95;
        }

        @Override
        public Forecast forecast(FeatureWindow w) {
            float[] m = new float[w.batch() * 2];
            float[] u = new float[m.length];
            for (int b = 0; b < w.batch(); b++) {
                boolean nan = w.get(b, 0, 0) >= nanAfter;
                for (int h = 0; h < 2; h++) {
                    m[b * 2 + h] = nan ? Float.NaN : 5;
                    u[b * 2 + h] = nan ? Float.NaN : 7;
                }
            }
            return Forecast.of(name(), w.batch(), 2, 0.95, STEP, m, u);
        }
    }

    private static TimeSeries series(String name, double... v) {
        return TimeSeries.of(name, "test", 0, STEP, v, null, "bps");
    }

    private static final TimeSeries ONE_TO_TEN = series("a", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);

    @Test
    void handComputedMetrics() {
        // Evaluation part: the last 2 of 10 steps; H = 1: origins 8 and 9, actuals 9 and 10.
        List<TrafficPredictor> ps = Arrays.asList(Persistence.create(STEP, 1, 3, 0.95), new Five(1e9));
        EvaluationResult r = Evaluator.builder(1).build().evaluate(ps, Collections.singletonList(ONE_TO_TEN));
        assertEquals(2, r.points());
        assertEquals(2, r.scored());
        assertEquals(1, r.series());
        Metrics p = r.metrics("persistence");
        // Forecasts 8 and 9: errors 1, 1; bound: residuals in the window 1, 1 -> +1: 9 and 10, both covered.
        assertEquals(1, p.mae(), EPS);
        assertEquals(1, p.rmse(), EPS);
        assertEquals(2.0 / 19, p.nmae(), EPS);
        assertEquals(1, p.coverage(), EPS);
        assertEquals(0, p.excess(), EPS);
        Metrics f = r.metrics("five");
        assertEquals(4.5, f.mae(), EPS);
        assertEquals(Math.sqrt(20.5), f.rmse(), EPS);
        assertEquals(9.0 / 19, f.nmae(), EPS);
        assertEquals(0, f.coverage(), EPS);
        assertEquals(-2.5 / 9.5, f.excess(), EPS);
        assertEquals(1 - 4.5, f.skillVs(p), EPS);
        assertEquals(f.nmae(), f.nmae(1), EPS);
    }

    @Test
    void perStepAndSkips() {
        // H = 2, 20% of 10: origins 8 only (8 + 2 <= 10). Persistence forecasts 8 for steps 8 and 9.
        TimeSeries s = series("a", 1, 2, 3, 4, 5, 6, 7, 8, 9, Double.NaN);
        List<TrafficPredictor> ps = Arrays.asList(Persistence.create(STEP, 2, 3, 0.95), new Five(1e9));
        EvaluationResult r = Evaluator.builder(2).build().evaluate(ps, Arrays.asList(s, series("short", 1, 2)));
        assertEquals(1, r.points());
        assertEquals(1, r.scored());
        assertEquals(1, r.skippedNaNActual());
        assertEquals(1, r.seriesWithoutPoints());
        Metrics p = r.metrics("persistence");
        assertEquals(1, p.mae(1), EPS);
        assertTrue(Double.isNaN(p.mae(2)));
        // Evaluate the last half: origins 5..8 for H = 2.
        EvaluationResult half = Evaluator.builder(2).evalFraction(0.5).build()
            .evaluate(ps, Collections.singletonList(ONE_TO_TEN));
        assertEquals(4, half.points());
        assertEquals(1, half.metrics("persistence").mae(1), EPS);
        assertEquals(2, half.metrics("persistence").mae(2), EPS);
    }

    @Test
    void aMissingForecastSkipsThePointForEveryone() {
        // Five has no forecast when the newest value is >= 9: origin 9 (window holds 9) is skipped for both.
        List<TrafficPredictor> ps = Arrays.asList(Persistence.create(STEP, 1, 3, 0.95), new Five(9));
        EvaluationResult r = Evaluator.builder(1).build().evaluate(ps, Collections.singletonList(ONE_TO_TEN));
        assertEquals(2, r.points());
        assertEquals(1, r.scored());
        assertEquals(1, r.skippedNoForecast());
        assertEquals(1, r.metrics("persistence").count());
        assertEquals(1, r.metrics("five").count());
    }

    @Test
    void batchingDoesNotChangeTheFigures() {
        List<TimeSeries> many = new ArrayList<>();
        for (int k = 0; k < 7; k++) {
            double[] v = new double[200];
            for (int i = 0; i < v.length; i++) {
                v[i] = 100 + 50 * Math.sin(i / (5.0 + k)) + (i * 7919 % 13);
            }
            many.add(series("s" + k, v));
        }
        List<TrafficPredictor> ps = Baselines.all(STEP, 3);
        EvaluationResult big = Evaluator.builder(3).build().evaluate(ps, many);
        EvaluationResult small = Evaluator.builder(3).batchSize(5).build().evaluate(ps, many);
        assertEquals(7 * 38, big.points());
        for (int i = 0; i < ps.size(); i++) {
            assertEquals(big.metrics().get(i).rmse(), small.metrics().get(i).rmse(), 1e-6);
            assertEquals(big.metrics().get(i).coverage(), small.metrics().get(i).coverage(), 0);
        }
    }

    @Test
    void aStepFreePredictorGetsWindowsOfTheSeriesStep() {
        // Five records a one-minute step but reads any window; the series are at two minutes.
        TimeSeries twoMinutes = TimeSeries.of("b", "test", 0, 2 * STEP, ONE_TO_TEN.values(), null, "bps");
        EvaluationResult r = Evaluator.builder(1).build().evaluate(
            Arrays.asList(Persistence.create(2 * STEP, 1, 3, 0.95), new Five(1e9)),
            Collections.singletonList(twoMinutes));
        assertEquals(2, r.scored());
        assertEquals(4.5, r.metrics("five").mae(), EPS);
        assertEquals(2 * STEP, r.stepMillis());
    }

    @Test
    void checks() {
        Evaluator e = Evaluator.builder(3).build();
        List<TimeSeries> one = Collections.singletonList(ONE_TO_TEN);
        assertThrows(IllegalArgumentException.class, () -> e.evaluate(Collections.emptyList(), one));
        assertThrows(IllegalArgumentException.class, () -> e.evaluate(Collections.singletonList(new Five(0)), one));
        assertThrows(IllegalArgumentException.class, () -> e.evaluate(
            Arrays.asList(Persistence.create(STEP, 3), Persistence.create(STEP, 3)), one));
        // A baseline is not step-free: it rejects windows of another step.
        assertThrows(IllegalArgumentException.class, () -> Evaluator.builder(1).build().evaluate(
            Collections.singletonList(Persistence.create(2 * STEP, 1)), one));
        assertThrows(IllegalArgumentException.class, () -> e.evaluate(
            Collections.singletonList(Persistence.create(STEP, 3)),
            Arrays.asList(ONE_TO_TEN, TimeSeries.of("b", "t", 0, 2 * STEP, new double[3], null, "bps"))));
        assertThrows(IllegalArgumentException.class, () -> Evaluator.builder(0).build());
        assertThrows(IllegalArgumentException.class, () -> Evaluator.builder(1).evalFraction(0).build());
    }
}
