package org.ebbflow.predictor.baseline;

import java.util.Arrays;
import java.util.Objects;
import org.ebbflow.flowstats.features.Feature;
import org.ebbflow.flowstats.features.FeatureSpec;
import org.ebbflow.flowstats.features.FeatureWindow;
import org.ebbflow.predictor.Forecast;
import org.ebbflow.predictor.TrafficPredictor;

/**
 * The shared engine of the baselines: a method that reads one series step by step, forecasts from its state, and
 * bounds its forecasts by its own recent errors. Immutable and thread-safe; subclasses supply the method.
 *
 * <p><b>Input.</b> Only the {@link Feature#RATE_IN_BPS} channel of the window is read (and, for seasonal-naive, its
 * lag channel); forecasts are receive rates in bit/s (or the series' unit). A window of another layout is accepted
 * if it has that channel and the predictor's step.
 *
 * <p><b>Mean.</b> The method reads the window's steps oldest first; a NaN step is skipped (the method's state stands
 * still, or advances by its own forecast for Holt). Its forecasts for steps 1..H after the newest step are the means,
 * clamped at 0. A series without any observed step in the window gets NaN means and bounds.
 *
 * <p><b>Upper bound.</b> The method is also run as if each earlier window step were the newest: at every origin
 * {@code t} it forecasts steps {@code t+1..t+H}, and where the window holds an observed value for step {@code t+h}
 * the signed error {@code actual - forecast} joins the residuals of horizon {@code h}. Horizon {@code h}'s bound is
 * the mean plus the empirical {@code q}-quantile of its residuals, never less than the mean: with {@code n} residuals
 * sorted ascending, the quantile is the {@code k}-th with {@code k = ceil((n + 1) q)} (the split-conformal rank, so
 * the bound covers a new error with probability at least {@code q} when errors are exchangeable). <b>Small samples:
 * </b> when {@code k > n} (fewer than {@code q / (1 - q)} residuals, 19 at q = 0.95) the largest residual is used,
 * which covers with probability only about {@code n / (n + 1)}; a horizon with no residual at all (window shorter
 * than {@code h + 1} observed steps) takes the offset of the nearest shorter horizon that has one, or 0. A longer
 * window gives more residuals; the default of {@link #DEFAULT_WINDOW_STEPS} steps keeps them recent.
 */
public abstract class ResidualBaseline implements TrafficPredictor {
    /** The default window: 48 steps (four hours at five minutes), enough residuals for a 0.95 bound. */
    public static final int DEFAULT_WINDOW_STEPS = 48;
    /** The default quantile of the upper bounds. */
    public static final double DEFAULT_QUANTILE = 0.95;

    private final String name;
    private final FeatureSpec spec;
    private final int horizon;
    private final double quantile;

