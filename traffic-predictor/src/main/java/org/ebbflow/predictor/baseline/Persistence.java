package org.ebbflow.predictor.baseline;

import org.ebbflow.flowstats.features.FeatureWindow;

/**
 * Persistence: every step ahead is the last observed receive rate ({@code RATE_IN_BPS}) of the window. The hardest
 * baseline at short horizons. Bounds from its own residuals ({@link ResidualBaseline}). Immutable, thread-safe.
 */
public final class Persistence extends ResidualBaseline {
    /** The name in reports and on the command line. */
    public static final String NAME = "persistence";

    private Persistence(long stepMillis, int horizon, int windowSteps, double quantile) {
        super(NAME, rateSpec(windowSteps, stepMillis), horizon, quantile);
    }

    /** @return persistence over {@link #DEFAULT_WINDOW_STEPS} steps with 0.95 bounds */
    public static Persistence create(long stepMillis, int horizon) {
        return create(stepMillis, horizon, DEFAULT_WINDOW_STEPS, DEFAULT_QUANTILE);
    }

    /**
     * @param stepMillis the step of the series, milliseconds
     * @param horizon H, at least 1
     * @param windowSteps window length: the last observed value is searched over it and its residuals bound the
     *                    forecasts; at least 1
     * @param quantile of the upper bounds, in (0, 1)
     */
    public static Persistence create(long stepMillis, int horizon, int windowSteps, double quantile) {
        return new Persistence(stepMillis, horizon, windowSteps, quantile);
    }

    @Override
    protected Run newRun(FeatureWindow window, int b, double[] x) {
        return new LastValue();
    }

    /** The last observed value; also the seasonal-naive fallback. */
    static final class LastValue extends Run {
        private double last = Double.NaN;

        @Override
        protected void observe(int t, double x) {
            if (!Double.isNaN(x)) {
                last = x;
            }
        }

        @Override
        protected double forecast(int h) {
            return last;
        }
    }
}
