package org.ebbflow.predictor.baseline;

import java.util.concurrent.atomic.LongAdder;
import org.ebbflow.flowstats.features.Feature;
import org.ebbflow.flowstats.features.FeatureWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seasonal-naive on the receive rate ({@code RATE_IN_BPS}): the forecast for a step is the value of the same step one
 * season earlier (default one day: "same time yesterday"); for {@code h} beyond a season, {@code ceil(h / season)}
 * seasons earlier. Bounds from its own residuals ({@link ResidualBaseline}).
 *
 * <p><b>Where yesterday comes from.</b> When the season S is longer than the horizon H, the feature spec asks for one
 * lag channel of {@code S - H} steps: at window step {@code t} it holds the rate at {@code t - S + H}, so its last H
 * steps are the seasonal values of steps 1..H ahead and the earlier ones those of the residual origins. A live
 * {@link org.ebbflow.flowstats.features.FeatureExtractor} reads such a lag from the store's coarse tier (the default
 * store keeps 25 hours at five minutes), so the value is the mean of the coarse step that contains it. When S is not
 * longer than H, the window itself is made at least S long and no lag is used.
 *
 * <p><b>Fallback.</b> Where the seasonal value is NaN (the series is younger than a season, the store does not reach
 * back that far, a gap), the forecast is persistence (the last observed value of the window). Final forecasts that
 * fell back are counted ({@link #fallbackCount()}; running totals at DEBUG after each batch). Immutable apart from
 * those counters; thread-safe.
 */
public final class SeasonalNaive extends ResidualBaseline {
    /** The name in reports and on the command line. */
    public static final String NAME = "seasonal-naive";
    /** The default season: one day. */
    public static final long DEFAULT_SEASON_MILLIS = 86_400_000L;

    private static final Logger log = LoggerFactory.getLogger(SeasonalNaive.class);

    private final int seasonSteps;
    private final int lagSteps;
    private final LongAdder fallbacks = new LongAdder();
    private final LongAdder forecasts = new LongAdder();

    private SeasonalNaive(long stepMillis, int horizon, int windowSteps, double quantile, int seasonSteps) {
        super(NAME, seasonSteps > horizon ? rateSpec(windowSteps, stepMillis, seasonSteps - horizon)
                : rateSpec(Math.max(windowSteps, seasonSteps), stepMillis), horizon, quantile);
        this.seasonSteps = seasonSteps;
        this.lagSteps = seasonSteps > horizon ? seasonSteps - horizon : 0;
    }

    /** @return seasonal-naive with a one-day season over {@link #DEFAULT_WINDOW_STEPS} steps, 0.95 bounds */
    public static SeasonalNaive create(long stepMillis, int horizon) {
        return create(stepMillis, horizon, DEFAULT_WINDOW_STEPS, DEFAULT_QUANTILE, DEFAULT_SEASON_MILLIS);
    }

    /**
     * @param stepMillis the step of the series, milliseconds
     * @param horizon H, at least 1
     * @param windowSteps window length for the residuals, at least 1
     * @param quantile of the upper bounds, in (0, 1)
     * @param seasonMillis the season, rounded to whole steps (at least one)
     */
    public static SeasonalNaive create(long stepMillis, int horizon, int windowSteps, double quantile,
                                       long seasonMillis) {
        if (stepMillis <= 0 || seasonMillis <= 0) {
            throw new IllegalArgumentException("step and season must be positive: " + stepMillis + ", " + seasonMillis);
        }
        long steps = Math.max(1, Math.round(seasonMillis / (double) stepMillis));
        if (steps > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("season of " + steps + " steps is too long");
        }
        return new SeasonalNaive(stepMillis, horizon, windowSteps, quantile, (int) steps);
    }

    /** @return the season in steps */
    public int seasonSteps() {
        return seasonSteps;
    }

    /** @return the lag channel this predictor reads, in steps; 0 if the season fits in the window */
    public int lagSteps() {
        return lagSteps;
    }

    /** @return how many final forecasts (series times steps ahead) fell back to persistence, since creation */
    public long fallbackCount() {
        return fallbacks.sum();
    }

    /** @return how many final forecasts (series times steps ahead) were made, since creation */
    public long forecastCount() {
        return forecasts.sum();
    }

    @Override
    protected Run newRun(FeatureWindow window, int b, double[] x) {
        int c = lagSteps == 0 ? -1 : window.spec().channelOf(Feature.RATE_IN_BPS, lagSteps);
        double[] lag = null;
        if (c >= 0) {
            lag = new double[window.steps()];
            for (int t = 0; t < lag.length; t++) {
                lag[t] = window.get(b, t, c);
            }
        }
        return new SeasonalRun(x, lag);
    }

    @Override
    protected void afterBatch(int batch) {
        forecasts.add((long) batch * horizon());
        if (log.isDebugEnabled()) {
            log.debug("{} of {} forecasts so far fell back to persistence (no value one season earlier)",
                    fallbacks.sum(), forecasts.sum());
        }
    }

    /** Seasonal values from the window and the lag channel, persistence where they are NaN. */
    private final class SeasonalRun extends Run {
        private final double[] x;
        private final double[] lag;
        private final Persistence.LastValue fallback = new Persistence.LastValue();
        private int current = -1;
        private boolean counting;

        SeasonalRun(double[] x, double[] lag) {
            this.x = x;
            this.lag = lag;
        }

        @Override
        protected void observe(int t, double v) {
            fallback.observe(t, v);
            current = t;
        }

        @Override
        protected void finalOrigin() {
            counting = true;
        }

        @Override
        protected double forecast(int h) {
            int seasons = (h + seasonSteps - 1) / seasonSteps;
            double v = valueAt(current + h - seasons * seasonSteps);
            if (!Double.isNaN(v)) {
                return v;
            }
            double p = fallback.forecast(h);
            if (counting && !Double.isNaN(p)) {
                fallbacks.increment();
            }
            return p;
        }

        /** @return the rate at window step {@code j} (negative: before the window, from the lag channel) */
        private double valueAt(int j) {
            if (j >= 0) {
                return x[j];
            }
            int t = j + lagSteps;
            return lag != null && t >= 0 && t < lag.length ? lag[t] : Double.NaN;
        }
    }
}
