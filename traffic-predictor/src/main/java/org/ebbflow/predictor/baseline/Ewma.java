package org.ebbflow.predictor.baseline;

import org.ebbflow.flowstats.features.FeatureWindow;

/**
 * Exponentially weighted moving average of the receive rate ({@code RATE_IN_BPS}): the level starts at the first
 * observed value of the window and moves by {@code alpha} times each new observation's difference from it; NaN steps
 * leave it unchanged. Every step ahead is the level. Bounds from its own residuals ({@link ResidualBaseline}).
 *
 * <p><b>Default alpha 0.5.</b> A weight that halves each step (half-life one step, mean age of the level about one
 * step) keeps the level close to persistence, which is strong on network traffic at polling intervals, while
 * averaging out single-step spikes; after the 48-step default window the starting value weighs 0.5^48, nothing.
 * Smaller alphas (0.1 to 0.3, common for smooth demand) lag the daily ramps of traffic by many steps. The choice is
 * checked on the shared data in {@code RESULTS-baselines.md}. Immutable, thread-safe.
 */
public final class Ewma extends ResidualBaseline {
    /** The name in reports and on the command line. */
    public static final String NAME = "ewma";
    /** The default smoothing weight of a new observation. */
    public static final double DEFAULT_ALPHA = 0.5;

    private final double alpha;

    private Ewma(long stepMillis, int horizon, int windowSteps, double quantile, double alpha) {
        super(NAME, rateSpec(windowSteps, stepMillis), horizon, quantile);
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1]: " + alpha);
        }
        this.alpha = alpha;
    }

    /** @return EWMA with alpha {@value #DEFAULT_ALPHA} over {@link #DEFAULT_WINDOW_STEPS} steps, 0.95 bounds */
    public static Ewma create(long stepMillis, int horizon) {
        return create(stepMillis, horizon, DEFAULT_WINDOW_STEPS, DEFAULT_QUANTILE, DEFAULT_ALPHA);
    }

    /**
     * @param stepMillis the step of the series, milliseconds
     * @param horizon H, at least 1
     * @param windowSteps window length, at least 1
     * @param quantile of the upper bounds, in (0, 1)
     * @param alpha weight of a new observation, in (0, 1]; 1 is persistence
     */
    public static Ewma create(long stepMillis, int horizon, int windowSteps, double quantile, double alpha) {
        return new Ewma(stepMillis, horizon, windowSteps, quantile, alpha);
    }

    /** @return the weight of a new observation */
    public double alpha() {
        return alpha;
    }

    @Override
    protected Run newRun(FeatureWindow window, int b, double[] x) {
        return new Run() {
            private double level = Double.NaN;

            @Override
            protected void observe(int t, double v) {
                if (Double.isNaN(v)) {
                    return;
                }
                level = Double.isNaN(level) ? v : level + alpha * (v - level);
            }

            @Override
            protected double forecast(int h) {
                return level;
            }
        };
    }
}
