package org.ebbflow.predictor.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.ebbflow.flowstats.features.Feature;
import org.ebbflow.flowstats.features.FeatureSpec;
import org.ebbflow.flowstats.features.FeatureWindow;
import org.ebbflow.predictor.Forecast;
import org.ebbflow.predictor.TrafficPredictor;
import org.junit.jupiter.api.Test;

/** Each baseline against values computed by hand (in the comments) on five-step windows. */
class BaselinesTest {
    private static final long STEP = 1_000;
    private static final double EPS = 1e-5;
    private static final double[] X = {1, 2, 4, 3, 5};

    private static Forecast run(TrafficPredictor p, double... x) {
        return p.forecast(Windows.of(p.featureSpec(), x));
    }

    @Test
    void persistence() {
        // Mean: the last value, 5. Residuals h=1: 2-1, 4-2, 3-4, 5-3 = 1, 2, -1, 2; n = 4, rank ceil(5 x 0.95) = 5 > 4:
        // the largest, 2. h=2: 4-1, 3-2, 5-4 = 3, 1, 1: largest 3.
        Forecast f = run(Persistence.create(STEP, 2, 5, 0.95), X);
        assertEquals(5, f.mean(0, 0), 0);
        assertEquals(5, f.mean(0, 1), 0);
        assertEquals(7, f.upper(0, 0), 0);
        assertEquals(8, f.upper(0, 1), 0);
        assertEquals("persistence", f.predictor());
        // q = 0.4: rank ceil(5 x 0.4) = 2 of -1, 1, 2, 2 -> 1.
        assertEquals(6, run(Persistence.create(STEP, 1, 5, 0.4), X).upper(0, 0), 0);
        // q = 0.1: rank 1 -> -1, but never below the mean.
        assertEquals(5, run(Persistence.create(STEP, 1, 5, 0.1), X).upper(0, 0), 0);
    }

    @Test
    void ewma() {
        // Level with alpha 0.5: 1, 1.5, 2.75, 2.875, 3.9375. Residuals h=1: 2-1, 4-1.5, 3-2.75, 5-2.875
        // = 1, 2.5, 0.25, 2.125: largest 2.5.
        Forecast f = run(Ewma.create(STEP, 1, 5, 0.95, 0.5), X);
        assertEquals(3.9375, f.mean(0, 0), EPS);
        assertEquals(6.4375, f.upper(0, 0), EPS);
        // alpha 1 is persistence.
        assertEquals(5, run(Ewma.create(STEP, 1, 5, 0.95, 1.0), X).mean(0, 0), 0);
    }

    @Test
    void holt() {
        // alpha 0.5, beta 0.1. (level, trend): (1, 0); (1.5, 0.05); (2.775, 0.1725); (2.97375, 0.175125);
        // (4.0744375, 0.26768125). Means: 4.34211875 and 4.6098. One-step forecasts from t = 0..3: 1, 1.55, 2.9475,
        // 3.148875; residuals 1, 2.45, 0.0525, 1.851125: largest 2.45.
        Forecast f = run(Holt.create(STEP, 2, 5, 0.95, 0.5, 0.1), X);
        assertEquals(4.34211875, f.mean(0, 0), EPS);
        assertEquals(4.6098, f.mean(0, 1), EPS);
        assertEquals(4.34211875 + 2.45, f.upper(0, 0), EPS);
        // Two-step forecasts from t = 0..2: 1, 1.6, 3.12; residuals 4-1, 3-1.6, 5-3.12 = 3, 1.4, 1.88: largest 3.
        assertEquals(4.6098 + 3, f.upper(0, 1), EPS);
    }

    @Test
    void holtClampsAtZero() {
        // alpha = beta = 1: level = last value 2, trend = last difference -2. Step 1: 0, step 2: -2 -> 0.
        Forecast f = run(Holt.create(STEP, 3, 5, 0.95, 1, 1), 10, 8, 6, 4, 2);
        assertEquals(0, f.mean(0, 0), 0);
        assertEquals(0, f.mean(0, 1), 0);
        assertEquals(0, f.mean(0, 2), 0);
        // A NaN step advances the level by the trend: 10, 8, (6), 4 -> level 4, trend -2 -> 2.
        assertEquals(2, run(Holt.create(STEP, 1, 4, 0.95, 1, 1), 10, 8, Double.NaN, 4).mean(0, 0), EPS);
    }

    @Test
    void seasonalNaiveReadsTheLagChannel() {
        // Season 4 steps, H = 1: lag channel of 3 steps. Window 6 over steps 6..11, lag over 3..8.
        SeasonalNaive p = SeasonalNaive.create(STEP, 1, 6, 0.95, 4 * STEP);
        assertEquals(4, p.seasonSteps());
        assertEquals(3, p.lagSteps());
        FeatureSpec spec = p.featureSpec();
        assertEquals(3, spec.maxLag());
        assertTrue(spec.channelOf(Feature.RATE_IN_BPS, 3) > 0);
        double[] v = {5, 1, 2, 3, 5, 1, 2, 3, 6, 1, 3, 3};
        Forecast f = run(p, v);
        // Step 12 is one season after step 8: 6. Residuals of window steps 7..11 against steps 3..7:
        // 3-3, 6-5, 1-1, 3-2, 3-3 = 0, 1, 0, 1, 0: largest 1.
        assertEquals(6, f.mean(0, 0), 0);
        assertEquals(7, f.upper(0, 0), 0);
        assertEquals(0, p.fallbackCount());
        assertEquals(1, p.forecastCount());
    }