    /**
     * @param spec what windows this predictor asks for; must have {@link Feature#RATE_IN_BPS}
     * @param horizon H, at least 1
     * @param quantile of the upper bounds, in (0, 1)
     */
    protected ResidualBaseline(String name, FeatureSpec spec, int horizon, double quantile) {
        this.name = Objects.requireNonNull(name, "name");
        this.spec = Objects.requireNonNull(spec, "spec");
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be at least 1: " + horizon);
        }
        if (!(quantile > 0 && quantile < 1)) {
            throw new IllegalArgumentException("quantile must be in (0, 1): " + quantile);
        }
        if (spec.channelOf(Feature.RATE_IN_BPS) < 0) {
            throw new IllegalArgumentException("a baseline reads RATE_IN_BPS, which the spec lacks: " + spec);
        }
        this.horizon = horizon;
        this.quantile = quantile;
    }

    /** @return a spec of the receive rate alone over {@code windowSteps}, with the given lags */
    static FeatureSpec rateSpec(int windowSteps, long stepMillis, int... lags) {
        return FeatureSpec.builder(windowSteps, stepMillis).features(Feature.RATE_IN_BPS).lags(lags).build();
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final FeatureSpec featureSpec() {
        return spec;
    }

    @Override
    public final int horizon() {
        return horizon;
    }

    @Override
    public final double quantile() {
        return quantile;
    }

    /**
     * One method's pass over one series of a window. {@link #observe} is called for every window step in order;
     * {@link #forecast} after it forecasts from the steps observed so far.
     */
    protected abstract static class Run {
        /** @param x the value at window step {@code t}, NaN if unobserved */
        protected abstract void observe(int t, double x);

        /** @return the forecast for {@code h} steps after the last observed step (unclamped), NaN without data */
        protected abstract double forecast(int h);

        /** Called once before the final forecasts (after the newest step), e.g. to start counting fallbacks. */
        protected void finalOrigin() {
        }
    }

    /**
     * @param window the batch
     * @param b the series
     * @param x the series' rates over the window, oldest first, NaN where unobserved
     * @return a new run of the method over that series
     */
    protected abstract Run newRun(FeatureWindow window, int b, double[] x);

    /** Called after every series of a batch has been forecast, e.g. to log counts. */
    protected void afterBatch(int batch) {
    }

    @Override
    public final Forecast forecast(FeatureWindow window) {
        FeatureSpec ws = window.spec();
        if (ws.stepMillis() != spec.stepMillis()) {
            throw new IllegalArgumentException(name + ": window step " + ws.stepMillis() + " ms, predictor step "
                    + spec.stepMillis() + " ms");
        }
        int c = ws.channelOf(Feature.RATE_IN_BPS);
        if (c < 0) {
            throw new IllegalArgumentException(name + ": the window has no RATE_IN_BPS channel: " + ws);
        }
        int batch = window.batch();
        int w = window.steps();
        float[] mean = new float[batch * horizon];
        float[] upper = new float[batch * horizon];
        double[] x = new double[w];
        double[][] preds = new double[w][horizon];
        double[][] residuals = new double[horizon][w];
        int[] counts = new int[horizon];
        double[] offsets = new double[horizon];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < w; t++) {
                x[t] = window.get(b, t, c);
            }
            Run run = newRun(window, b, x);
            boundOffsets(run, x, preds, residuals, counts, offsets);
            run.observe(w - 1, x[w - 1]);
            run.finalOrigin();
            for (int h = 0; h < horizon; h++) {
                double m = run.forecast(h + 1);
                int i = b * horizon + h;
                if (Double.isNaN(m)) {
                    mean[i] = Float.NaN;
                    upper[i] = Float.NaN;
                } else {
                    m = Math.max(0, m);
                    mean[i] = (float) m;
                    upper[i] = (float) (m + offsets[h]);
                }
            }
        }
        afterBatch(batch);
        return Forecast.of(name, batch, horizon, quantile, spec.stepMillis(), mean, upper);
    }

    /**
     * Runs the method over all window steps but the newest, forecasting from each, and fills {@code offsets} with
     * the bound's offset per horizon.
     */
    private void boundOffsets(Run run, double[] x, double[][] preds, double[][] residuals, int[] counts,
                                double[] offsets) {
        int w = x.length;
        Arrays.fill(counts, 0);
        for (int t = 0; t < w - 1; t++) {
            run.observe(t, x[t]);
            for (int h = 1; h <= horizon && t + h < w; h++) {
                preds[t][h - 1] = run.forecast(h);
            }
        }
        for (int t = 0; t < w - 1; t++) {
            for (int h = 1; h <= horizon && t + h < w; h++) {
                double p = preds[t][h - 1];
                double a = x[t + h];
                if (!Double.isNaN(p) && !Double.isNaN(a)) {
                    residuals[h - 1][counts[h - 1]++] = a - Math.max(0, p);
                }
            }
        }
        double last = 0;
        for (int h = 0; h < horizon; h++) {
            if (counts[h] > 0) {
                last = Math.max(0, quantileOf(residuals[h], counts[h], quantile));
            }
            offsets[h] = last;
        }
    }

    /**
     * The empirical quantile rule of the bounds (see the class comment); sorts the first {@code n} values.
     *
     * @return the {@code ceil((n + 1) q)}-th smallest of the first {@code n} values, or the largest if that rank
     *     exceeds {@code n}; NaN if {@code n = 0}
     */
    static double quantileOf(double[] values, int n, double q) {
        if (n == 0) {
            return Double.NaN;
        }
        Arrays.sort(values, 0, n);
        long k = (long) Math.ceil((n + 1) * q - 1e-9); // 20 x 0.95 is 19, not 19.000000000000004
        return values[(int) Math.min(n, Math.max(1, k)) - 1];
    }

    @Override
    public String toString() {
        return name + "{horizon=" + horizon + ", q=" + quantile + ", " + spec.toText() + "}";
    }
}
