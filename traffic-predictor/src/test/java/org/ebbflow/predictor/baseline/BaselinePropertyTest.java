package org.ebbflow.predictor.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.ebbflow.predictor.Forecast;
import org.ebbflow.predictor.TrafficPredictor;

/** Invariants of every baseline on random series with gaps. */
class BaselinePropertyTest {
    private static final long STEP = 1_000;

    @Provide
    Arbitrary<double[]> rates() {
        Arbitrary<Double> value = Arbitraries.frequencyOf(
            Tuple.of(8, Arbitraries.doubles().between(0, 1e10)),
            Tuple.of(1, Arbitraries.just(0.0)),
            Tuple.of(2, Arbitraries.just(Double.NaN)));
        return value.list().ofMinSize(1).ofMaxSize(80)
            .map(l -> l.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Provide
    Arbitrary<String> baseline() {
        return Arbitraries.of(Baselines.NAMES);
    }

    private static TrafficPredictor create(String name, int horizon, int window, double q) {
        switch (name) {
            case Persistence.NAME:
                return Persistence.create(STEP, horizon, window, q);
            case Ewma.NAME:
                return Ewma.create(STEP, horizon, window, q, Ewma.DEFAULT_ALPHA);
            case Holt.NAME:
                return Holt.create(STEP, horizon, window, q, Holt.DEFAULT_ALPHA, Holt.DEFAULT_BETA);
            default:
                return SeasonalNaive.create(STEP, horizon, window, q, 7 * STEP);
        }
    }

    @Property
    void upperAtLeastMeanAndNothingNegative(@ForAll("rates") double[] x, @ForAll("baseline") String name,
                                            @ForAll @IntRange(min = 1, max = 6) int horizon,
                                            @ForAll @IntRange(min = 1, max = 60) int window,
                                            @ForAll @DoubleRange(min = 0.5, max = 0.99) double q) {
        TrafficPredictor p = create(name, horizon, window, q);
        Forecast f = p.forecast(Windows.of(p.featureSpec(), x));
        boolean anyObserved = Arrays.stream(x, Math.max(0, x.length - p.featureSpec().windowSteps()), x.length)
            .anyMatch(v -> !Double.isNaN(v));
        for (int h = 0; h < horizon; h++) {
            float m = f.mean(0, h);
            float u = f.upper(0, h);
            if (Float.isNaN(m)) {
                assertTrue(Float.isNaN(u));
                assertTrue(!anyObserved || name.equals(SeasonalNaive.NAME), "NaN with data in the window");
            } else {
                assertTrue(m >= 0, "mean " + m);
                assertTrue(u >= m, u + " < " + m);
                assertTrue(Float.isFinite(u), "upper " + u);
            }
        }
    }

    @Property
    void constantSeriesAreForecastExactly(@ForAll @DoubleRange(min = 0, max = 1e11) double c,
                                          @ForAll @IntRange(min = 2, max = 60) int length,
                                          @ForAll("baseline") String name,
                                          @ForAll @IntRange(min = 1, max = 6) int horizon) {
        double[] x = new double[length];
        Arrays.fill(x, c);
        TrafficPredictor p = create(name, horizon, 48, 0.95);
        Forecast f = p.forecast(Windows.of(p.featureSpec(), x));
        for (int h = 0; h < horizon; h++) {
            if (name.equals(Persistence.NAME)) {
                assertEquals((float) c, f.mean(0, h), 0);
                assertEquals(f.mean(0, h), f.upper(0, h), 0, "zero-width bound");
            } else {
                assertEquals(c, f.mean(0, h), Math.max(1e-6, c * 1e-6));
                assertEquals(f.mean(0, h), f.upper(0, h), Math.max(1e-6, c * 1e-6));
            }
        }
    }
}