    @Test
    void seasonalNaiveFallsBackToPersistenceAndCounts() {
        SeasonalNaive p = SeasonalNaive.create(STEP, 2, 6, 0.95, 4 * STEP);
        // Only six steps: nothing one season before steps 7 and 8 ... except inside the window. H = 2, lag 2:
        // step 6 <- step 2 (window step 2 = 2), step 7 <- step 3 (= 3).
        Forecast f = run(p, 0, 1, 2, 3, 4, 5);
        assertEquals(2, f.mean(0, 0), 0);
        assertEquals(3, f.mean(0, 1), 0);
        assertEquals(0, p.fallbackCount());
        // Step 2 unobserved: step 6 falls back to persistence (5).
        Forecast g = run(p, 0, 1, Double.NaN, 3, 4, 5);
        assertEquals(5, g.mean(0, 0), 0);
        assertEquals(3, g.mean(0, 1), 0);
        assertEquals(1, p.fallbackCount());
        assertEquals(4, p.forecastCount());
    }

    @Test
    void seasonalNaiveShortSeasonUsesTheWindow() {
        // Season 2 <= H = 3: no lag; window at least the season. Step 6 <- 4, 7 <- 5, 8 <- 6 <- 4 (two seasons).
        SeasonalNaive p = SeasonalNaive.create(STEP, 3, 4, 0.95, 2 * STEP);
        assertEquals(0, p.lagSteps());
        Forecast f = run(p, 9, 9, 1, 2, 3, 4);
        assertEquals(3, f.mean(0, 0), 0);
        assertEquals(4, f.mean(0, 1), 0);
        assertEquals(3, f.mean(0, 2), 0);
    }

    @Test
    void nanStepsAreSkippedAndEmptySeriesGiveNaN() {
        double nan = Double.NaN;
        Forecast f = run(Persistence.create(STEP, 1, 5, 0.95), 1, nan, 2, nan, nan);
        assertEquals(2, f.mean(0, 0), 0);
        // Only one residual (step 2 from step 0): 1.
        assertEquals(3, f.upper(0, 0), 0);
        for (TrafficPredictor p : Baselines.all(STEP, 2)) {
            Forecast g = p.forecast(Windows.of(p.featureSpec(), new double[60]).select(new int[0]));
            assertEquals(0, g.batch());
            double[] empty = new double[60];
            Arrays.fill(empty, nan);
            Forecast e = run(p, empty);
            assertTrue(Float.isNaN(e.mean(0, 0)) && Float.isNaN(e.upper(0, 1)), p.name());
        }
    }

    @Test
    void batchesForecastEverySeriesInOrder() {
        TrafficPredictor p = Persistence.create(STEP, 1, 3, 0.95);
        Forecast f = p.forecast(FeatureWindow.concat(Arrays.asList(
            Windows.of(p.featureSpec(), 1, 1, 1), Windows.of(p.featureSpec(), 2, 4, 6))));
        assertEquals(2, f.batch());
        assertEquals(1, f.mean(0, 0), 0);
        assertEquals(6, f.mean(1, 0), 0);
        assertEquals(8, f.upper(1, 0), 0);
    }

    @Test
    void quantileRule() {
        double[] v = new double[20];
        for (int i = 0; i < 20; i++) {
            v[i] = 20 - i;
        }
        // n = 19: rank ceil(20 x 0.95) = 19, the largest; n = 20: rank ceil(21 x 0.95) = 20, again the largest;
        // n = 40 would be rank 39.
        assertEquals(20, ResidualBaseline.quantileOf(v.clone(), 19, 0.95), 0);
        assertEquals(20, ResidualBaseline.quantileOf(v.clone(), 20, 0.95), 0);
        assertEquals(11, ResidualBaseline.quantileOf(v.clone(), 20, 0.5), 0); // rank ceil(10.5) = 11 of 1..20
        assertTrue(Double.isNaN(ResidualBaseline.quantileOf(v, 0, 0.95)));
    }

    @Test
    void factoryAndChecks() {
        assertEquals(Baselines.NAMES.size(), Baselines.all(STEP, 1).size());
        for (String n : Baselines.NAMES) {
            TrafficPredictor p = Baselines.create(n, 300_000, 12);
            assertEquals(n, p.name());
            assertEquals(12, p.horizon());
            assertEquals(0.95, p.quantile(), 0);
            assertEquals(300_000, p.featureSpec().stepMillis());
        }
        assertEquals(288 - 12, ((SeasonalNaive) Baselines.create("seasonal-naive", 300_000, 12)).lagSteps());
        assertThrows(IllegalArgumentException.class, () -> Baselines.create("arima", STEP, 1));
        assertThrows(IllegalArgumentException.class, () -> Ewma.create(STEP, 1, 5, 0.95, 0));
        assertThrows(IllegalArgumentException.class, () -> Persistence.create(STEP, 0, 5, 0.95));
        TrafficPredictor p = Persistence.create(STEP, 1);
        assertThrows(IllegalArgumentException.class,
            () -> p.forecast(Windows.of(Persistence.create(2 * STEP, 1).featureSpec(), 1, 2)));
    }
}
